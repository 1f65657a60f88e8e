"""``verify`` reports attachment files that no record refers to, and records whose file has
gone; ``tidy`` removes the first kind. Real processes, a real demo profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

PASS = "a long demo passphrase"
pytestmark = pytest.mark.slow  # a demo profile made by the command line, and two runs a test


def _cli(folder: Path, xdg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "officer_app", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(xdg),
            "OFFICER_APP_PASSPHRASE": PASS,
        },
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("tidy")
    out = _cli(tmp / "profile", tmp / "xdg", "demo", "--cases", "12", "--seed", "7",
               "--today", "2026-11-20")  # fmt: skip
    assert out.returncode == 0, out.stderr
    return tmp / "profile", tmp / "xdg"


@pytest.fixture()
def profile(made: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "profile"
    shutil.copytree(made[0], folder)
    return folder, made[1]


def _old(path: Path) -> None:
    then = time.time() - 3600
    os.utime(path, (then, then))


def _orphan(folder: Path) -> Path:
    """A real encrypted blob that no row refers to, as a kill after staging leaves."""
    blobs = sorted((folder / "attachments").glob("*.oab"))
    assert blobs, "the demo keeps copies of the letters it sends"
    orphan = blobs[0].with_name(f"{uuid.uuid4()}.oab")
    shutil.copyfile(blobs[0], orphan)
    _old(orphan)
    return orphan


def test_verify_reports_orphan_files_by_count_and_size_and_still_passes(
    profile: tuple[Path, Path],
) -> None:
    folder, xdg = profile
    orphan = _orphan(folder)
    temporary = folder / "attachments" / f".{orphan.name}.77.tmp"
    temporary.write_bytes(b"half a blob")
    out = _cli(folder, xdg, "verify")
    assert out.returncode == 0, out.stderr
    assert "every chain is intact" in out.stdout
    [line] = [x for x in out.stderr.splitlines() if "record refers to" in x]
    kb = f"{orphan.stat().st_size / 1024:.1f} kB"
    assert line == (
        f"officer-app: 1 attachment file(s) that no record refers to ({kb}), left by an "
        "interrupted write; 'officer-app tidy' removes them"
    )
    assert "1 temporary file(s) left by an interrupted write" in out.stderr
    assert orphan.stem not in out.stdout + out.stderr  # counts and sizes only


def test_verify_fails_when_a_recorded_file_is_missing(profile: tuple[Path, Path]) -> None:
    folder, xdg = profile
    gone = sorted((folder / "attachments").glob("*.oab"))[0]
    gone.unlink()
    out = _cli(folder, xdg, "verify")
    assert out.returncode == 3
    [missing] = [x for x in out.stderr.splitlines() if x.startswith("MISSING")]
    assert f"attachment {gone.stem}: its encrypted file is not in the profile" in missing
    assert "Traceback" not in out.stderr


def test_tidy_removes_old_orphans_and_temporaries_only(profile: tuple[Path, Path]) -> None:
    folder, xdg = profile
    recorded = sorted((folder / "attachments").glob("*.oab"))
    for path in recorded:
        _old(path)  # old, but a row refers to each: never removed
    orphan = _orphan(folder)
    young = folder / "attachments" / f"{uuid.uuid4()}.oab"
    shutil.copyfile(recorded[0], young)  # just staged by a live writer, perhaps
    temporary = folder / f".key.json.{os.getpid()}.tmp"
    temporary.write_bytes(b"{")
    _old(temporary)

    out = _cli(folder, xdg, "tidy")

    assert out.returncode == 0, out.stderr
    assert f"removed attachments/{orphan.name} (" in out.stdout
    assert f"removed {temporary.name} (1 bytes)" in out.stdout
    assert "kept 1 file(s) younger than 10 minutes" in out.stdout
    assert not orphan.exists() and not temporary.exists() and young.exists()
    assert all(path.exists() for path in recorded)
    checked = _cli(folder, xdg, "verify")
    assert checked.returncode == 0, checked.stderr
    assert "1 attachment file(s) that no record refers to" in checked.stderr  # the young one


def test_tidy_with_nothing_to_do_says_so(profile: tuple[Path, Path]) -> None:
    folder, xdg = profile
    out = _cli(folder, xdg, "tidy")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "nothing to remove: every attachment file is recorded\n"
