#!/usr/bin/env bash
# Builds the one-folder bundle of Atelier Résilience (dist/atelier/) from a clean clone, then runs the bundled
# self-test and prints the bundle's size and its start-up time (launch → main window shown on screen).
#
#   bash build_spec/build.sh [--dist DIR] [--work DIR] [--runs N] [--archive] [--no-selftest]
#
#   --dist DIR      where the bundle goes (default: dist/)             --work DIR   PyInstaller's build folder
#   --runs N        bundled self-test runs for the start-up figure (default 3; the median is printed)
#   --archive       also pack DIR/atelier-<version>-<os>-<arch>.tar.gz (Linux/macOS) or .zip (Windows)
#   --no-selftest   build only
#
# Uses .venv (made by scripts/setup.sh, run here if .venv is missing) and installs PyInstaller through the
# project's `build` extra if it is not there. Windows (Git Bash) and macOS: see build_spec/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
RUNS=3
ARCHIVE=0
SELFTEST=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --archive) ARCHIVE=1; shift ;;
    --no-selftest) SELFTEST=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIST" "$WORK"
DIST="$(cd "$DIST" && pwd)"
WORK="$(cd "$WORK" && pwd)"

case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) PY="$ROOT/.venv/Scripts/python.exe"; EXE="$DIST/atelier/atelier-console.exe" ;;
  *) PY="$ROOT/.venv/bin/python"; EXE="$DIST/atelier/atelier" ;;
esac

if [ ! -x "$PY" ]; then
  echo "== No .venv: running scripts/setup.sh"
  bash scripts/setup.sh
fi
if ! "$PY" -c "import PyInstaller" >/dev/null 2>&1; then
  echo "== Installing PyInstaller (the project's 'build' extra)"
  "$PY" -m pip install -q --disable-pip-version-check -e ".[build]"
fi

# Compiled translations are not committed (.qm): the build backend (setup.py) compiles them during an
# (editable) install; run it again so a .ts edited since is not shipped stale. The spec refuses .ts without .qm.
if compgen -G "resources/translations/*.ts" >/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check --no-deps -e . >/dev/null 2>&1
fi

# Windows and macOS: the .ico / .icns the spec and the installers use, rendered from atelier.svg.
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*|Darwin) "$PY" build_spec/make_icons.py >/dev/null ;;
esac

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
echo "== Building atelier $VERSION with $("$PY" -m PyInstaller --version) into $DIST/atelier"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
  build_spec/atelier.spec
echo "== Built in $(( $(date +%s) - start )) s"
echo "== Bundle size: $(du -sh "$DIST/atelier" | cut -f1)  ($DIST/atelier)"

reported="$("$EXE" --version)"
if [ "$reported" != "atelier $VERSION" ]; then
  echo "build.sh: the bundle reports '$reported', expected 'atelier $VERSION'" >&2
  exit 1
fi

if [ "$SELFTEST" = 1 ]; then
  timings=()
  for run in $(seq 1 "$RUNS"); do
    log="$WORK/selftest-$run.txt"
    t0=$(date +%s.%N)
    set +e
    ATELIER_SELFTEST_T0="$t0" "$EXE" --selftest >"$log" 2>&1
    code=$?
    set -e
    wall=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
    if [ "$code" != 0 ]; then
      cat "$log" >&2
      echo "build.sh: the bundled self-test failed (exit $code)" >&2
      exit 1
    fi
    [ "$run" = 1 ] && cat "$log"
    ms=$(sed -n 's/^OK fenêtre principale : .* affichée \([0-9]*\) ms après.*/\1/p' "$log")
    timings+=("${ms:-?}")
    echo "== Self-test run $run: exit 0 in $wall ms, main window shown $ms ms after launch"
  done
  median=$(printf '%s\n' "${timings[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "== Start-up to first window (median of $RUNS): $median ms"
fi

if [ "$ARCHIVE" = 1 ]; then
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  arch="$(uname -m)"
  case "$os" in
    mingw*|msys*|cygwin*)
      archive="$DIST/atelier-$VERSION-windows-$arch.zip"
      (cd "$DIST" && rm -f "$archive" && powershell -NoProfile -Command \
        "Compress-Archive -Path atelier -DestinationPath '$(cygpath -w "$archive")'") ;;
    *)
      archive="$DIST/atelier-$VERSION-$os-$arch.tar.gz"
      tar -C "$DIST" -czf "$archive" atelier ;;
  esac
  echo "== Archive: $archive ($(du -sh "$archive" | cut -f1))"
fi
