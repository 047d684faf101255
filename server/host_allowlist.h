// Defence against DNS rebinding: a page on an attacker's domain that resolves to this server
// reaches it as same-origin, but its requests carry the attacker's name in Host. Only the names
// this server answers to are served: localhost, 127.0.0.1 and [::1], the listen address and the
// address the client connected to (all with the server's port), the hosts of the allowed
// origins, and --allowed-hosts. IP literals cannot be rebound, names can.
#pragma once

#include <string_view>

#include "server/base/config.h"

namespace parley::server {

// `local_address` and `local_port`: the socket's own end, as the client reached it.
bool host_allowed(std::string_view host, std::string_view local_address, unsigned short local_port,
                  const ServerConfig& config);

}  // namespace parley::server
