"""Issue 8 point 1: a letter is recorded as sent only once its PDF exists. A bad ``--out`` (a
folder, a path under a file, /proc, /sys, a folder the user cannot write) is refused in one
line, exit 1, before anything is made; nothing is recorded and no file is left. The same
check guards ``letters batch`` and ``notices record``."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_cli import PASS, run

PROBE = Path(__file__).with_name("letters_probe.py")


def probe(tmp: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "XDG_DATA_HOME": str(tmp / "xdg"), "OFFICER_APP_PASSPHRASE": PASS}  # fmt: skip
    done = subprocess.run(
        [sys.executable, str(PROBE), str(tmp / "profile")],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small demo profile and the reference of a case that can have the letter."""
    tmp = tmp_path_factory.mktemp("letters-out")
    made = run(tmp, "demo", "--cases", "6", "--seed", "7", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    cases = json.loads(run(tmp, "cases", "list", "--json").stdout)
    out = tmp / "probe.pdf"
    for case in (c for c in cases if c["status"] == "open"):
        attempt = run(
            tmp, "letters", "render", "--case", case["reference"], "--template", "outcome",
            *OUTCOME, "--out", str(out),
        )  # fmt: skip
        if attempt.returncode == 0:
            out.unlink()
            return tmp, str(case["reference"])
    raise AssertionError("no open demo case could have the letter")


OUTCOME = (
    "--ask", "outcome_of=the hearing", "--ask", "outcome_date=2026-11-12",
    "--ask", "outcome=The court fined you.",
)  # fmt: skip


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if not line.startswith("officer-app: warning")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def bad_targets(tmp: Path) -> list[tuple[Path, str]]:
    folder = tmp / "a-folder.pdf"  # a folder whose name looks like a PDF
    folder.mkdir(exist_ok=True)
    plain = tmp / "plain-file"
    plain.write_text("not a folder", encoding="utf-8")
    return [
        (folder, "is a folder"),
        (plain / "letter.pdf", "is not a folder"),
        (Path("/proc/letter.pdf"), "cannot write a file there"),
        (Path("/sys/letter.pdf"), "cannot write a file there"),
        (tmp / "letter.txt", "give a .pdf file"),
    ]


@pytest.mark.slow
def test_render_sent_by_post_to_a_bad_out_records_nothing(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    profile, reference = demo
    before = probe(profile)
    for target, says in bad_targets(tmp_path):
        result = run(
            profile, "letters", "render", "--case", reference, "--template", "outcome",
            *OUTCOME, "--out", str(target), "--sent-by", "post",
        )  # fmt: skip
        assert result.returncode == 1, (target, result.stderr)
        line = one_line(result.stderr)
        assert line.startswith("officer-app: --out: ") and says in line, line
        assert not (target.is_file())
    after = probe(profile)
    assert after["letters"] == before["letters"]
    assert after["letter_entries"] == before["letter_entries"]


@pytest.mark.slow
def test_a_refused_recording_leaves_no_file_behind(demo: tuple[Path, str], tmp_path: Path) -> None:
    profile, reference = demo
    before = probe(profile)
    out = tmp_path / "letter.pdf"
    result = run(
        profile, "letters", "render", "--case", reference, "--template", "outcome", *OUTCOME,
        "--out", str(out), "--sent-by", "post", "--sent-on", "2020-01-01",
    )  # fmt: skip
    assert result.returncode == 1
    assert "before its date" in one_line(result.stderr)
    assert not out.exists()  # nobody can post a letter whose sending was not recorded
    assert probe(profile)["letters"] == before["letters"]


@pytest.mark.slow
def test_render_sent_writes_the_file_and_records_it(demo: tuple[Path, str], tmp_path: Path) -> None:
    profile, reference = demo
    before = probe(profile)
    out = tmp_path / "sent.pdf"
    result = run(
        profile, "letters", "render", "--case", reference, "--template", "outcome", *OUTCOME,
        "--out", str(out), "--sent-by", "hand",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    after = probe(profile)
    assert after["letters"] == before["letters"] + 1
    assert after["letter_entries"] == before["letter_entries"] + 1


@pytest.mark.slow
def test_notices_record_refuses_a_bad_out_in_one_line(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    profile, _reference = demo
    for target, says in bad_targets(tmp_path):
        if target.suffix == ".txt":
            says = "give a .csv or a .pdf file"
        result = run(
            profile,
            "notices",
            "record",
            "--out",
            str(
                target.with_suffix(
                    target.suffix if target.suffix != ".pdf" or target.is_dir() else ".csv"
                )
            ),
        )
        assert result.returncode == 1, (target, result.stderr)
        line = one_line(result.stderr)
        assert line.startswith("officer-app: --out: ") and says in line, line


def _nobody() -> tuple[int, int] | None:
    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or _nobody() is None,
    reason="needs root to run the command as the unprivileged user 'nobody'",
)
def test_a_folder_the_user_cannot_write_is_refused_before_recording(
    demo: tuple[Path, str], request: pytest.FixtureRequest
) -> None:
    """Root ignores permissions: the command runs as 'nobody', owning its own copy of the
    profile, and writes to a folder owned by root (mode 755)."""
    ids = _nobody()
    assert ids is not None
    source, reference = demo
    base = Path(tempfile.mkdtemp(prefix="officer-letters-nobody-"))  # pytest's is root's only
    base.chmod(0o755)
    request.addfinalizer(lambda: shutil.rmtree(base, ignore_errors=True))
    mine = base / "nobody"
    shutil.copytree(source, mine, symlinks=True)
    for path in [mine, *mine.rglob("*")]:
        os.chown(path, *ids, follow_symlinks=False)
    locked = base / "root-only"
    locked.mkdir(mode=0o755)
    before = probe(source)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "XDG_DATA_HOME": str(mine / "xdg"), "OFFICER_APP_PASSPHRASE": PASS,
           "HOME": str(mine)}  # fmt: skip

    # The interpreter's own folders are private to root here: tests.integration.as_nobody
    # imports what the command needs as root, then becomes 'nobody' and runs it.
    result = subprocess.run(
        [sys.executable, "-m", "tests.integration.as_nobody", "--data-dir",
         str(mine / "profile"), "letters", "render", "--case", reference, "--template",
         "outcome", *OUTCOME, "--out", str(locked / "letter.pdf"), "--sent-by", "post"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "cannot write a file there" in one_line(result.stderr)
    assert not any(locked.iterdir())
    for path in [mine, *mine.rglob("*")]:
        os.chown(path, 0, 0, follow_symlinks=False)
    shutil.rmtree(source / "profile")
    shutil.copytree(mine / "profile", source / "profile")
    assert probe(source)["letters"] == before["letters"]


@pytest.mark.slow
def test_batch_to_a_bad_out_starts_nothing(demo: tuple[Path, str], tmp_path: Path) -> None:
    profile, _reference = demo
    before = probe(profile)
    for target, says in bad_targets(tmp_path)[:3]:
        result = run(
            profile, "letters", "batch", "--template", "attendance_concern", "--ask",
            "contact_by=2030-01-10", "--out", str(target), "--sent-by", "post",
        )  # fmt: skip
        assert result.returncode == 1, (target, result.stderr)
        line = one_line(result.stderr)
        assert line.startswith("officer-app: --out: ") and says in line, line
    after = probe(profile)
    assert after["letters"] == before["letters"]
    assert after.get("batches", []) == before.get("batches", []) == []
