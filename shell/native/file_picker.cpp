#include "file_picker.h"

#include "console/format.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <system_error>
#include <utility>

namespace parley::shell {
namespace {

constexpr const char* kTitle = "Attach a file";

void show_path(std::array<char, 1024>& buffer, const std::filesystem::path& path) {
    const std::string text = path.string();
    const std::size_t length = std::min(text.size(), buffer.size() - 1);
    std::memcpy(buffer.data(), text.data(), length);
    buffer[length] = '\0';
}

}  // namespace

FilePicker::FilePicker(std::filesystem::path folder) : folder_(std::move(folder)) {}

void FilePicker::open(console::UploadRequest request) {
    request_ = std::move(request);
    just_opened_ = true;
    enter(folder_);
}

void FilePicker::enter(const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::directory_iterator listing(folder, error);
    if (error) {
        problem_ = folder.string() + ": " + error.message();
        return;
    }
    std::vector<Entry> entries;
    for (const auto& entry : listing) {
        std::string name = entry.path().filename().string();
        if (name.starts_with(".")) {
            continue;
        }
        std::error_code ignored;
        const bool is_folder = entry.is_directory(ignored);
        entries.push_back({std::move(name), is_folder, is_folder ? 0 : entry.file_size(ignored)});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
    folder_ = folder;
    entries_ = std::move(entries);
    selected_.reset();
    problem_.clear();
    show_path(typed_, folder_);
}

void FilePicker::draw_entries() {
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f;
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    std::optional<std::filesystem::path> into;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const Entry& entry = entries_[i];
        const std::string shown = entry.folder
                                      ? entry.name + "/"
                                      : entry.name + "  (" + console::format_size(entry.size) + ")";
        if (ImGui::Selectable((shown + "##" + std::to_string(i)).c_str(), selected_ == i)) {
            if (entry.folder) {
                into = folder_ / entry.name;
            } else {
                selected_ = i;
            }
        }
        published_.publish("file_picker.entry/" + entry.name, shown);
    }
    ImGui::EndChild();
    if (into) {
        enter(*into);
    }
}

std::optional<PickedFile> FilePicker::draw() {
    published_.items.clear();
    if (!request_) {
        return std::nullopt;
    }
    if (just_opened_) {
        ImGui::OpenPopup(kTitle);
        just_opened_ = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(display.x * 0.6f, display.y * 0.7f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    // Opaque: the transcript behind must not show through the list.
    ImGui::SetNextWindowBgAlpha(1.0f);
    std::optional<PickedFile> picked;
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        request_.reset();
        return std::nullopt;
    }
    if (console::published_button("Up", "file_picker.up", published_) &&
        folder_.has_parent_path()) {
        enter(folder_.parent_path());
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Open").x - ImGui::GetStyle().FramePadding.x * 4);
    const bool typed = ImGui::InputText("##folder", typed_.data(), typed_.size(),
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    published_.publish("file_picker.folder", "Folder");
    ImGui::SameLine();
    if (console::published_button("Open", "file_picker.open", published_) || typed) {
        enter(std::filesystem::path(typed_.data()));
    }
    if (!problem_.empty()) {
        ImGui::TextWrapped("%s", problem_.c_str());
    }
    draw_entries();
    const bool chosen = selected_.has_value();
    ImGui::TextDisabled("%s", chosen ? (folder_ / entries_[*selected_].name).c_str()
                                     : "Choose a file, or a folder to open.");
    ImGui::BeginDisabled(!chosen);
    if (ImGui::Button("Attach") && chosen) {
        picked = PickedFile{*request_, folder_ / entries_[*selected_].name};
    }
    ImGui::EndDisabled();
    published_.publish("file_picker.choose", "Attach", chosen,
                       chosen ? "" : "Choose a file first.");
    ImGui::SameLine();
    const bool cancelled = console::published_button("Cancel", "file_picker.cancel", published_) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (picked || cancelled) {
        request_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return picked;
}

}  // namespace parley::shell
