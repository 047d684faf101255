// A colleague on the in-page demo's floor, one of the demo organisation's agents: online,
// takes chats that waited a while in their Queue list (so the visitor gets the fresh ones),
// greets and answers with canned-like lines after thinking and typing, now and then hands a
// chat to someone else, another queue or back to its queue, answers hand-overs, and closes
// with a resolution. They read the State through the core's lists (queue_list, my_chats,
// transferred_list) and transfer only to the core's candidates.
#pragma once

#include <map>
#include <set>
#include <string>

#include "core/ids.h"
#include "core/state.h"
#include "sim/script/cast.h"
#include "sim/script/persona.h"
#include "sim/script/rng.h"

namespace parley::sim {

class PageColleague {
public:
    PageColleague(Cast& cast, core::AgentId id, std::string first_name, Behaviour behaviour,
                  Rng rng);
    PageColleague(const PageColleague&) = delete;
    PageColleague& operator=(const PageColleague&) = delete;

    // Goes online and looks around every couple of seconds from now on.
    void start();
    // The visitor signed in as this agent: the script leaves the desk to them.
    void stand_aside(bool aside) { aside_ = aside; }
    const core::AgentId& id() const { return id_; }

private:
    struct Held {
        int planned_replies = 2;
        int replies = 0;
        bool busy = false;  // something is planned for this chat already
        bool came_by_transfer = false;
    };

    void look();
    void take_waiting_chat(const core::State& state);
    void answer_transfer(const core::ChatId& chat);
    void attend(const core::Chat& chat, Held& held);
    void reply(const core::ChatId& chat);
    void maybe_hand_over(const core::ChatId& chat);
    void close(const core::ChatId& chat, Held& held);
    StageAnswer act(core::Command command);

    Cast& cast_;
    core::AgentId id_;
    std::string first_name_;
    Behaviour behaviour_;
    Rng rng_;
    std::map<core::ChatId, Held> held_;
    std::set<core::ChatId> transfers_answered_;
    bool accept_planned_ = false;
    bool aside_ = false;
};

}  // namespace parley::sim
