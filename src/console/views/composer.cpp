#include "console/views/composer.h"

#include "console/canned.h"
#include "console/chat_key.h"
#include "console/format.h"
#include "console/theme.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>

namespace parley::console {

namespace {

// The agent stops "typing" for the customer after this long without a keystroke.
constexpr double kTypingIdleSeconds = 4.0;
constexpr std::size_t kCannedShown = 6;
constexpr const char* kNoFilePicker =
    "Attaching files needs the browser console and a Parley server: the desktop build has no "
    "file dialog, and the no-server demo has nowhere to keep files.";

// Hands a replacement text to the InputText while it is active (its own buffer wins over
// ours until then), and notes Tab, which picks the first canned response.
// Enter in a multi-line field inserts a new line, which is what Shift+Enter keeps doing; a
// plain Enter is taken here instead and the text handed over as sent, in the same frame, so
// the field stays active and nothing typed right after is lost.
int composer_callback(ImGuiInputTextCallbackData* data) {
    auto* ui = static_cast<UiState*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
        if (data->EventChar == '\n' && !ImGui::GetIO().KeyShift) {
            ui->composer_enter = true;
            return 1;
        }
        return 0;
    }
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion) {
        ui->composer_tab = true;
    }
    if (ui->composer_replacement) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, ui->composer_replacement->c_str());
        ui->composer_replacement.reset();
    }
    if (ui->composer_enter) {
        ui->composer_enter = false;
        ui->composer_submitted = std::string(data->Buf, static_cast<std::size_t>(data->BufTextLen));
        data->DeleteChars(0, data->BufTextLen);
    }
    return 0;
}

bool has_words(const std::string& text) {
    return text.find_first_not_of(" \n\t") != std::string::npos;
}

void set_typing(const ChatView& chat, Draft& draft, bool typing, FrameOutput& out) {
    if (draft.typing_sent != typing) {
        draft.typing_sent = typing;
        out.send(core::SetTyping{chat.id, typing}, {});
    }
}

// The canned responses matching what follows "/", above the composer; returns the chosen
// response's text with placeholders filled, if one was chosen.
std::optional<std::string> draw_canned(const ConsoleViewModel& model, const ChatView& chat,
                                       const Draft& draft, bool tab_pressed, FrameOutput& out) {
    if (draft.text.empty() || draft.text.front() != '/' || draft.note) {
        return std::nullopt;
    }
    const auto matches = matching_canned(model.canned, std::string_view(draft.text).substr(1));
    std::optional<std::string> chosen;
    ImGui::TextDisabled(matches.empty() ? "No canned response matches."
                                        : "Canned responses: Tab takes the first");
    for (std::size_t i = 0; i < matches.size() && i < kCannedShown; ++i) {
        const CannedView& canned = *matches[i];
        const std::string label =
            "/" + std::string(canned.shortcut) + "  " + std::string(canned.title);
        if (ImGui::Selectable(label.c_str(), i == 0) || (i == 0 && tab_pressed)) {
            chosen = expand_placeholders(canned.text, chat.customer, model.agent_name);
        }
        out.publish("canned/" + std::string(canned.shortcut), label);
    }
    return chosen;
}

// "Attach" under Send: messages only (notes carry no files), allowed when the message is, and
// only where the shell can pick files.
void draw_attach(const ConsoleViewModel& model, const ChatView& chat, const ActionState& allowed,
                 const ImVec2& size, FrameOutput& out) {
    ActionState attach = allowed;
    if (!model.file_picker) {
        attach.allowed = false;
        attach.reason = kNoFilePicker;
    }
    if (action_button("Attach…", attach, "composer.attach", out, size)) {
        out.attach = chat.id;
    }
}

// The files waiting for the next message, one on its way, or why the last one was refused.
void draw_attachments(Draft& draft, FrameOutput& out) {
    std::size_t removed = draft.attachments.size();
    for (std::size_t i = 0; i < draft.attachments.size(); ++i) {
        const core::Attachment& file = draft.attachments[i];
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
        ImGui::Text("Attached: %s (%s)", file.name.c_str(), format_size(file.size_bytes).c_str());
        ImGui::PopStyleColor();
        out.publish("composer.attachment/" + file.name, file.name);
        ImGui::SameLine();
        const std::string label = "Remove##attachment" + std::to_string(i);
        if (ImGui::SmallButton(label.c_str())) {
            removed = i;
        }
        out.publish("composer.remove/" + file.name, "Remove");
        ImGui::SameLine();
    }
    if (removed < draft.attachments.size()) {
        draft.attachments.erase(draft.attachments.begin() + static_cast<std::ptrdiff_t>(removed));
    }
    if (!draft.uploading.empty()) {
        ImGui::TextDisabled("Uploading %s…", draft.uploading.c_str());
        ImGui::SameLine();
    }
    if (!draft.upload_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kBad);
        ImGui::TextUnformatted(draft.upload_problem.c_str());
        ImGui::PopStyleColor();
        out.publish("composer.upload_problem", draft.upload_problem);
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

}  // namespace

void draw_composer(const ConsoleViewModel& model, const ChatView& chat, UiState& ui,
                   FrameOutput& out) {
    const double seconds = model.seconds;
    Draft& draft = ui.drafts[chat.id];
    if (auto chosen = draw_canned(model, chat, draft, ui.composer_tab, out)) {
        ui.composer_replacement = *chosen;
        draft.text = *chosen;
    }
    ui.composer_tab = false;

    const ActionState& allowed =
        chat.action(draft.note ? core::ChatAction::add_note : core::ChatAction::post_agent_message);
    if (ImGui::RadioButton("Message", !draft.note)) {
        draft.note = false;
    }
    out.publish("composer.message_mode", "Message");
    ImGui::SameLine();
    if (ImGui::RadioButton("Internal note", draft.note)) {
        draft.note = true;
    }
    out.publish("composer.note_mode", "Internal note");
    ImGui::SameLine();
    ImGui::TextDisabled(draft.note ? "Only staff see notes."
                                   : "Enter sends, Shift+Enter: new line, / canned");

    constexpr ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackAlways |
                                          ImGuiInputTextFlags_CallbackCompletion |
                                          ImGuiInputTextFlags_CallbackCharFilter;
    if (ui.focus_composer) {
        ImGui::SetKeyboardFocusHere();
        ui.focus_composer = false;
    }
    if (draft.note) {
        ImGui::PushStyleColor(ImGuiCol_FrameBg, theme::kNoteBackground);
    }
    const float send_width = ImGui::GetFontSize() * 6.0f;
    const std::string before = draft.text;
    input_multiline(
        "##composer", draft.text,
        ImVec2(ImGui::GetContentRegionAvail().x - send_width - ImGui::GetStyle().ItemSpacing.x,
               ImGui::GetTextLineHeight() * 3.2f),
        flags, composer_callback, &ui);
    if (draft.note) {
        ImGui::PopStyleColor();
    }
    out.publish("composer", draft.note ? "Internal note" : "Message", allowed.allowed,
                allowed.reason);
    if (draft.text != before) {
        draft.last_edit = seconds;
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    const ImVec2 button_size(send_width, 0);
    const bool clicked =
        action_button(draft.note ? "Add note" : "Send", allowed, "send", out, button_size);
    if (!draft.note) {
        draw_attach(model, chat, allowed, button_size, out);
    }
    ImGui::EndGroup();
    if (!draft.note) {
        draw_attachments(draft, out);
    }

    // Enter already emptied the field (see composer_callback); a click on Send did not.
    const std::optional<std::string> submitted = std::exchange(ui.composer_submitted, std::nullopt);
    const std::string text = submitted ? *submitted : draft.text;
    const bool files = !draft.note && !draft.attachments.empty();
    if ((submitted || clicked) && (has_words(text) || files) && allowed.allowed) {
        if (draft.note) {
            out.send(core::AddNote{chat.id, text}, "Add a note");
        } else {
            out.send(core::PostAgentMessage{chat.id, has_words(text) ? text : std::string(),
                                            std::exchange(draft.attachments, {})},
                     "Send a message");
        }
        draft.upload_problem.clear();
        draft.text.clear();
        ui.focus_composer = clicked;
        ui.scroll_to_end = true;
    } else if (submitted) {
        // Nothing to send, or not allowed: the text goes back where it was.
        ui.composer_replacement = *submitted;
        draft.text = *submitted;
    }
    const bool typing = !draft.note && has_words(draft.text) && allowed.allowed &&
                        seconds - draft.last_edit < kTypingIdleSeconds;
    set_typing(chat, draft, typing, out);
}

}  // namespace parley::console
