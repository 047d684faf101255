#include "console/uploads.h"

#include "console/chat_key.h"

namespace parley::console {

void Uploads::request(const core::ChatId& chat) {
    const int id = next_id_++;
    chats_[id] = chat;
    requests_.push_back({id, "/api/chats/" + chat_key(chat) + "/attachments"});
}

void Uploads::report(const UploadReport& report, std::map<core::ChatId, Draft>& drafts) {
    const int id = std::visit([](const auto& r) { return r.id; }, report);
    const auto found = chats_.find(id);
    if (found == chats_.end()) {
        return;
    }
    Draft& draft = drafts[found->second];
    if (const auto* started = std::get_if<UploadStarted>(&report)) {
        draft.uploading = started->name;
        draft.upload_problem.clear();
        return;
    }
    draft.uploading.clear();
    if (const auto* stored = std::get_if<UploadStored>(&report)) {
        draft.attachments.push_back(stored->file);
    } else {
        draft.upload_problem = std::get<UploadRefused>(report).problem;
    }
    chats_.erase(found);
}

}  // namespace parley::console
