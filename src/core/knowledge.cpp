// Knowledge base and outage rules, and the English/Russian search terms. Standard library only.
//
// [SECTION] Articles
// [SECTION] Outages
// [SECTION] Folding and words
// [SECTION] Stems
// [SECTION] Snippets and suggestions
#include "core/knowledge.h"

#include <algorithm>
#include <utility>

#include "core/decide_context.h"
#include "core/visibility.h"

namespace parley::core {

// [SECTION] Articles

bool may_use_knowledge(const State& state, const Actor& actor) {
    return actor.kind == ActorKind::system || staff_of(state, actor) != nullptr;
}

bool may_manage_knowledge(const State& state, const Actor& actor) {
    return may_administer(state, actor);
}

bool may_read_article(const State& state, const Actor& actor, const Article& article) {
    if (may_manage_knowledge(state, actor)) {
        return true;
    }
    const Agent* agent = staff_of(state, actor);
    if (!agent || article.status != ArticleStatus::published) {
        return false;
    }
    if (is_supervisor(*agent) || article.queues.empty()) {
        return true;
    }
    return std::any_of(article.queues.begin(), article.queues.end(),
                       [agent](QueueId queue) { return agent->queues.contains(queue); });
}

namespace {

Rejection invalid(std::string message) {
    return {std::string(codes::kInvalidArgument), std::move(message)};
}

Rejection missing(std::string message) {
    return {std::string(codes::kMissingArgument), std::move(message)};
}

std::optional<Rejection> unknown_queue_in(const State& state, const std::set<QueueId>& queues) {
    for (const QueueId queue : queues) {
        if (!state.find_queue(queue)) {
            return Rejection{std::string(codes::kUnknownQueue),
                             "There is no queue " + std::to_string(queue) + "."};
        }
    }
    return std::nullopt;
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::optional<Rejection> article_problem(const State& state, const Article& article) {
    if (blank(article.title)) {
        return missing("An article needs a title.");
    }
    if (blank(article.body)) {
        return missing("An article needs a body.");
    }
    if (article.title.size() > kArticleTitleBytes) {
        return invalid("The title is longer than " + std::to_string(kArticleTitleBytes) +
                       " bytes.");
    }
    if (article.body.size() > kArticleBodyBytes) {
        return invalid("The body is longer than " + std::to_string(kArticleBodyBytes) + " bytes.");
    }
    if (article.tags.size() > kArticleTags) {
        return invalid("An article has at most " + std::to_string(kArticleTags) + " tags.");
    }
    for (const std::string& tag : article.tags) {
        if (blank(tag) || tag.size() > kArticleTagBytes ||
            tag.find_first_of("\r\n") != std::string::npos) {
            return invalid("Each tag is one line of 1 to " + std::to_string(kArticleTagBytes) +
                           " bytes.");
        }
    }
    const bool web_link =
        article.link.starts_with("https://") || article.link.starts_with("http://");
    if (!article.link.empty() && (!web_link || article.link.size() > kArticleLinkBytes ||
                                  article.link.find_first_of(" \t\r\n") != std::string::npos)) {
        return invalid("The link must be an http:// or https:// address without spaces.");
    }
    return unknown_queue_in(state, article.queues);
}

// [SECTION] Outages

bool outage_current(const Outage& outage, Timestamp now) {
    return outage.starts_at <= now && now < outage.expected_end;
}

bool outage_listed(const Outage& outage, Timestamp now) {
    return now < outage.expected_end;
}

bool outage_greets(const Outage& outage, QueueId queue, Timestamp now) {
    return outage_current(outage, now) && outage.greet_queues.contains(queue);
}

std::string outage_greeting(const Outage& outage) {
    return "Known issue with " + outage.service + ": " + outage.title +
           ". We are working on it, and an agent will be with you shortly.";
}

std::optional<Rejection> outage_problem(const State& state, const Outage& outage) {
    if (blank(outage.title)) {
        return missing("An outage needs a title.");
    }
    if (blank(outage.service)) {
        return missing("An outage needs the affected service.");
    }
    if (outage.title.size() > kArticleTitleBytes || outage.service.size() > kArticleTitleBytes) {
        return invalid("Title and service are at most " + std::to_string(kArticleTitleBytes) +
                       " bytes each.");
    }
    if (outage.expected_end <= outage.starts_at) {
        return invalid("The expected end must come after the start.");
    }
    return unknown_queue_in(state, outage.greet_queues);
}

// [SECTION] Folding and words

namespace {

// One code point of UTF-8 and its length; malformed bytes read as themselves, length 1.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};

CodePoint decode_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || at + length > text.size()) {
        return {lead, 1};
    }
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) {
            return {lead, 1};
        }
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    return {value, length};
}

void encode(char32_t value, std::string& out) {
    if (value < 0x80) {
        out += static_cast<char>(value);
    } else if (value < 0x800) {
        out += static_cast<char>(0xC0 | (value >> 6));
        out += static_cast<char>(0x80 | (value & 0x3F));
    } else if (value < 0x10000) {
        out += static_cast<char>(0xE0 | (value >> 12));
        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (value & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (value >> 18));
        out += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (value & 0x3F));
    }
}

// Every mapping keeps the UTF-8 length: A-Z, А-Я, Ё and ё all map within their byte width.
char32_t fold(char32_t c) {
    if (c >= U'A' && c <= U'Z') {
        return c + 0x20;
    }
    if (c >= U'А' && c <= U'Я') {
        return c + 0x20;
    }
    if (c == U'Ё' || c == U'ё') {
        return U'е';
    }
    return c;
}

// Letters and digits of any script; ASCII punctuation, Latin-1 symbols and general
// punctuation (dashes, quotes, ellipses) separate words.
bool is_word(char32_t c) {
    if (c < 0x80) {
        return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
    }
    return !(c <= 0xBF || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F));
}

constexpr std::u32string_view kEnglishStopWords[] = {
    U"a",    U"about", U"after", U"again", U"all",   U"am",   U"an",   U"and",  U"any",
    U"are",  U"as",    U"at",    U"be",    U"been",  U"but",  U"by",   U"can",  U"could",
    U"did",  U"do",    U"does",  U"for",   U"from",  U"get",  U"got",  U"had",  U"has",
    U"have", U"hello", U"hi",    U"how",   U"i",     U"if",   U"in",   U"is",   U"it",
    U"its",  U"me",    U"my",    U"no",    U"not",   U"of",   U"on",   U"or",   U"please",
    U"so",   U"that",  U"the",   U"then",  U"there", U"this", U"to",   U"up",   U"was",
    U"we",   U"what",  U"when",  U"where", U"which", U"why",  U"will", U"with", U"would",
    U"you",  U"your",  U"thanks"};

constexpr std::u32string_view kRussianStopWords[] = {
    U"а",          U"без",          U"бы",  U"был",    U"была",    U"было", U"в",     U"вам",
    U"вас",        U"во",           U"вот", U"все",    U"вы",      U"да",   U"для",   U"до",
    U"добрый",     U"день",         U"его", U"ее",     U"если",    U"есть", U"еще",   U"же",
    U"за",         U"здравствуйте", U"и",   U"из",     U"или",     U"им",   U"их",    U"к",
    U"как",        U"когда",        U"ли",  U"мне",    U"мой",     U"моя",  U"мы",    U"на",
    U"не",         U"нет",          U"но",  U"о",      U"об",      U"от",   U"по",    U"подскажите",
    U"пожалуйста", U"почему",       U"при", U"привет", U"с",       U"так",  U"то",    U"у",
    U"уже",        U"что",          U"это", U"я",      U"спасибо", U"меня", U"можно", U"ко",
    U"со"};

bool stop_word(std::u32string_view word) {
    const auto in = [word](const auto& list) {
        return std::find(std::begin(list), std::end(list), word) != std::end(list);
    };
    return in(kEnglishStopWords) || in(kRussianStopWords);
}

// [SECTION] Stems

// A stem shorter than this would match too many words as a prefix.
constexpr std::size_t kMinStem = 3;

constexpr std::u32string_view kEnglishEndings[] = {U"ingly", U"edly", U"ings", U"ing", U"ies",
                                                   U"ied",   U"es",   U"ed",   U"ly",  U"s"};

// Noun, adjective and verb endings, longest first so "ами" goes before "и".
constexpr std::u32string_view kRussianEndings[] = {
    U"иями", U"ться", U"ется", U"ются", U"ями", U"ами", U"ого", U"его", U"ому", U"ему",
    U"ыми",  U"ими",  U"ией",  U"ает",  U"ают", U"ть",  U"ая",  U"яя",  U"ое",  U"ее",
    U"ые",   U"ие",   U"ую",   U"юю",   U"ой",  U"ей",  U"ий",  U"ый",  U"ых",  U"их",
    U"ом",   U"ем",   U"ам",   U"ям",   U"ах",  U"ях",  U"ов",  U"ев",  U"ия",  U"ию",
    U"ии",   U"ет",   U"ит",   U"ут",   U"ют",  U"ли"};

bool cyrillic(char32_t c) {
    return c >= 0x0400 && c <= 0x04FF;
}

bool russian_vowel_or_sign(char32_t c) {
    return std::u32string_view(U"аеиоуыэюяьй").find(c) != std::u32string_view::npos;
}

void strip_longest(std::u32string& word, const auto& endings) {
    for (const std::u32string_view ending : endings) {
        if (word.size() >= ending.size() + kMinStem && word.ends_with(ending)) {
            word.resize(word.size() - ending.size());
            return;
        }
    }
}

// Light suffix stripping: enough that the forms a customer types meet the forms an article
// uses as prefixes of one stem, never a full morphological analysis.
std::u32string stem(std::u32string word) {
    if (cyrillic(word.front())) {
        strip_longest(word, kRussianEndings);
        if (word.size() > kMinStem && russian_vowel_or_sign(word.back())) {
            word.pop_back();
        }
        return word;
    }
    if (word.ends_with(U"ss") || word.ends_with(U"us")) {
        return word;
    }
    strip_longest(word, kEnglishEndings);
    if (word.size() > kMinStem && word.back() == U'e') {
        word.pop_back();
    }
    return word;
}

std::vector<std::u32string> words_of(std::string_view text) {
    std::vector<std::u32string> words;
    std::u32string word;
    for (std::size_t at = 0; at <= text.size();) {
        const CodePoint c = at < text.size() ? decode_at(text, at) : CodePoint{U' ', 1};
        const char32_t folded = fold(c.value);
        if (is_word(folded)) {
            word += folded;
        } else if (!word.empty()) {
            words.push_back(std::exchange(word, {}));
        }
        at += c.length;
    }
    return words;
}

std::string utf8(std::u32string_view word) {
    std::string out;
    for (const char32_t c : word) {
        encode(c, out);
    }
    return out;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint c = decode_at(text, at);
        const char32_t folded = fold(c.value);
        if (folded == c.value) {
            out.append(text.substr(at, c.length));
        } else {
            encode(folded, out);
        }
        at += c.length;
    }
    return out;
}

std::vector<std::string> search_terms(std::string_view text) {
    std::vector<std::string> terms;
    for (std::u32string& word : words_of(text)) {
        if (stop_word(word) || (word.size() < 2 && !(word[0] >= U'0' && word[0] <= U'9'))) {
            continue;
        }
        std::string term = utf8(stem(std::move(word)));
        if (std::find(terms.begin(), terms.end(), term) == terms.end()) {
            terms.push_back(std::move(term));
            if (terms.size() == kMaxSearchTerms) {
                break;
            }
        }
    }
    return terms;
}

// [SECTION] Snippets and suggestions

std::string snippet(std::string_view body, const std::vector<std::string>& terms,
                    std::size_t max_bytes) {
    const std::string folded = fold_for_search(body);
    std::size_t hit = std::string::npos;
    for (const std::string& term : terms) {
        hit = std::min(hit, folded.find(term));
    }
    std::size_t start = 0;
    if (hit != std::string::npos && hit > max_bytes / 3) {
        const std::size_t space = body.find(' ', hit - max_bytes / 3);
        start = space < hit ? space + 1 : hit;
    }
    std::size_t end = body.size();
    if (end - start > max_bytes) {
        const std::size_t space = body.rfind(' ', start + max_bytes);
        end = space != std::string_view::npos && space > start ? space : start + max_bytes;
        while (end > start && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) {
            --end;
        }
    }
    std::string out = start > 0 ? "…" : "";
    for (const char c : body.substr(start, end - start)) {
        out += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
    }
    if (end < body.size()) {
        out += "…";
    }
    return out;
}

std::string suggestion_text(const Chat& chat) {
    std::vector<const Message*> latest;
    for (auto it = chat.messages.rbegin();
         it != chat.messages.rend() && latest.size() < kSuggestionMessages; ++it) {
        if (it->author.kind == AuthorKind::customer && !it->text.empty()) {
            latest.push_back(&*it);
        }
    }
    std::string text;
    for (auto it = latest.rbegin(); it != latest.rend(); ++it) {
        text += (*it)->text;
        text += '\n';
    }
    return text;
}

std::optional<MessageId> latest_customer_message(const Chat& chat) {
    for (auto it = chat.messages.rbegin(); it != chat.messages.rend(); ++it) {
        if (it->author.kind == AuthorKind::customer) {
            return it->id;
        }
    }
    return std::nullopt;
}

}  // namespace parley::core
