#include "file_upload.h"

#include "console/console_app.h"
#include "page_activity.h"

#include <emscripten.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace {

std::vector<parley::console::UploadReport> g_reports;

// JavaScript, not C++: clang-format would break its operators apart.
// clang-format off

// Browsers open a file picker only in answer to a user gesture: the click on "Attach" that
// this frame is handling still counts. A picker closed without a choice reports nothing.
// The server's JSON answer names the stored file; its download address is /api/attachments/ID.
EM_JS(void, js_pick_and_upload, (int id, const char* path_text), {
    const path = UTF8ToString(path_text);
    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain";
    picker.style.display = "none";
    const refused = function(message) {
        ccall("parley_upload_refused", null, ["number", "string"], [id, message]);
    };
    picker.addEventListener("change", function() {
        const file = picker.files[0];
        picker.remove();
        if (!file) return;
        ccall("parley_upload_started", null, ["number", "string"], [id, file.name]);
        fetch(path, {method: "POST", credentials: "same-origin", body: file,
                     headers: {"Content-Type": file.type || "application/octet-stream",
                               "X-File-Name": encodeURIComponent(file.name)}})
            .then(function(reply) {
                return reply.json().catch(function() { return {}; }).then(function(answer) {
                    if (!reply.ok) {
                        refused(answer.message || ("The server answered " + reply.status + "."));
                        return;
                    }
                    ccall("parley_upload_stored", null,
                          ["number", "string", "string", "number", "string"],
                          [id, answer.name, answer.content_type, answer.size,
                           "/api/attachments/" + answer.id]);
                });
            })
            .catch(function() {
                refused("The file could not be sent: the server cannot be reached.");
            });
    });
    picker.addEventListener("cancel", function() { picker.remove(); });
    document.body.appendChild(picker);
    picker.click();
});
// clang-format on

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void parley_upload_started(int id, const char* name) {
    g_reports.emplace_back(parley::console::UploadStarted{id, name});
    parley::shell::note_activity();
}

extern "C" EMSCRIPTEN_KEEPALIVE void parley_upload_stored(int id, const char* name,
                                                          const char* content_type, double size,
                                                          const char* ref) {
    g_reports.emplace_back(parley::console::UploadStored{
        id, {name, content_type, static_cast<std::uint64_t>(size), ref}});
    parley::shell::note_activity();
}

extern "C" EMSCRIPTEN_KEEPALIVE void parley_upload_refused(int id, const char* problem) {
    g_reports.emplace_back(parley::console::UploadRefused{id, problem});
    parley::shell::note_activity();
}

namespace parley::shell {

void exchange_uploads(console::ConsoleApp& app) {
    for (const console::UploadReport& report : std::exchange(g_reports, {})) {
        app.upload_reported(report);
    }
    for (const console::UploadRequest& request : app.take_uploads()) {
        js_pick_and_upload(request.id, request.path.c_str());
    }
}

}  // namespace parley::shell
