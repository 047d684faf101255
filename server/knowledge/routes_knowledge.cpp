// The knowledge base over REST: ranked search and a chat's suggestions for staff, articles
// managed by admins. The store ranks; core::may_read_article decides what each caller gets,
// so an agent never learns of a draft or of an article meant for another queue's agents.
// Store work blocks and runs on the REST workers; the rules run with the State on the strand.
//
// [SECTION] Shared steps
// [SECTION] Reading
// [SECTION] Writing
#include <utility>

#include "core/rules.h"
#include "protocol/session.h"
#include "server/knowledge/knowledge_json.h"
#include "server/knowledge/knowledge_routes.h"
#include "server/rest/chat_access.h"
#include "server/rest/request_fields.h"

namespace parley::server::knowledge {
namespace {

namespace http = boost::beast::http;
using rest::CallPtr;

// Candidates taken from the index before the access rule filters them.
constexpr std::size_t kCandidates = 200;
constexpr std::int64_t kDefaultLimit = 10;
// A short list beside the chat: more would push the preview out of sight.
constexpr std::size_t kSuggestions = 5;
constexpr std::size_t kQueryBytes = 1000;
// Two or three lines of the narrow Resources column.
constexpr std::size_t kSnippetBytes = 140;

// [SECTION] Shared steps

// Keeps `articles` the caller may read, at most `limit`, each with a snippet for `terms`.
std::vector<protocol::rest::ArticleView> readable(const core::State& state,
                                                  const core::Actor& actor,
                                                  const std::vector<core::Article>& articles,
                                                  const std::vector<std::string>& terms,
                                                  std::size_t limit) {
    std::vector<protocol::rest::ArticleView> out;
    for (const core::Article& article : articles) {
        if (out.size() == limit) {
            break;
        }
        if (core::may_read_article(state, actor, article)) {
            out.push_back(article_view(article, core::snippet(article.body, terms, kSnippetBytes)));
        }
    }
    return out;
}

using Answer = std::function<void(std::vector<protocol::rest::ArticleView>)>;

// Looks articles up on a worker, then answers with what the caller may read.
void answer_found(const CallPtr& call, std::function<std::vector<core::Article>()> find,
                  std::vector<std::string> terms, std::size_t limit, Answer answer) {
    call->off_strand([call, find = std::move(find), terms = std::move(terms), limit,
                      answer = std::move(answer)] {
        store_step(*call, [&] {
            auto found = find();
            rest::read_state(call, [call, found = std::move(found), terms, limit,
                                    answer](const core::State& state) {
                answer(readable(state, call->principal->actor, found, terms, limit));
            });
        });
    });
}

}  // namespace

// [SECTION] Reading

void search_articles(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    std::optional<std::int64_t> limit;
    if (!rest::query_integer(*call, "limit", 1, 50, limit)) {
        return;
    }
    const std::string q = call->query("q").value_or("");
    if (q.size() > kQueryBytes) {
        call->fail(http::status::bad_request, "invalid_value",
                   "The query parameter q is longer than 1000 bytes.");
        return;
    }
    std::vector<std::string> terms = core::search_terms(q);
    const bool everything = q.find_first_not_of(' ') == std::string::npos;
    KnowledgeStore& store = call->services.knowledge;
    auto find = [&store, terms, everything] {
        return everything ? store.articles() : store.search(terms, kCandidates);
    };
    answer_found(
        call, std::move(find), std::move(terms),
        static_cast<std::size_t>(limit.value_or(everything ? 50 : kDefaultLimit)),
        [call, q](std::vector<protocol::rest::ArticleView> articles) {
            call->reply(http::status::ok, protocol::rest::ArticleSearch{q, std::move(articles)});
        });
}

void article_suggestions(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    const auto chat = call->query("chat");
    if (!chat) {
        call->fail(http::status::bad_request, "missing_field",
                   "The query parameter chat is required.");
        return;
    }
    if (!core::is_valid_chat_id(*chat)) {
        rest::fail_unknown_chat(*call, *chat);
        return;
    }
    rest::read_state(call, [call, id = *chat](const core::State& state) {
        const core::Chat* found = rest::reachable_chat(*call, state, id);
        if (!found) {
            return;
        }
        std::vector<std::string> terms = core::search_terms(core::suggestion_text(*found));
        const auto message = core::latest_customer_message(*found);
        KnowledgeStore& store = call->services.knowledge;
        answer_found(
            call, [&store, terms] { return store.search(terms, kCandidates); }, terms, kSuggestions,
            [call, id, message](std::vector<protocol::rest::ArticleView> articles) {
                call->reply(http::status::ok,
                            protocol::rest::ArticleSuggestions{id, message, std::move(articles)});
            });
    });
}

void get_article(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    const auto id = id_param(*call, "unknown_article", "article");
    if (!id) {
        return;
    }
    call->off_strand([call, id = *id] {
        store_step(*call, [&] {
            auto article = call->services.knowledge.article(id);
            rest::read_state(call, [call, article](const core::State& state) {
                if (!article || !core::may_read_article(state, call->principal->actor, *article)) {
                    call->fail(http::status::not_found, "unknown_article",
                               "There is no such article that you can read.");
                    return;
                }
                call->reply(http::status::ok, article_view(*article));
            });
        });
    });
}

// [SECTION] Writing

namespace {

void save_article(const CallPtr& call, core::ArticleId id) {
    auto article = read_article(*call);
    if (!article) {
        return;
    }
    article->id = id;
    as_manager(call, [call, article = std::move(*article)](const core::State& state) mutable {
        if (auto problem = core::article_problem(state, article)) {
            call->fail(protocol::Rejected{{}, problem->code, problem->message});
            return;
        }
        article.updated_at = call->services.clock();
        call->off_strand([call, article = std::move(article)] {
            store_step(*call, [&] {
                const bool created = article.id == 0;
                const auto saved = call->services.knowledge.put_article(article);
                if (!saved) {
                    call->fail(http::status::not_found, "unknown_article",
                               "There is no such article.");
                    return;
                }
                call->reply(created ? http::status::created : http::status::ok,
                            article_view(*saved));
            });
        });
    });
}

}  // namespace

void create_article(const CallPtr& call) {
    save_article(call, 0);
}

void update_article(const CallPtr& call) {
    if (const auto id = id_param(*call, "unknown_article", "article")) {
        save_article(call, *id);
    }
}

void delete_article(const CallPtr& call) {
    delete_by_id(call, "unknown_article", "article",
                 [](KnowledgeStore& store, std::uint64_t id) { return store.delete_article(id); });
}

void store_step(rest::Call& call, const std::function<void()>& work) {
    try {
        work();
    } catch (const StoreFailure& failure) {
        call.fail(http::status::service_unavailable, "store_unavailable",
                  "The knowledge base could not be read or written: " + failure.error().message);
    }
}

void as_manager(const rest::CallPtr& call, std::function<void(const core::State&)> then) {
    if (!call->require_staff()) {
        return;
    }
    rest::read_state(call, [call, then = std::move(then)](const core::State& state) {
        if (!core::may_manage_knowledge(state, call->principal->actor)) {
            call->fail(http::status::forbidden, "not_authorized",
                       "Only admins may change the knowledge base.");
            return;
        }
        then(state);
    });
}

void delete_by_id(const rest::CallPtr& call, const char* code, const char* noun,
                  std::function<bool(KnowledgeStore&, std::uint64_t)> remove) {
    const auto id = id_param(*call, code, noun);
    if (!id) {
        return;
    }
    as_manager(call, [call, id = *id, code, noun, remove = std::move(remove)](const core::State&) {
        call->off_strand([call, id, code, noun, remove] {
            store_step(*call, [&] {
                if (!remove(call->services.knowledge, id)) {
                    call->fail(http::status::not_found, code,
                               "There is no such " + std::string(noun) + ".");
                    return;
                }
                call->reply(http::status::ok, protocol::rest::Deleted{id});
            });
        });
    });
}

}  // namespace parley::server::knowledge
