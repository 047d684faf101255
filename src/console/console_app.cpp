#include "console/console_app.h"

#include "console/admin_model.h"
#include "console/resources_model.h"
#include "console/view_model_builder.h"

#include <algorithm>
#include <utility>

namespace parley::console {

namespace {
constexpr const char* kConsoleVersion = "0.1.0";
constexpr const char* kSessionEnded = "Your session has ended or expired. Sign in again.";
constexpr const char* kSignedOut = "You have signed out.";
}  // namespace

void UiState::open_chat(const core::ChatId& id) {
    if (std::find(open_chats.begin(), open_chats.end(), id) == open_chats.end()) {
        open_chats.push_back(id);
    }
    selected = id;
    // Asked again each time it is opened: an earlier answer may have been a refusal.
    archived_asked.reset();
    select_tab = true;
    focus_composer = true;
    scroll_to_end = true;
}

void UiState::close_chat(const core::ChatId& id) {
    std::erase(open_chats, id);
    drafts.erase(id);
    if (selected == id) {
        selected = open_chats.empty() ? std::nullopt : std::optional(open_chats.back());
        select_tab = true;
    }
}

ConsoleApp::ConsoleApp(Link& link, SignIn& sign_in, std::string platform,
                       std::string command_prefix)
    : connection_(link, "parley-console/" + std::string(kConsoleVersion) + " (" + platform + ")"),
      sign_in_(sign_in),
      session_(std::move(command_prefix)) {}

void ConsoleApp::frame(const Clock& clock) {
    update(clock);
    FrameOutput output;
    draw_console(view_model_, ui_, output);
    act(std::move(output), clock);
}

void ConsoleApp::update(const Clock& clock) {
    if (!started_) {
        // The browser may still hold a session cookie: try it before asking to sign in.
        started_ = true;
        connection_.start(std::nullopt);
    }
    for (const SignInEvent& event : sign_in_.drain()) {
        on_sign_in_event(event);
    }
    connection_.set_resume_from(session_.replica().resume_point());
    ConnectionUpdate update = connection_.update(clock.seconds);
    if (update.welcomed) {
        session_.welcomed(*update.welcomed);
        for (const std::string& text : session_.outbox().resend(clock.seconds)) {
            connection_.send(text);
        }
    }
    for (const std::string& text : update.messages) {
        if (!session_.receive(text, clock.seconds)) {
            session_.forget_replica();
            connection_.reconnect();
            break;
        }
    }
    if (connection_.view().status == ConnectionStatus::needs_sign_in && session_.actor()) {
        session_.end();
        ui_ = UiState{};
        api_.clear();
        caches_ = ViewModelCaches{};
        const std::string& because = connection_.view().ended_because;
        sign_in_reason_ = because.empty()
                              ? kSessionEnded
                              : "Your session has ended (" + because + "). Sign in again.";
    }
    caches_.archived.take(api_, session_.replica(), ui_.archived_asked);
    view_model_ =
        build_view_model(session_, connection_.view(), ui_, clock.wall_ms, clock.seconds, caches_);
    view_model_.console_version = kConsoleVersion;
    view_model_.file_picker = file_picker_;
    view_model_.sign_in_reason = sign_in_reason_;
    view_model_.api = &api_;
    if (view_model_.screen == Screen::desk && ui_.workspace == Workspace::analytics) {
        view_model_.analytics =
            &caches_.analytics.view(session_.replica().state(), session_.replica().version(), &api_,
                                    ui_.analytics, ui_.analytics_asked, clock.wall_ms);
    }
    if (view_model_.screen == Screen::desk && ui_.workspace == Workspace::all_chats) {
        view_model_.all_chats = &caches_.all_chats.view(session_.replica(), &api_, ui_.all_chats,
                                                        ui_.all_chats_asked, clock.wall_ms);
    }
    if (view_model_.screen == Screen::desk && ui_.workspace == Workspace::history) {
        view_model_.history = &build_history_view(session_.replica(), &api_, ui_, caches_.history);
    }
    if (view_model_.screen == Screen::desk && !may_open(ui_.workspace, view_model_.top)) {
        // The account lost the role (or never had it): back to what every agent has.
        ui_.workspace = Workspace::desk;
    }
    if (view_model_.screen == Screen::desk && ui_.workspace == Workspace::admin) {
        view_model_.admin = std::make_shared<const AdminView>(build_admin_view(
            session_.replica().state(), *session_.actor(), ui_.admin, &api_, clock.wall_ms));
    }
    if (view_model_.screen == Screen::desk && ui_.workspace == Workspace::desk) {
        view_model_.resources = std::make_shared<const ResourcesView>(
            build_resources_view(api_, ui_, view_model_.chat ? &*view_model_.chat : nullptr));
    }
    for (Notice& notice : announcer_.update(view_model_, session_.replica().state())) {
        notices_.push_back(std::move(notice));
    }
}

void ConsoleApp::act(FrameOutput&& output, const Clock& clock) {
    if (output.sign_in) {
        ui_.sign_in.busy = true;
        ui_.sign_in.problem.clear();
        sign_in_.request(output.sign_in->agent, output.sign_in->password);
    }
    if (output.sign_out) {
        sign_in_.sign_out();
    }
    if (output.dismiss_refusal) {
        session_.outbox().dismiss_refusal();
    }
    for (Outgoing& outgoing : output.commands) {
        // Sent now when connected; otherwise it waits in the outbox for the next welcome.
        connection_.send(
            session_.submit(std::move(outgoing.command), std::move(outgoing.what), clock.seconds));
    }
    output.commands.clear();
    for (std::string& ref : output.downloads) {
        downloads_.push_back(std::move(ref));
    }
    output.downloads.clear();
    if (output.attach) {
        uploads_.request(*output.attach);
    }
    for (ApiCall& call : output.api_calls) {
        api_.call(std::move(call));
    }
    output.api_calls.clear();
    output.frame = last_output_.frame + 1;
    last_output_ = std::move(output);
}

void ConsoleApp::on_sign_in_event(const SignInEvent& event) {
    if (const auto* signed_in = std::get_if<SignedIn>(&event)) {
        ui_.sign_in.busy = false;
        ui_.sign_in.password.clear();
        ui_.sign_in.problem.clear();
        sign_in_reason_.clear();
        connection_.start(signed_in->token);
    } else if (const auto* failed = std::get_if<SignInFailed>(&event)) {
        ui_.sign_in.busy = false;
        ui_.sign_in.problem = failed->message;
    } else {
        connection_.stop();
        session_.end();
        api_.clear();
        caches_ = ViewModelCaches{};
        const std::string agent = ui_.sign_in.agent;
        ui_ = UiState{};
        ui_.sign_in.agent = agent;
        sign_in_reason_ = kSignedOut;
    }
}

}  // namespace parley::console
