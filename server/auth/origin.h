// Defence against cross-site WebSocket hijacking: browsers send cookies with a WebSocket
// upgrade from any page, so the server must check the page's Origin before trusting them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::server::auth {

// True when a WebSocket upgrade with this Origin header may proceed:
// - no Origin at all (not a browser, e.g. the native console);
// - the page came from this server: "http://" or "https://" + the Host header (port included);
// - the origin is one of allowed_origins ("scheme://host[:port]", host case-insensitive,
//   a trailing slash ignored, a default port equal to none).
// "null" (sandboxed frames, file: pages) and everything else is refused.
bool origin_allowed(std::string_view origin, std::string_view host,
                    const std::vector<std::string>& allowed_origins);

}  // namespace parley::server::auth
