#!/usr/bin/env bash
# The layout check of the test command: every C++ file of the repository is laid out as
# .clang-format says (Debian 12's clang-format 14). `clang-format -i FILE` fixes one.
# In a git checkout the files are the tracked ones; elsewhere every .cpp and .h below the
# project's own folders.
set -euo pipefail
root="$1"
cd "$root"
command -v clang-format >/dev/null || { echo "clang-format is missing: run ./parley setup"; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
    mapfile -t files < <(find src server shell tests \( -name node_modules -prune \) -o \
        \( -name '*.cpp' -o -name '*.h' \) -type f -print)
fi
[ "${#files[@]}" -gt 0 ] || { echo "no C++ files found below $root"; exit 1; }
if ! clang-format --dry-run --Werror "${files[@]}"; then
    echo "Files above are not laid out as .clang-format says: clang-format -i them."
    exit 1
fi
echo "${#files[@]} files laid out as .clang-format says"
