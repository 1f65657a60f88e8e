"""A profile: created, unlocked with the passphrase and this device's secret, locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from officer_app.security import keys
from officer_app.services import profile
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring


def _create(folder: Path, backend: MemoryKeyring) -> profile.OpenProfile:
    return profile.create_profile(
        folder,
        TEST_PASSPHRASE,
        officer_name="Priya Shah",
        officer_initials="PS",
        kdf=keys.FAST_TEST_KDF,
        backend=backend,
    )


def test_a_new_profile_reopens_with_its_passphrase(
    tmp_path: Path, keyring_backend: MemoryKeyring
) -> None:
    opened = _create(tmp_path / "p", keyring_backend)
    assert opened.officer.name == "Priya Shah"
    opened.lock()
    again = profile.unlock_profile(tmp_path / "p", TEST_PASSPHRASE, backend=keyring_backend)
    try:
        assert again.officer == opened.officer
        assert again.timings["key_derivation_s"] >= 0
    finally:
        again.lock()


def test_a_wrong_passphrase_is_refused(tmp_path: Path, keyring_backend: MemoryKeyring) -> None:
    _create(tmp_path / "p", keyring_backend).lock()
    with pytest.raises(keys.WrongPassphrase):
        profile.unlock_profile(tmp_path / "p", "not the passphrase", backend=keyring_backend)


def test_the_profile_will_not_open_on_another_laptop(
    tmp_path: Path, keyring_backend: MemoryKeyring
) -> None:
    _create(tmp_path / "p", keyring_backend).lock()
    with pytest.raises(keys.SecurityError):
        profile.unlock_profile(tmp_path / "p", TEST_PASSPHRASE, backend=MemoryKeyring())


def test_nothing_readable_in_the_profile_folder(
    demo_profile: profile.OpenProfile, tmp_path: Path
) -> None:
    rows = demo_profile.caseload.list_cases()
    surname = rows[0].child_surname
    forename = rows[0].child_forename
    scan = tmp_path / "scan.txt"
    scan.write_text(f"Letter about {forename} {surname}, photographed at the door.")
    attachment = demo_profile.attachments.add(rows[0].case_id, scan)
    assert demo_profile.attachments.read(attachment.id) == scan.read_bytes()
    scan.unlink()
    folder = demo_profile.data_dir
    demo_profile.lock()
    files = [f for f in folder.rglob("*") if f.is_file()]
    assert any(f.suffix == ".oab" for f in files)
    for file in files:
        data = file.read_bytes()
        for word in (surname, "photographed"):
            assert word.encode() not in data, file
            assert word.encode("utf-16-le") not in data, file


def test_an_unsafe_key_store_is_reported(tmp_path: Path) -> None:
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "plain.cfg")  # type: ignore[misc]
    opened = profile.create_profile(
        tmp_path / "p",
        TEST_PASSPHRASE,
        officer_name="Priya Shah",
        officer_initials="PS",
        kdf=keys.FAST_TEST_KDF,
        backend=backend,
    )
    try:
        assert not opened.keyring.secure
        assert "not secure" in opened.keyring.message
    finally:
        opened.lock()
