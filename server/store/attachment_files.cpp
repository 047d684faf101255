// Content-addressed attachment files. A file appears under its final name only by rename after
// its bytes are on disk, so a crash leaves either the whole file or none (plus, at worst, a
// hidden temporary file that is never served).
#include "server/store/attachment_files.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <system_error>
#include <utility>

namespace parley::server {
namespace {

constexpr std::size_t kHashHexDigits = 64;
constexpr std::size_t kFolderDigits = 2;

// A system call failed: the sentence names what was being done to which file.
class IoFailure {
public:
    IoFailure(std::string doing, const std::filesystem::path& file)
        : error_{"io", "Could not " + std::move(doing) + " " + file.string() + ": " +
                           std::error_code(errno, std::generic_category()).message() + "."} {}
    const StoreError& error() const { return error_; }

private:
    StoreError error_;
};

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    FileDescriptor& operator=(FileDescriptor&&) = delete;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return fd_; }
    // Closing can report a write error the earlier calls did not.
    bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

private:
    int fd_;
};

FileDescriptor open_or_throw(const std::filesystem::path& file, int flags, std::string doing) {
    FileDescriptor fd(::open(file.c_str(), flags | O_CLOEXEC, 0640));
    if (fd.get() < 0) {
        throw IoFailure(std::move(doing), file);
    }
    return fd;
}

void sync_directory(const std::filesystem::path& folder) {
    const FileDescriptor fd = open_or_throw(folder, O_RDONLY | O_DIRECTORY, "open the folder");
    if (::fsync(fd.get()) != 0) {
        throw IoFailure("flush the folder", folder);
    }
}

// Each new folder is recorded in its parent before anything is put in it, so the path to a
// stored file survives a crash as well as the file.
void make_durable_folder(const std::filesystem::path& folder) {
    std::error_code ignored;
    if (std::filesystem::is_directory(folder, ignored)) {
        return;
    }
    make_durable_folder(folder.parent_path());
    if (::mkdir(folder.c_str(), 0750) != 0 && errno != EEXIST) {
        throw IoFailure("create the folder", folder);
    }
    sync_directory(folder.parent_path());
}

void write_all(const FileDescriptor& fd, std::string_view bytes,
               const std::filesystem::path& file) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd.get(), bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written < 0) {
            throw IoFailure("write", file);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

// Unique among threads (the counter) and processes (the pid) sharing the folder.
std::filesystem::path temporary_name(const std::filesystem::path& target) {
    static std::atomic<std::uint64_t> counter{0};
    return target.parent_path() /
           ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter.fetch_add(1)));
}

void write_durably(const std::filesystem::path& target, std::string_view bytes) {
    const std::filesystem::path temporary = temporary_name(target);
    try {
        FileDescriptor fd = open_or_throw(temporary, O_WRONLY | O_CREAT | O_EXCL, "create");
        write_all(fd, bytes, temporary);
        if (::fsync(fd.get()) != 0) {
            throw IoFailure("flush", temporary);
        }
        if (!fd.close()) {
            throw IoFailure("close", temporary);
        }
        if (::rename(temporary.c_str(), target.c_str()) != 0) {
            throw IoFailure("rename into place", target);
        }
    } catch (const IoFailure&) {
        ::unlink(temporary.c_str());
        throw;
    }
    sync_directory(target.parent_path());
}

std::string read_all(const FileDescriptor& fd, const std::filesystem::path& file) {
    std::string content;
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            throw IoFailure("read", file);
        }
        if (got == 0) {
            return content;
        }
        content.append(buffer.data(), static_cast<std::size_t>(got));
    }
}

}  // namespace

AttachmentFiles::AttachmentFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::string AttachmentFiles::hash_of(std::string_view bytes) {
    // libsodium asks for initialisation before use; SHA-256 needs no randomness, so a failure
    // (no entropy source) does not stop hashing.
    static const int initialised = sodium_init();
    static_cast<void>(initialised);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

bool AttachmentFiles::is_valid_hash(std::string_view hash) {
    return hash.size() == kHashHexDigits && std::all_of(hash.begin(), hash.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::optional<std::filesystem::path> AttachmentFiles::path_of(std::string_view hash) const {
    if (!is_valid_hash(hash)) {
        return std::nullopt;
    }
    return root_ / std::string(hash.substr(0, kFolderDigits)) / std::string(hash);
}

std::variant<std::string, StoreError> AttachmentFiles::put(std::string_view bytes) const {
    std::string hash = hash_of(bytes);
    const std::filesystem::path target = *path_of(hash);
    try {
        // The name is the content's hash, so a file already there holds these very bytes. Its
        // folder is flushed anyway: the put that made it may have died before doing so.
        if (::access(target.c_str(), F_OK) == 0) {
            sync_directory(target.parent_path());
            return hash;
        }
        make_durable_folder(target.parent_path());
        write_durably(target, bytes);
    } catch (const IoFailure& failure) {
        return failure.error();
    }
    return hash;
}

std::optional<std::string> AttachmentFiles::read(std::string_view hash) const {
    const auto file = path_of(hash);
    if (!file) {
        return std::nullopt;
    }
    const FileDescriptor fd(::open(file->c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0 && errno == ENOENT) {
        return std::nullopt;
    }
    try {
        if (fd.get() < 0) {
            throw IoFailure("open", *file);
        }
        return read_all(fd, *file);
    } catch (const IoFailure& failure) {
        throw StoreFailure(failure.error());
    }
}

}  // namespace parley::server
