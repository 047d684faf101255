// The desktop console's file picker for attachments: a small in-console file browser (Debian
// offers no portable native dialog without a toolkit). It opens when the composer asks to
// attach a file, lists one folder at a time (folders first, hidden files left out), enters a
// folder on a click or a typed path, and hands back the file chosen. Its widgets are published
// to the automation bridge like the console's (ids "file_picker.…"), so tests use it as a person
// does. Frame thread only; reads folders only when it opens or moves.
#pragma once

#include "console/frame_output.h"
#include "console/uploads.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace parley::shell {

struct PickedFile {
    console::UploadRequest request;
    std::filesystem::path file;
};

class FilePicker {
public:
    explicit FilePicker(std::filesystem::path folder);

    // Opens the picker for `request` (a later request replaces an open one).
    void open(console::UploadRequest request);
    // Draws it while open, between ImGui::NewFrame() and Render(); the file once chosen.
    std::optional<PickedFile> draw();
    // The widgets it published in the last frame it drew.
    const std::vector<console::AutomationItem>& published() const { return published_.items; }

private:
    struct Entry {
        std::string name;
        bool folder = false;
        std::uintmax_t size = 0;
    };

    void enter(const std::filesystem::path& folder);
    void draw_entries();

    std::optional<console::UploadRequest> request_;
    bool just_opened_ = false;
    std::filesystem::path folder_;
    std::vector<Entry> entries_;
    std::string problem_;
    std::optional<std::size_t> selected_;
    std::array<char, 1024> typed_{};
    console::FrameOutput published_;
};

}  // namespace parley::shell
