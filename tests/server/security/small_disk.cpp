#include "small_disk.h"

#include "support/test_server.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace parley::server::testing {
namespace {

bool run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// The block device mounted at `dir` ("loop3"), from /proc/mounts.
std::string device_at(const std::filesystem::path& dir) {
    std::ifstream mounts("/proc/mounts");
    std::string line;
    while (std::getline(mounts, line)) {
        std::istringstream fields(line);
        std::string device;
        std::string point;
        fields >> device >> point;
        if (point == dir.string()) {
            return std::filesystem::path(device).filename().string();
        }
    }
    return {};
}

}  // namespace

bool running_as_root() {
    return ::geteuid() == 0;
}

SmallDisk::SmallDisk(Kind kind, const std::string& size) : dir_(fresh_temp_dir("parley-disk-")) {
    if (kind == Kind::tmpfs) {
        const std::string options = "size=" + size;
        mounted_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) == 0;
        if (!mounted_) {
            problem_ = std::string("mount tmpfs: ") + std::strerror(errno);
        }
        return;
    }
    image_ = dir_.string() + ".img";
    if (!run("truncate -s " + size + " " + image_.string()) ||
        !run("mkfs.ext4 -q -F " + image_.string())) {
        problem_ = "could not make an ext4 image (truncate, mkfs.ext4)";
        return;
    }
    mounted_ = mount_image();
}

SmallDisk::~SmallDisk() {
    if (mounted_) {
        ::umount2(dir_.c_str(), MNT_DETACH);
    }
    std::error_code ignored;
    std::filesystem::remove(dir_, ignored);
    if (!image_.empty()) {
        std::filesystem::remove(image_, ignored);
    }
}

bool SmallDisk::mount_image() {
    if (!run("mount -o loop,errors=remount-ro " + image_.string() + " " + dir_.string())) {
        problem_ = "could not loop-mount an ext4 image (no loop devices?)";
        return false;
    }
    return true;
}

void SmallDisk::fill() {
    const int file = ::open((dir_ / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (file < 0) {
        return;
    }
    std::array<char, 65536> block{};
    // Smaller and smaller writes, so the last partial block is used up too.
    for (std::size_t size = block.size(); size > 0; size /= 2) {
        while (::write(file, block.data(), size) == static_cast<ssize_t>(size)) {
        }
    }
    ::fsync(file);
    ::close(file);
}

void SmallDisk::free_space() {
    std::error_code ignored;
    std::filesystem::remove(dir_ / "filler", ignored);
}

bool SmallDisk::make_read_only() {
    const std::string device = device_at(dir_);
    std::ofstream trigger("/sys/fs/ext4/" + device + "/trigger_fs_error");
    trigger << "1";
    trigger.close();
    return !device.empty() && trigger.good();
}

bool SmallDisk::remount_repaired() {
    if (::umount(dir_.c_str()) != 0) {
        problem_ = std::string("umount: ") + std::strerror(errno);
        mounted_ = false;
        return false;
    }
    // e2fsck answers 1 when it repaired something, which is what is asked of it here.
    std::system(("e2fsck -fy " + image_.string() + " >/dev/null 2>&1").c_str());
    mounted_ = mount_image();
    return mounted_;
}

}  // namespace parley::server::testing
