"""`officer-app attendance import`: a real process, a progress bar, and the same file twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_cli import PASS, run


def _a_upn(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A child's UPN from the profile, read in this process with the same key store."""
    from keyrings.alt.file import PlaintextKeyring
    from sqlalchemy import select

    from officer_app.services.profile import unlock_profile
    from officer_app.store.models import Child

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp / "xdg"))
    opened = unlock_profile(tmp / "profile", PASS, backend=PlaintextKeyring())
    try:
        return str(opened.store.read(lambda s: s.scalar(select(Child.upn).limit(1))))
    finally:
        opened.lock()


@pytest.mark.slow
def test_import_shows_a_progress_bar_and_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = run(tmp_path, "demo", "--cases", "3", "--seed", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    upn = _a_upn(tmp_path, monkeypatch)
    register = tmp_path / "oakfield-week.csv"
    days = ("2026-11-30", "2026-12-01", "2026-12-02")
    register.write_text(
        "upn,date,session,code\n"
        + "".join(f"{upn},{d},{s},N\n" for d in days for s in ("AM", "PM"))
        + "Q801200110001,2026-11-30,AM,/\n",  # a pupil not on this caseload
        "utf-8",
    )
    first = run(tmp_path, "attendance", "import", str(register))
    assert first.returncode == 0, first.stderr
    assert "[##############################] 100%" in first.stderr
    assert "6 marks added, 0 changed, 0 already held" in first.stdout
    assert "1 not (left out)" in first.stdout
    again = run(tmp_path, "attendance", "import", str(register))
    assert again.returncode == 0, again.stderr
    assert "0 marks added, 0 changed, 6 already held" in again.stdout


@pytest.mark.slow
def test_import_says_first_and_replaces_held_marks_only_with_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = run(tmp_path, "demo", "--cases", "3", "--seed", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    upn = _a_upn(tmp_path, monkeypatch)
    register = tmp_path / "week.csv"
    register.write_text(
        f"upn,date,session,code\n{upn},2026-11-30,AM,N\n{upn},2026-11-30,PM,N\n", "utf-8"
    )
    dry = run(tmp_path, "attendance", "import", str(register), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Marks added: 2" in dry.stdout and "Dry run: nothing was imported." in dry.stdout

    new_only = run(tmp_path, "attendance", "import", str(register))  # nothing held replaced
    assert new_only.returncode == 0, new_only.stderr
    assert "2 marks added, 0 changed" in new_only.stdout  # the dry run had changed nothing

    register.write_text(  # the school corrected the morning: N to I
        f"upn,date,session,code\n{upn},2026-11-30,AM,I\n{upn},2026-11-30,PM,N\n", "utf-8"
    )
    refused = run(tmp_path, "attendance", "import", str(register))
    assert refused.returncode != 0
    assert "Marks replaced (the mark held differs): 1, for 1 child" in refused.stdout
    assert "Marks unchanged (already held): 1" in refused.stdout
    last_line = refused.stderr.strip().splitlines()[-1]
    assert "use --yes" in last_line and "nothing was imported" in last_line
    assert "Traceback" not in refused.stderr

    confirmed = run(tmp_path, "attendance", "import", str(register), "--yes")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "0 marks added, 1 changed, 1 already held" in confirmed.stdout  # refused: unchanged
