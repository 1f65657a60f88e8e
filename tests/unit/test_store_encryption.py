"""Laptops get lost: the file is unreadable without the key, and no name is in clear."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from officer_app.store.database import Store
from officer_app.store.engine import StoreLocked
from tests.unit.store_helpers import seed_case, signed_note

SURNAME = "Quillfeather"


def _filled_store(path: Path, key: bytes) -> None:
    store = Store.open(path, key, actor="tester", create=True)

    def work(session):  # type: ignore[no-untyped-def]
        case_id, officer_id = seed_case(session, surname=SURNAME)
        signed_note(session, case_id, officer_id, f"Spoke to {SURNAME} at the door")

    store.write_wait(work)
    store.close()


def test_plain_sqlite_cannot_read_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    _filled_store(path, os.urandom(32))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_a_wrong_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    _filled_store(path, os.urandom(32))
    with pytest.raises(StoreLocked):
        Store.open(path, os.urandom(32))


def test_no_name_or_note_appears_in_the_bytes_of_the_folder(tmp_path: Path) -> None:
    _filled_store(tmp_path / "c.db", os.urandom(32))
    for file in tmp_path.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert SURNAME.encode() not in data, file
            assert SURNAME.encode("utf-16-le") not in data, file
            assert b"Spoke to" not in data, file
