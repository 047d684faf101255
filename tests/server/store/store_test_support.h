// Helpers shared by the store tests: a fresh folder per test, opening a store, and waiting for
// an asynchronous write's outcome.
#pragma once

#include "server/store/sqlite_store.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace parley::server::store_test {

// A new, empty folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "parley-store-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed for " + pattern);
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// The opened store, or null with the error reported as a test failure.
inline std::unique_ptr<SqliteStore> open_or_fail(const std::filesystem::path& file) {
    auto opened = SqliteStore::open(file);
    if (const auto* error = std::get_if<StoreError>(&opened)) {
        ADD_FAILURE() << error->code << ": " << error->message;
        return nullptr;
    }
    return std::move(std::get<std::unique_ptr<SqliteStore>>(opened));
}

// A CommitDone that hands its outcome to a future. The promise lives in the callback, not on
// the waiting thread's stack, which may unwind while set_value is still returning.
inline std::pair<CommitDone, std::future<std::optional<StoreError>>> done_and_future() {
    auto outcome = std::make_shared<std::promise<std::optional<StoreError>>>();
    auto future = outcome->get_future();
    return {[outcome](std::optional<StoreError> error) { outcome->set_value(std::move(error)); },
            std::move(future)};
}

// Runs `submit` with a CommitDone and waits for the outcome it reports.
template <class Submit>
std::optional<StoreError> wait_for(Submit&& submit) {
    auto [done, future] = done_and_future();
    submit(std::move(done));
    return future.get();
}

// Chat ids are strings; tests number their chats and name them "cht_<n>".
inline std::optional<std::string> chat_name(std::optional<std::uint64_t> chat) {
    return chat ? std::optional<std::string>("cht_" + std::to_string(*chat)) : std::nullopt;
}

inline StoredEvent make_event(std::uint64_t seq, std::optional<std::uint64_t> chat = std::nullopt,
                              std::uint64_t chat_version = 0, std::string command_id = {}) {
    if (command_id.empty()) {
        command_id = "cmd-" + std::to_string(seq);
    }
    return {seq,
            std::move(command_id),
            chat_name(chat),
            chat_version,
            1'700'000'000'000 + static_cast<std::int64_t>(seq),
            R"({"type":"message_sent","n":)" + std::to_string(seq) + "}"};
}

inline std::optional<StoreError> append_now(EventLog& log, std::vector<StoredEvent> batch) {
    return wait_for([&](CommitDone done) { log.append(std::move(batch), std::move(done)); });
}

inline std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace parley::server::store_test
