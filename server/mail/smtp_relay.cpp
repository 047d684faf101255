#include "server/mail/smtp_relay.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace parley::server::mail {
namespace {

// curl_global_init is not thread-safe; once per process, before the first handle.
void ensure_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
    std::string text;
    std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = upload->text.size() - upload->sent;
    const std::size_t taken = left < room ? left : room;
    std::memcpy(buffer, upload->text.data() + upload->sent, taken);
    upload->sent += taken;
    return taken;
}

}  // namespace

SmtpRelay::SmtpRelay(RelaySettings settings) : settings_(std::move(settings)) {
    ensure_curl();
}

std::optional<std::string> SmtpRelay::send(const OutgoingMail& mail) const {
    if (settings_.url.empty())
        return "No mail relay is configured (--smtp-url), so the email was not sent.";
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        return "The mail library could not start.";
    Upload upload{compose(mail), 0};
    const std::string from = "<" + address_of(mail.from) + ">";
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
        curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()), curl_slist_free_all);
    char error[CURL_ERROR_SIZE] = {};
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, settings_.timeout_seconds);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    if (!settings_.user.empty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, settings_.password.c_str());
        // Credentials only over TLS: STARTTLS on smtp://, implicit on smtps://.
        curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    const CURLcode result = curl_easy_perform(handle);
    if (result == CURLE_OK)
        return std::nullopt;
    long response = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response);
    std::string why = error[0] != '\0' ? error : curl_easy_strerror(result);
    if (response != 0)
        why += " (the relay answered " + std::to_string(response) + ")";
    return "The mail relay did not take the email: " + why + ".";
}

}  // namespace parley::server::mail
