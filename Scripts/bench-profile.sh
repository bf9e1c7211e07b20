#!/usr/bin/env bash
# Profile the hot path of `supportbot bench` with callgrind: instruction counts that do not drift
# with machine load. Only DialoguePolicy.respond (the whole path minus the event log) is counted,
# so loading, generating content and the floors' loops stay out of the profile.
#
#   Scripts/bench-profile.sh                                   # shipped content, tiny sizes
#   Scripts/bench-profile.sh --only synthetic --synthetic-sizes 1000
#   Scripts/bench-profile.sh --only workload --workload /tmp/workload/workload_N5000.json
#
# Arguments go to `supportbot bench` (default: --only shipped). Needs valgrind. Writes
# callgrind.out.bench and callgrind.bench.txt (the annotated top functions, demangled) in
# $PROFILE_DIR (default /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${SCRATCH_PATH:-.build-bench}"
out="${PROFILE_DIR:-/tmp}"
swift build -c release --scratch-path "$scratch" --product supportbot >&2
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits: profile a copy without debug info
# (symbols stay, so functions keep their names).
binary="$out/supportbot-bench-profile"
strip --strip-debug -o "$binary" "$scratch/release/supportbot"

symbol=$(nm "$binary" | awk '/ T .*14DialoguePolicyAAV7respond2to2in/ {print $3}' | head -1 || true)
if [ -z "$symbol" ]; then
    echo "bench-profile: DialoguePolicy.respond not found in $binary" >&2
    exit 1
fi
if [ $# -eq 0 ]; then set -- --only shipped; fi

valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.bench" \
    --toggle-collect="$symbol" --dump-instr=no \
    "$binary" bench --rounds 1 --messages 1000 --cores 1 "$@" >"$out/bench-under-callgrind.txt"

callgrind_annotate --inclusive=yes "$out/callgrind.out.bench" | swift demangle --simplified >"$out/callgrind.bench.inclusive.txt"
callgrind_annotate "$out/callgrind.out.bench" | swift demangle --simplified >"$out/callgrind.bench.txt"
echo "bench-profile: self cost in $out/callgrind.bench.txt, inclusive in $out/callgrind.bench.inclusive.txt" >&2
head -60 "$out/callgrind.bench.txt"
