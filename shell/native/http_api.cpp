#include "http_api.h"

#include "http_exchange.h"
#include "http_sign_in.h"

#include <boost/beast/http/verb.hpp>

#include <utility>

namespace parley::shell {

HttpApi::HttpApi(IoThread& io, ServerAddress server, HttpSignIn& sign_in)
    : io_(io), server_(std::move(server)), sign_in_(sign_in), answers_(io) {}

void HttpApi::start(console::ApiRequest request) {
    HttpRequest call;
    call.verb = boost::beast::http::string_to_verb(request.method);
    call.target = std::move(request.path);
    call.token = sign_in_.token();
    call.body = std::move(request.body);
    start_http_exchange(
        io_.context(), server_, std::move(call), [this, id = request.id](HttpReply reply) {
            answers_.push({id, static_cast<int>(reply.status), std::move(reply.body)});
        });
}

}  // namespace parley::shell
