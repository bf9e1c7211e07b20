#!/usr/bin/env bash
# Exact instruction counts (callgrind) of what `supportbot bench` measures, per workload:
# - load: ContentLoader.load; compile: SupportEngine.init (the index, the policy, the normalizer);
# - respond: instructions per DialoguePolicy.respond in the steady state, every one-time
#   initialization (BIP39 tables, syllable keys...) left out: the messages are answered in one
#   pass and then in two, and the difference is divided by the number of messages.
# Wall-clock figures drift with the machine's load; these do not, so they are the ones to
# compare between versions.
#
#   Scripts/instruction-counts.sh                                 # shipped + synthetic 1,000 and 10,000
#   Scripts/instruction-counts.sh --only shipped
#   Scripts/instruction-counts.sh --only workload --workload /tmp/workload/workload_N5000.json
#
# Arguments go to `supportbot bench`, which generates the workloads and keeps them in
# $PROFILE_DIR/workloads (default PROFILE_DIR: /tmp/supportbot-instructions). Needs valgrind;
# a 10,000-intent workload takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${PROFILE_DIR:-/tmp/supportbot-instructions}"
mkdir -p "$out"
source Scripts/profiling-binary.sh
prepare_profiling_binary supportbot "$out"
if [ $# -eq 0 ]; then set -- --only shipped,synthetic --synthetic-sizes 1000,10000; fi

# Hash seeds are random per process, and they move string-keyed lookups' counts by a few
# hundred instructions a message: fix them so that two runs agree.
export SWIFT_DETERMINISTIC_HASHING=1

rm -rf "$out/workloads"
"$binary" bench --rounds 1 --messages 500 --cores 1 --save-workloads "$out/workloads" "$@" >/dev/null

# The inclusive count of the first function whose demangled name contains $2, in file $1.
inclusive() {
    callgrind_annotate --inclusive=yes "$1" 2>/dev/null | swift demangle --simplified |
        grep -F -- "$2" | head -1 | awk '{gsub(",", "", $1); print $1}'
}

printf '%-24s %12s %12s %14s\n' workload "load (M)" "compile (M)" "per respond"
for folder in "$out"/workloads/*/; do
    name=$(basename "$folder")
    echo '[{"text": "hello", "startsConversation": true}]' >"$folder/one.json"
    valgrind --tool=callgrind --callgrind-out-file="$folder/startup.out" --dump-instr=no \
        "$binary" bench-probe --content "$folder/content" --messages "$folder/one.json" >/dev/null 2>&1
    load=$(inclusive "$folder/startup.out" "static ContentLoader.load(from:log:)")
    compile=$(inclusive "$folder/startup.out" "SupportEngine.init(content:")
    for passes in 1 2; do
        valgrind --tool=callgrind --callgrind-out-file="$folder/respond-$passes.out" --dump-instr=no \
            --toggle-collect="$respond_symbol" \
            "$binary" bench-probe --content "$folder/content" --messages "$folder/messages.json" \
            --passes "$passes" >/dev/null 2>&1
    done
    one=$(inclusive "$folder/respond-1.out" "DialoguePolicy.respond(to:in:)")
    two=$(inclusive "$folder/respond-2.out" "DialoguePolicy.respond(to:in:)")
    count=$(grep -o '"text"' "$folder/messages.json" | wc -l)
    printf '%-24s %12.1f %12.1f %14.0f\n' "$name" "$(echo "$load / 1000000" | bc -l)" \
        "$(echo "$compile / 1000000" | bc -l)" "$(echo "($two - $one) / $count" | bc -l)"
done
echo "instruction-counts: callgrind files in $out/workloads/*/" >&2
