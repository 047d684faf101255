// GET /api/openapi.json: the REST API's contract (src/protocol/rest/openapi.h), open to
// anyone, as the API it describes is documented in public too.
#include "protocol/rest/openapi.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

}  // namespace

void openapi(const CallPtr& call) {
    // Built once: it describes this binary, which does not change while it runs.
    static const std::string document = protocol::rest::openapi_document(PARLEY_VERSION);
    call->reply_encoded(http::status::ok, document);
}

}  // namespace parley::server::rest
