#!/usr/bin/env bash
# Runs the test suite under Thread Sanitizer and Address Sanitizer, each in its own scratch folder.
#
#   Scripts/sanitizers.sh            # both
#   Scripts/sanitizers.sh thread     # one of them
#
# The tests that spawn the `supportbot` binary run too: the binary is built with the same sanitizer.
# Extra arguments for `swift test` go in SANITIZER_TEST_ARGS (e.g. "--skip CLITests").
set -euo pipefail
cd "$(dirname "$0")/.."

kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(thread address)
status=0
for kind in "${kinds[@]}"; do
    echo "== swift test --sanitize=$kind"
    start=$(date +%s)
    # halt_on_error: a report fails the run; detect_leaks=0: the Swift runtime keeps metadata for good.
    if ! SUPPORTBOT_SANITIZER=1 TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ASAN_OPTIONS="detect_leaks=0 halt_on_error=1" \
        swift test --sanitize="$kind" --scratch-path ".build-sanitize-$kind" ${SANITIZER_TEST_ARGS:-}; then
        status=1
        echo "swift test --sanitize=$kind FAILED" >&2
    fi
    echo "== --sanitize=$kind took $(($(date +%s) - start)) s"
done
exit "$status"
