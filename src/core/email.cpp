#include "core/email.h"

#include <algorithm>

#include "core/calendar.h"
#include "core/transcript.h"

namespace parley::core {
namespace {

std::string customer_name(const State& state, const Chat& chat) {
    const auto found = state.customers.find(chat.customer);
    return found != state.customers.end() && !found->second.name.empty() ? found->second.name
                                                                         : "You";
}

}  // namespace

bool is_email_address(std::string_view text) {
    if (text.size() < 3 || text.size() > 254)
        return false;
    const auto bad = [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' ||
               c == '"' || c == '(' || c == ')' || c == '\\';
    };
    if (std::any_of(text.begin(), text.end(), bad))
        return false;
    const auto at = text.find('@');
    if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
           domain.find("..") == std::string_view::npos && domain.front() != '.';
}

std::string customer_email(const State& state, const Chat& chat) {
    if (chat.transcript_to)
        return *chat.transcript_to;
    return address_on_record(state, chat);
}

std::string address_on_record(const State& state, const Chat& chat) {
    const auto found = state.customers.find(chat.customer);
    if (found == state.customers.end())
        return {};
    const Customer& customer = found->second;
    if (customer.profile && is_email_address(customer.profile->email))
        return customer.profile->email;
    return is_email_address(customer.contact) ? customer.contact : std::string();
}

std::string transcript_subject(const State&, const Chat& chat) {
    return "Your chat with us on " + day_of(chat.created_at);
}

std::string transcript_body(const State& state, const Chat& chat) {
    std::string out = "Hello " + customer_name(state, chat) + ",\n\n";
    out += "here is your conversation with our support team on " + day_of(chat.created_at) +
           " (times in UTC).\n\n";
    std::string day = day_of(chat.created_at);
    for (const TranscriptEntry& entry : transcript_entries(state, chat, false)) {
        const Message& message = *entry.message;
        const std::string message_day = day_of(message.at);
        if (message_day != day) {
            day = message_day;
            out += "-- " + day + " --\n";
        }
        out += "[" + clock_of(message.at) + "] " + std::string(entry.speaker) + ": " +
               message.text + "\n";
        for (const Attachment& attachment : message.attachments) {
            out += "        (attached: " + attachment.name + ")\n";
        }
    }
    out += "\nThank you for contacting us.\n";
    return out;
}

}  // namespace parley::core
