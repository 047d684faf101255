#!/usr/bin/env bash
# The dependency direction of the test command: core <- protocol <- engine <- server and
# sim/script; protocol <- console; the tools and the shells on top. Nothing below includes what
# sits above it (src/ never includes a tool, the engine never the console).
# A folder's files may include only from the folders listed for it below; an #include "x/..."
# that points anywhere else fails the check with the file, the line and the rule it breaks.
# Inside the server the folders are layered too, so an include cycle between two of them fails.
# The demo organisation (src/sim/script) is pure scripted data on the core and the engine: the
# server seeds the demo from it, the in-page demo and the simulator (tools/sim) play it.
set -euo pipefail
cd "$1"

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'server/*.cpp' 'server/*.h' \
        'shell/*.cpp' 'shell/*.h' 'tools/*.cpp' 'tools/*.h')
else
    mapfile -t files < <(find src server shell tools \( -name '*.cpp' -o -name '*.h' \) -type f)
fi
[ "${#files[@]}" -gt 0 ] || { echo "no C++ files found below $1"; exit 1; }

# The folders a file may include from, by the folder it sits in (the longest prefix wins); an
# include names a folder by its first path part, or two for sim/script and server/.
# Inside the server, by folder, as its libraries link (server/CMakeLists.txt): the log and
# configuration (server/base), stores, tokens and metrics at the bottom; access and the
# authority on them; the read model on the authority; the mailer and the REST basics
# (server/rest) on those; the knowledge base
# and the webhook on the REST basics; the top-level files (sessions, the listing of every route
# in api_routes.cpp, start-up) on everything. A top-level header counts as server/NAME.
grep -H -n '^#include "[a-z]*/' "${files[@]}" | awk -v files="${#files[@]}" '
BEGIN {
    rules["src/core"] = "core"
    rules["src/protocol"] = "core protocol"
    rules["src/console"] = "core protocol console"
    rules["src/engine"] = "core protocol engine"
    rules["src/sim/script"] = "core engine sim/script"
    rules["tools/sim"] = "core protocol engine sim sim/script sim/client sim/load"
    rules["shell"] = "core protocol engine console sim/script shell"
    below_rest = "core protocol engine server/access server/auth server/base server/engine server/metrics server/readmodel server/store"
    rules["server"] = "core protocol engine sim/script server/*"
    rules["server/base"] = "server/base"
    rules["server/store"] = "core protocol server/store"
    rules["server/auth"] = "core server/auth"
    rules["server/metrics"] = "server/metrics"
    rules["server/access"] = "core protocol server/access server/auth server/base server/metrics server/store"
    rules["server/engine"] = "core protocol engine server/auth server/base server/engine server/metrics server/store"
    rules["server/readmodel"] = "core protocol server/base server/engine server/readmodel server/store"
    rules["server/mail"] = "core protocol server/base server/engine server/mail"
    rules["server/rest"] = below_rest " server/rest server/services"
    rules["server/knowledge"] = below_rest " server/rest server/knowledge"
    rules["server/webhooks"] = below_rest " server/rest server/webhooks"
    split("core protocol engine console sim server shell tests", names, " ")
    for (i in names) known[names[i]] = 1
}
{
    split($0, part, ":")
    file = part[1]; line = part[2]
    include = $0; sub(/^[^"]*"/, "", include); sub(/".*$/, "", include)
    n = split(include, path, "/")
    if (!(path[1] in known)) next
    folder = path[1]
    if (folder == "sim" && n > 2) folder = "sim/" path[2]
    if (folder == "server") { folder = "server/" path[2]; sub(/\.h$/, "", folder) }
    layer = ""
    for (prefix in rules)
        if (index(file, prefix "/") == 1 && length(prefix) > length(layer)) layer = prefix
    if (layer == "") next
    checked++
    allowed = " " rules[layer] " "
    wildcard = index(allowed, " server/* ") > 0 && index(folder, "server/") == 1
    if (!wildcard && index(allowed, " " folder " ") == 0) {
        printf "%s:%s: includes %s, but %s may include only: %s\n", file, line, include, layer, rules[layer]
        broken++
    }
}
END {
    if (broken > 0) { printf "%d include(s) point the wrong way.\n", broken; exit 1 }
    printf "%d files, %d project includes, all in the dependency direction\n", files, checked
}'
