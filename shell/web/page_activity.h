// Whether anything happened on the page since the console last looked: input of any kind
// (pointer, keys, wheel, text, focus, resize, the page shown again) or data the shell received
// (a WebSocket message, an answer to a call, an upload's report, a sign-in answer). The console
// draws while there is activity and rests at a low rate when there is none (FramePacer).
#pragma once

namespace parley::shell {

// Listens for the page's input events; once, before the first frame.
void install_activity_listeners();
// Called by the shell's own callbacks when data arrives.
void note_activity();
// Whether anything happened since the last call.
bool take_activity();
// Paces the page's main loop after each frame: at animation frames while the console settles
// (FramePacer::settling), by a timer at the idle rate while it rests. A loop of animation frames
// costs a tenth of a core even when nothing is drawn (the browser's frame clock runs through
// all its processes); any activity wakes a resting loop for the next animation frame.
void pace_main_loop(bool settling);

}  // namespace parley::shell
