#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (a separate package) with -sanitize=fuzzer,address and runs
# each for N seconds on a copy of its seed corpus in Fuzz/Corpus/<target>/.
#
#   Scripts/fuzz.sh              # every target, 30 s each
#   Scripts/fuzz.sh 20           # every target, 20 s each (CI)
#   Scripts/fuzz.sh 600 FuzzPatternCompiler
#
# A crash leaves its input in .build-fuzz/artifacts/<target>/ and the script exits 1: turn the input
# into a regression test in Tests/HardeningTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzNormalizer FuzzPatternCompiler FuzzContentLoader)
scratch="${FUZZ_SCRATCH:-.build-fuzz}"

echo "== building fuzz targets (debug, -sanitize=fuzzer,address)"
swift build -c debug --package-path Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin="$(swift build -c debug --package-path Fuzz --scratch-path "$scratch" --show-bin-path)"

status=0
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    cp -n Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    echo "== $target: ${seconds}s"
    # -rss_limit_mb: ASan and the ICU data need room; -timeout: one input may not take longer (a hang);
    # -detect_leaks=0 and ASAN_OPTIONS: LeakSanitizer reports a 4 KB buffer that Foundation keeps for
    # the process at exit (also when libFuzzer itself does not check for leaks).
    if ! ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$bin/$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
        -max_len=4096 -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$scratch/$target.log"; then
        status=1
        echo "$target: FAILED, see $scratch/$target.log and $artifacts/" >&2
        tail -40 "$scratch/$target.log" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov: " "$scratch/$target.log" | tail -3
done
exit "$status"
