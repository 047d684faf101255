// The customer's own chat as they see it: where it stands, who has it, the messages and the
// hand-overs they are told of, and what they may do now and why not. The widget draws this and
// decides nothing; the server sends it on sync and after every change the customer can see.
// Each permission is the answer decide() gives the command it stands for, so what the widget
// offers and what the server enforces cannot disagree. Standard library only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/rejection.h"
#include "core/state.h"

namespace parley::core {

// The customer's words for the chat's status: an offer to an agent is still waiting to them,
// and an archived chat has simply ended.
enum class CustomerChatStatus { waiting, with_agent, transferring, ended };

// What the customer is told beside the messages. Wire names in names.h.
enum class CustomerNoticeKind {
    agent_joined,
    transferring,
    back_in_queue,
    moved_to_queue,
    released,
    you_cancelled,
    closed,
    closed_cancelled,
    closed_not_responding
};

struct CustomerNotice {
    CustomerNoticeKind kind = CustomerNoticeKind::closed;
    // Shown before the message at this index of CustomerChatView::messages (their count: after
    // the last one).
    std::uint64_t before = 0;
    // The agent's display name (agent_joined, released) or the queue's name (moved_to_queue).
    std::string agent = {};
    std::string queue = {};
    bool operator==(const CustomerNotice&) const = default;
};

// Whether the customer may act now; when not, decide()'s code and sentence.
struct Permission {
    bool allowed = false;
    std::string code = {};
    std::string reason = {};
    bool operator==(const Permission&) const = default;
};

struct CustomerActions {
    // post_customer_message with text, and with files.
    Permission write;
    Permission attach;
    // customer_cancel_chat ("End chat").
    Permission end_chat;
    // submit_csat.
    Permission rate;
    // The transcript download: whoever may see the chat.
    Permission download_transcript;
    // request_transcript to the address given when the chat started.
    Permission email_transcript;
    bool operator==(const CustomerActions&) const = default;
};

struct CustomerChatView {
    ChatId chat;
    CustomerChatStatus status = CustomerChatStatus::waiting;
    // The display name of the agent holding the chat; empty when nobody does.
    std::string agent = {};
    // In line for an agent: the queue position applies.
    bool waiting = false;
    bool ended = false;
    bool agent_typing = false;
    // Every message (or those from the index asked for), staff named by display name.
    std::vector<Message> messages = {};
    std::vector<CustomerNotice> notices = {};
    std::optional<Csat> csat = {};
    CustomerActions actions = {};
    bool operator==(const CustomerChatView&) const = default;
};

// The view of `chat` for `customer`, who must be its customer (may_see_chat), with the
// messages from index `messages_from` on (an update after an event that changed only those).
CustomerChatView customer_view(const State& state, const Actor& customer, const Chat& chat,
                               std::size_t messages_from = 0);

// The views of every chat the customer may see, in the State's order.
std::vector<CustomerChatView> customer_views(const State& state, const Actor& customer);

}  // namespace parley::core
