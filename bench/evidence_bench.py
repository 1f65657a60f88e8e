"""Evidence benchmarks: the cost of signing now that every signature moves its case's chain
head and the profile head (issue 8), and of verifying a whole profile.

Runs on a fresh copy of the benchmark profile, so the profile itself is never changed.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def run_evidence_benchmarks(
    folder: Path, passphrase: str, clock: Any, result: Callable[..., Any], notes: int = 40
) -> list[Any]:
    from sqlalchemy import select

    from officer_app.services.profile import unlock_profile
    from officer_app.services.verification import verify_profile
    from officer_app.store.models import Case

    work = folder.parent / "evidence-copy"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(folder, work)
    try:
        opened = unlock_profile(work, passphrase, clock=clock)
        try:
            cases = opened.store.read(
                lambda s: list(s.scalars(select(Case.id).order_by(Case.reference)))
            )
            times = []
            for n in range(notes):  # a note on a different case each time: a cold head
                case_id = cases[(n * 37) % len(cases)]
                started = time.perf_counter()
                opened.cases.sign_note(case_id, f"Benchmark note {n}: phoned the school.")
                times.append((time.perf_counter() - started) * 1000)
            signed = statistics.median(times)
            started = time.perf_counter()
            report = verify_profile(opened.store)
            verified = time.perf_counter() - started
        finally:
            opened.lock()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not report.ok:
        raise SystemExit(f"the benchmark profile does not verify: {report.breaks[:3]}")
    return [
        result(
            f"sign a quick note, heads moved ({len(cases)} chains)",
            signed,
            "ms",
            "(the writer's time; the window never waits)",
            None,
        ),
        result(
            f"verify the whole profile ({report.entries_checked} entries, "
            f"{report.audit_checked} audit events)",
            verified,
            "s",
            "",
            None,
        ),
    ]
