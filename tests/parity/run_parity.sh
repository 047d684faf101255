#!/usr/bin/env bash
# Runs every scenario through the native and the wasm parity driver and fails on the first
# differing byte, naming the scenario, the line and both versions of it.
# usage: run_parity.sh NATIVE_DRIVER WASM_DRIVER_JS SCENARIO_DIR OUTPUT_DIR
set -euo pipefail
native="$1" wasm="$2" scenarios="$3" out="$4"
[ -x "$native" ] || { echo "parity: native driver $native is missing"; exit 1; }
[ -f "$wasm" ] || { echo "parity: wasm driver $wasm is missing (build the wasm preset)"; exit 1; }
mkdir -p "$out"
# Each driver runs every scenario in one process: starting node and compiling the wasm once per
# scenario took most of the test's time.
native_args=() wasm_args=() names=()
for scenario in "$scenarios"/*.jsonl; do
    [ -e "$scenario" ] || continue
    name="$(basename "$scenario" .jsonl)"
    names+=("$name")
    native_args+=("$scenario" "$out/$name.native.jsonl")
    wasm_args+=("$scenario" "$out/$name.wasm.jsonl")
done
count=${#names[@]}
failed=0
if [ "$count" -gt 0 ]; then
    "$native" "${native_args[@]}"
    node --no-experimental-fetch "$wasm" "${wasm_args[@]}"
fi
for name in "${names[@]}"; do
    if ! cmp -s "$out/$name.native.jsonl" "$out/$name.wasm.jsonl"; then
        failed=$((failed + 1))
        echo "parity: $name differs between native and wasm:"
        cmp "$out/$name.native.jsonl" "$out/$name.wasm.jsonl" || true
        diff <(cat -A "$out/$name.native.jsonl") <(cat -A "$out/$name.wasm.jsonl") | head -6 || true
    elif [ ! -s "$out/$name.native.jsonl" ]; then
        failed=$((failed + 1))
        echo "parity: $name produced no output"
    fi
done
[ "$count" -gt 0 ] || { echo "parity: no scenarios in $scenarios"; exit 1; }
echo "parity: $((count - failed)) of $count scenarios identical in native and wasm (outputs in $out)"
[ "$failed" -eq 0 ]
