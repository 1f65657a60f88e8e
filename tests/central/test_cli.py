"""``officer-app central``: an administrator sets up an LA, a user and an enrolment code, lists
and revokes devices, and is stopped from serving plain HTTP on an open address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officer_app.central import admin
from officer_app.central.db import open_database
from officer_app.cli.app import main


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    db = f"sqlite:///{tmp_path / 'central.db'}"
    code = main(["--data-dir", str(tmp_path / "profile"), "central", "--db", db, *argv])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_set_up_enrol_and_revoke_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, la_id, _ = _run(tmp_path, capsys, "la", "create", "Northshire")
    assert code == 0
    code, user_id, _ = _run(
        tmp_path, capsys, "user", "add", "--la", la_id, "--name", "Asha Patel",
        "--initials", "AP", "--role", "officer", "--team", "North",
    )  # fmt: skip
    assert code == 0
    code, out, _ = _run(tmp_path, capsys, "enrolment-code", user_id)
    assert code == 0 and len(out.splitlines()[0].replace("-", "")) == 12
    code, out, _ = _run(tmp_path, capsys, "devices", "list", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, _, err = _run(tmp_path, capsys, "allocate", "ATT-404", "--to", user_id)
    assert code == 1 and "no single case ATT-404" in err
    code, _, err = _run(tmp_path, capsys, "device", "revoke", "nope")
    assert code == 1 and "no active device" in err
    database = open_database(f"sqlite:///{tmp_path / 'central.db'}")
    assert [u for u in admin.list_devices(database)] == []
    database.dispose()


def test_serving_an_open_address_needs_insecure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(tmp_path, capsys, "serve", "--host", "0.0.0.0")
    assert code == 1
    assert err.count("\n") == 0 and "--insecure" in err
