#!/usr/bin/env bash
# Makes doc/report.png, the README's picture of `kith report`: the report of examples/network
# as of DEMO_TODAY, rendered by headless Chromium, then reduced to a small palette PNG.
# Usage: doc/report-screenshot.sh   (needs a built kith, chromium and python3-pil)
set -euo pipefail
cd "$(dirname "$0")/.."
KITH="${KITH:-$PWD/build/cmd/kith}"
today="${DEMO_TODAY:-2026-11-28}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r examples/network "$work/network"
"$KITH" --dir "$work/network" --today "$today" report -o "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
    --screenshot="$work/report.png" --window-size=1200,1440 "file://$work/report.html" 2>/dev/null
py=python3
"$py" -c 'import PIL' 2>/dev/null || py=/usr/bin/python3
"$py" - "$work/report.png" doc/report.png <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(sys.argv[2], optimize=True)
PY
echo "wrote doc/report.png ($(( $(stat -c %s doc/report.png) / 1024 )) KB)"
