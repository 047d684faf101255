// The console as a whole: owns the connection and the widget state, builds the view model and
// draws one frame. A shell calls frame() once per display frame between ImGui::NewFrame()
// and ImGui::Render().
#pragma once

#include "console/connection.h"
#include "console/view_model.h"

#include <string>

namespace parley::console {

class ConsoleApp {
public:
    ConsoleApp(Link& link, std::string platform);

    void frame(double now_seconds);
    const ConsoleViewModel& view_model() const { return view_model_; }

private:
    Connection connection_;
    ConsoleViewModel view_model_;
};

// Draws the whole window from the view model (full-screen, no decorations).
void draw_console(const ConsoleViewModel& model);

}  // namespace parley::console
