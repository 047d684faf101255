// The fixture of a test that draws: a headless ImGui context (headless_imgui.h) for each test.
#pragma once

#include "headless_imgui.h"

#include <gtest/gtest.h>

namespace parley::console::testing {

class HeadlessImGuiTest : public ::testing::Test {
protected:
    void SetUp() override { create_headless_imgui(); }
    void TearDown() override { ImGui::DestroyContext(); }
};

}  // namespace parley::console::testing
