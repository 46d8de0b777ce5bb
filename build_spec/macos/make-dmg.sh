#!/usr/bin/env bash
# Packs "dist/Atelier Résilience.app" (made by build_spec/build.sh on macOS) into a compressed disk image
# with a link to /Applications: open the DMG, drag the app onto « Applications » (or into ~/Applications,
# which needs no administrator rights). Needs macOS (hdiutil).
#
#   bash build_spec/macos/make-dmg.sh [--dist DIR]        -> DIR/atelier-<version>-macos-<arch>.dmg
#
# Sign the .app before (codesign), notarise and staple the DMG after: see build_spec/README.md, « macOS ».
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="$ROOT/dist"
[ "${1:-}" = "--dist" ] && DIST="$2"
APP_NAME="Atelier Résilience"
APP="$DIST/$APP_NAME.app"
VERSION="$(python3 -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
  "$ROOT/pyproject.toml")"
DMG="$DIST/atelier-$VERSION-macos-$(uname -m).dmg"

[ -d "$APP" ] || { echo "make-dmg: $APP is missing: run bash build_spec/build.sh on this Mac first" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "make-dmg: hdiutil not found (this script runs on macOS)" >&2; exit 1; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and code signature intact (cp -R may not).
ditto "$APP" "$STAGE/$APP_NAME.app"
ln -s /Applications "$STAGE/Applications"
cp "$ROOT/LICENSE" "$STAGE/LICENSE.txt"
cp "$ROOT/THIRD-PARTY-NOTICES.md" "$STAGE/THIRD-PARTY-NOTICES.txt"
rm -f "$DMG"
hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG" >/dev/null
hdiutil verify "$DMG" >/dev/null
echo "== $DMG ($(du -h "$DMG" | cut -f1))"
