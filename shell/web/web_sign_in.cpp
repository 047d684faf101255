#include "web_sign_in.h"

#include "page_activity.h"

#include <emscripten.h>

#include <utility>

namespace {

parley::shell::WebSignIn* g_sign_in = nullptr;

// JavaScript, not C++: clang-format would break its operators apart.
// clang-format off
EM_JS(void, js_sign_in, (const char* agent, const char* password), {
    // Signing in is a user gesture: the moment browsers let a page ask for notifications.
    if (window.Notification && Notification.permission === "default") {
        Notification.requestPermission().catch(function() {});
    }
    const body = JSON.stringify({agent: UTF8ToString(agent), password: UTF8ToString(password)});
    fetch("/api/session", {method: "POST", credentials: "same-origin",
                           headers: {"Content-Type": "application/json"}, body: body})
        .then(function(reply) {
            return reply.json().catch(function() { return {}; }).then(function(answer) {
                const message = reply.ok ? ""
                    : (answer.message || ("The server answered " + reply.status + "."));
                ccall("parley_sign_in_answer", null, ["number", "string"], [reply.ok ? 1 : 0, message]);
            });
        })
        .catch(function() {
            ccall("parley_sign_in_answer", null, ["number", "string"],
                  [0, "The server cannot be reached. Check the connection and try again."]);
        });
});

EM_JS(void, js_sign_out, (), {
    // JSON like every change made with the session cookie, though it has no body.
    fetch("/api/session", {method: "DELETE", credentials: "same-origin",
                           headers: {"Content-Type": "application/json"}})
        .catch(function() {})
        .then(function() { ccall("parley_signed_out", null, [], []); });
});
// clang-format on

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void parley_sign_in_answer(int ok, const char* message) {
    if (g_sign_in == nullptr) {
        return;
    }
    if (ok != 0) {
        g_sign_in->report(parley::console::SignedIn{});
    } else {
        g_sign_in->report(parley::console::SignInFailed{message});
    }
    parley::shell::note_activity();
}

extern "C" EMSCRIPTEN_KEEPALIVE void parley_signed_out() {
    if (g_sign_in != nullptr) {
        g_sign_in->report(parley::console::SignedOut{});
    }
    parley::shell::note_activity();
}

namespace parley::shell {

WebSignIn::WebSignIn() {
    g_sign_in = this;
}
WebSignIn::~WebSignIn() {
    g_sign_in = nullptr;
}

void WebSignIn::request(const std::string& agent, const std::string& password) {
    js_sign_in(agent.c_str(), password.c_str());
}

void WebSignIn::sign_out() {
    js_sign_out();
}

std::vector<console::SignInEvent> WebSignIn::drain() {
    return std::exchange(inbox_, {});
}

}  // namespace parley::shell
