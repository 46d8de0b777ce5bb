#!/usr/bin/env bash
# The user-path benchmarks in their quick mode (about 1–2 minutes): they print their figures next to their
# anchors and the load average. Never fails: times on a shared CI machine are information, not a verdict.
cd "$(dirname "$0")/.." || exit 0
export QT_QPA_PLATFORM=offscreen ATELIER_BENCH_QUICK=1
PY=.venv/bin/python
[ -x "$PY" ] || { echo "bench-quick: no .venv (run scripts/setup.sh first); skipped"; exit 0; }
echo "== benchmarks, quick mode ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
for bench in startup record open export memory; do
  echo "-- bench_$bench"
  timeout 180 "$PY" "tests/benchmarks/bench_$bench.py" || echo "   (bench_$bench did not finish: exit $?)"
done
exit 0
