// The snapshot's one encoder, compiled here so that the console never includes the schema
// templates or nlohmann/json.
#include "protocol/automation/automation_codec.h"

#include "protocol/automation/automation_schema.h"

namespace parley::protocol::automation {

std::string encode(const AutomationSnapshot& snapshot) {
    return detail::text_of(snapshot);
}

}  // namespace parley::protocol::automation
