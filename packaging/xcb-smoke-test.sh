#!/usr/bin/env bash
# The real app on the real X11 platform: under a private Xvfb (packaging/with-xvfb.sh, with
# no offscreen fallback), open STORE with QT_QPA_PLATFORM=xcb, wait for the main window to be
# on screen, save the screen to PNG. Fails (exit 1, one line) when the window never appears.
#   usage: packaging/xcb-smoke-test.sh STORE PNG
set -euo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: $0 STORE PNG" >&2
    exit 1
fi
here="$(cd "$(dirname "$0")" && pwd)"
contactdesk="${CONTACTDESK:-$here/../.venv/bin/contactdesk}"
XVFB_REQUIRED=1 "$here/with-xvfb.sh" "$contactdesk" --store "$1" --smoke-test --screenshot "$2"
echo "xcb smoke test: main window shown under Xvfb, screen saved to $2"
