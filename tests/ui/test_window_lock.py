"""One window per profile: a second window is refused, saying who holds the profile."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from officer_app.clock import FixedClock
from officer_app.services import profile_folder
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring
from tests.ui.conftest import make_window, unlock


def _try_unlock(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    with qtbot.waitSignal(window.unlock_page.refused, timeout=20_000) as refused:
        window.unlock_page.try_unlock()
    return str(refused.args[0])


def test_a_second_window_is_refused_until_the_first_locks(
    qtbot,
    demo_dir: Path,
    keyring_backend: MemoryKeyring,
    clock: FixedClock,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(profile_folder, "WINDOW_LOCK_WAIT_S", 0.2)
    first = make_window(qtbot, demo_dir, keyring_backend, clock)
    second = make_window(qtbot, demo_dir, keyring_backend, clock)
    unlock(qtbot, first)
    why = _try_unlock(qtbot, second)
    assert "already open in another window" in why
    assert f"process {os.getpid()}" in why and "since" in why
    assert second.profile is None
    assert second.stack.currentWidget() is second.unlock_page
    assert "already open in another window" in second.unlock_page.message.text()
    assert second.unlock_page.button.isEnabled()  # free to try again later
    with qtbot.waitSignal(first.locked, timeout=10_000):
        first.lock()
    unlock(qtbot, second)  # the first window let go: the second one opens
    assert second.caseload.model.rowCount() == 30
    assert (demo_dir / profile_folder.WINDOW_HOLDER_FILE).exists()
    second.close()
    assert not (demo_dir / profile_folder.WINDOW_HOLDER_FILE).exists()
    first.close()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from officer_app.services.profile_folder import WindowLock
    lock = WindowLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    time.sleep(600)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_window_in_another_process_holds_the_profile_until_it_dies(
    qtbot,
    demo_dir: Path,
    keyring_backend: MemoryKeyring,
    clock: FixedClock,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(profile_folder, "WINDOW_LOCK_WAIT_S", 0.2)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        window = make_window(qtbot, demo_dir, keyring_backend, clock)
        why = _try_unlock(qtbot, window)
        assert f"process {holder.pid}" in why
    finally:
        holder.kill()  # as a crash would: the OS lets go of the lock
        holder.wait(timeout=30)
    unlock(qtbot, window)
    assert window.profile is not None
    window.close()


def test_a_lock_that_cannot_be_audited_is_shown_and_the_caseload_still_goes(
    qtbot,
    window,  # type: ignore[no-untyped-def]
) -> None:
    from sqlalchemy import event

    profile = window.profile
    assert profile is not None

    @event.listens_for(profile.store.engine, "begin")
    def _refuse_writes(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("PRAGMA query_only = ON")

    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    assert window.profile is None and profile.locked
    assert "the lock could not be recorded" in window.unlock_page.message.text()
    assert window.caseload.model.rowCount() == 0
