// Beast and Asio's compiled parts, built once here: with BOOST_ASIO_SEPARATE_COMPILATION and
// BOOST_BEAST_SEPARATE_COMPILATION (set by the parley_beast target) the headers leave them out,
// which saves every file that includes Beast a few seconds of compile time.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
