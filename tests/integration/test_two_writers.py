"""Two processes writing to one profile at once: the second waits its turn, nothing is lost.

The defect (issue 8, point 6): a writer's transaction began deferred, read, and only then
asked for the write lock; if another process committed in between, SQLite refused it at
once with "database is locked" instead of waiting the 30 s busy timeout.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_app.store.models import AuditEvent
from tests.integration.test_cli import PASS, run

# A writer that reads, waits until told to go on (meanwhile the other process tries to
# write), then writes, all in one transaction of the application's own writer.
WRITER = """
import sys, time
from pathlib import Path
from sqlalchemy import text
from officer_app.services.profile import unlock_profile
from officer_app.store import audit
profile, label, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
p = unlock_profile(profile, sys.argv[4])
print("unlocked", flush=True)
p.store.write_wait(lambda s: None)  # the unlock's own audit entry is written first
def work(s):
    s.execute(text("SELECT count(*) FROM case_file")).scalar()
    print("read", flush=True)
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    audit.record(s, "search", detail={"writer": label})
p.store.write_wait(work)
p.lock()
print("done", flush=True)
"""


def _writer(tmp: Path, label: str, go: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp / "xdg"),
    }
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp / "profile"), label, str(go), PASS],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


@pytest.mark.slow
def test_two_processes_writing_at_once_both_succeed_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = run(tmp_path, "demo", "--cases", "2", "--seed", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    go = tmp_path / "go"
    first = _writer(tmp_path, "first", go)
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "unlocked"
    assert first.stdout.readline().strip() == "read"  # inside its write transaction
    second = _writer(tmp_path, "second", go)  # its unlock audit must wait for the first
    # Once the second has unlocked (or after 20 s, should unlocking itself wait for the
    # write lock), its audit entry is trying to write: let the first one go on.
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(_first_line(second)), daemon=True).start()
    with contextlib.suppress(queue.Empty):
        lines.get(timeout=20)
    time.sleep(1.5)
    go.touch()
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "done" in out1 and "done" in out2 and "database is locked" not in err1 + err2

    from keyrings.alt.file import PlaintextKeyring

    from officer_app.services.profile import unlock_profile

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    opened = unlock_profile(tmp_path / "profile", PASS, backend=PlaintextKeyring())
    try:
        writers = opened.store.read(
            lambda s: [
                d.get("writer")
                for d in s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "search"))
            ]
        )
    finally:
        opened.lock()
    assert sorted(writers) == ["first", "second"]
