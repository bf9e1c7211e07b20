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

out="${PROFILE_DIR:-/tmp}"
source Scripts/profiling-binary.sh
prepare_profiling_binary supportbot-bench-profile "$out"
if [ $# -eq 0 ]; then set -- --only shipped; fi

valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.bench" \
    --toggle-collect="$respond_symbol" --dump-instr=no \
    "$binary" bench --rounds 1 --messages 1000 --cores 1 "$@" >"$out/bench-under-callgrind.txt"

callgrind_annotate --inclusive=yes "$out/callgrind.out.bench" | swift demangle --simplified >"$out/callgrind.bench.inclusive.txt"
callgrind_annotate "$out/callgrind.out.bench" | swift demangle --simplified >"$out/callgrind.bench.txt"
echo "bench-profile: self cost in $out/callgrind.bench.txt, inclusive in $out/callgrind.bench.inclusive.txt" >&2
head -60 "$out/callgrind.bench.txt"
