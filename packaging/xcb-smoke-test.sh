#!/usr/bin/env bash
# The real app on the real X11 platform: start a private Xvfb, open STORE with
# QT_QPA_PLATFORM=xcb, wait for the main window to be on screen, save the screen to PNG.
# Fails (exit 1, one line) when the window never appears.
#   usage: packaging/xcb-smoke-test.sh STORE PNG
set -euo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: $0 STORE PNG" >&2
    exit 1
fi
store="$1"
png="$2"
here="$(cd "$(dirname "$0")" && pwd)"
contactdesk="${CONTACTDESK:-$here/../.venv/bin/contactdesk}"
command -v Xvfb >/dev/null || { echo "xcb smoke test: Xvfb is missing (make system-packages)" >&2; exit 1; }

# -displayfd: Xvfb picks a free display number and writes it once it accepts clients,
# so parallel runs (and other X servers on this machine) never collide.
# -noreset: an X server resets when its last client leaves, refusing connections for a
# moment; the app's own display probe is such a client, so without it Qt's connection
# right after the probe failed about every other run.
scratch="$(mktemp -d)"
trap 'kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; rm -rf "$scratch"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do
    [[ -s "$scratch/display" ]] && break
    kill -0 "$xvfb" 2>/dev/null || { echo "xcb smoke test: Xvfb did not start: $(tail -1 "$scratch/xvfb.log")" >&2; exit 1; }
    sleep 0.1
done
[[ -s "$scratch/display" ]] || { echo "xcb smoke test: Xvfb did not start within 10 s" >&2; exit 1; }
display=":$(head -1 "$scratch/display")"

DISPLAY="$display" QT_QPA_PLATFORM=xcb "$contactdesk" --store "$store" --smoke-test --screenshot "$png"
echo "xcb smoke test: main window shown on $display, screen saved to $png"
