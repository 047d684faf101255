// Outcomes of a command that are not events: the core's rejection and the duplicate notice.
// (Protocol errors use the handshake's "error" message.) Depends on parley_core and the
// private json helpers only.
#include "protocol/codec.h"
#include "protocol/json_fields.h"

namespace parley::protocol {
namespace detail {

template <>
inline constexpr auto kSchema<core::Rejection> = tagged("rejection",
                                                        field("code", &core::Rejection::code),
                                                        field("message",
                                                              &core::Rejection::message));

}  // namespace detail

std::string encode_rejection(const core::Rejection& rejection) {
    return detail::text_of(rejection);
}

Result<core::Rejection> decode_rejection(std::string_view json_text) {
    return detail::decode_tagged<core::Rejection>(json_text, detail::kMaxMessageBytes);
}

std::string encode_duplicate(const core::CommandId& command_id) {
    detail::Json object = detail::Json::object();
    object["type"] = "duplicate";
    object["command_id"] = command_id;
    return detail::dump(object);
}

}  // namespace parley::protocol
