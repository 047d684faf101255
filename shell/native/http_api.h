// The console's REST calls from the desktop: each runs on its own thread with the signed-in
// user's bearer token; answers queue for the frame to hand to the console.
#pragma once

#include "console/api_calls.h"

#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parley::shell {

class HttpSignIn;

class HttpApi {
public:
    HttpApi(std::string host, std::string port, HttpSignIn& sign_in);
    ~HttpApi();
    HttpApi(const HttpApi&) = delete;
    HttpApi& operator=(const HttpApi&) = delete;

    void start(console::ApiRequest request);
    std::vector<console::ApiAnswer> drain();

private:
    std::string host_;
    std::string port_;
    HttpSignIn& sign_in_;
    std::mutex mutex_;
    std::vector<console::ApiAnswer> answers_;
    struct Worker {
        std::thread thread;
        bool done = false;  // guarded by mutex_
    };
    // Finished workers are joined when the next call starts.
    std::list<Worker> workers_;
};

}  // namespace parley::shell
