// REST calls the views ask for (an audit history, an API key, a new account): the views emit
// an ApiCall under a purpose, a shell carries it out over HTTP as the signed-in user, and the
// latest answer per purpose waits here for the view-model builders. No platform code here.
#pragma once

#include "console/frame_output.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::console {

// What a shell sends: `path` on the console's own server, `body` JSON or empty.
struct ApiRequest {
    int id = 0;
    std::string method;
    std::string path;
    std::string body;
};

// What came back. Status 0: the request never got an answer; `body` is then a sentence.
struct ApiAnswer {
    int id = 0;
    int status = 0;
    std::string body;
};

struct ApiResult {
    bool pending = true;
    int status = 0;
    std::string body;
    // Counts answers for this purpose, so a builder can tell a new answer from one it has seen.
    std::uint64_t generation = 0;

    bool ok() const { return !pending && status >= 200 && status < 300; }
};

// Text as a URL's query or a header needs it (a search, a file's name): unreserved bytes as
// they are, every other byte as %XX, which the server decodes.
std::string percent_encoded(std::string_view text);

class ApiCalls {
public:
    void call(ApiCall call);
    std::vector<ApiRequest> take_requests() { return std::exchange(requests_, {}); }
    // An answer to a call superseded by a later one of the same purpose is dropped.
    void answered(const ApiAnswer& answer);
    const ApiResult* result(std::string_view purpose) const;
    // The answer to `purpose` if one came after the `seen`th (which then counts it), else null:
    // what a builder takes once.
    const ApiResult* answer_since(std::string_view purpose, std::uint64_t& seen) const;
    // Forgets everything (sign-out): another user must not see the last one's answers.
    void clear();

private:
    int next_id_ = 1;
    std::map<int, std::string> purposes_;
    std::map<std::string, ApiResult, std::less<>> results_;
    std::vector<ApiRequest> requests_;
};

}  // namespace parley::console
