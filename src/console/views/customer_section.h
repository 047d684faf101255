// The customer part of the chat panel beyond name and contact: the contact details and assets
// an integration attached, and the customer's tickets with their status as it changes (a
// ticket resolved in the service desk shows resolved here). Reads the view model only.
#pragma once

#include "console/frame_output.h"
#include "console/view_model.h"

namespace parley::console {

// "incident, high: Router down (resolved, SD-1042)".
std::string ticket_line(const TicketView& ticket);

void draw_customer_profile(const ChatView& chat, FrameOutput& out);
void draw_customer_tickets(const ChatView& chat, FrameOutput& out);

}  // namespace parley::console
