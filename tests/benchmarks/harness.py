"""What every benchmark here shares: whole-process runs paired with their anchor, medians, the load.

A and B alternate (A B A B …) after one warm-up of each that is not counted, each run a fresh process; the
ratio is taken run by run (so both sides of a pair saw the same load) and its median, min and max printed.
Wall time is ``perf_counter`` around the process; CPU time and peak RSS come from the kernel (``wait4``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUICK = os.environ.get("ATELIER_BENCH_QUICK", "") not in ("", "0")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + sys seconds
    peak_mb: float  # peak resident set size (MiB)
    stdout: str


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


def run(
    cmd: Sequence[str], env: Mapping[str, str] | None = None, cwd: Path = ROOT, timeout: float = 120
) -> Run:
    """One whole process: wall time from just before the fork to its exit (``perf_counter``), its CPU time
    and peak RSS from ``wait4``; a failing process stops the benchmark with its stderr."""
    full_env = dict(os.environ if env is None else env)
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), env=full_env, cwd=cwd, stdout=subprocess.PIPE, stderr=err, text=True
        )
        assert proc.stdout is not None
        watchdog = threading.Timer(timeout, proc.kill)  # a hung child must not hang the benchmark (and CI)
        watchdog.start()
        try:
            out = proc.stdout.read()  # until the child closes it (it exits)
        finally:
            watchdog.cancel()
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{err.read()[-3000:]}")
    peak_kb = usage.ru_maxrss  # Linux: KiB
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, out)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def spread(values: Sequence[float], unit: float = 1.0, fmt: str = "{:.3f}") -> str:
    """``median (min–max)``."""
    scaled = [v * unit for v in values]
    return f"{fmt.format(median(scaled))} ({fmt.format(min(scaled))}–{fmt.format(max(scaled))})"


@dataclass
class Paired:
    label_a: str
    label_b: str
    a: list[Run]
    b: list[Run]

    def ratios(self, attr: str = "wall") -> list[float]:
        return [getattr(x, attr) / getattr(y, attr) for x, y in zip(self.a, self.b, strict=True)]

    def report(self, target: str = "") -> str:
        lines = [
            f"  {self.label_a:<38} wall {spread([r.wall for r in self.a])} s   cpu "
            f"{median([r.cpu for r in self.a]):.3f} s   peak {median([r.peak_mb for r in self.a]):.0f} MB",
            f"  {self.label_b:<38} wall {spread([r.wall for r in self.b])} s   cpu "
            f"{median([r.cpu for r in self.b]):.3f} s   peak {median([r.peak_mb for r in self.b]):.0f} MB",
            f"  ratio {self.label_a} / {self.label_b} (pairwise, n={len(self.a)}): wall "
            f"{spread(self.ratios(), fmt='{:.2f}')}×   cpu {median(self.ratios('cpu')):.2f}×  {target}",
        ]
        return "\n".join(lines)


def paired(
    label_a: str,
    run_a: Callable[[], Run],
    label_b: str,
    run_b: Callable[[], Run],
    n: int,
    before: Callable[[], None] | None = None,
) -> Paired:
    """``n`` alternated pairs after one uncounted warm-up of each; ``before`` runs before each A."""
    if before:
        before()
    run_a()
    run_b()
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(n):
        if before:
            before()
        a.append(run_a())
        b.append(run_b())
    return Paired(label_a, label_b, a, b)


def venv_script(name: str) -> str:
    """A console script installed next to this interpreter (``atelier``), as a user launches it."""
    candidate = Path(sys.executable).with_name(name)
    if not candidate.exists():
        raise SystemExit(f"{candidate} is missing: run scripts/setup.sh first")
    return str(candidate)


def compile_bytecode() -> None:
    """As installed: pip compiles a wheel's modules; an editable install relies on scripts/setup.sh doing
    it (this machine sets PYTHONDONTWRITEBYTECODE=1, which would recompile ~130 modules at every start)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "workshop_app")],
        check=True,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPYCACHEPREFIX",)},
    )
