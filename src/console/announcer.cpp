#include "console/announcer.h"

namespace parley::console {

std::vector<Notice> Announcer::update(const ConsoleViewModel& model) {
    if (model.screen != Screen::desk) {
        waiting_.clear();
        primed_ = false;
        return {};
    }
    std::vector<Notice> notices;
    std::set<core::ChatId> waiting;
    const auto collect = [&](const std::vector<ChatRow>& rows, const char* what) {
        for (const ChatRow& row : rows) {
            waiting.insert(row.id);
            if (primed_ && !waiting_.contains(row.id)) {
                notices.push_back({what + row.customer, std::string(row.preview)});
            }
        }
    };
    collect(model.queue, "New chat: ");
    collect(model.transferred, "Transferred to you: ");
    waiting_ = std::move(waiting);
    primed_ = true;
    return notices;
}

}  // namespace parley::console
