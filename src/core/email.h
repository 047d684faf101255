// Email to customers: which addresses are acceptable, where a chat's customer is written to,
// and the transcript's text. Standard library only; the server's mailer sends what this says.
#pragma once

#include <string>
#include <string_view>

#include "core/model.h"
#include "core/state.h"

namespace parley::core {

inline constexpr std::size_t kMaxEmailSubject = 200;
inline constexpr std::size_t kMaxEmailBody = 20000;

// One mailbox, no display name: local@domain.tld, bounded, without spaces, control characters
// or anything that could end a mail header.
bool is_email_address(std::string_view text);

// The address the customer asked the transcript to go to, else the email an integration gave
// in their profile, else their contact when it is an email address; empty when there is none.
std::string customer_email(const State& state, const Chat& chat);
// The address the customer gave when the chat started (their contact), or the one an
// integration verified (their profile's); empty when neither is an email address. A customer
// may have the transcript sent there and nowhere else, so the widget cannot mail strangers.
std::string address_on_record(const State& state, const Chat& chat);

std::string transcript_subject(const State& state, const Chat& chat);
// What the customer saw, in order, with UTC times and who wrote each line; internal notes and
// hand-overs between agents are staff-only and left out.
std::string transcript_body(const State& state, const Chat& chat);

}  // namespace parley::core
