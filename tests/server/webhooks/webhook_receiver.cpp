// The test receiver: one request per connection, answered and closed.
#include "webhooks/webhook_receiver.h"

#include <algorithm>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace parley::server::testing {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

WebhookReceiver::WebhookReceiver(std::vector<int> statuses)
    : statuses_(std::move(statuses)),
      acceptor_(io_, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { serve(); });
}

WebhookReceiver::~WebhookReceiver() {
    stopping_ = true;
    // A connection of its own wakes the blocking accept, which then sees it should stop.
    beast::error_code ignored;
    tcp::socket poke(io_);
    poke.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_), ignored);
    thread_.join();
}

void WebhookReceiver::serve() {
    for (;;) {
        tcp::socket socket(io_);
        beast::error_code error;
        acceptor_.accept(socket, error);
        if (error || stopping_)
            return;
        beast::flat_buffer buffer;
        http::request<http::string_body> request;
        http::read(socket, buffer, request, error);
        if (error)
            continue;
        ReceivedRequest received{
            std::string(request.target()), {}, request.body(), std::chrono::steady_clock::now()};
        for (const auto& field : request)
            received.headers[std::string(field.name_string())] = std::string(field.value());
        int status = 200;
        {
            std::lock_guard lock(mutex_);
            const std::size_t at = std::min(received_.size(), statuses_.size() - 1);
            status = statuses_[at];
            received_.push_back(std::move(received));
        }
        http::response<http::string_body> response{static_cast<http::status>(status), 11};
        response.body() = status < 300 ? "ok" : "try again";
        response.prepare_payload();
        http::write(socket, response, error);
        socket.shutdown(tcp::socket::shutdown_both, error);
    }
}

std::vector<ReceivedRequest> WebhookReceiver::wait_for(std::size_t count,
                                                       std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (received_.size() >= count || std::chrono::steady_clock::now() > deadline)
                return received_;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace parley::server::testing
