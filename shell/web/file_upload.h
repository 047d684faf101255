// Attaching files in the browser: a hidden <input type=file> opens the browser's file picker and
// the chosen file is POSTed with fetch to the chat's upload address (the session cookie goes
// along). The answers arrive later, from promises, and wait here for the next frame.
#pragma once

namespace parley::console {
class ConsoleApp;
}

namespace parley::shell {

// Opens the picker for each file the console asked for since the last frame and hands the
// console what the uploads reported (started, stored, refused with the server's sentence).
void exchange_uploads(console::ConsoleApp& app);

}  // namespace parley::shell
