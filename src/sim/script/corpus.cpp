// The lines are written the way customers type into a chat widget: short, a little informal,
// sometimes without a greeting.
#include "sim/script/corpus.h"

namespace parley::sim {

const std::vector<std::string>& ByTopic::operator[](Topic topic) const {
    switch (topic) {
    case Topic::invoice:
        return invoice;
    case Topic::password:
        return password;
    case Topic::delivery:
        return delivery;
    case Topic::outage:
        return outage;
    }
    return invoice;
}

const std::vector<Phrasebook>& phrasebooks() {
    static const std::vector<Phrasebook> books = {
        {"en",
         {"Ann", "James", "Olivia", "Tom", "Grace", "Liam", "Emily", "Noah"},
         {"Lee", "Walker", "Brown", "Hughes", "Patel", "Murphy", "Clarke", "Evans"},
         {{"Hi, I was charged twice for my March invoice. Can you refund one of them?",
           "Where can I download the invoice for my last order? I need it for my accountant.",
           "The VAT number on my invoice is wrong, could you issue a corrected one?"},
          {"I can't log in, the password reset e-mail never arrives.",
           "My account got locked after too many password attempts. How do I unlock it?"},
          {"My parcel was supposed to arrive yesterday and the tracking hasn't moved since Monday.",
           "The courier says delivered but there is nothing at my door."},
          {"Is the service down? The dashboard shows error 503 for everyone in our office.",
           "Sync has been failing since this morning, is there an outage?"}},
         {"Thanks. One more thing: can I change the billing address for future orders?",
          "OK, and how long will that take?", "I tried that and it still doesn't work.",
          "Could you also send me a confirmation by e-mail?"},
         {"Great, that solved it. Thank you!", "Perfect, thanks for your help.",
          "That's all, have a nice day!"},
         {"Quick and friendly.", "Took a while, but solved."}},
        {"ru",
         {"Анна", "Дмитрий", "Ольга", "Сергей", "Екатерина", "Алексей", "Наталья", "Михаил"},
         {"Иванова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Волков", "Морозова", "Лебедев"},
         {{"Здравствуйте! С меня дважды списали деньги за мартовский счёт. Верните, пожалуйста.",
           "Где скачать счёт за последний заказ? Он нужен бухгалтерии.",
           "В счёте неправильно указан ИНН, можно выставить исправленный?"},
          {"Не могу войти: письмо для сброса пароля так и не пришло.",
           "Аккаунт заблокирован после нескольких неверных паролей. Как его разблокировать?"},
          {"Посылка должна была прийти вчера, а трекинг не обновляется с понедельника.",
           "Курьер пишет «доставлено», но у двери ничего нет."},
          {"У вас что-то сломалось? Панель показывает ошибку 503 у всего офиса.",
           "С утра не работает синхронизация. Это авария?"}},
         {"Спасибо. И ещё: можно поменять адрес для счетов?", "Хорошо, а сколько это займёт?",
          "Попробовал(а), всё равно не работает.", "Пришлите, пожалуйста, подтверждение на почту."},
         {"Отлично, всё заработало. Спасибо!", "Спасибо большое за помощь!",
          "Это всё, хорошего дня!"},
         {"Быстро и вежливо.", "Долго ждал(а), но вопрос решили."}},
        {"de",
         {"Lena", "Jonas", "Sophie", "Felix", "Marie", "Lukas", "Hannah", "Paul"},
         {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner"},
         {{"Hallo, mir wurde die Rechnung für März doppelt abgebucht. Können Sie eine erstatten?",
           "Wo finde ich die Rechnung zu meiner letzten Bestellung?"},
          {"Ich kann mich nicht anmelden, die E-Mail zum Zurücksetzen des Passworts kommt nicht "
           "an.",
           "Mein Konto ist nach zu vielen Passwortversuchen gesperrt."},
          {"Mein Paket sollte gestern ankommen, die Sendungsverfolgung steht seit Montag still."},
          {"Ist der Dienst gestört? Bei uns im Büro kommt überall Fehler 503."}},
         {"Danke. Kann ich auch die Rechnungsadresse ändern?", "Wie lange dauert das ungefähr?",
          "Habe ich probiert, geht leider immer noch nicht."},
         {"Super, jetzt klappt es. Vielen Dank!", "Danke für die schnelle Hilfe!"},
         {"Schnell und freundlich."}},
        {"es",
         {"Lucía", "Mateo", "Carmen", "Javier", "Sofía", "Diego", "Elena", "Pablo"},
         {"García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz"},
         {{"Hola, me cobraron dos veces la factura de marzo. ¿Pueden devolverme una?",
           "¿Dónde descargo la factura de mi último pedido?"},
          {"No puedo entrar, nunca me llega el correo para restablecer la contraseña.",
           "Mi cuenta se bloqueó tras varios intentos de contraseña."},
          {"Mi paquete debía llegar ayer y el seguimiento no cambia desde el lunes."},
          {"¿Hay una caída del servicio? Todo el equipo ve el error 503."}},
         {"Gracias. ¿Puedo cambiar también la dirección de facturación?", "¿Y cuánto tardará?",
          "Lo he probado y sigue sin funcionar."},
         {"Perfecto, ya funciona. ¡Muchas gracias!", "Gracias por la ayuda, ¡buen día!"},
         {"Rápido y amable."}},
        {"fr",
         {"Camille", "Louis", "Chloé", "Hugo", "Manon", "Jules", "Léa", "Arthur"},
         {"Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux"},
         {{"Bonjour, la facture de mars a été prélevée deux fois. Pouvez-vous en rembourser une ?",
           "Où puis-je télécharger la facture de ma dernière commande ?"},
          {"Je n'arrive pas à me connecter, l'e-mail de réinitialisation du mot de passe n'arrive "
           "jamais.",
           "Mon compte est bloqué après trop d'essais de mot de passe."},
          {"Mon colis devait arriver hier et le suivi n'a pas bougé depuis lundi."},
          {"Le service est-il en panne ? Toute l'équipe voit l'erreur 503."}},
         {"Merci. Puis-je aussi changer l'adresse de facturation ?",
          "Et cela prendra combien de "
          "temps ?",
          "J'ai essayé, ça ne marche toujours pas."},
         {"Parfait, ça marche. Merci beaucoup !", "Merci pour votre aide, bonne journée !"},
         {"Rapide et aimable."}},
    };
    return books;
}

const Phrasebook* phrasebook(std::string_view language) {
    for (const Phrasebook& book : phrasebooks()) {
        if (book.language == language) {
            return &book;
        }
    }
    return nullptr;
}

std::vector<Topic> topics_for_queue(std::string_view queue) {
    if (queue == "Billing") {
        return {Topic::invoice};
    }
    if (queue == "Technical") {
        return {Topic::password, Topic::outage};
    }
    return {Topic::delivery, Topic::invoice, Topic::password, Topic::outage};
}

std::string_view topic_name(Topic topic) {
    constexpr std::string_view kNames[] = {"Invoices", "Passwords", "Deliveries", "Outages"};
    return kNames[static_cast<std::size_t>(topic)];
}

std::optional<Topic> topic_named(std::string_view name) {
    for (const Topic topic : kTopics) {
        if (topic_name(topic) == name) {
            return topic;
        }
    }
    return std::nullopt;
}

const AgentLines& agent_lines() {
    static const AgentLines lines = {
        {"Hello {customer}, I'm {agent}. How can I help you today?",
         "Hi {customer}, {agent} here, thanks for reaching out.",
         "Good day {customer}, my name is {agent} and I'll take care of this."},
        {{"I can see the double charge; I've started a refund, it will be back on your card in 3-5 "
          "days.",
          "I've re-sent the invoice to your e-mail address; you can also download it under "
          "Account > Billing."},
         {"I've sent a new password reset link; it is valid for one hour. Please check your spam "
          "folder too.",
          "I've unlocked your account; you can sign in again now."},
         {"The courier has your parcel at the local depot; it goes out again tomorrow morning.",
          "I've opened a claim with the courier and we'll send a replacement today."},
         {"We're aware of the outage and our engineers are on it; service should be back within "
          "the "
          "hour.",
          "The incident was fixed a few minutes ago; please reload the page."}},
        {"Thank you for waiting, I'm checking this for you now.",
         "Let me look into that, one moment please."},
        {"Is there anything else I can help you with?"},
        {"Thank you for contacting us, {customer}. Have a nice day!",
         "Glad I could help. Take care!"},
        {"Customer asks about billing details; over to you.",
         "Needs someone with admin rights on the account.",
         "Second-level question, please take over."},
        {"I'm at capacity right now, sorry.", "Not my area, back to the queue."},
        {"Answered with the standard procedure.", "Customer confirmed it works.",
         "Followed up by e-mail as well."},
    };
    return lines;
}

std::string fill(std::string text, std::string_view name, std::string_view value) {
    const std::string marker = "{" + std::string(name) + "}";
    for (std::size_t at = text.find(marker); at != std::string::npos;
         at = text.find(marker, at + value.size())) {
        text.replace(at, marker.size(), value);
    }
    return text;
}

}  // namespace parley::sim
