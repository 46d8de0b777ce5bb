#!/usr/bin/env bash
# Builds the compte-rendu of the demo workshop and renders every page to PNG, to look at it.
#   bash scripts/render_pdf.sh [DPI]      → out/demo.pdf, out/demo-anonyme.pdf, out/demo.csv, out/demo.xlsx,
#                                           out/pages/page-NN.png
# Uses a private database in out/home (never the user's own). Needs poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
DPI="${1:-60}"
PY="${PYTHON:-.venv/bin/python}"
OUT=out
mkdir -p "$OUT"
rm -rf "$OUT/home" "$OUT/pages"
mkdir -p "$OUT/pages"
export ATELIER_HOME="$PWD/$OUT/home"
unset ATELIER_DATABASE_URL

if ! command -v pdftoppm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -qq poppler-utils >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
  else
    echo "pdftoppm manquant : installez poppler-utils" >&2
    exit 1
  fi
fi

ID="$("$PY" -m workshop_app demo | tail -n 1)"
start=$(date +%s%N)
"$PY" -m workshop_app export "$ID" --pdf "$OUT/demo.pdf" --csv "$OUT/demo.csv" --xlsx "$OUT/demo.xlsx" --quiet
end=$(date +%s%N)
"$PY" -m workshop_app export "${ID:0:8}" --pdf "$OUT/demo-anonyme.pdf" --anonymise --quiet
"$PY" -m workshop_app bundle export "${ID:0:8}" "$OUT/demo.zip"
pdftoppm -r "$DPI" -png "$OUT/demo.pdf" "$OUT/pages/page"
pages=$(ls "$OUT/pages" | wc -l)
printf 'PDF : %s (%s pages, %s octets, export PDF+CSV+XLSX en %s ms, démarrage compris)\n' "$OUT/demo.pdf" \
  "$pages" "$(stat -c %s "$OUT/demo.pdf")" "$(( (end - start) / 1000000 ))"
echo "Pages : $OUT/pages/page-*.png"
