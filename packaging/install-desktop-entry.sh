#!/usr/bin/env bash
# Install a built bundle for the current user on Linux: the program folder,
# a `contactdesk` link on PATH, the .desktop entry and the icons (hicolor theme).
# Usage: packaging/install-desktop-entry.sh [dist/contactdesk] [PREFIX=~/.local]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="$(cd "${1:-$here/../dist/contactdesk}" && pwd)"
prefix="${2:-$HOME/.local}"
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications"
rm -rf "$prefix/lib/contactdesk"
cp -a "$bundle" "$prefix/lib/contactdesk"
ln -sf "$prefix/lib/contactdesk/contactdesk" "$prefix/bin/contactdesk"
for size in 16 24 32 48 64 128 256 512; do
    target="$prefix/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$target"
    cp "$here/../resources/icons/contactdesk-$size.png" "$target/contactdesk.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$here/../resources/icons/contactdesk.svg" "$prefix/share/icons/hicolor/scalable/apps/contactdesk.svg"
sed "s|^Exec=contactdesk|Exec=$prefix/bin/contactdesk|" "$here/contactdesk.desktop" \
    > "$prefix/share/applications/contactdesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
echo "installed ContactDesk in $prefix"
