// Rules for tickets beyond creating one (linking a chat to an existing ticket, status set by
// the external service desk or staff) and for the customer profiles integrations attach.
// Standard library only.
#include <string>

#include "core/decide_parts.h"
#include "core/names.h"

namespace parley::core {
namespace {

constexpr std::size_t kMaxReferenceLength = 200;
constexpr std::size_t kMaxCustomerIdLength = 200;
constexpr std::size_t kMaxAssets = 50;
constexpr std::size_t kMaxFieldLength = 200;

std::string ticket_label(TicketId ticket) {
    return "ticket " + std::to_string(ticket);
}

// The ticket, when `actor` may see it; staff who may not are told it does not exist, so a
// refusal never reveals another customer's business.
std::optional<Decision> check_visible_ticket(const State& state, const Actor& actor, TicketId id,
                                             const Ticket*& ticket) {
    if (id == 0)
        return refuse(codes::kMissingArgument, "Choose a ticket.");
    ticket = state.find_ticket(id);
    if (!ticket || !may_see_ticket(state, actor, *ticket))
        return refuse(codes::kUnknownTicket, "There is no " + ticket_label(id) + ".");
    return std::nullopt;
}

std::optional<Decision> check_length(const std::string& value, std::string_view what) {
    if (value.size() > kMaxFieldLength) {
        return refuse(codes::kInvalidArgument, std::string(what) + " is longer than " +
                                                   std::to_string(kMaxFieldLength) + " bytes.");
    }
    return std::nullopt;
}

std::optional<Decision> check_profile(const CustomerProfile& profile) {
    if (auto refused = check_length(profile.phone, "The phone number"))
        return refused;
    if (auto refused = check_length(profile.email, "The e-mail address"))
        return refused;
    if (auto refused = check_length(profile.company, "The company"))
        return refused;
    if (profile.assets.size() > kMaxAssets) {
        return refuse(codes::kInvalidArgument,
                      "A customer has at most " + std::to_string(kMaxAssets) + " assets.");
    }
    for (const Asset& asset : profile.assets) {
        if (asset.name.empty())
            return refuse(codes::kMissingArgument, "Every asset needs a name.");
        if (auto refused = check_length(asset.name, "An asset's name"))
            return refused;
        if (auto refused = check_length(asset.type, "An asset's type"))
            return refused;
        if (auto refused = check_length(asset.identifier, "An asset's identifier"))
            return refused;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Decision> check_ticketless_chat(Context& ctx, ChatId id, const Chat*& chat) {
    const Agent* agent = nullptr;
    if (auto refused = check_staff_on_open_chat(ctx.state(), ctx.actor(), id, agent, chat))
        return refused;
    if (!is_supervisor(*agent)) {
        if (auto refused = check_assignee(ctx.state(), *agent, *chat))
            return refused;
    }
    if (chat->ticket) {
        return refuse(codes::kTicketExists,
                      chat_label(id) + " already has " + ticket_label(*chat->ticket) + ".");
    }
    return std::nullopt;
}

Decision decide_command(Context& ctx, const LinkTicket& cmd) {
    const Chat* chat = nullptr;
    if (auto refused = check_ticketless_chat(ctx, cmd.chat, chat))
        return *refused;
    const Ticket* ticket = nullptr;
    if (auto refused = check_visible_ticket(ctx.state(), ctx.actor(), cmd.ticket, ticket))
        return *refused;
    const Chat* origin = ctx.state().find_chat(ticket->chat);
    if (!origin || origin->customer != chat->customer) {
        return refuse(codes::kTicketOfOtherCustomer,
                      "Ticket " + std::to_string(ticket->id) + " belongs to another customer.");
    }
    if (ticket->status != TicketStatus::open) {
        return refuse(codes::kTicketNotOpen,
                      "Ticket " + std::to_string(ticket->id) + " is no longer open.");
    }
    Ticket linked = *ticket;
    linked.linked_chats.push_back(cmd.chat);
    ctx.emit(TicketLinked{cmd.chat, std::move(linked)});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetTicketStatus& cmd) {
    const Actor& actor = ctx.actor();
    if (actor.kind == ActorKind::customer)
        return refuse(codes::kNotAuthorized, "Customers cannot change tickets.");
    if (actor.kind == ActorKind::agent) {
        const Agent* agent = nullptr;
        if (auto refused = check_staff(ctx.state(), actor, agent))
            return *refused;
    }
    const Ticket* ticket = nullptr;
    if (auto refused = check_visible_ticket(ctx.state(), actor, cmd.ticket, ticket))
        return *refused;
    if (cmd.reference && cmd.reference->size() > kMaxReferenceLength) {
        return refuse(codes::kInvalidArgument, "The reference is longer than " +
                                                   std::to_string(kMaxReferenceLength) + " bytes.");
    }
    const bool same_reference = !cmd.reference || cmd.reference == ticket->reference;
    if (cmd.status == ticket->status && same_reference) {
        return refuse(codes::kTicketUnchanged, "Ticket " + std::to_string(ticket->id) +
                                                   " is already " +
                                                   std::string(to_string(cmd.status)) + ".");
    }
    ctx.emit(TicketStatusChanged{ticket->id, cmd.status, cmd.reference});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetCustomerProfile& cmd) {
    const ActorKind kind = ctx.actor().kind;
    if (kind != ActorKind::integration && kind != ActorKind::system) {
        return refuse(codes::kNotAuthorized,
                      "Only an integration can set a customer's contact details and assets.");
    }
    if (cmd.customer.empty())
        return refuse(codes::kMissingArgument, "Name the customer.");
    if (cmd.customer.size() > kMaxCustomerIdLength) {
        return refuse(
            codes::kInvalidArgument,
            "The customer id is longer than " + std::to_string(kMaxCustomerIdLength) + " bytes.");
    }
    if (auto refused = check_profile(cmd.profile))
        return *refused;
    ctx.emit(CustomerProfileSet{cmd.customer, cmd.profile});
    return ctx.finish();
}

}  // namespace parley::core
