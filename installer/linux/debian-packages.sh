#!/usr/bin/env bash
# Installs the Debian packages the application and its tests need, when they are missing.
# Qt offscreen/xcb libraries and fonts (without fonts every glyph is a box), Xvfb for
# screenshots of a real window, poppler-utils to look at PDFs as pages, postgresql for the
# central store's tests (they start a throwaway server from its binaries; none is left running).
# Usage: debian-packages.sh [run|test]   (run: the window; test: also Xvfb, poppler, PostgreSQL)
set -euo pipefail
mode=${1:-test}
packages=(libglib2.0-0 libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1
          libfreetype6 libxkbcommon0 fontconfig fonts-dejavu-core
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0)
if [ "$mode" = test ]; then
  packages+=(xvfb xauth poppler-utils postgresql)
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "not Debian: install the Qt libraries listed in $0 yourself" >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages (run as root to install): ${missing[*]}" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
