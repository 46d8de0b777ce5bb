#!/usr/bin/env bash
# Installs what Atelier Résilience needs on a Debian/Ubuntu machine: Qt's system libraries and fonts (apt),
# then a virtual environment in .venv with the app and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_DEBS="libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 \
libxcb-shape0 libxcb-util1 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 fonts-dejavu-core xvfb xauth \
poppler-utils"
EXTRA_DEBS="${ATELIER_EXTRA_DEBS:-}"

if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for pkg in $QT_DEBS $EXTRA_DEBS; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
# The build backend (setup.py) compiles the translations (.ts → .qm) during this install.
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev,postgres,build]"
# As installed: pip byte-compiles a wheel, but not an editable install, and PYTHONDONTWRITEBYTECODE=1 (set on
# some machines) would then recompile ~130 modules at every start (+0.4 s): compile them once here.
.venv/bin/python -m compileall -q workshop_app >/dev/null 2>&1 || true
