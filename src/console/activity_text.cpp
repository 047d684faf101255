#include "console/activity_text.h"

#include "console/chat_text.h"
#include "core/transcript.h"

namespace parley::console {

namespace {

std::string with_note(std::string sentence, const std::string& note) {
    if (!note.empty()) {
        sentence += ": ";
        sentence += note;
    }
    return sentence;
}

std::string assigned_text(const std::string& agent, const std::string& by,
                          core::AssignReason reason) {
    switch (reason) {
    case core::AssignReason::accepted:
        return agent + " accepted the chat";
    case core::AssignReason::offer_accepted:
        return agent + " accepted the offered chat";
    case core::AssignReason::routed:
        return "The chat was assigned to " + agent;
    case core::AssignReason::transfer_accepted:
        return agent + " accepted the transfer";
    case core::AssignReason::reassigned:
        return by + " reassigned the chat to " + agent;
    }
    return agent + " holds the chat";
}

}  // namespace

std::string activity_text(const core::State& state, const core::Activity& activity) {
    const std::string agent(agent_name(state, activity.agent));
    // Routing and timers act as the system: sentences without a "by" read as what happened.
    const std::string by = activity.by.empty() ? std::string(core::kSystemSpeaker)
                                               : std::string(agent_name(state, activity.by));
    switch (activity.kind) {
    case core::ActivityKind::assigned:
        return assigned_text(agent, by, activity.reason);
    case core::ActivityKind::offer_rejected:
        return activity.timed_out ? "The offer to " + agent + " timed out"
                                  : with_note(agent + " rejected the offer", activity.note);
    case core::ActivityKind::transfer_requested:
        return with_note(by + " transferred the chat to " + agent, activity.note);
    case core::ActivityKind::transfer_declined:
        return activity.timed_out ? "The transfer to " + agent + " timed out; back in the queue"
                                  : with_note(agent + " declined the transfer", activity.note);
    case core::ActivityKind::moved_to_queue: {
        const core::Queue* queue = state.find_queue(activity.queue);
        const std::string name = queue ? queue->config.name : std::string("another queue");
        return with_note(by + " transferred the chat to the " + name + " queue", activity.note);
    }
    case core::ActivityKind::released:
        return agent + " released the chat to the queue";
    case core::ActivityKind::supervisor_requested:
        return with_note(agent + " asked for a supervisor", activity.note);
    case core::ActivityKind::supervisor_joined:
        return agent + " joined the chat as supervisor";
    }
    return by + " changed the chat";
}

}  // namespace parley::console
