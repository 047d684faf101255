// Browser entry point of the served console: the WebSocket Link and the cookie sign-in, one
// console frame per animation frame (emscripten_set_main_loop; a while loop would freeze the
// page), and the file picker, downloads and REST calls that only a server makes possible.
#include "api_fetch.h"
#include "browser_frame.h"
#include "console/console_app.h"
#include "console/outbox.h"
#include "file_upload.h"
#include "glyph_watch_link.h"
#include "page_activity.h"
#include "page_glue.h"
#include "web_link.h"
#include "web_sign_in.h"

#include <emscripten.h>

#include <memory>
#include <string>

namespace {

struct WebConsole {
    parley::shell::BrowserFrame frame;
    std::unique_ptr<parley::shell::WebLink> link;
    std::unique_ptr<parley::shell::GlyphWatchLink> watched_link;
    std::unique_ptr<parley::shell::WebSignIn> sign_in;
    std::unique_ptr<parley::console::ConsoleApp> app;
};

WebConsole g_console;

void frame() {
    g_console.frame.run(*g_console.app, parley::shell::browser_clock(),
                        parley::shell::take_activity());
    for (const std::string& ref : g_console.app->take_downloads()) {
        parley::shell::download(ref);
    }
    parley::shell::exchange_uploads(*g_console.app);
    parley::shell::exchange_api_calls(*g_console.app);
}

}  // namespace

int main() {
    if (!g_console.frame.open()) {
        return 1;
    }
    g_console.link = std::make_unique<parley::shell::WebLink>(parley::shell::server_socket_url());
    g_console.watched_link = std::make_unique<parley::shell::GlyphWatchLink>(*g_console.link);
    g_console.sign_in = std::make_unique<parley::shell::WebSignIn>();
    g_console.app = std::make_unique<parley::console::ConsoleApp>(
        *g_console.watched_link, *g_console.sign_in, "web", parley::console::Outbox::kRandomIds);
    g_console.app->offer_file_picker();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
