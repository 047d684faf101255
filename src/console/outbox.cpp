#include "console/outbox.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <utility>

namespace parley::console {

Outbox::Outbox(std::string prefix) : prefix_(std::move(prefix)) {}

std::string Outbox::random_id() {
    std::random_device device;
    std::string id = "con-";
    for (int word = 0; word < 4; ++word) {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(device()));
        id += hex;
    }
    return id;
}

const PendingCommand& Outbox::submit(core::Command command, std::string what, double now) {
    PendingCommand pending;
    pending.id = prefix_.empty() ? random_id() : prefix_ + "-" + std::to_string(++counter_);
    pending.what = std::move(what);
    pending.wire_text = protocol::encode_client_command({pending.id, std::move(command)});
    pending.sent_at = now;
    pending_.push_back(std::move(pending));
    return pending_.back();
}

void Outbox::on_ack(const protocol::Ack& ack) {
    std::erase_if(pending_, [&](const PendingCommand& p) { return p.id == ack.command_id; });
}

void Outbox::on_rejected(const protocol::Rejected& rejected, double now) {
    const auto found = std::find_if(pending_.begin(), pending_.end(),
                                    [&](const auto& p) { return p.id == rejected.command_id; });
    if (found == pending_.end()) {
        return;
    }
    // Typing and read receipts go without a `what`: their refusals are not news to the agent.
    if (!found->what.empty()) {
        last_refusal_ = Refusal{found->what, rejected.code, rejected.message, now};
    }
    pending_.erase(found);
}

std::vector<std::string> Outbox::resend(double now) {
    std::vector<std::string> texts;
    for (PendingCommand& pending : pending_) {
        pending.sent_at = now;
        texts.push_back(pending.wire_text);
    }
    return texts;
}

void Outbox::clear() {
    pending_.clear();
    last_refusal_.reset();
}

bool Outbox::delayed(double now) const {
    return std::any_of(pending_.begin(), pending_.end(), [&](const PendingCommand& p) {
        return now - p.sent_at > kDelayedAfterSeconds;
    });
}

}  // namespace parley::console
