// What simulated people say: customers' names, questions, follow-ups and thanks in English,
// Russian, German, Spanish and French about invoices, passwords, deliveries and outages; the
// agents' canned-like replies, side notes and resolutions. Data and lookups only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::sim {

enum class Topic { invoice, password, delivery, outage };
inline constexpr Topic kTopics[] = {Topic::invoice, Topic::password, Topic::delivery,
                                    Topic::outage};

// Lines for each topic.
struct ByTopic {
    std::vector<std::string> invoice;
    std::vector<std::string> password;
    std::vector<std::string> delivery;
    std::vector<std::string> outage;

    const std::vector<std::string>& operator[](Topic topic) const;
};

struct Phrasebook {
    std::string language;  // "en", "ru", "de", "es", "fr"
    std::vector<std::string> first_names;
    std::vector<std::string> last_names;
    ByTopic questions;
    std::vector<std::string> follow_ups;
    std::vector<std::string> thanks;
    std::vector<std::string> csat_comments;
};

// Every language the corpus speaks, in a fixed order.
const std::vector<Phrasebook>& phrasebooks();
// The phrasebook for a language code, or null.
const Phrasebook* phrasebook(std::string_view language);

// The topics a customer writing to this queue asks about.
std::vector<Topic> topics_for_queue(std::string_view queue);
// What a customer's chat context calls the topic ("Invoices"), and back.
std::string_view topic_name(Topic topic);
std::optional<Topic> topic_named(std::string_view name);

// Agents' lines, in English as a team's shared canned responses would be.
struct AgentLines {
    std::vector<std::string> greetings;  // "{customer}" and "{agent}" are filled in
    ByTopic answers;
    std::vector<std::string> checking;
    std::vector<std::string> anything_else;
    std::vector<std::string> goodbyes;
    std::vector<std::string> side_notes;
    std::vector<std::string> decline_reasons;
    std::vector<std::string> resolution_notes;
};
const AgentLines& agent_lines();

// Replaces every "{name}" in `text` with `value`.
std::string fill(std::string text, std::string_view name, std::string_view value);

}  // namespace parley::sim
