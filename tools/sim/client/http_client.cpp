// One keep-alive connection per worker takes jobs from a shared run until none are left; the
// blocking run and the single asynchronous request are the same run with a different ending.
#include "sim/client/http_client.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>

#include "sim/client/countdown.h"

namespace parley::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpRun {
    HttpRun(std::vector<HttpJob> jobs_, std::function<void(std::vector<HttpResult>&)> finish)
        : jobs(std::move(jobs_)), results(jobs.size()), on_finished(std::move(finish)) {}

    // Called by each worker when it runs out of jobs; the last one ends the run.
    void worker_done() {
        if (finished.done() && on_finished) {
            on_finished(results);
        }
    }

    const std::vector<HttpJob> jobs;
    std::vector<HttpResult> results;
    std::function<void(std::vector<HttpResult>&)> on_finished;
    std::atomic<std::size_t> next{0};
    Countdown finished;
};

// One keep-alive connection taking jobs until none are left; a job that fails is reported
// and not retried, and the next one starts on a fresh connection.
class HttpWorker : public std::enable_shared_from_this<HttpWorker> {
public:
    HttpWorker(asio::io_context& io, const tcp::endpoint& server, std::shared_ptr<HttpRun> run)
        : stream_(asio::make_strand(io)),
          server_(server),
          host_(server.address().to_string() + ":" + std::to_string(server.port())),
          run_(std::move(run)) {}

    void take_next() {
        current_ = run_->next.fetch_add(1);
        if (current_ >= run_->jobs.size()) {
            beast::error_code ignored;
            stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
            run_->worker_done();
            return;
        }
        if (stream_.socket().is_open()) {
            send();
            return;
        }
        stream_.expires_after(std::chrono::seconds(30));
        stream_.async_connect(server_, [self = shared_from_this()](beast::error_code error) {
            if (error) {
                self->fail(error);
            } else {
                self->send();
            }
        });
    }

private:
    void send() {
        const HttpJob& job = run_->jobs[current_];
        request_ = {};
        request_.method(job.method);
        request_.target(job.target);
        request_.version(11);
        request_.set(http::field::host, host_);
        request_.keep_alive(true);
        if (!job.bearer.empty()) {
            request_.set(http::field::authorization, "Bearer " + job.bearer);
        }
        if (!job.body.empty()) {
            request_.set(http::field::content_type, "application/json");
            request_.body() = job.body;
        }
        request_.prepare_payload();
        // Sign-ins and new accounts hash a password on purpose slowly; queues form behind them.
        stream_.expires_after(std::chrono::seconds(300));
        http::async_write(stream_, request_,
                          [self = shared_from_this()](beast::error_code error, std::size_t) {
                              if (error) {
                                  self->fail(error);
                              } else {
                                  self->receive();
                              }
                          });
    }

    void receive() {
        response_ = {};
        http::async_read(stream_, buffer_, response_,
                         [self = shared_from_this()](beast::error_code error, std::size_t) {
                             if (error) {
                                 self->fail(error);
                                 return;
                             }
                             HttpResult& result = self->run_->results[self->current_];
                             result.status = self->response_.result_int();
                             result.body = std::move(self->response_.body());
                             if (!self->response_.keep_alive()) {
                                 beast::error_code ignored;
                                 self->stream_.socket().close(ignored);
                             }
                             self->take_next();
                         });
    }

    void fail(beast::error_code error) {
        run_->results[current_].error = error.message();
        beast::error_code ignored;
        stream_.socket().close(ignored);
        buffer_.clear();
        take_next();
    }

    beast::tcp_stream stream_;
    tcp::endpoint server_;
    std::string host_;
    std::shared_ptr<HttpRun> run_;
    std::size_t current_ = 0;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
};

void start_workers(asio::io_context& io, const tcp::endpoint& server,
                   const std::shared_ptr<HttpRun>& run, std::size_t connections) {
    const std::size_t workers = std::max<std::size_t>(1, std::min(connections, run->jobs.size()));
    run->finished.reset(workers);
    for (std::size_t i = 0; i < workers; ++i) {
        auto worker = std::make_shared<HttpWorker>(io, server, run);
        asio::post(io, [worker] { worker->take_next(); });
    }
}

}  // namespace

std::vector<HttpResult> run_http(asio::io_context& io, const tcp::endpoint& server,
                                 std::vector<HttpJob> jobs, std::size_t connections) {
    auto run = std::make_shared<HttpRun>(std::move(jobs), nullptr);
    start_workers(io, server, run, connections);
    // Every request has its own time limit, so this wait ends.
    run->finished.wait();
    return std::move(run->results);
}

void async_http(asio::io_context& io, const tcp::endpoint& server, HttpJob job,
                std::function<void(HttpResult)> answered) {
    std::vector<HttpJob> jobs;
    jobs.push_back(std::move(job));
    auto run = std::make_shared<HttpRun>(
        std::move(jobs), [answered = std::move(answered)](std::vector<HttpResult>& results) {
            answered(std::move(results.front()));
        });
    start_workers(io, server, run, 1);
}

}  // namespace parley::client
