// Outage notices over REST: staff list the current and upcoming ones, admins publish, change
// and withdraw them. The store keeps them in memory too, for the greeting (outage_greeter.h).
#include <algorithm>

#include "protocol/session.h"
#include "server/knowledge/knowledge_json.h"
#include "server/knowledge/knowledge_routes.h"
#include "server/rest/chat_access.h"

namespace parley::server::knowledge {
namespace {

namespace http = boost::beast::http;
using rest::CallPtr;

}  // namespace

void list_outages(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    rest::read_state(call, [call](const core::State& state) {
        if (!core::may_use_knowledge(state, call->principal->actor)) {
            call->fail(http::status::forbidden, "not_authorized", "Only staff may do this.");
            return;
        }
        const core::Timestamp now = call->services.clock();
        protocol::rest::OutageList list;
        for (const core::Outage& outage : call->services.knowledge.outages()) {
            if (core::outage_listed(outage, now)) {
                list.outages.push_back(outage_view(outage, now));
            }
        }
        call->reply(http::status::ok, list);
    });
}

namespace {

void save_outage(const CallPtr& call, core::OutageId id) {
    auto outage = read_outage(*call);
    if (!outage) {
        return;
    }
    outage->id = id;
    as_manager(call, [call, outage = std::move(*outage)](const core::State& state) mutable {
        if (auto problem = core::outage_problem(state, outage)) {
            call->fail(protocol::Rejected{{}, problem->code, problem->message});
            return;
        }
        outage.updated_at = call->services.clock();
        call->off_strand([call, outage = std::move(outage)] {
            store_step(*call, [&] {
                const auto saved = call->services.knowledge.put_outage(outage);
                if (!saved) {
                    call->fail(http::status::not_found, "unknown_outage",
                               "There is no such outage.");
                    return;
                }
                call->reply(outage.id == 0 ? http::status::created : http::status::ok,
                            outage_view(*saved, call->services.clock()));
            });
        });
    });
}

}  // namespace

void create_outage(const CallPtr& call) {
    save_outage(call, 0);
}

void update_outage(const CallPtr& call) {
    if (const auto id = id_param(*call, "unknown_outage", "outage")) {
        save_outage(call, *id);
    }
}

void delete_outage(const CallPtr& call) {
    delete_by_id(call, "unknown_outage", "outage",
                 [](KnowledgeStore& store, std::uint64_t id) { return store.delete_outage(id); });
}

}  // namespace parley::server::knowledge
