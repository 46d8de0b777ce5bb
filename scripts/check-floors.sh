#!/usr/bin/env bash
# Installs every runtime dependency at the lower bound pyproject.toml declares (binary wheels only), in a
# separate virtual environment, then checks the app really works there: the self-test, the sample workshop
# and its PDF compte-rendu. A lower bound that fails here is a lie told to whoever installs the app.
#
#   bash scripts/check-floors.sh [--keep]        (CI: called by .ci/run; ~1 min with a warm pip cache)
#
#   --keep   leave the environment (build/floors-venv) and the data folder in place for a look
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1

PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/floors-venv"
WORK="$(mktemp -d)"
cleanup() { [ "$KEEP" = 1 ] || rm -rf "$WORK" "$VENV"; }
trap cleanup EXIT

# name[extras]==floor for each requirement of [project].dependencies (one `>=` bound each, checked here).
PINS="$("$PYTHON" - <<'PY'
import re, sys, tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
for dep in deps:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+(?:\[[^\]]*\])?)\s*(.*)", dep)
    name, spec = match.group(1), match.group(2)
    floor = re.search(r">=\s*([0-9][^,;\s]*)", spec)
    if floor is None:
        sys.exit(f"check-floors: « {dep} » has no lower bound (>=): every dependency needs one")
    print(f"{name}=={floor.group(1)}")
PY
)"
echo "== Lower bounds: $(echo $PINS)"

"$PYTHON" -m venv --clear "$VENV"
PIP=("$VENV/bin/python" -m pip -q --disable-pip-version-check)
quiet() { "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }
quiet "${PIP[@]}" install --upgrade pip >/dev/null
# shellcheck disable=SC2086
quiet "${PIP[@]}" install --only-binary :all: $PINS
quiet "${PIP[@]}" install --no-deps "$ROOT"   # the build backend compiles the translations (setup.py)

# Each pinned distribution must really be at its floor (a resolver that upgraded one would hide a failure).
"$VENV/bin/python" - "$PINS" <<'PY'
import re, sys
from importlib.metadata import version


def numbers(text):
    parts = [int(p) for p in re.findall(r"\d+", text)]
    return parts + [0] * (4 - len(parts))


found, bad = [], []
for pin in sys.argv[1].split():
    name, floor = re.sub(r"\[.*\]", "", pin).split("==")
    got = version(name)
    found.append(f"{name} {got}")
    if numbers(got) != numbers(floor):
        bad.append(f"{name} {got} (floor {floor})")
if bad:
    sys.exit("check-floors: not at the lower bound: " + ", ".join(bad))
print("== Installed at the lower bounds: " + ", ".join(found))
PY

export ATELIER_HOME="$WORK/home" QT_QPA_PLATFORM=offscreen
unset ATELIER_DATABASE_URL
ATELIER="$VENV/bin/atelier"
echo "== atelier --selftest"
"$ATELIER" --selftest
ID="$("$ATELIER" demo | grep -Eo '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' | head -1)"
[ -n "$ID" ] || { echo "check-floors: atelier demo printed no workshop id" >&2; exit 1; }
echo "== atelier export $ID --pdf"
"$ATELIER" export "$ID" --pdf "$WORK/cr.pdf" --csv "$WORK/cr.csv" --xlsx "$WORK/cr.xlsx"
head -c 5 "$WORK/cr.pdf" | grep -q '%PDF-' || { echo "check-floors: cr.pdf is not a PDF" >&2; exit 1; }
if command -v pdfinfo >/dev/null 2>&1; then
  pages="$(pdfinfo "$WORK/cr.pdf" | sed -n 's/^Pages: *//p')"
  [ "${pages:-0}" -ge 5 ] || { echo "check-floors: cr.pdf has ${pages:-no} pages" >&2; exit 1; }
  echo "== cr.pdf: $pages pages, $(du -h "$WORK/cr.pdf" | cut -f1)"
fi
echo "== OK: the app works with every dependency at its declared lower bound"
