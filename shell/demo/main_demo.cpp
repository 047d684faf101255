// Browser entry point of the no-install demo: the same console as the served one, but its
// Link and sign-in are the in-page core's (InPageDemo), which the frame clock drives.
// Nothing here opens a connection: the page needs only the files beside it.
#include "browser_frame.h"
#include "console/console_app.h"
#include "console/outbox.h"
#include "glyph_watch_link.h"
#include "in_page_demo.h"
#include "page_activity.h"

#include <emscripten.h>

#include <cstdint>
#include <memory>

namespace {

struct DemoConsole {
    parley::shell::BrowserFrame frame;
    std::unique_ptr<parley::demo::InPageDemo> demo;
    std::unique_ptr<parley::shell::GlyphWatchLink> watched_link;
    std::unique_ptr<parley::console::ConsoleApp> app;
};

DemoConsole g_demo;

// "?seed=N" brings the same customers again (for a test, or to show someone what you saw);
// 0 when the address names none.
// clang-format off
EM_JS(double, js_seed_in_address, (), {
    const seed = Number(new URLSearchParams(window.location.search).get("seed"));
    return Number.isSafeInteger(seed) && seed > 0 ? seed : 0;
});
// clang-format on

// What the REST calls of the supervisors' and admins' views get here (audit history, accounts,
// API keys): those live in a server's store, and this page has none.
constexpr const char* kNoServer =
    R"({"code":"not_in_demo","message":"The in-page demo has no server: event histories, )"
    R"(accounts and API keys need a real Parley server (./parley run)."})";

void frame() {
    const parley::console::Clock clock = parley::shell::browser_clock();
    g_demo.demo->advance(clock);
    // The in-page floor's news counts as activity, as a server's message would.
    const bool activity = parley::shell::take_activity() || g_demo.demo->link().pending();
    g_demo.frame.run(*g_demo.app, clock, activity);
    for (const parley::console::ApiRequest& request : g_demo.app->take_api_requests()) {
        g_demo.app->api_answered({request.id, 501, kNoServer});
    }
}

}  // namespace

int main() {
    if (!g_demo.frame.open()) {
        return 1;
    }
    const parley::console::Clock start = parley::shell::browser_clock();
    // Otherwise each visit meets other customers.
    const double seed = js_seed_in_address();
    g_demo.demo = std::make_unique<parley::demo::InPageDemo>(
        seed > 0 ? static_cast<std::uint64_t>(seed) : static_cast<std::uint64_t>(start.wall_ms),
        start);
    g_demo.watched_link = std::make_unique<parley::shell::GlyphWatchLink>(g_demo.demo->link());
    g_demo.app = std::make_unique<parley::console::ConsoleApp>(
        *g_demo.watched_link, g_demo.demo->sign_in(), "demo", parley::console::Outbox::kRandomIds);
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
