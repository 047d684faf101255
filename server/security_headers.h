// Headers every answer carries, whatever produced it (pages, scripts, REST, errors):
// no Referer leaves a Parley page, no browser guesses a type, and no page of this server can
// be framed by another site (clickjacking the console). HTML pages also get a Content Security
// Policy that lets only this server's own scripts run: the console's wasm needs
// 'wasm-unsafe-eval', the pages' inline style attributes need 'unsafe-inline' for styles only.
// Scripts and style sheets stay loadable from other sites (the widget is embedded by a
// <script> tag): a CSP on them does not bind the page that includes them.
#pragma once

#include <boost/beast/http/message.hpp>

namespace parley::server {

// Leaves a Content-Security-Policy the response already has (downloads set a stricter one).
void add_security_headers(boost::beast::http::response_header<>& response);

}  // namespace parley::server
