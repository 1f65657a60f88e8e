"""``officer-app pack build|verify`` (issue 13, point 3): a pack built from a demo case by the
command line as a real process writes FILE.pdf and FILE.manifest.json, ``pack verify`` passes
it and fails it once one byte is changed, naming the difference. Three processes in all: the
demo profile is made, and bad arguments are tried, in this process through the same ``main``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from officer_app.cli.app import main
from tests.integration.test_cli import PASS, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, dt.date, dt.date]]:
    """A demo profile of 8 cases made as of today (the command line's clock is the real one),
    with a fast key derivation, topped up by ``officer-app demo`` run in this process with the
    test keyring (letters sent through the services); a case and an offence period that has
    register marks and is in time."""
    from keyrings.alt.file import PlaintextKeyring

    from officer_app.demo import DEMO_OFFICER_NAME
    from officer_app.security.keys import FAST_TEST_KDF
    from officer_app.services.profile import create_profile

    root = tmp_path_factory.mktemp("pack-cli")
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "OFFICER_APP_PASSPHRASE")}
    previous = keyring.get_keyring()
    os.environ["XDG_DATA_HOME"] = str(root / "xdg")
    os.environ["OFFICER_APP_PASSPHRASE"] = PASS
    keyring.set_keyring(PlaintextKeyring())
    try:
        create_profile(
            root / "profile",
            PASS,
            officer_name=DEMO_OFFICER_NAME,
            officer_initials="DO",
            kdf=FAST_TEST_KDF,
        ).lock()
        made = main(["--data-dir", str(root / "profile"), "demo", "--cases", "8", "--seed", "7"])
        assert made == 0
        reference, first, last = _case_and_period(root)
        yield root, reference, first, last
    finally:
        keyring.set_keyring(previous)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _case_and_period(root: Path) -> tuple[str, dt.date, dt.date]:
    from officer_app.services.profile import unlock_profile
    from officer_app.store.models import Adult, AttendanceMark, Case, Child, Letter

    opened = unlock_profile(root / "profile", PASS)
    today = dt.date.today()

    def work(session: Any) -> tuple[str, dt.date, dt.date]:
        cases = session.scalars(select(Case).order_by(Case.reference)).all()
        with_letters = sorted(
            cases,
            key=lambda c: (
                -session.scalar(select(func.count(Letter.id)).where(Letter.case_id == c.id))
            ),
        )
        for case in with_letters:
            child = session.get(Child, case.child_id)
            parents = session.scalar(
                select(func.count(Adult.id)).where(
                    Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True)
                )
            )
            last = session.scalar(
                select(func.max(AttendanceMark.date)).where(
                    AttendanceMark.child_id == child.id, AttendanceMark.date < today
                )
            )
            if parents and last is not None and last > today - dt.timedelta(days=120):
                return (
                    case.reference,
                    max(last - dt.timedelta(days=49), today - dt.timedelta(days=150)),
                    last,
                )
        raise AssertionError("no demo case has a recent register and a parent")

    try:
        return opened.store.read(work)
    finally:
        opened.lock()


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("officer-app: warning:")]


@pytest.mark.slow
def test_build_then_verify_passes_and_one_changed_byte_fails(
    demo: tuple[Path, str, dt.date, dt.date], tmp_path: Path
) -> None:
    root, reference, first, last = demo
    out = tmp_path / "pack.pdf"
    built = run(root, "pack", "build", reference, "--offence", "s444-1A", "--from",
                first.isoformat(), "--to", last.isoformat(), "-o", str(out))  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"{reference}/P1: ") and str(out) in built.stdout
    manifest = json.loads((tmp_path / "pack.manifest.json").read_text("utf-8"))
    reader = PdfReader(out)
    assert manifest["reference"] == f"{reference}/P1" and manifest["pages"] == len(reader.pages)
    kinds = [section["kind"] for section in manifest["sections"]]
    assert kinds[:2] == ["cover", "index"] and "letter" in kinds
    pages = len(reader.pages)
    for n in (1, 2, pages):  # every page is checked in tests/unit/test_pack_assembly.py
        assert f"Page {n} of {pages}" in reader.pages[n - 1].extract_text()

    passed = run(root, "pack", "verify", str(out))
    assert passed.returncode == 0, passed.stderr
    assert passed.stdout.startswith(f"{out}: intact. {reference}/P1, {pages} pages")

    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x20
    out.write_bytes(bytes(data))
    failed = run(root, "pack", "verify", str(out))
    assert failed.returncode == 3 and failed.stdout == ""
    problems = _errors(failed.stderr)
    assert problems[0].startswith("officer-app: pack.pdf: its SHA-256 is ")
    assert manifest["pdf"]["sha256"] in problems[0]


def test_bad_arguments_are_one_line_and_nothing_is_written(
    demo: tuple[Path, str, dt.date, dt.date], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, reference, first, last = demo
    out = tmp_path / "pack.pdf"
    today = dt.date.today()
    late = today - dt.timedelta(days=200)
    late_to = late + dt.timedelta(days=20)
    tried = {
        "there is no case 'ATT-1999-00000' in this profile": ["ATT-1999-00000"],
        "--offence: 's444-9' is not an offence: give s444-1 or s444-1A": [
            reference, "--offence", "s444-9"
        ],
        "--from: '2026-13-01' is not a date (YYYY-MM-DD)": [reference, "--from", "2026-13-01"],
        "after today: a pack covers a period that has passed": [
            reference, "--to", (today + dt.timedelta(days=3)).isoformat()
        ],
        "is out of time: the last day to lay the information was": [
            reference, "--from", late.isoformat(), "--to", late_to.isoformat()
        ],
    }  # fmt: skip
    for expected, given in tried.items():
        args = {"--offence": "s444-1", "--from": first.isoformat(), "--to": last.isoformat()}
        for option, value in zip(given[1::2], given[2::2], strict=True):
            args[option] = value
        argv = ["--data-dir", str(root / "profile"), "pack", "build", given[0], "-o", str(out)]
        code = main([*argv, *(part for pair in args.items() for part in pair)])
        errors = _errors(capsys.readouterr().err)
        assert code == 1 and len(errors) == 1 and expected in errors[0], (expected, errors)
    assert not out.exists() and list(tmp_path.iterdir()) == []
