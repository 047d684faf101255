#include "http_api.h"

#include "http_exchange.h"
#include "http_sign_in.h"

#include <boost/beast/http/verb.hpp>

#include <exception>
#include <utility>

namespace parley::shell {

HttpApi::HttpApi(std::string host, std::string port, HttpSignIn& sign_in)
    : host_(std::move(host)), port_(std::move(port)), sign_in_(sign_in) {}

HttpApi::~HttpApi() {
    for (Worker& worker : workers_) {
        worker.thread.join();
    }
}

void HttpApi::start(console::ApiRequest request) {
    {
        std::lock_guard lock(mutex_);
        std::erase_if(workers_, [](Worker& worker) {
            if (worker.done) {
                worker.thread.join();
            }
            return worker.done;
        });
    }
    const auto verb = boost::beast::http::string_to_verb(request.method);
    Worker& worker = workers_.emplace_back();
    worker.thread =
        std::thread([this, &worker, verb, request = std::move(request), token = sign_in_.token()] {
            console::ApiAnswer answer{request.id, 0, {}};
            try {
                HttpReply reply =
                    http_exchange(host_, port_, verb, request.path, token, request.body);
                answer.status = static_cast<int>(reply.status);
                answer.body = std::move(reply.body);
            } catch (const std::exception& error) {
                answer.body = std::string("The server cannot be reached: ") + error.what();
            }
            std::lock_guard lock(mutex_);
            answers_.push_back(std::move(answer));
            worker.done = true;
        });
}

std::vector<console::ApiAnswer> HttpApi::drain() {
    std::lock_guard lock(mutex_);
    return std::exchange(answers_, {});
}

}  // namespace parley::shell
