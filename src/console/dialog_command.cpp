#include "console/dialog_command.h"

namespace parley::console {

std::optional<core::Command> dialog_command(const DialogState& dialog) {
    switch (dialog.open) {
    case Dialog::none:
        return std::nullopt;
    case Dialog::reject_offer:
        return core::RejectOffer{dialog.chat, dialog.text};
    case Dialog::decline_transfer:
        return core::DeclineTransfer{dialog.chat, dialog.text};
    case Dialog::transfer:
        if (dialog.target == TransferTarget::agent) {
            return core::TransferToAgent{dialog.chat, dialog.agent, dialog.text};
        }
        return core::TransferToQueue{dialog.chat, dialog.queue, dialog.text};
    case Dialog::close:
        return core::CloseChat{dialog.chat, dialog.category, dialog.text, dialog.resolve_ticket};
    case Dialog::cancel:
        return core::CancelChat{dialog.chat, dialog.text};
    case Dialog::abandon:
        return core::AbandonChat{dialog.chat, dialog.text};
    case Dialog::create_ticket:
        return core::CreateTicket{dialog.chat, dialog.ticket_kind, dialog.text,
                                  core::Priority::normal};
    case Dialog::request_supervisor:
        return core::RequestSupervisor{dialog.chat, dialog.text};
    case Dialog::reassign:
        return core::ReassignChat{dialog.chat, dialog.agent};
    case Dialog::force_close:
        return core::ForceCloseChat{dialog.chat, dialog.text};
    case Dialog::email_customer:
        return core::EmailCustomer{dialog.chat, dialog.subject, dialog.text};
    case Dialog::link_ticket:
        return core::LinkTicket{dialog.chat, dialog.ticket};
    }
    return std::nullopt;
}

std::string dialog_purpose(Dialog dialog) {
    switch (dialog) {
    case Dialog::none:
        return {};
    case Dialog::reject_offer:
        return "Reject the offer";
    case Dialog::decline_transfer:
        return "Decline the transfer";
    case Dialog::transfer:
        return "Transfer the chat";
    case Dialog::close:
        return "Close the chat";
    case Dialog::cancel:
        return "Cancel the chat";
    case Dialog::abandon:
        return "Close the chat as abandoned";
    case Dialog::create_ticket:
        return "Create a ticket";
    case Dialog::request_supervisor:
        return "Ask a supervisor for help";
    case Dialog::reassign:
        return "Reassign the chat";
    case Dialog::force_close:
        return "Force-close the chat";
    case Dialog::email_customer:
        return "Email the customer";
    case Dialog::link_ticket:
        return "Link a ticket";
    }
    return {};
}

}  // namespace parley::console
