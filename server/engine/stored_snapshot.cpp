#include "server/engine/stored_snapshot.h"

#include <zlib.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "protocol/codec.h"

namespace parley::server {
namespace {

// Marks a compressed payload; JSON never starts with it.
constexpr std::string_view kCompressed = "PZ1\n";

// Speed over ratio: the snapshot thread compresses tens of megabytes at every snapshot.
std::string deflated(const std::string& text) {
    uLongf size = compressBound(static_cast<uLong>(text.size()));
    std::string out(kCompressed.size() + size, '\0');
    std::copy(kCompressed.begin(), kCompressed.end(), out.begin());
    const int status = compress2(reinterpret_cast<Bytef*>(out.data() + kCompressed.size()), &size,
                                 reinterpret_cast<const Bytef*>(text.data()),
                                 static_cast<uLong>(text.size()), Z_BEST_SPEED);
    if (status != Z_OK) {
        return text;
    }
    out.resize(kCompressed.size() + size);
    return out;
}

std::optional<std::string> inflated(std::string_view compressed) {
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK) {
        return std::nullopt;
    }
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string text;
    std::array<char, 1 << 16> chunk{};
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = static_cast<uInt>(chunk.size());
        status = inflate(&stream, Z_NO_FLUSH);
        text.append(chunk.data(), chunk.size() - stream.avail_out);
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) {
        return std::nullopt;
    }
    return text;
}

}  // namespace

std::string encode_stored_snapshot(const core::State& state,
                                   const engine::ChatVersions& chat_versions) {
    nlohmann::json versions = nlohmann::json::object();
    for (const auto& [chat, version] : chat_versions) {
        versions[chat] = version;
    }
    std::string text = R"({"chat_versions":)";
    text += versions.dump();
    text += R"(,"state":)";
    text += protocol::encode_snapshot(state);
    text += '}';
    return deflated(text);
}

std::optional<StoreError> decode_stored_snapshot(const std::string& payload, core::State& state,
                                                 engine::ChatVersions& chat_versions) {
    std::optional<std::string> text;
    if (payload.starts_with(kCompressed)) {
        text = inflated(std::string_view(payload).substr(kCompressed.size()));
        if (!text) {
            return StoreError{"corrupt", "The stored snapshot does not decompress."};
        }
    }
    const nlohmann::json parsed = nlohmann::json::parse(text ? *text : payload, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("state") ||
        !parsed.contains("chat_versions") || !parsed["chat_versions"].is_object()) {
        return StoreError{"corrupt", "The stored snapshot is not a Parley snapshot."};
    }
    // Read from our own disk and checked against its checksum: no bound but the text's own.
    const std::string state_text = parsed["state"].dump();
    auto decoded = protocol::decode_snapshot(state_text, state_text.size());
    if (!decoded) {
        return StoreError{"corrupt",
                          "The stored snapshot cannot be read: " + decoded.error().message};
    }
    engine::ChatVersions versions;
    for (const auto& [chat, version] : parsed["chat_versions"].items()) {
        if (!version.is_number_unsigned()) {
            return StoreError{"corrupt",
                              "The stored snapshot has a chat version that is not a number."};
        }
        versions.emplace(chat, version.get<std::uint64_t>());
    }
    state = std::move(decoded).value();
    chat_versions = std::move(versions);
    return std::nullopt;
}

}  // namespace parley::server
