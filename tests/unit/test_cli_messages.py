"""The command line quotes what it was given escaped, and absurd dates are errors (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from officer_app import cli

UPN = "Q801200110001"


def _summary(register: Path, *extra: str) -> list[str]:
    return ["attendance", "summary", str(register), "--upn", UPN, *extra]


def test_a_register_date_at_either_end_of_the_calendar_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "r.csv"
    register.write_text(f"upn,date,session,code\n{UPN},0001-01-01,AM,/\n{UPN},9999-12-31,PM,/\n")
    code = cli.main(_summary(register, "--from", "2026-09-01", "--to", "2026-09-30"))
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert [line.split(": ")[1] for line in err[:2]] == ["date", "date"]
    assert err[0].startswith(f"{register}:2: date:") and err[1].startswith(f"{register}:3: date:")


def test_a_range_from_year_1_to_9999_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "r.csv"
    register.write_text(f"upn,date,session,code\n{UPN},2026-09-11,AM,N\n{UPN},2026-09-11,PM,/\n")
    assert cli.main(_summary(register, "--from", "0001-01-01", "--to", "9999-12-31")) == 0
    assert "Sessions possible           2" in capsys.readouterr().out


def test_control_characters_in_an_argument_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "\x1b[2J\x1b]0;owned\x07\u202e.csv"
    code = cli.main(["--data-dir", str(tmp_path), "attendance", "import", str(evil)])
    err = capsys.readouterr().err
    assert code == 1
    assert "\x1b" not in err and "\u202e" not in err and "\x07" not in err
    assert "\\x1b[2J\\x1b]0;owned\\x07\\u202e.csv: no such file" in err


def test_letters_check_shows_a_templates_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        '---\nid: evil\nversion: 1\ntitle: "\\e[2JRed\\u202e"\n---\nDear parent.\n', "utf-8"
    )
    (folder / "broken.txt").write_text("---\nid: broken\nversion: 1\n---\nA\x1b[31m {x.y}.\n")
    cli.main(["letters", "check", str(folder)])
    out, err = capsys.readouterr()
    assert "ok     evil v1: \\x1b[2JRed\\u202e" in out
    assert "broken.txt:5:" in err
    assert "\x1b" not in out + err and "\u202e" not in out + err


def test_a_path_with_undecodable_bytes_prints_escaped_not_a_crash(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On POSIX a file name's undecodable bytes reach Python as lone surrogates; a strict
    # stdout (a terminal's) could not print them and the command crashed after its work.
    from tests.conftest import TEST_PASSPHRASE
    from tests.integration.test_hostile_cli import run_main

    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    out = tmp_path / "record-\udcff.csv"
    ran = run_main(["--data-dir", str(demo_dir), "notices", "record", "--out", str(out)])
    assert ran.code == 0, ran.err
    assert "record-\\udcff.csv: the record of" in ran.out
    assert out.is_file()


def test_a_passphrase_of_undecodable_bytes_is_one_line(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.integration.test_hostile_cli import run_main

    monkeypatch.setenv(cli.PASSPHRASE_ENV, "ab\udcff")  # the byte 0xff in a UTF-8 locale
    ran = run_main(["--data-dir", str(demo_dir), "cases", "list"])
    assert ran.code == 2
    assert ran.err.splitlines() == [
        "officer-app: OFFICER_APP_PASSPHRASE is not UTF-8 text: set it again in a UTF-8 terminal"
    ]
