// Files the agent attaches to a message. The composer asks for one; a shell picks the file and
// posts it to the server's upload address; its reports land in the chat's draft, whose next
// message carries the stored files. No platform code here: shells carry the requests out.
#pragma once

#include "console/ui_state.h"
#include "core/ids.h"
#include "core/model.h"

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace parley::console {

// Pick a file and POST it to `path` (the chat's upload address on this server).
struct UploadRequest {
    int id = 0;
    std::string path;
};

// The agent chose a file; it is on its way.
struct UploadStarted {
    int id = 0;
    std::string name;
};
// The server stored the file; `file.ref` is where it is downloaded from.
struct UploadStored {
    int id = 0;
    core::Attachment file;
};
// The server (or the network) refused it, with a sentence for the agent.
struct UploadRefused {
    int id = 0;
    std::string problem;
};
using UploadReport = std::variant<UploadStarted, UploadStored, UploadRefused>;

class Uploads {
public:
    void request(const core::ChatId& chat);
    std::vector<UploadRequest> take_requests() { return std::exchange(requests_, {}); }
    // Applies a shell's report to the draft of the chat it was asked for.
    void report(const UploadReport& report, std::map<core::ChatId, Draft>& drafts);

private:
    int next_id_ = 1;
    std::map<int, core::ChatId> chats_;
    std::vector<UploadRequest> requests_;
};

}  // namespace parley::console
