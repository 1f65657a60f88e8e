"""A writer killed with SIGKILL mid-batch loses nothing it committed, and the file opens."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from officer_app.store import evidence
from officer_app.store.database import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
@pytest.mark.parametrize("kill_after", [3, 12])
def test_sigkill_mid_batch_loses_nothing_committed(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "caseload.db"
    key = os.urandom(32)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.kill_writer_child", str(path), key.hex()],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    committed = 0
    try:
        for _ in range(kill_after):
            line = child.stdout.readline()
            assert line.startswith("committed"), line
            committed = int(line.split()[1])
    finally:
        child.send_signal(signal.SIGKILL)  # it is mid-way through the next batch by now
        child.wait(timeout=30)
    store = Store.open(path, key)
    try:
        count = store.read(
            lambda s: s.execute(text("SELECT count(*) FROM chronology_entry")).scalar()
        )
        assert count >= committed  # every reported commit survived
        assert count % 50 == 0  # and no half batch was left behind
        assert store.read(lambda s: s.execute(text("PRAGMA integrity_check")).scalar()) == "ok"
        checked, breaks = store.read(evidence.verify)
        assert checked == count and breaks == []
        outbox = store.read(
            lambda s: s.execute(
                text("SELECT count(*) FROM outbox WHERE entity_type = 'chronology_entry'")
            ).scalar()
        )
        assert outbox == count  # each entry's mutation committed with it
    finally:
        store.close()
