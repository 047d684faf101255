// The console's REST calls from the desktop, as the signed-in user (bearer token): each is an
// exchange on the console's I/O thread; answers queue for the frame to hand to the console.
#pragma once

#include "console/api_calls.h"
#include "inbox.h"
#include "io_thread.h"
#include "server_address.h"

#include <vector>

namespace parley::shell {

class HttpSignIn;

class HttpApi {
public:
    HttpApi(IoThread& io, ServerAddress server, HttpSignIn& sign_in);

    void start(console::ApiRequest request);
    std::vector<console::ApiAnswer> drain() { return answers_.drain(); }

private:
    IoThread& io_;
    ServerAddress server_;
    HttpSignIn& sign_in_;
    Inbox<console::ApiAnswer> answers_;
};

}  // namespace parley::shell
