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
