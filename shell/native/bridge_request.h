// What a test asks of the desktop console's automation bridge, one JSON object a line: the
// same snapshot the browser console hands its page, and the input a person gives (pointer,
// buttons, keys, text), which the bridge feeds to ImGui as if it came from the window.
//
//   {"op":"snapshot"}                          the last drawn frame's summary (automation.h)
//   {"op":"mouse","x":640,"y":400}             the pointer moves (window pixels, as published)
//   {"op":"button","button":0,"down":true}     0 left, 1 right, 2 middle
//   {"op":"wheel","dy":-1}                     scroll by notches
//   {"op":"key","key":"Enter","down":true}     a key by its Playwright name ("Control", "v")
//   {"op":"text","text":"Привет"}              characters typed
//   {"op":"focus","focused":false}             the person turned to another window (or back)
//   {"op":"frames","count":2}                  answered once that many frames are drawn
//   {"op":"screenshot","path":"/tmp/a.png"}    answered once the next frame is saved as a PNG
//   {"op":"stats","reset":true}                how long frames take (frame_stats.h); with reset,
//                                              counting starts again after the answer
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace parley::shell {

struct AskSnapshot {};
struct MovePointer {
    float x = 0;
    float y = 0;
};
struct SetButton {
    int button = 0;
    bool down = false;
};
struct ScrollWheel {
    float notches = 0;
};
struct SetKey {
    std::string key;
    bool down = false;
};
struct TypeText {
    std::string text;
};
struct SetFocus {
    bool focused = true;
};
struct WaitFrames {
    int count = 1;
};
struct SaveScreenshot {
    std::string path;
};
struct AskStats {
    bool reset = false;
};
// A line the bridge could not read, with the reason for the test's log.
struct BadRequest {
    std::string problem;
};

using BridgeRequest =
    std::variant<AskSnapshot, MovePointer, SetButton, ScrollWheel, SetKey, TypeText, SetFocus,
                 WaitFrames, SaveScreenshot, AskStats, BadRequest>;

BridgeRequest parse_bridge_request(std::string_view line);

}  // namespace parley::shell
