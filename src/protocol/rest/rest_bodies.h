// Every REST body, for code that handles them all alike (the codec's instantiations, the
// published contract): PARLEY_REST_BODIES(X) calls X(Type) once per body.
#pragma once

#include "protocol/rest/chat_bodies.h"
#include "protocol/rest/error_body.h"
#include "protocol/rest/knowledge_bodies.h"
#include "protocol/rest/organisation_bodies.h"
#include "protocol/rest/report_bodies.h"
#include "protocol/rest/session_bodies.h"
#include "protocol/rest/ticket_bodies.h"
#include "protocol/rest/webhook_bodies.h"

#define PARLEY_REST_BODIES(X) \
    X(SignIn)                 \
    X(SessionAnswer)          \
    X(SignedOut)              \
    X(ChangePassword)         \
    X(PasswordChanged)        \
    X(ErrorAnswer)            \
    X(StartCustomerChat)      \
    X(StartIntegrationChat)   \
    X(ChatStarted)            \
    X(ChatAnswer)             \
    X(MessagesAnswer)         \
    X(PostMessage)            \
    X(Posted)                 \
    X(AttachmentUploaded)     \
    X(ChatPage)               \
    X(TranscriptAnswer)       \
    X(QueueList)              \
    X(AgentList)              \
    X(CannedResponseList)     \
    X(SettingsAnswer)         \
    X(CreateStaffAccount)     \
    X(StaffAccountCreated)    \
    X(ResetPassword)          \
    X(PasswordReset)          \
    X(CreateApiKey)           \
    X(ApiKeyCreated)          \
    X(ApiKeyList)             \
    X(ApiKeyRevoked)          \
    X(TicketAnswer)           \
    X(SetTicketStatus)        \
    X(CustomerProfileUpdate)  \
    X(CustomerAnswer)         \
    X(CustomerRecord)         \
    X(ArticleView)            \
    X(ArticleSearch)          \
    X(ArticleSuggestions)     \
    X(ArticleWrite)           \
    X(Deleted)                \
    X(OutageView)             \
    X(OutageList)             \
    X(OutageWrite)            \
    X(TicketWebhook)          \
    X(WebhookUpdate)          \
    X(WebhookAnswer)          \
    X(DeliveryLog)            \
    X(AnalyticsReport)        \
    X(CommandAnswer)
