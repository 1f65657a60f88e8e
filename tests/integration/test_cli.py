"""The command line, run as a user or a script would run it: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "a long demo passphrase"


def run(
    tmp_path: Path,
    *args: str,
    passphrase: str | None = PASS,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **(extra_env or {}),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    env.pop("OFFICER_APP_PASSPHRASE", None)
    if passphrase is not None:
        env["OFFICER_APP_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "officer_app", "--data-dir", str(tmp_path / "profile"), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cli")
    made = run(tmp, "demo", "--cases", "12", "--seed", "7", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    assert "12 cases in the profile" in made.stdout
    # the key store in use here is a plaintext file: the command line says so
    assert "not secure" in made.stderr
    return tmp


def test_version(tmp_path: Path) -> None:
    out = run(tmp_path, "--version")
    assert out.returncode == 0 and out.stdout.startswith("officer-app ")


@pytest.mark.slow
def test_cases_list_json_names_the_child_and_the_case(demo: Path) -> None:
    out = run(demo, "cases", "list", "--json")
    assert out.returncode == 0, out.stderr
    cases = json.loads(out.stdout)
    assert len(cases) == 12
    first = cases[0]
    for key in (
        "reference",
        "child_forename",
        "child_surname",
        "school",
        "stage",
        "officer",
        "last_contact",
        "next_action_due",
    ):
        assert key in first
    assert first["reference"].startswith("ATT-")
    assert all(c["child_surname"] for c in cases)


def test_cases_list_table(demo: Path) -> None:
    out = run(demo, "cases", "list")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].split()[:2] == ["Reference", "Child"] and len(lines) == 13


@pytest.mark.slow
def test_demo_tops_up_deterministically(demo: Path) -> None:
    before = json.loads(run(demo, "cases", "list", "--json").stdout)
    out = run(demo, "demo", "--cases", "12", "--seed", "7", "--today", "2026-11-20")
    assert out.returncode == 0 and "0 added" in out.stdout
    assert json.loads(run(demo, "cases", "list", "--json").stdout) == before


def test_verify_passes_on_an_untouched_profile(demo: Path) -> None:
    out = run(demo, "verify")
    assert out.returncode == 0, out.stderr
    assert "every chain is intact" in out.stdout


def test_a_wrong_passphrase_is_one_line_on_stderr(demo: Path) -> None:
    out = run(demo, "cases", "list", passphrase="definitely wrong")
    assert out.returncode == 2
    assert out.stdout == ""
    errors = [line for line in out.stderr.splitlines() if "warning" not in line]
    assert errors == [f"officer-app: wrong passphrase for the profile in {demo / 'profile'}"]


@pytest.mark.slow
def test_change_passphrase(tmp_path: Path) -> None:
    assert run(tmp_path, "demo", "--cases", "2").returncode == 0
    env_new = {"OFFICER_APP_NEW_PASSPHRASE": "another long passphrase"}
    out = run(tmp_path, "change-passphrase", extra_env=env_new)
    assert out.returncode == 0, out.stderr
    assert run(tmp_path, "verify").returncode == 2  # the old one no longer opens it
    assert run(tmp_path, "verify", passphrase="another long passphrase").returncode == 0


def test_no_passphrase_and_no_terminal_is_refused(demo: Path) -> None:
    out = run(demo, "cases", "list", passphrase=None)
    assert out.returncode == 2 and "OFFICER_APP_PASSPHRASE" in out.stderr


def test_a_missing_profile_is_named(tmp_path: Path) -> None:
    out = run(tmp_path, "verify")
    assert out.returncode == 2
    assert "there is no profile in" in out.stderr and "officer-app demo" in out.stderr
    assert not (tmp_path / "profile").exists()


@pytest.mark.slow
def test_verify_names_an_entry_altered_behind_the_triggers(tmp_path: Path) -> None:
    made = run(tmp_path, "demo", "--cases", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    tamper = subprocess.run(
        [sys.executable, "-c", TAMPER, str(tmp_path / "profile")],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(tmp_path / "xdg"),
        },
    )
    assert tamper.returncode == 0, tamper.stderr
    entry_id = tamper.stdout.strip()
    out = run(tmp_path, "verify")
    assert out.returncode == 3
    assert entry_id in out.stderr and "content changed after signing" in out.stderr


TAMPER = f"""
import sys
from pathlib import Path
from sqlalchemy import text
from officer_app.services.profile import unlock_profile
p = unlock_profile(Path(sys.argv[1]), {PASS!r})
def work(s):
    s.execute(text("DROP TRIGGER chronology_signed_no_update"))
    entry = s.execute(text(
        "SELECT id FROM chronology_entry WHERE signed_at IS NOT NULL LIMIT 1 OFFSET 2")).scalar()
    s.execute(
        text("UPDATE chronology_entry SET body = body || ' (edited)' WHERE id = :i"),
        {{"i": entry}},
    )
    return entry
print(p.store.write_wait(work))
p.lock()
"""


def test_a_bad_settings_file_is_named_and_nothing_runs(tmp_path: Path) -> None:
    settings = tmp_path / "la.toml"
    settings.write_text("[timescales]\nfirst_contact = 5\n")
    out = run(tmp_path, "--config", str(settings), "demo", "--cases", "1")
    assert out.returncode == 1
    assert str(settings) in out.stderr and "first_contact" in out.stderr
    assert not (tmp_path / "profile").exists()
