#include "console/announcer.h"

#include "console/chat_text.h"

namespace parley::console {

namespace {
// The customer's first words usually follow the chat's start within a server round trip; a chat
// that has none by then is announced without them.
constexpr double kWaitForFirstWords = 2.0;
}  // namespace

std::vector<Notice> Announcer::update(const ConsoleViewModel& model, const core::State& state) {
    if (model.screen != Screen::desk) {
        waiting_.clear();
        quiet_.clear();
        primed_ = false;
        lists_.reset();
        return {};
    }
    const std::pair lists{model.queue.generation, model.transferred.generation};
    if (lists_ == lists && quiet_.empty()) {
        return {};
    }
    lists_ = lists;
    std::vector<Notice> notices;
    std::set<core::ChatId> waiting;
    const auto collect = [&](const ChatList& list, const char* what) {
        if (list.ids == nullptr) {
            return;
        }
        for (const core::ChatId& id : *list.ids) {
            waiting.insert(id);
            const bool fresh = primed_ && !waiting_.contains(id);
            const auto quiet = quiet_.find(id);
            const core::Chat* chat = state.find_chat(id);
            if ((!fresh && quiet == quiet_.end()) || chat == nullptr) {
                continue;
            }
            const std::string_view words = preview_of(*chat);
            if (words.empty()) {
                if (fresh) {
                    quiet_.emplace(id, model.seconds);
                    continue;
                }
                if (model.seconds - quiet->second < kWaitForFirstWords) {
                    continue;
                }
            }
            notices.push_back(
                {what + std::string(customer_name(state, *chat)), std::string(words)});
            quiet_.erase(id);
        }
    };
    collect(model.queue, "New chat: ");
    collect(model.transferred, "Transferred to you: ");
    std::erase_if(quiet_, [&](const auto& entry) { return !waiting.contains(entry.first); });
    waiting_ = std::move(waiting);
    primed_ = true;
    return notices;
}

}  // namespace parley::console
