"""Benchmarks: ``make bench`` (``python -m bench``). Medians on the synthetic caseload.

Targets are in ../shared/architecture.md. The 1,000-case profile is built once into
bench/out/ (it takes a while) and reused; delete the folder to rebuild it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PASSPHRASE = "benchmark passphrase 2026"
TODAY = dt.date(2026, 11, 20)
XDG = OUT / "xdg"

# The CLI and the smoke test run in other processes, so the device secret must be in a key
# store they can read too: the plaintext file backend, in bench/out only.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = str(XDG)


@dataclass
class Result:
    name: str
    median: float
    unit: str
    target: str
    met: bool | None
    note: str = ""


def median_ms(fn: Callable[[], object], repeat: int = 15, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ensure_profile(cases: int) -> Path:
    folder = OUT / f"profile-{cases}"
    if (folder / "key.json").exists():
        return folder
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"building a {cases}-case profile in {folder} (once)…", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "officer_app",
            "--data-dir",
            str(folder),
            "demo",
            "--cases",
            str(cases),
            "--seed",
            "1",
            "--today",
            TODAY.isoformat(),
        ],
        check=True,
        env={**os.environ, "OFFICER_APP_PASSPHRASE": PASSPHRASE},
    )
    print(f"built in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


SMOKE = re.compile(
    r"key derivation (?P<kdf>[\d.]+) s.*our start-up (?P<own>[\d.]+) s.*"
    r"start to painted caseload (?P<total>[\d.]+) s; painted at (?P<painted>[\d.]+)"
)


def bench_startup(folder: Path, runs: int) -> list[Result]:
    kdf, own, total = [], [], []
    for _ in range(runs):
        spawned = time.time()  # measured from here, outside the process: nothing it says
        out = subprocess.run(
            [sys.executable, "-m", "officer_app", "--data-dir", str(folder), "--smoke-test"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "OFFICER_APP_PASSPHRASE": PASSPHRASE},
        )
        match = SMOKE.search(out.stdout)
        if match is None:
            raise SystemExit(f"unexpected smoke-test output: {out.stdout!r} {out.stderr!r}")
        kdf.append(float(match["kdf"]))
        own.append(float(match["own"]))
        total.append(float(match["painted"]) - spawned - float(match["kdf"]))
    k, o, t = (statistics.median(x) for x in (kdf, own, total))
    return [
        Result(
            "start to painted caseload (excl. key derivation)", t * 1000, "ms", "< 1500", t < 1.5
        ),
        Result("  of which our own code", o * 1000, "ms", "< 500", o < 0.5),
        Result(
            "  key derivation, Argon2id (reported apart)",
            k * 1000,
            "ms",
            "300-1000",
            0.3 <= k <= 1.0,
        ),
    ]


def bench_in_process(folder: Path) -> list[Result]:
    import psutil

    from officer_app.clock import FixedClock
    from officer_app.services.profile import unlock_profile

    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(10, 0), tzinfo=dt.UTC))
    opened = unlock_profile(folder, PASSPHRASE, clock=clock)
    results: list[Result] = []
    try:
        rows = opened.caseload.list_cases()
        entries = opened.store.read(_entry_count)
        ms = median_ms(opened.caseload.list_cases, repeat=7)
        results.append(
            Result(
                f"load the caseload ({len(rows)} cases, {entries} entries)",
                ms,
                "ms",
                "(part of start-up)",
                None,
            )
        )
        for word in ("bullying", "smith", "calling card", "ATT-2026-0004"):
            ms = median_ms(lambda w=word: opened.caseload.search(w), repeat=21)
            hits = len(opened.caseload.search(word))
            results.append(
                Result(f"full-text search '{word}' ({hits} cases)", ms, "ms", "< 50", ms < 50)
            )
        big = max(rows, key=lambda r: opened.store.read(lambda s, r=r: _entries_of(s, r.case_id)))
        size = opened.store.read(lambda s: _entries_of(s, big.case_id))
        ms = median_ms(lambda: opened.cases.open_case(big.case_id), repeat=15)
        results.append(
            Result(f"read a case with {size} entries (service)", ms, "ms", "< 150", ms < 150)
        )
        results += bench_gui(opened, rows, big.case_id, size)
        from bench.forms_bench import run_forms_benchmarks

        results += run_forms_benchmarks(opened, big.case_id, Result)
        rss = psutil.Process().memory_info().rss / 2**20
        results.append(
            Result("resident memory, caseload and a case open", rss, "MB", "< 300", rss < 300)
        )
        from bench.attendance_bench import run_attendance_benchmarks  # after the memory figure

        results += run_attendance_benchmarks(opened, median_ms, Result)
    finally:
        opened.lock()
    return results


def _entry_count(session) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from officer_app.store.models import ChronologyEntry

    return int(session.scalar(select(func.count()).select_from(ChronologyEntry)) or 0)


def _entries_of(session, case_id: str) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from officer_app.store.models import ChronologyEntry

    return int(
        session.scalar(
            select(func.count())
            .select_from(ChronologyEntry)
            .where(ChronologyEntry.case_id == case_id)
        )
        or 0
    )


def bench_gui(opened, rows, case_id: str, size: int) -> list[Result]:  # type: ignore[no-untyped-def]
    from bench.gui_bench import run_gui_benchmarks

    return run_gui_benchmarks(opened, rows, case_id, size, median_ms, Result)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}"
    )


def write_results(results: list[Result], cases: int) -> str:
    lines = [
        "| measure | median | target | met |",
        "|---|---|---|---|",
    ]
    for r in results:
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(f"| {r.name} | {r.median:.1f} {r.unit} | {r.target} | {met} |")
    return "\n".join(lines)


def main() -> None:
    from officer_app.clock import FixedClock

    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="write bench/out/latest.md")
    args = parser.parse_args()
    folder = ensure_profile(args.cases)
    results = bench_startup(folder, args.startup_runs) + bench_in_process(folder)
    from bench.import_bench import run_import_benchmarks  # on a copy: the profile stays as it was

    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(10, 0), tzinfo=dt.UTC))
    results += run_import_benchmarks(folder, PASSPHRASE, clock, Result)
    from bench.evidence_bench import run_evidence_benchmarks

    results += run_evidence_benchmarks(folder, PASSPHRASE, clock, Result)
    from bench.interview_pdf_bench import run_interview_pdf_benchmarks

    results += run_interview_pdf_benchmarks(median_ms, Result)
    from bench.statement_bench import run_statement_benchmarks

    results += run_statement_benchmarks(median_ms, Result)
    from bench.pack_bench import run_pack_benchmarks

    results += run_pack_benchmarks(median_ms, Result)
    from bench.interview_typing_bench import run_on_copy as run_interview_benchmarks

    results += run_interview_benchmarks(folder, PASSPHRASE, clock, Result)
    from bench.sync_bench import run_sync_benchmarks

    results += run_sync_benchmarks(median_ms, Result)
    table = write_results(results, args.cases)
    print()
    print(f"{args.cases} cases; {machine()}")
    print(table)
    if args.write:
        (OUT / "latest.md").write_text(
            f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}\n\n{table}\n"
        )


if __name__ == "__main__":
    main()
