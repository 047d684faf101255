// A Link that shows every message it carries to the fallback font (fallback_font.h) before
// the console reads it, so a customer's Georgian or ★ is drawn in the frame that shows it
// first, or as soon as the full font has arrived. The served console and the no-install demo
// wrap their links in one.
#pragma once

#include "console/link.h"

#include <string>
#include <utility>
#include <vector>

namespace parley::shell {

class GlyphWatchLink final : public console::Link {
public:
    explicit GlyphWatchLink(console::Link& inner) : inner_(inner) {}

    void open() override { inner_.open(); }
    void send(std::string text) override { inner_.send(std::move(text)); }
    void close() override { inner_.close(); }
    std::vector<console::LinkEvent> drain() override;
    std::string describe() const override { return inner_.describe(); }

private:
    console::Link& inner_;
};

}  // namespace parley::shell
