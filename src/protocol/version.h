// The wire protocol's version number, sent in the hello/welcome handshake and in every
// snapshot. Bump it when a message changes shape in a way an older peer cannot read.
// Must not depend on anything.
#pragma once

namespace parley::protocol {

inline constexpr int kProtocolVersion = 1;

}  // namespace parley::protocol
