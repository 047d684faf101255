// Chat JSON, list summaries and transcripts for the REST API.
#include "server/rest/chat_views.h"

#include "core/names.h"
#include "core/queries.h"
#include "core/transcript.h"
#include "core/visibility.h"
#include "server/readmodel/chat_projection.h"

namespace parley::server::rest {

protocol::rest::ChatAnswer chat_answer(const core::State& state, const core::Actor& actor,
                                       const core::Chat& chat) {
    protocol::rest::ChatAnswer answer;
    static_cast<core::Chat&>(answer) = core::chat_for(state, actor, chat);
    // While the chat waits: what the customer's widget shows before an agent joins.
    answer.queue_position = core::queue_position(state, chat.id);
    return answer;
}

protocol::rest::MessagesAnswer messages_after(const core::State& state, const core::Actor& actor,
                                              const core::Chat& chat, core::MessageId after) {
    core::Chat seen = core::chat_for(state, actor, chat);
    protocol::rest::MessagesAnswer answer{{}, seen.status};
    for (core::Message& message : seen.messages) {
        if (message.id > after) {
            answer.messages.push_back(std::move(message));
        }
    }
    return answer;
}

protocol::rest::ChatRow chat_row(const core::State& state, const core::Chat& chat) {
    return readmodel::list_row(readmodel::project_chat(state, chat), state);
}

protocol::rest::TranscriptAnswer transcript_answer(const core::State& state,
                                                   const core::Actor& actor,
                                                   const core::Chat& chat) {
    const core::Queue* queue = state.find_queue(chat.queue);
    protocol::rest::TranscriptAnswer answer;
    answer.chat = core::chat_for(state, actor, chat);
    for (const core::TranscriptEntry& entry : core::transcript_entries(state, answer.chat, true)) {
        if (entry.note != nullptr) {
            answer.author_names[entry.note->author] = entry.speaker;
        } else if (!entry.message->author.id.empty()) {
            answer.author_names[entry.message->author.id] = entry.speaker;
        }
    }
    answer.customer_name = readmodel::customer_name(state, chat.customer);
    answer.queue_name = queue ? queue->config.name : "";
    return answer;
}

}  // namespace parley::server::rest
