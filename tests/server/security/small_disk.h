// Data folders on a filesystem of their own, so a test can fill it or make it read-only under a
// running server: a small tmpfs, or an ext4 image on a loop device (whose error switch turns it
// read-only the way a failing disk does). Mounting needs root; `mounted()` says whether it
// worked and `problem()` why not.
#pragma once

#include <filesystem>
#include <string>

namespace parley::server::testing {

class SmallDisk {
public:
    enum class Kind { tmpfs, ext4_image };

    SmallDisk(Kind kind, const std::string& size);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& problem() const { return problem_; }
    const std::filesystem::path& dir() const { return dir_; }

    // Writes a file until the filesystem refuses another byte.
    void fill();
    // Removes that file.
    void free_space();
    // ext4 image: raises a filesystem error, which remounts it read-only at once.
    bool make_read_only();
    // ext4 image: unmounts (every file on it must be closed), repairs and mounts it again.
    bool remount_repaired();

private:
    bool mount_image();

    std::filesystem::path dir_;
    std::filesystem::path image_;
    bool mounted_ = false;
    std::string problem_;
};

// Whether the test runs as root (mounting needs it).
bool running_as_root();

}  // namespace parley::server::testing
