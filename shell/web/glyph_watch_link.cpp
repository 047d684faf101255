#include "glyph_watch_link.h"

#include "fallback_font.h"

namespace parley::shell {

std::vector<console::LinkEvent> GlyphWatchLink::drain() {
    std::vector<console::LinkEvent> events = inner_.drain();
    for (const console::LinkEvent& event : events) {
        if (const auto* message = std::get_if<console::LinkMessage>(&event)) {
            note_text(message->text);
        }
    }
    return events;
}

}  // namespace parley::shell
