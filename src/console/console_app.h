// The console as a whole: owns the connection, the session (replica and outbox) and the widget
// state; each frame it reads the link and the sign-in answers, builds the view model, draws,
// and sends what the views asked for. A shell calls frame() once per display frame between
// ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "console/announcer.h"
#include "console/api_calls.h"
#include "console/connection.h"
#include "console/frame_output.h"
#include "console/session.h"
#include "console/sign_in.h"
#include "console/ui_state.h"
#include "console/uploads.h"
#include "console/view_model.h"
#include "console/view_model_builder.h"
#include "console/views/console_view.h"
#include "console/views/top_bar.h"

#include <string>
#include <utility>
#include <vector>

namespace parley::console {

struct Clock {
    // Monotonic seconds, for retries, delays and typing.
    double seconds = 0;
    // Wall time in ms since the epoch, for waiting times and the core's checks.
    core::Timestamp wall_ms = 0;
};

class ConsoleApp {
public:
    ConsoleApp(Link& link, SignIn& sign_in, std::string platform, std::string command_prefix);

    void frame(const Clock& clock);
    // The parts of frame() around drawing, for tests that drive the console without ImGui.
    void update(const Clock& clock);
    void act(FrameOutput&& output, const Clock& clock);

    const ConsoleViewModel& view_model() const { return view_model_; }
    const FrameOutput& last_output() const { return last_output_; }
    UiState& ui() { return ui_; }
    const Session& session() const { return session_; }
    // What deserves the agent's attention since the last call (new chats waiting).
    std::vector<Notice> take_notices() { return std::exchange(notices_, {}); }
    // Attachment refs the agent asked to download since the last call.
    std::vector<std::string> take_downloads() { return std::exchange(downloads_, {}); }
    // A shell that can pick files says so; the composer then offers "Attach".
    void offer_file_picker() { file_picker_ = true; }
    // Files the agent asked to attach since the last call, for the shell to pick and upload.
    std::vector<UploadRequest> take_uploads() { return uploads_.take_requests(); }
    // What became of an upload (see uploads.h).
    void upload_reported(const UploadReport& report) { uploads_.report(report, ui_.drafts); }
    // REST calls the views asked for since the last call, for the shell to carry out as the
    // signed-in user, and their answers (see api_calls.h).
    std::vector<ApiRequest> take_api_requests() { return api_.take_requests(); }
    void api_answered(const ApiAnswer& answer) { api_.answered(answer); }

private:
    void on_sign_in_event(const SignInEvent& event);

    Connection connection_;
    SignIn& sign_in_;
    Session session_;
    UiState ui_;
    ConsoleViewModel view_model_;
    FrameOutput last_output_;
    Announcer announcer_;
    ViewModelCaches caches_;
    std::vector<Notice> notices_;
    std::vector<std::string> downloads_;
    Uploads uploads_;
    ApiCalls api_;
    bool file_picker_ = false;
    std::string sign_in_reason_;
    bool started_ = false;
};

}  // namespace parley::console
