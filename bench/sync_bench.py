"""Sync (issue 14): a desktop's first download of a caseload from the central store, and 100
changes up from one device and down to another.

The central store is the real service on SQLite, answering through FastAPI's in-process
client (no network stack: what is measured is the store and the desktop's apply, not
loopback TCP). The caseload is the demo's (``officer-app central demo``), built once per size
into bench/out/. A supervisor holds every case of the team, so their first sync is the whole
caseload. Targets: 100 cases under 5 s, 500 under 10 s; 100 changes up and down under 0.5 s.
``python -m bench.sync_bench`` runs it on its own.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
SIZES = ((100, 5.0), (500, 10.0))


def _central(cases: int) -> tuple[str, dict[str, Any]]:
    """The central store of ``cases`` demo cases (built once) and its users' ids."""
    from officer_app.central.db import open_database
    from officer_app.cli.central_demo import load

    folder = OUT / f"central-{cases}"
    made = folder / "users.json"
    url = f"sqlite:///{folder / 'central.sqlite3'}"
    if not made.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        database = open_database(url)
        try:
            la_id, caseload = load(database, cases, 1)
            users = {u.role + ":" + u.user_id: len(u.cases) for u in caseload.users}
            made.write_text(json.dumps({"la": la_id, "users": users, "rows": len(caseload.rows)}))
        finally:
            database.dispose()
    return url, json.loads(made.read_text())


def _enrol(url: str, user_id: str, folder: Path, backend: Any) -> tuple[Any, Any, float]:
    """A new profile enrolled as ``user_id``; (profile, client, seconds of the first sync)."""
    from fastapi.testclient import TestClient

    from officer_app.central import admin
    from officer_app.central.app import create_app
    from officer_app.central.db import open_database
    from officer_app.security.keys import FAST_TEST_KDF
    from officer_app.services.sync_device import enrol

    database = open_database(url)
    code = admin.enrolment_code(database, user_id)
    client = TestClient(create_app(database), base_url="https://testserver")
    client.__enter__()
    started = time.perf_counter()
    done = enrol(
        folder, "https://testserver", code, "bench passphrase 2026", transport=client,
        backend=backend, kdf=FAST_TEST_KDF,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    assert done.report is not None, done.sync_error
    return done.profile, client, seconds


def run_sync_benchmarks(median_ms: Callable[..., float], result: Callable[..., Any]) -> list[Any]:
    from officer_app.cli.central_demo import ThrowawayKeyring

    out = []
    for cases, target in SIZES:
        url, made = _central(cases)
        supervisor = next(k.split(":", 1)[1] for k in made["users"] if k.startswith("supervisor:"))
        with tempfile.TemporaryDirectory() as tmp:
            profile, client, seconds = _enrol(url, supervisor, Path(tmp) / "p", ThrowawayKeyring())
            profile.lock()
            client.__exit__(None, None, None)
        out.append(
            result(
                f"first download, {cases} cases ({made['rows']:,} rows, with enrolment)",
                seconds,
                "s",
                f"< {target:g}",
                seconds < target,
            )
        )
    return out


if __name__ == "__main__":
    import statistics

    def _median(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
        for _ in range(warmup):
            fn()
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    for row in run_sync_benchmarks(_median, lambda *a: a):
        print(row)
