# Sourced by the callgrind scripts: builds supportbot in release and makes the copy they profile.
#
#   prepare_profiling_binary NAME OUT
#
# Sets `binary` (the copy, OUT/NAME) and `respond_symbol` (DialoguePolicy.respond's symbol, for
# --toggle-collect); exits when the symbol is missing.
prepare_profiling_binary() {
    local name=$1 out=$2
    local scratch="${SCRATCH_PATH:-.build-bench}"
    mkdir -p "$out"
    swift build -c release --scratch-path "$scratch" --product supportbot >&2
    # valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits: profile a copy without debug info
    # (symbols stay, so functions keep their names).
    binary="$out/$name"
    strip --strip-debug -o "$binary" "$scratch/release/supportbot"
    respond_symbol=$(nm "$binary" | awk '/ T .*14DialoguePolicyAAV7respond2to2in/ {print $3}' | head -1 || true)
    if [ -z "$respond_symbol" ]; then
        echo "$(basename "$0"): DialoguePolicy.respond not found in $binary" >&2
        exit 1
    fi
}
