#!/usr/bin/env bash
# Dev evaluation (issue 5): how the shipped content does on real English user messages that nobody
# on the team wrote. Not part of `swift test`: the dev sets live outside the repository, in
# ../shared/data/dev/ (or $SUPPORTBOT_DEV_DATA), and are read, never copied.
#
#   Scripts/dev-eval.sh                 # release build, both figures, the weakest ten intents
#   SCRATCH_PATH=.build-me Scripts/dev-eval.sh
#   Scripts/dev-eval.sh --strict        # exit 1 when a target is missed
#
# Targets: in-scope intent accuracy >= 0.85 (a listed alternative counts, a clarifying question
# does not); out-of-scope messages answered with a FAQ or a security warning <= 5% (route accuracy
# >= 0.95 on the out-of-scope file).
set -euo pipefail
cd "$(dirname "$0")/.."

strict=0
[ "${1:-}" = "--strict" ] && strict=1
dev="${SUPPORTBOT_DEV_DATA:-../shared/data/dev}"
inscope="$dev/en-inscope.jsonl"
outscope="$dev/en-out-of-scope.jsonl"
if [ ! -f "$inscope" ] || [ ! -f "$outscope" ]; then
    echo "dev-eval: $dev/en-inscope.jsonl and en-out-of-scope.jsonl not found: skipped."
    echo "          (set SUPPORTBOT_DEV_DATA to the folder that holds them)"
    exit 0
fi
command -v jq >/dev/null 2>&1 || { echo "dev-eval: needs jq (apt-get install -y jq)" >&2; exit 2; }

scratch="${SCRATCH_PATH:-.build}"
echo "== swift build -c release --scratch-path $scratch"
swift build -c release --scratch-path "$scratch" --product supportbot 2>&1 | tail -n 1
bin="$scratch/release/supportbot"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Expected intents the content lacks are counted as misses, with a warning, rather than stopping.
replay() {
    local file="$1" out="$2" status=0
    "$bin" replay --content . --json --allow-unknown-intents "$file" >"$out" 2>"$out.err" || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$out.err" >&2
        echo "dev-eval: replay of $file failed (status $status)" >&2
        exit 2
    fi
    local unknown
    unknown=$(grep -c ': warning: expect_intent: unknown intent' "$out.err" || true)
    [ "$unknown" -gt 0 ] && echo "   ($unknown lines expect intents the content lacks: counted as misses)"
    grep '^replayed ' "$out.err" | sed 's/^/   /'
}

echo "== in-scope: $inscope"
replay "$inscope" "$work/in.json"
echo "== out-of-scope: $outscope"
replay "$outscope" "$work/out.json"

jq -r -n --slurpfile in "$work/in.json" --slurpfile out "$work/out.json" '
  def f4: if . == null then "-" else (. * 10000 | round / 10000 | tostring) end;
  def pct: if . == null then "-" else ((. * 1000 | round) / 10 | tostring) + "%" end;
  def pad(n): tostring | if length >= n then . + " " else . + (" " * (n - length)) end;
  def lpad(n): tostring | if length >= n then " " + . else (" " * (n - length)) + . end;
  ($in[0]) as $i | ($out[0]) as $o |
  ([$o.failures[] | select(.actual.route == "answer" or .actual.route == "security")] | length) as $answered |
  ($answered / $o.turns) as $share |
  "",
  "In-scope (\($i.turns) messages)",
  "  intent accuracy    \($i.intent_accuracy | f4)   target >= 0.85   \(if $i.intent_accuracy >= 0.85 then "MET" else "NOT MET" end)",
  "  clarify rate       \($i.clarify_rate | f4)",
  "  route accuracy     \($i.route_accuracy | f4)",
  "  language accuracy  \($i.language_accuracy | f4)",
  "",
  "Out-of-scope (\($o.turns) messages)",
  "  answered with a FAQ or security warning  \($answered) = \($share | pct)   target <= 5%   \(if $share <= 0.05 then "MET" else "NOT MET" end)",
  "  route accuracy (fallback or escalate)    \($o.route_accuracy | f4)   target >= 0.95",
  "",
  "Weakest ten intents by F1 (in-scope)",
  "  " + ("intent" | pad(34)) + ("support" | lpad(8)) + ("precision" | lpad(11)) + ("recall" | lpad(8)) + ("F1" | lpad(8)) + "  most often taken for",
  ( [$i.per_intent | to_entries[] | select(.value.f1 != null and .value.support > 0)]
    | sort_by(.value.f1, -.value.support, .key) | .[:10][]
    | . as $e
    | ([$i.confusions[] | select(.expected == $e.key)] | .[0] // null) as $c
    | "  " + ($e.key | pad(34)) + ($e.value.support | lpad(8)) + ($e.value.precision | f4 | lpad(11))
      + ($e.value.recall | f4 | lpad(8)) + ($e.value.f1 | f4 | lpad(8))
      + "  " + (if $c then "\($c.actual) (\($c.count))" else "-" end) ),
  "",
  "Intents that answer out-of-scope messages most (false answers)",
  ( [$o.failures[] | select(.actual.route == "answer" or .actual.route == "security") | .actual.intent]
    | group_by(.) | map({intent: .[0], count: length}) | sort_by(-.count, .intent) | .[:10][]
    | "  " + (.count | lpad(6)) + "  " + (.intent // "-") )
'

if [ "$strict" -eq 1 ]; then
    jq -e -n --slurpfile in "$work/in.json" --slurpfile out "$work/out.json" '
      ([$out[0].failures[] | select(.actual.route == "answer" or .actual.route == "security")] | length) as $a |
      ($in[0].intent_accuracy >= 0.85) and ($a / $out[0].turns <= 0.05)' >/dev/null || exit 1
fi
