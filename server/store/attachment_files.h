// Attachment contents on disk, named by their SHA-256: the same file uploaded twice is stored
// once, and a name can be checked to be nothing but a hash before it touches a path. Metadata
// (who uploaded what to which chat) lives in the AccountStore; this is only the bytes.
#pragma once

#include "server/store/store.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace parley::server {

class AttachmentFiles {
public:
    // Nothing is created until the first put.
    explicit AttachmentFiles(std::filesystem::path root);

    // Stores the bytes durably (written, fsynced, renamed into place, folder fsynced) and
    // returns their hash. Storing content that is already there changes nothing.
    std::variant<std::string, StoreError> put(std::string_view bytes) const;
    // The content stored under a hash; nothing when there is none or the hash is malformed.
    // Throws StoreFailure when the file exists but cannot be read.
    std::optional<std::string> read(std::string_view hash) const;
    // `<root>/<first two hex digits>/<hash>`; nothing for a malformed hash.
    std::optional<std::filesystem::path> path_of(std::string_view hash) const;

    // SHA-256 as 64 lowercase hex digits.
    static std::string hash_of(std::string_view bytes);
    // Exactly 64 lowercase hex digits: the only names that may become paths.
    static bool is_valid_hash(std::string_view hash);

    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace parley::server
