// Queue positions per waiting chat, computed by the core and sent when they change.
#include "engine/queue_positions.h"

#include <type_traits>

#include "core/queries.h"
#include "core/visibility.h"

namespace parley::engine {
namespace {

std::optional<protocol::QueuePositionMessage> position_of(const core::State& state,
                                                          const core::ChatId& chat) {
    const auto position = core::queue_position(state, chat);
    if (!position) {
        return std::nullopt;
    }
    return protocol::QueuePositionMessage{chat, position->position, position->waiting,
                                          position->estimated_wait};
}

Message encoded(const protocol::QueuePositionMessage& position) {
    return std::make_shared<const std::string>(protocol::encode_queue_position(position));
}

}  // namespace

void QueuePositions::touch(const core::State& state, const core::Event& event) {
    if (const auto chat_id = core::chat_of(state, event)) {
        if (const core::Chat* chat = state.find_chat(*chat_id)) {
            touched_.insert(chat->queue);
        }
        return;
    }
    // A queue's own changes (its target wait feeds the estimate before any history).
    std::visit(
        [&](const auto& ev) {
            if constexpr (requires { ev.queue; }) {
                if constexpr (std::is_same_v<std::decay_t<decltype(ev.queue)>, core::QueueId>) {
                    touched_.insert(ev.queue);
                }
            }
        },
        event);
}

std::vector<Delivery> QueuePositions::flush(const Feeds& feeds, const core::State& state) {
    std::vector<Delivery> out;
    if (touched_.empty()) {
        return out;
    }
    std::erase_if(known_, [&](const auto& entry) {
        const core::Chat* chat = state.find_chat(entry.first);
        return !chat || chat->status != core::ChatStatus::queued;
    });
    for (const core::QueueId queue : touched_) {
        for (const auto& [id, place] : core::queue_positions(state, queue)) {
            const core::Chat* chat = state.find_chat(id);
            const auto feed = chat ? feeds.find(core::Actor::customer(chat->customer)) : nullptr;
            if (!feed) {
                continue;
            }
            const protocol::QueuePositionMessage position{id, place.position, place.waiting,
                                                          place.estimated_wait};
            auto& known = known_[id];
            if (position != known) {
                known = position;
                out.push_back({feed, encoded(position)});
            }
        }
    }
    touched_.clear();
    return out;
}

std::optional<Message> QueuePositions::current(const core::State& state,
                                               const core::Actor& customer) {
    const auto chats = state.index.customer_chats.find(customer.id);
    if (chats == state.index.customer_chats.end()) {
        return std::nullopt;
    }
    for (const core::ChatId& chat : chats->second) {
        if (const auto position = position_of(state, chat)) {
            known_[chat] = *position;
            return encoded(*position);
        }
    }
    return std::nullopt;
}

}  // namespace parley::engine
