// Decides what deserves the agent's attention outside the window: a chat that newly waits in
// their Queue or Transferred list. The shell turns each notice into a sound, a flashing tab
// title and, when the tab is hidden and the agent allowed it, a browser notification. What is
// on screen at sign-in is not news. A new chat is announced with the customer's first words, so
// one that starts without them waits a moment for them. No ImGui, no platform code.
#pragma once

#include "console/view_model.h"
#include "core/state.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace parley::console {

struct Notice {
    std::string title;
    std::string body;
};

class Announcer {
public:
    // Nothing is new while the lists' generations stay the same (ChatList::generation).
    std::vector<Notice> update(const ConsoleViewModel& model, const core::State& state);

private:
    // The Queue's and Transferred list's generations at the last update.
    std::optional<std::pair<std::uint64_t, std::uint64_t>> lists_;
    // The chats in the lists at the last update: announced, waiting for words, or there at sign-in.
    std::set<core::ChatId> waiting_;
    // New chats not yet announced for want of the customer's first words, and since when.
    std::map<core::ChatId, double> quiet_;
    bool primed_ = false;
};

}  // namespace parley::console
