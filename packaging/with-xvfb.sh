#!/usr/bin/env bash
# Run a command against a private Xvfb with Qt's real X11 platform (QT_QPA_PLATFORM=xcb).
# Where the machine has no Xvfb, or Qt's X11 platform cannot load, run it offscreen and say so.
#   usage: packaging/with-xvfb.sh COMMAND [ARGS...]
# XVFB_REQUIRED=1 turns the fallback into a failure (CI's smoke test must see a real X server).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON_FOR_CHECK:-$here/../.venv/bin/python}"

offscreen() {
    if [[ "${XVFB_REQUIRED:-0}" == 1 ]]; then
        echo "with-xvfb: $1" >&2
        exit 1
    fi
    echo "with-xvfb: $1; running offscreen instead" >&2
    exec env QT_QPA_PLATFORM=offscreen "$@"
}

command -v Xvfb >/dev/null || offscreen "Xvfb is missing (make system-packages)" "$@"

# -displayfd: Xvfb picks a free display number and writes it once it accepts clients,
# so parallel runs (and other X servers on this machine) never collide.
# -noreset: an X server resets when its last client leaves and refuses connections for a
# moment; the platform check below is such a client, so Qt could not connect right after.
scratch="$(mktemp -d)"
xvfb=""
cleanup() {
    [[ -n "$xvfb" ]] && { kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; }
    rm -rf "$scratch"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do
    [[ -s "$scratch/display" ]] && break
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.1
done
if [[ ! -s "$scratch/display" ]]; then
    cleanup
    xvfb=""
    offscreen "Xvfb did not start ($(tail -1 "$scratch/xvfb.log" 2>/dev/null))" "$@"
fi
export DISPLAY=":$(head -1 "$scratch/display")"
# Qt's own check (missing xcb libraries...) before handing over, in one line.
if [[ -x "$python" ]]; then
    problem="$("$python" -c 'from ui.platform_check import platform_problem; print(platform_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": "'"$DISPLAY"'"}) or "")' 2>/dev/null || true)"
    [[ -n "$problem" ]] && offscreen "$problem" "$@"
fi
QT_QPA_PLATFORM=xcb "$@"
