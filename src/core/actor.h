// Who issues a command or caused an event. Roles of staff live in State (Agent::profile),
// so an actor names only its kind and id. Standard library only.
#pragma once

#include <string>

namespace parley::core {

// `agent` covers every staff account; its role (agent, supervisor, admin) is looked up in
// State. `customer` is scoped to the customer's own chats. `integration` is an API key
// (bots, channel gateways). `system` is the server itself (timers, bootstrap).
enum class ActorKind { customer, agent, integration, system };

struct Actor {
    ActorKind kind = ActorKind::system;
    // Customer id, agent id or integration key id; empty for the system.
    std::string id;
    bool operator==(const Actor&) const = default;

    static Actor system() { return {ActorKind::system, {}}; }
    static Actor agent(std::string id) { return {ActorKind::agent, std::move(id)}; }
    static Actor customer(std::string id) { return {ActorKind::customer, std::move(id)}; }
    static Actor integration(std::string id) { return {ActorKind::integration, std::move(id)}; }
};

}  // namespace parley::core
