// The console's REST calls in the browser: fetch on the page's own server, the session cookie
// going along. Answers arrive later, from promises, and wait here for the next frame.
#pragma once

namespace parley::console {
class ConsoleApp;
}

namespace parley::shell {

// Starts the calls the console asked for since the last frame and hands it the answers that
// arrived.
void exchange_api_calls(console::ConsoleApp& app);

}  // namespace parley::shell
