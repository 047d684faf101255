#include "console/views/admin_membership.h"

#include "console/theme.h"
#include "console/views/admin_form.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

void draw_memberships(const char* heading, const std::vector<Membership>& rows, Listed listed,
                      FrameOutput& out) {
    form_heading(heading);
    for (const Membership& row : rows) {
        const std::string agent(row.agent_name);
        const std::string queue(row.queue_name);
        const bool by_agent = listed == Listed::agents;
        const std::string key = by_agent ? row.agent : std::to_string(row.queue);
        ImGui::PushID(key.c_str());
        form_label((by_agent ? agent : queue).c_str());
        if (row.member) {
            ImGui::TextColored(theme::kGood, "member");
        } else {
            ImGui::TextDisabled("not a member");
        }
        ImGui::SameLine(ImGui::GetFontSize() * 22.5f);
        const std::string item = (by_agent ? "admin.queue.member/" : "admin.agent.queue/") + key;
        if (action_button(row.member ? "Remove" : "Add", row.change, item, out)) {
            if (row.member) {
                out.send(core::RemoveQueueMember{row.queue, row.agent},
                         "Remove " + agent + " from " + queue);
            } else {
                out.send(core::AddQueueMember{row.queue, row.agent},
                         "Add " + agent + " to " + queue);
            }
        }
        ImGui::PopID();
    }
}

}  // namespace parley::console
