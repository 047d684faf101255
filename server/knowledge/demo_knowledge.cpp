// The demo knowledge base: what a small support team writes down first.
#include "server/knowledge/demo_knowledge.h"

#include "server/store/store.h"

namespace parley::server {
namespace {

constexpr core::QueueId kBilling = 2;
constexpr core::QueueId kTechnical = 3;

core::Article article(std::string title, std::string body, std::vector<std::string> tags,
                      std::set<core::QueueId> queues, std::string link = {},
                      core::ArticleStatus status = core::ArticleStatus::published) {
    core::Article out;
    out.title = std::move(title);
    out.body = std::move(body);
    out.tags = std::move(tags);
    out.queues = std::move(queues);
    out.link = std::move(link);
    out.status = status;
    return out;
}

}  // namespace

std::vector<core::Article> demo_articles(core::Timestamp now) {
    std::vector<core::Article> articles = {
        article("How refunds work",
                "You can ask for your money back within 30 days of a payment. Once we approve "
                "the refund, it goes back to the card or account you paid with; banks usually "
                "show it within 5 to 10 business days. Partial refunds are possible when only "
                "part of an order is returned.",
                {"refund", "money back", "return"}, {kBilling},
                "https://help.parley.example/billing/refunds"),
        article("Resetting your password",
                "On the sign-in page choose \"Forgot password\" and enter the e-mail address of "
                "your account. We send a reset link that works for one hour. If the e-mail does "
                "not arrive, check the spam folder, then ask us to send it again.",
                {"password", "sign in", "login"}, {},
                "https://help.parley.example/account/password"),
        article("Updating the card on your subscription",
                "Open Billing › Payment method and choose \"Replace card\". The new card is "
                "charged from the next invoice on; an expired or declined card can be replaced "
                "the same way, and we retry the failed payment within a day.",
                {"card", "payment method", "expired card"}, {kBilling},
                "https://help.parley.example/billing/card"),
        article("Downloading invoices and receipts",
                "Every invoice is under Billing › Invoices as a PDF, with VAT shown separately. "
                "To put a company name or VAT number on future invoices, fill in Billing › "
                "Company details before the next billing date.",
                {"invoice", "receipt", "VAT"}, {kBilling},
                "https://help.parley.example/billing/invoices"),
        article("Cancelling a subscription",
                "You can cancel at any time under Billing › Plan › Cancel subscription. The "
                "plan stays active until the end of the period you paid for, and nothing more "
                "is charged after that.",
                {"cancel", "subscription", "plan"}, {kBilling}),
        article("Router does not connect to the internet",
                "Unplug the router for 30 seconds and plug it back in. If the internet light "
                "stays red, check that the cable from the wall socket is firmly in the WAN port. "
                "Still offline after 5 minutes: tell us the router model and the colour of its "
                "lights.",
                {"router", "internet", "offline", "wifi"}, {kTechnical},
                "https://help.parley.example/tech/router"),
        article("Two-factor authentication codes do not arrive",
                "Codes are sent by SMS to the phone number on the account. Check that the phone "
                "has signal and is not blocking short numbers. After three failed attempts wait "
                "10 minutes, or switch to an authenticator app under Security › Two-factor.",
                {"2fa", "sms", "code", "security"}, {kTechnical}),
        article("Как вернуть деньги за платёж",
                "Вернуть деньги можно в течение 30 дней после платежа. После одобрения возврата "
                "деньги поступят на карту или счёт, с которого вы платили, обычно за 5–10 "
                "рабочих дней. Частичный возврат возможен, если возвращается часть заказа.",
                {"возврат", "деньги", "платёж"}, {kBilling},
                "https://help.parley.example/ru/billing/refunds"),
        article("Восстановление пароля",
                "На странице входа нажмите «Забыли пароль?» и укажите адрес электронной почты "
                "аккаунта. Мы пришлём ссылку для сброса, она действует один час. Если письма "
                "нет, проверьте папку «Спам».",
                {"пароль", "вход"}, {}, "https://help.parley.example/ru/account/password"),
        article("Не приходит СМС-код",
                "Коды подтверждения приходят по СМС на номер телефона из профиля. Проверьте, что "
                "телефон в сети и не блокирует короткие номера. После трёх неудачных попыток "
                "подождите 10 минут или подключите приложение-аутентификатор.",
                {"смс", "код", "подтверждение"}, {kTechnical}),
        article("Смена тарифа",
                "Тариф можно сменить в разделе «Оплата › Тариф». При переходе на более дорогой "
                "тариф разница списывается сразу, при переходе на более дешёвый — новый тариф "
                "начнёт действовать со следующего периода.",
                {"тариф", "оплата"}, {kBilling}),
        article("Медленный интернет: что проверить",
                "Проверьте скорость по кабелю, а не по Wi-Fi. Перезагрузите роутер и отключите "
                "лишние устройства. Если скорость ниже тарифной больше часа, сообщите нам "
                "результаты замера скорости.",
                {"интернет", "скорость", "роутер"}, {kTechnical}),
        article("New billing portal (draft)",
                "From next quarter invoices, cards and plans move to the new billing portal. "
                "Not to be shared with customers before the announcement.",
                {"billing portal"}, {kBilling}, {}, core::ArticleStatus::draft),
    };
    for (core::Article& each : articles) {
        each.updated_at = now;
    }
    return articles;
}

core::Outage demo_outage(core::Timestamp now) {
    core::Outage outage;
    outage.title = "Some card payments are declined";
    outage.service = "Card payments";
    outage.starts_at = now - 30 * core::kMinute;
    outage.expected_end = now + 3 * core::kHour;
    outage.updated_at = now;
    return outage;
}

std::optional<std::string> create_demo_knowledge(KnowledgeStore& knowledge, core::Timestamp now) {
    try {
        for (core::Article& each : demo_articles(now)) {
            knowledge.put_article(std::move(each));
        }
        knowledge.put_outage(demo_outage(now));
    } catch (const StoreFailure& failure) {
        return "demo knowledge base: " + failure.error().message;
    }
    return std::nullopt;
}

}  // namespace parley::server
