// The webhook POST as a chain of Beast completion handlers, one object per attempt kept alive
// by the handlers that hold it.
#include "server/webhooks/webhook_post.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>

namespace parley::server::webhooks {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

// A receiver's answer body is never read, so a small bound keeps a rogue one from filling
// memory.
constexpr std::uint64_t kMaxResponseBody = 64 * 1024;

class Attempt : public std::enable_shared_from_this<Attempt> {
public:
    Attempt(Strand executor, WebhookTarget target, std::chrono::milliseconds timeout,
            std::function<void(AttemptResult)> done)
        : resolver_(executor),
          stream_(executor),
          target_(std::move(target)),
          timeout_(timeout),
          done_(std::move(done)) {
        parser_.body_limit(kMaxResponseBody);
    }

    void run(const std::map<std::string, std::string>& headers, std::string body) {
        request_.method(http::verb::post);
        request_.target(target_.target);
        request_.version(11);
        request_.set(http::field::host, target_.host + ":" + target_.port);
        request_.set(http::field::user_agent, "parley-webhook");
        request_.set(http::field::content_type, "application/json");
        request_.set(http::field::connection, "close");
        for (const auto& [name, value] : headers)
            request_.set(name, value);
        request_.body() = std::move(body);
        request_.prepare_payload();
        resolver_.async_resolve(target_.host, target_.port,
                                [self = shared_from_this()](beast::error_code error,
                                                            tcp::resolver::results_type found) {
                                    self->on_resolve(error, std::move(found));
                                });
    }

private:
    void on_resolve(beast::error_code error, const tcp::resolver::results_type& found) {
        if (error)
            return fail("could not resolve " + target_.host + ": " + error.message());
        stream_.expires_after(timeout_);
        stream_.async_connect(
            found, [self = shared_from_this()](beast::error_code failed, const tcp::endpoint&) {
                if (failed)
                    return self->fail("could not connect: " + failed.message());
                self->write();
            });
    }

    void write() {
        http::async_write(stream_, request_,
                          [self = shared_from_this()](beast::error_code error, std::size_t) {
                              if (error)
                                  return self->fail("could not send: " + error.message());
                              self->read();
                          });
    }

    void read() {
        http::async_read(stream_, buffer_, parser_,
                         [self = shared_from_this()](beast::error_code error, std::size_t) {
                             if (error)
                                 return self->fail("no answer: " + error.message());
                             beast::error_code ignored;
                             self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                             self->done_(AttemptResult{
                                 static_cast<int>(self->parser_.get().result_int()), std::nullopt});
                         });
    }

    void fail(std::string why) { done_(AttemptResult{std::nullopt, std::move(why)}); }

    tcp::resolver resolver_;
    beast::tcp_stream stream_;
    WebhookTarget target_;
    std::chrono::milliseconds timeout_;
    std::function<void(AttemptResult)> done_;
    http::request<http::string_body> request_;
    beast::flat_buffer buffer_;
    http::response_parser<http::string_body> parser_;
};

}  // namespace

void post_webhook(Strand executor, const WebhookTarget& target,
                  const std::map<std::string, std::string>& headers, std::string body,
                  std::chrono::milliseconds timeout, std::function<void(AttemptResult)> done) {
    std::make_shared<Attempt>(executor, target, timeout, std::move(done))
        ->run(headers, std::move(body));
}

}  // namespace parley::server::webhooks
