"""An unexpected error is one line, never a traceback carrying case data (issue 8, point 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from officer_app import cli
from officer_app.crash import EXIT_INTERNAL, crash_line
from tests.conftest import TEST_PASSPHRASE

SECRET = "Q801200110001"  # stands for any case data an error might carry


def _failing_list_cases(self: Any) -> Any:
    """A query that fails deep in the store, with case data among its parameters."""

    def work(session: Any) -> Any:
        return session.execute(
            text("SELECT * FROM no_such_table WHERE upn = :upn"), {"upn": SECRET}
        )

    return self._store.read(work)


def test_the_engine_never_puts_sql_parameters_in_an_error(demo_profile: Any) -> None:
    with pytest.raises(OperationalError) as failed:
        demo_profile.store.read(
            lambda s: s.execute(text("SELECT * FROM nowhere WHERE upn = :u"), {"u": SECRET})
        )
    assert SECRET not in str(failed.value)
    assert "hidden" in str(failed.value)


def test_an_unexpected_error_in_a_command_is_one_line_without_case_data(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from officer_app.services import caseload

    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    monkeypatch.setattr(caseload.CaseloadService, "list_cases", _failing_list_cases)
    code = cli.main(["--data-dir", str(demo_dir), "cases", "list"])
    err = capsys.readouterr().err
    assert code == EXIT_INTERNAL == 70
    assert err.count("\n") == 1, err
    assert err.startswith(
        "officer-app: internal error: sqlalchemy.exc.OperationalError at officer_app."
    )
    assert SECRET not in err and "no_such_table" not in err and "Traceback" not in err


def test_the_line_names_the_innermost_frame_of_our_code() -> None:
    def inner() -> None:
        raise KeyError(SECRET)

    try:
        from officer_app.escaping import escape_controls

        escape_controls(None)  # type: ignore[arg-type]
    except AttributeError as exc:
        line = crash_line(exc)
    assert line.startswith("internal error: AttributeError at officer_app.escaping:")
    with pytest.raises(KeyError) as caught:
        inner()
    assert SECRET not in crash_line(caught.value)
    assert "at unknown" in crash_line(caught.value)  # no frame of ours: said so


def test_a_real_process_prints_no_traceback(demo_dir: Path, tmp_path: Path) -> None:
    # The keyring of the test is in memory: the child process uses a file keyring instead,
    # with the profile's device secret copied into it by the conftest's backend.
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        "from officer_app import cli\n"
        "from officer_app.attendance import register\n"
        "def boom(*a, **k):\n"
        f"    raise RuntimeError('{SECRET} Smith 2026-11-20 N')\n"
        "register.load_register = boom\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    register = tmp_path / "r.csv"
    register.write_text("upn,date,session,code\n")
    done = subprocess.run(
        [sys.executable, str(script), "--data-dir", str(tmp_path / "none"), "attendance",
         "summary", str(register), "--upn", SECRET, "--from", "2026-09-01", "--to", "2026-09-30"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 70, done.stderr
    assert done.stderr.startswith(
        "officer-app: internal error: RuntimeError at officer_app.cli.attendance:"
    )
    assert "Smith" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
