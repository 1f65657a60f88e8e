"""``officer-app forms check``, run as a real process: the shipped forms, then an LA's folder,
as the application would load them; no profile and no passphrase needed (issue 10 point 4)."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli import run

BROKEN = """\
id: home_visit
version: 3
title: Ours
sections:
  - title: Visit
    fields:
      - id: seen
        type: dropdown
        label: Seen?
"""


def test_check_lists_the_shipped_forms_without_a_passphrase(tmp_path: Path) -> None:
    ok = run(tmp_path, "forms", "check", passphrase=None)
    assert ok.returncode == 0, ok.stderr
    assert "ok    home_visit v3" in ok.stdout and "initial_assessment" in ok.stdout
    assert ok.stderr == ""
    assert not (tmp_path / "profile").exists()  # nothing made


def test_check_names_every_problem_of_a_folder_and_fails(tmp_path: Path) -> None:
    folder = tmp_path / "la"
    folder.mkdir()
    (folder / "home_visit.yaml").write_text(BROKEN, encoding="utf-8")
    bad = run(tmp_path, "forms", "check", str(folder), passphrase=None)
    assert bad.returncode == 1
    assert f"{folder / 'home_visit.yaml'}:8: sections[0].fields[0].type: unknown" in bad.stderr
    assert "BROKEN home_visit: unavailable" in bad.stdout
    missing = run(tmp_path, "forms", "check", str(tmp_path / "nowhere"), passphrase=None)
    assert missing.returncode == 1 and "nowhere: no such folder" in missing.stderr


def test_check_takes_the_la_forms_folder_from_the_settings(tmp_path: Path) -> None:
    folder = tmp_path / "la"
    folder.mkdir()
    (folder / "home_visit.yaml").write_text(BROKEN, encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "settings.toml").write_text(f'forms_folder = "{folder.as_posix()}"\n')
    bad = run(tmp_path, "forms", "check", passphrase=None)
    assert bad.returncode == 1 and "BROKEN home_visit: unavailable" in bad.stdout
