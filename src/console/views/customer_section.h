// The customer part of the chat panel beyond name and contact: the contact details and assets
// an integration attached, and the customer's tickets with their status as it changes (a
// ticket resolved in the service desk shows resolved here). Reads the view model only.
#pragma once

#include "console/frame_output.h"
#include "console/view_model.h"

namespace parley::console {

// "incident, high: Router down (resolved, SD-1042)".
std::string ticket_line(const TicketView& ticket);

// A "Customer information" section, below the actions so they stay in reach: contact details
// and assets, then the customer's tickets. Nothing when there is neither.
void draw_customer_information(const ChatView& chat, FrameOutput& out);

}  // namespace parley::console
