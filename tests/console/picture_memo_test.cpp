#include "console/picture_memo.h"

#include "headless_imgui_test.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

namespace parley::console {
namespace {

class PictureMemoTest : public testing::HeadlessImGuiTest {
protected:
    // One frame with a window saying `text`; returns its draw data.
    const ImDrawData& draw(const std::string& text) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::Begin("Desk");
        ImGui::TextUnformatted(text.c_str());
        ImGui::Button("Accept next");
        button_centre_ = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                                (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
        ImGui::End();
        ImGui::Render();
        return *ImGui::GetDrawData();
    }

    // Shows the settled picture of `text` on a 1280 x 800 canvas: a new window takes a few
    // frames to size itself, after which its frames repeat.
    void show_settled(const std::string& text) {
        for (int frame = 0; frame < 3; ++frame) {
            draw(text);
        }
        memo.unchanged(draw(text), 1280, 800);
    }

    PictureMemo memo;
    ImVec2 button_centre_;
};

TEST_F(PictureMemoTest, TheFirstPictureIsNew) {
    EXPECT_FALSE(memo.unchanged(draw("Queue (1)"), 1280, 800));
}

TEST_F(PictureMemoTest, TheSamePictureAgainIsUnchanged) {
    show_settled("Queue (1)");
    EXPECT_TRUE(memo.unchanged(draw("Queue (1)"), 1280, 800));
    EXPECT_TRUE(memo.unchanged(draw("Queue (1)"), 1280, 800));
}

TEST_F(PictureMemoTest, ADifferentTextIsANewPicture) {
    show_settled("Queue (1)");
    EXPECT_FALSE(memo.unchanged(draw("Queue (2)"), 1280, 800));
    EXPECT_TRUE(memo.unchanged(draw("Queue (2)"), 1280, 800));
}

TEST_F(PictureMemoTest, AResizedCanvasIsANewPictureEvenWithTheSameDrawLists) {
    show_settled("Queue (1)");
    // The browser clears a canvas whose size changes: it must be drawn again.
    EXPECT_FALSE(memo.unchanged(draw("Queue (1)"), 2560, 1600));
}

TEST_F(PictureMemoTest, AHoveredButtonIsANewPicture) {
    ImGui::GetIO().MousePos = ImVec2(1000, 700);
    show_settled("Queue (1)");
    ImGui::GetIO().MousePos = button_centre_;
    EXPECT_FALSE(memo.unchanged(draw("Queue (1)"), 1280, 800));
}

}  // namespace
}  // namespace parley::console
