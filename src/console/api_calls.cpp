#include "console/api_calls.h"

#include <cctype>
#include <utility>

namespace parley::console {

void ApiCalls::call(ApiCall call) {
    const int id = next_id_++;
    std::erase_if(purposes_, [&](const auto& entry) { return entry.second == call.purpose; });
    purposes_.emplace(id, call.purpose);
    ApiResult& result = results_[call.purpose];
    result.pending = true;
    requests_.push_back({id, std::move(call.method), std::move(call.path), std::move(call.body)});
}

void ApiCalls::answered(const ApiAnswer& answer) {
    const auto purpose = purposes_.find(answer.id);
    if (purpose == purposes_.end()) {
        return;
    }
    ApiResult& result = results_[purpose->second];
    result.pending = false;
    result.status = answer.status;
    result.body = answer.body;
    ++result.generation;
    purposes_.erase(purpose);
}

const ApiResult* ApiCalls::result(std::string_view purpose) const {
    const auto found = results_.find(purpose);
    return found == results_.end() ? nullptr : &found->second;
}

const ApiResult* ApiCalls::answer_since(std::string_view purpose, std::uint64_t& seen) const {
    const ApiResult* found = result(purpose);
    if (found == nullptr || found->generation == seen) {
        return nullptr;
    }
    seen = found->generation;
    return found;
}

void ApiCalls::clear() {
    purposes_.clear();
    results_.clear();
    requests_.clear();
}

std::string percent_encoded(std::string_view text) {
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

}  // namespace parley::console
