#!/usr/bin/env bash
# Checks that the HTML deflection report renders in a real browser (headless Chromium).
#
#   Scripts/check-report-html.sh [REPORT.html]
#
# Without an argument it makes one: generates a sample event log with the hidden
# `supportbot report write-sample-events` and runs `supportbot report --html` on it.
# Then it screenshots the page at 1200x900 and checks the PNG is not trivial: right size, several
# kilobytes, many colours, not mostly blank.
#
# Environment:
#   SUPPORTBOT   the supportbot binary to use (default: build it with swift build)
#   SCRATCH      scratch path for that build (default: .build-check-html)
#   SCREENSHOT   where to keep the PNG (default: a temporary file, printed at the end)
# Installs Chromium with apt-get when it is missing and we are root. Exit 0 when the check passes.
set -euo pipefail

if [[ $# -ge 1 ]]; then
    [[ -s "$1" ]] || { echo "check-report-html: FAIL: '$1' is missing or empty" >&2; exit 1; }
    html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fi
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "check-report-html: FAIL: $*" >&2; exit 1; }

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "check-report-html: installing chromium" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
        browser="$(command -v chromium)"
    else
        fail "no chromium found; install it (apt-get install -y chromium)"
    fi
fi

if [[ $# -eq 0 ]]; then
    if [[ -z "${SUPPORTBOT:-}" ]]; then
        scratch="${SCRATCH:-.build-check-html}"
        swift build --scratch-path "$scratch" --product supportbot >&2
        SUPPORTBOT="$scratch/debug/supportbot"
    fi
    "$SUPPORTBOT" report write-sample-events --path "$work/events.jsonl" --count 4000 --days 21
    html="$work/report.html"
    "$SUPPORTBOT" report --log "$work/events.jsonl" --html "$html" >/dev/null
fi

png="${SCREENSHOT:-$work/report.png}"
rm -f "$png"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --window-size=1200,900 --screenshot="$png" "file://$html" \
    >"$work/browser.log" 2>&1 || { cat "$work/browser.log" >&2; fail "chromium exited with an error"; }
[[ -s "$png" ]] || { cat "$work/browser.log" >&2; fail "no screenshot written"; }

# Size from the PNG header: width and height are big-endian at bytes 16-23.
read -r w1 w2 w3 w4 h1 h2 h3 h4 < <(od -An -tu1 -j16 -N8 "$png")
width=$(( (w1 << 24) | (w2 << 16) | (w3 << 8) | w4 ))
height=$(( (h1 << 24) | (h2 << 16) | (h3 << 8) | h4 ))
bytes=$(wc -c <"$png")
[[ "$width" == 1200 && "$height" == 900 ]] || fail "screenshot is ${width}x${height}, expected 1200x900"
(( bytes > 20000 )) || fail "screenshot is only $bytes bytes: the page looks blank"

# Colours and ink: decode the PNG with Python's standard library (zlib), no imaging package needed.
if command -v python3 >/dev/null; then
    read -r colours ink < <(python3 - "$png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
pos, chunks, header = 8, [], None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR": header = struct.unpack(">IIBBBBB", body)
    if kind == b"IDAT": chunks.append(body)
    pos += 12 + length
width, height, depth, colour_type, _, _, interlace = header
assert depth == 8 and interlace == 0 and colour_type in (2, 6), header
bpp = 3 if colour_type == 2 else 4
raw, stride = zlib.decompress(b"".join(chunks)), width * bpp
previous, colours, ink = bytearray(stride), set(), 0
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = previous[i], previous[i - bpp] if i >= bpp else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        r, g, b2 = line[x], line[x + 1], line[x + 2]
        colours.add((r, g, b2))
        # Ink: anything clearly darker or more coloured than the near-white page and cards.
        if min(r, g, b2) < 225: ink += 1
    previous = line
print(len(colours), round(100 * ink / (width * height)))
PY
)
    (( colours >= 50 )) || fail "only $colours colours in the screenshot: charts missing?"
    (( ink >= 5 )) || fail "only $ink% of the screenshot is ink: the page looks blank"
    detail="$colours colours, $ink% ink"
else
    detail="python3 not found: colour check skipped"
fi

echo "check-report-html: OK: ${width}x${height}, $bytes bytes, $detail"
if [[ -n "${SCREENSHOT:-}" ]]; then echo "screenshot: $png"; fi
