"""A profile being made is killed (SIGKILL) at many moments: each time the folder either opens
with its officer, or is recognised as unfinished and made again; never a folder that neither
opens nor can be replaced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

PASS = "a long demo passphrase"
MARKER = ".creating.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]


def _env(base: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(base / "xdg"),
        "OFFICER_APP_PASSPHRASE": PASS,
    }


def _cli(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "officer_app", "--data-dir", str(base / "profile"), *args],
        capture_output=True,
        text=True,
        env=_env(base),
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def _present(name: str) -> Callable[[Path], bool]:
    return lambda folder: (folder / name).exists()


def _after(seconds: float) -> Callable[[Path], bool]:
    started = time.monotonic()
    return lambda folder: time.monotonic() - started >= seconds


# the moments: as each file appears (polled every millisecond), and at fixed times
MOMENTS: dict[str, Callable[[], Callable[[Path], bool]]] = {
    "marker-written": lambda: _present(MARKER),
    "database-appears": lambda: _present("caseload.db"),
    "key-json-appears": lambda: _present("key.json"),
    "at-0.5-s": lambda: _after(0.5),
    "at-1.5-s": lambda: _after(1.5),
}


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_kill_while_making_a_profile_leaves_one_that_opens_or_is_made_again(
    tmp_path: Path, moment: str
) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "settings.toml").write_text("")  # an LA's settings, there before the profile
    child = subprocess.Popen(
        [sys.executable, "-m", "officer_app", "--data-dir", str(folder), "demo", "--cases", "2"],
        env=_env(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    due = MOMENTS[moment]()
    try:
        while child.poll() is None and not due(folder):
            time.sleep(0.001)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)

    listed = _cli(tmp_path, "cases", "list", "--json")
    assert "Traceback" not in listed.stderr, listed.stderr
    if moment == "key-json-appears":  # key.json is written last: the profile is complete
        assert listed.returncode == 0, listed.stderr
    if moment in ("marker-written", "database-appears"):  # before key.json: unfinished
        assert "never finished" in listed.stderr, listed.stderr
    if listed.returncode == 0:  # complete: it opens with its officer
        return
    assert listed.returncode == 2
    assert "never finished" in listed.stderr or "there is no profile" in listed.stderr, (
        listed.stderr
    )
    again = _cli(tmp_path, "demo", "--cases", "2")
    assert again.returncode == 0, again.stderr
    if "never finished" in listed.stderr:
        assert "Removed an unfinished profile" in again.stderr
    assert (folder / "settings.toml").exists()
    assert not (folder / MARKER).exists()
    reopened = _cli(tmp_path, "cases", "list", "--json")
    assert reopened.returncode == 0, reopened.stderr
