// How tickets and customers look over REST and in the service desk webhook's payload: one
// shape for both, so a service desk reads the same fields either way. Pure functions of the
// State; callers check who may see what (core::may_see_ticket) first.
#pragma once

#include <nlohmann/json.hpp>

#include "core/state.h"

namespace parley::server::rest {

nlohmann::json ticket_json(const core::State& state, const core::Ticket& ticket);
// The customer's record with the contact details and assets integrations attached.
nlohmann::json customer_json(const core::Customer& customer);

}  // namespace parley::server::rest
