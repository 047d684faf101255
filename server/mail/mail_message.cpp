#include "server/mail/mail_message.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "core/calendar.h"

namespace parley::server::mail {
namespace {

std::string base64(std::string_view bytes) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised.");
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);
    return out;
}

bool plain_ascii(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7e)
            return false;
    }
    return true;
}

// RFC 2047 encoded words of at most 75 characters, split between UTF-8 characters so each word
// decodes on its own.
std::string header_text(std::string_view text) {
    if (plain_ascii(text) && text.size() <= 900)
        return std::string(text);
    constexpr std::size_t kChunk = 45;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + kChunk);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        if (!out.empty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

// Lines end in CRLF whatever the author typed.
std::string crlf_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r')
            continue;
        if (text[i] == '\n')
            out += '\r';
        out += text[i];
    }
    return out;
}

std::string two_digits(int value) {
    return std::string(value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

std::string address_of(std::string_view mailbox) {
    const auto open = mailbox.rfind('<');
    const auto close = mailbox.rfind('>');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open)
        return std::string(mailbox.substr(open + 1, close - open - 1));
    return std::string(mailbox);
}

std::string mail_date(std::int64_t at) {
    static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                         "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const core::CivilDay day = core::civil_day(at);
    const auto seconds = static_cast<int>(day.time_of_day / 1000);
    return std::string(kDays[static_cast<std::size_t>(day.weekday)]) + ", " + two_digits(day.day) +
           " " + kMonths[static_cast<std::size_t>(day.month - 1)] + " " + std::to_string(day.year) +
           " " + two_digits(seconds / 3600) + ":" + two_digits(seconds / 60 % 60) + ":" +
           two_digits(seconds % 60) + " +0000";
}

std::string compose(const OutgoingMail& mail) {
    std::string out;
    out += "Date: " + mail_date(mail.at) + "\r\n";
    out += "From: " + mail.from + "\r\n";
    out += "To: " + mail.to + "\r\n";
    out += "Subject: " + header_text(mail.subject) + "\r\n";
    out += "Message-ID: <" + mail.message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    const std::string encoded = base64(crlf_lines(mail.body));
    for (std::size_t i = 0; i < encoded.size(); i += 76) {
        out += encoded.substr(i, 76) + "\r\n";
    }
    return out;
}

}  // namespace parley::server::mail
