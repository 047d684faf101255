#include "api_fetch.h"

#include "console/console_app.h"
#include "fallback_font.h"
#include "page_activity.h"

#include <emscripten.h>

#include <utility>
#include <vector>

namespace {

std::vector<parley::console::ApiAnswer> g_answers;

// JavaScript, not C++: clang-format would break its operators apart.
// clang-format off
EM_JS(void, js_api_fetch, (int id, const char* method_text, const char* path_text,
                           const char* body_text), {
    const method = UTF8ToString(method_text);
    const body = UTF8ToString(body_text);
    const init = {method: method, credentials: "same-origin",
                  headers: {"Accept": "application/json, text/csv"}};
    // The server takes changes made with the session cookie only as JSON (a bodiless DELETE
    // included): no other site's page can send that without asking first.
    if (method !== "GET" && method !== "HEAD") {
        init.headers["Content-Type"] = "application/json";
    }
    if (body.length > 0) {
        init.body = body;
    }
    fetch(UTF8ToString(path_text), init)
        .then(function(reply) {
            return reply.text().then(function(text) {
                ccall("parley_api_answered", null, ["number", "number", "string"],
                      [id, reply.status, text]);
            });
        })
        .catch(function() {
            ccall("parley_api_answered", null, ["number", "number", "string"],
                  [id, 0, "The server cannot be reached."]);
        });
});
// clang-format on

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void parley_api_answered(int id, int status, const char* body) {
    parley::shell::note_text(body);
    g_answers.push_back({id, status, body});
    parley::shell::note_activity();
}

namespace parley::shell {

void exchange_api_calls(console::ConsoleApp& app) {
    for (const console::ApiAnswer& answer : std::exchange(g_answers, {})) {
        app.api_answered(answer);
    }
    for (const console::ApiRequest& request : app.take_api_requests()) {
        js_api_fetch(request.id, request.method.c_str(), request.path.c_str(),
                     request.body.c_str());
    }
}

}  // namespace parley::shell
