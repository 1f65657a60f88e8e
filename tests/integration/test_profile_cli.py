"""Every way a profile folder can be wrong, met by the real command line: one line naming what
and where, a non-zero exit, no traceback, nothing shown and nothing half-written.

Permission cases run the command as 'nobody' (tests run as root, for whom no mode bit bites).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PASS = "a long demo passphrase"
TODAY = "2026-11-20"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and /proc"),
]


def run(
    base: Path, data_dir: Path, *args: str, as_nobody: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(base / "xdg"),
        "OFFICER_APP_PASSPHRASE": PASS,
        "HOME": str(base),
    }
    entry = ["-m", "tests.integration.as_nobody"] if as_nobody else ["-m", "officer_app"]
    return subprocess.run(
        [sys.executable, *entry, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )


def errors(out: subprocess.CompletedProcess[str]) -> list[str]:
    """stderr without the key-store warning (a plaintext key store is used here)."""
    return [line for line in out.stderr.splitlines() if "warning:" not in line]


def refused(out: subprocess.CompletedProcess[str], *phrases: str) -> str:
    assert out.returncode not in (0, None), out.stdout
    assert "Traceback" not in out.stderr, out.stderr
    lines = errors(out)
    assert len(lines) == 1 and lines[0].startswith("officer-app: "), out.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def made() -> Iterator[Path]:
    """A small demo profile with its key store, in a folder 'nobody' may walk into."""
    base = Path(tempfile.mkdtemp(prefix="officer-profile-cli-"))
    base.chmod(0o755)
    out = run(base, base / "profile", "demo", "--cases", "3", "--today", TODAY)
    assert out.returncode == 0, out.stderr
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def copy(made: Path) -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="officer-profile-cli-"))
    base.chmod(0o755)
    shutil.copytree(made, base, dirs_exist_ok=True)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def give_to_nobody(*paths: Path) -> None:
    nobody = pwd.getpwnam("nobody")
    for top in paths:
        for path in [top, *top.rglob("*")]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)


COMMANDS = [
    ("demo", "--cases", "1", "--today", TODAY),
    ("cases", "list"),
    ("verify",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("where", ["a-file", "under-a-file", "proc", "sys"])
def test_a_data_dir_that_can_never_be_a_profile(
    tmp_path: Path, where: str, command: tuple[str, ...]
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    data_dir = {
        "a-file": tmp_path / "a-file",
        "under-a-file": tmp_path / "a-file" / "profile",
        "proc": Path("/proc/self/officer-app-profile"),
        "sys": Path("/sys/officer-app-profile"),
    }[where]
    line = refused(run(tmp_path, data_dir, *command))
    if where in ("proc", "sys"):
        assert "is a system folder" in line
    else:
        assert (str(tmp_path / "a-file") in line and "which is a file" in line) or (
            "is a file, not a profile folder" in line
        )
    assert (tmp_path / "a-file").read_text() == "not a folder"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_unreadable_data_dir(copy: Path, command: tuple[str, ...]) -> None:
    give_to_nobody(copy / "xdg")
    (copy / "profile").chmod(0o700)  # root's: 'nobody' cannot look inside
    out = run(copy, copy / "profile", *command, as_nobody=True)
    refused(out, "cannot be read", str(copy / "profile"))
    assert out.stdout == ""


def test_demo_under_a_read_only_parent_leaves_nothing(copy: Path) -> None:
    give_to_nobody(copy / "xdg")
    parent = copy / "locked-parent"
    parent.mkdir(mode=0o755)  # root's: 'nobody' may look, not write
    out = run(copy, parent / "profile", "demo", "--cases", "1", as_nobody=True)
    refused(out, "cannot be written", str(parent / "profile"))
    assert list(parent.iterdir()) == []


def test_a_folder_named_key_json(copy: Path) -> None:
    key = copy / "profile" / "key.json"
    key.unlink()
    key.mkdir()
    for command in COMMANDS:
        refused(run(copy, copy / "profile", *command), "key.json is a folder")
    assert (copy / "profile" / "caseload.db").stat().st_size > 0  # demo did not start afresh


def test_a_garbage_key_json(copy: Path) -> None:
    (copy / "profile" / "key.json").write_bytes(b"\x00\xff not json at all")
    for command in COMMANDS[1:]:
        refused(run(copy, copy / "profile", *command), "key.json")


def test_a_key_json_nobody_can_read(copy: Path) -> None:
    give_to_nobody(copy / "xdg", copy / "profile")
    key = copy / "profile" / "key.json"
    os.chown(key, 0, 0)  # root's, 0600: unreadable for 'nobody'
    out = run(copy, copy / "profile", "cases", "list", as_nobody=True)
    refused(out, "key.json cannot be read")
    assert out.stdout == ""


def test_a_folder_named_caseload_db(copy: Path) -> None:
    db = copy / "profile" / "caseload.db"
    db.unlink()
    db.mkdir()
    for command in COMMANDS:
        out = run(copy, copy / "profile", *command)
        refused(out, "caseload.db is a folder")
        assert out.stdout == ""


def test_a_missing_caseload_db_is_not_made_afresh(copy: Path) -> None:
    (copy / "profile" / "caseload.db").unlink()
    for command in COMMANDS:
        refused(run(copy, copy / "profile", *command), "caseload.db is missing")
    assert not (copy / "profile" / "caseload.db").exists()


def test_damaged_pages_are_named_as_damage(copy: Path) -> None:
    db = copy / "profile" / "caseload.db"
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek(4096 * 2)  # keep the first pages: the key still checks out
        handle.write(bytes(size - 4096 * 4))
    out = run(copy, copy / "profile", "verify")
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    lines = errors(out)
    assert lines[-1].startswith("officer-app: ") and "is damaged" in lines[-1], out.stderr
    assert "cannot be read with this key" not in out.stderr
    assert "[parameters" not in out.stderr and "SELECT" not in out.stderr


def test_verify_and_list_on_a_read_only_database_refuse_without_showing_anything(
    copy: Path,
) -> None:
    give_to_nobody(copy / "xdg", copy / "profile")
    (copy / "profile" / "caseload.db").chmod(0o400)
    for command in (("verify",), ("cases", "list")):
        out = run(copy, copy / "profile", *command, as_nobody=True)
        refused(out, "caseload.db cannot be written")
        assert out.stdout == ""  # an access that cannot be audited does not happen


def test_a_read_only_profile_folder_is_named_as_such(copy: Path) -> None:
    give_to_nobody(copy / "xdg", copy / "profile")
    (copy / "profile").chmod(0o500)
    out = run(copy, copy / "profile", "cases", "list", as_nobody=True)
    line = refused(out, f"the profile folder {copy / 'profile'} cannot be written")
    assert "with this key" not in line
    assert out.stdout == ""
