"""Attachments at rest: unreadable without the key, and any tampering is caught."""

from __future__ import annotations

import hashlib
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officer_app.security.blobs import (
    CHUNK,
    MAGIC,
    BlobCorrupt,
    decrypt_bytes,
    decrypt_file,
    encrypt_bytes,
    encrypt_file,
)
from officer_app.security.errors import SecurityError

KEY = os.urandom(32)
HEADER = len(MAGIC) + 8
SEALED = 100 + 16  # one sealed chunk at chunk_size=100
DATA = bytes(range(256)) * 4  # 1024 bytes: ten full chunks of 100 and one of 24


def _sealed(blob_id: str = "blob-1") -> bytes:
    return encrypt_bytes(KEY, blob_id, DATA, chunk_size=100)


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=400), chunk=st.integers(min_value=1, max_value=64))
def test_round_trip(data: bytes, chunk: int) -> None:
    sealed = encrypt_bytes(KEY, "blob-1", data, chunk_size=chunk)
    chunks = max(1, -(-len(data) // chunk))
    assert len(sealed) == HEADER + len(data) + 16 * chunks
    assert decrypt_bytes(KEY, "blob-1", sealed, chunk_size=chunk) == data


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 1000, 1024])
def test_round_trip_at_the_edges(size: int) -> None:
    data = os.urandom(size)
    assert decrypt_bytes(
        KEY, "b", encrypt_bytes(KEY, "b", data, chunk_size=100), chunk_size=100
    ) == (data)


def test_round_trip_with_the_real_chunk_size() -> None:
    data = os.urandom(2 * CHUNK + 12345)
    sealed = encrypt_bytes(KEY, "photo", data)
    assert len(sealed) == HEADER + len(data) + 3 * 16
    assert decrypt_bytes(KEY, "photo", sealed) == data


def test_the_plaintext_is_not_in_the_sealed_bytes() -> None:
    secret = b"Kacper said he is scared of the older boys at the bus stop. " * 40
    sealed = encrypt_bytes(KEY, "b", secret, chunk_size=64)
    for start in range(0, len(secret) - 16, 16):
        assert secret[start : start + 16] not in sealed
    assert encrypt_bytes(KEY, "b", secret) != encrypt_bytes(KEY, "b", secret)  # fresh nonces


def _flip(at: int) -> Callable[[bytes], bytes]:
    return lambda s: s[:at] + bytes([s[at] ^ 1]) + s[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        _flip(HEADER + 40),  # in a chunk's ciphertext
        _flip(HEADER + SEALED - 1),  # in a chunk's tag
        _flip(5),  # in the nonce prefix
        lambda s: s[:-1],  # last chunk truncated by a byte
        lambda s: s[: -(24 + 16)],  # last chunk dropped: the file ends on a full chunk
        lambda s: s[: HEADER + SEALED],  # all but the first chunk dropped
        lambda s: s[:HEADER],  # no chunks at all
        lambda s: (
            s[:HEADER]
            + s[HEADER + SEALED : HEADER + 2 * SEALED]
            + s[HEADER : HEADER + SEALED]
            + s[HEADER + 2 * SEALED :]
        ),  # first two chunks swapped
        lambda s: s[:HEADER] + s[HEADER + SEALED :],  # first chunk removed
        lambda s: s + s[-40:],  # last chunk repeated
        lambda s: s + b"\x00" * 20,  # junk appended
        lambda s: b"XXXX" + s[4:],  # not our format
        lambda s: b"",
    ],
    ids=[
        "ciphertext-bit",
        "tag-bit",
        "nonce-bit",
        "truncated",
        "last-chunk-dropped",
        "cut-to-one-chunk",
        "header-only",
        "swapped",
        "first-removed",
        "repeated",
        "appended",
        "magic",
        "empty",
    ],
)
def test_tampering_is_caught(damage: Callable[[bytes], bytes]) -> None:
    # a SecurityError too: what the window and the CLI catch to say "this file was altered"
    with pytest.raises(BlobCorrupt) as caught:
        decrypt_bytes(KEY, "blob-1", damage(_sealed()), chunk_size=100)
    assert isinstance(caught.value, SecurityError)


def test_every_single_byte_change_is_caught() -> None:
    sealed = encrypt_bytes(KEY, "blob-1", b"small but important", chunk_size=8)
    for at in range(len(sealed)):
        with pytest.raises(BlobCorrupt):
            decrypt_bytes(KEY, "blob-1", _flip(at)(sealed), chunk_size=8)


def test_chunks_cannot_be_spliced_between_two_sealings_of_the_same_blob() -> None:
    first, second = _sealed(), _sealed()
    spliced = first[: HEADER + SEALED] + second[HEADER + SEALED :]
    with pytest.raises(BlobCorrupt):
        decrypt_bytes(KEY, "blob-1", spliced, chunk_size=100)


def test_a_blob_cannot_be_passed_off_as_another_or_opened_with_another_key() -> None:
    with pytest.raises(BlobCorrupt):
        decrypt_bytes(KEY, "blob-2", _sealed(), chunk_size=100)
    with pytest.raises(BlobCorrupt):
        decrypt_bytes(os.urandom(32), "blob-1", _sealed(), chunk_size=100)
    with pytest.raises(BlobCorrupt):  # the wrong chunk size does not silently misread
        decrypt_bytes(KEY, "blob-1", _sealed(), chunk_size=101)


def test_the_layout_is_magic_prefix_and_counter_nonces() -> None:
    sealed = _sealed()
    assert sealed.startswith(MAGIC)
    assert len(sealed) == HEADER + 10 * SEALED + 24 + 16
    assert struct.pack(">I", 0) not in sealed[:4]  # the counter is not stored, only derived


def test_a_chunk_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        encrypt_bytes(KEY, "b", b"x", chunk_size=0)


# --- files -----------------------------------------------------------------------------------


def test_files_round_trip_and_report_the_plaintext_hash(tmp_path: Path) -> None:
    data = os.urandom(5 * 1000 + 7)
    src, dst = tmp_path / "scan.pdf", tmp_path / "scan.oab"
    src.write_bytes(data)
    digest = encrypt_file(KEY, "att-1", src, dst, chunk_size=1000)
    assert digest == hashlib.sha256(data).hexdigest()
    assert data[:64] not in dst.read_bytes()
    assert dst.read_bytes().startswith(MAGIC)
    assert decrypt_file(KEY, "att-1", dst, chunk_size=1000) == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scan.oab", "scan.pdf"]
    if sys.platform != "win32":
        assert dst.stat().st_mode & 0o777 == 0o600


def test_files_and_bytes_share_one_format(tmp_path: Path) -> None:
    src, dst = tmp_path / "a", tmp_path / "a.oab"
    src.write_bytes(DATA)
    encrypt_file(KEY, "blob-1", src, dst, chunk_size=100)
    assert decrypt_bytes(KEY, "blob-1", dst.read_bytes(), chunk_size=100) == DATA
    dst.write_bytes(_sealed())
    assert decrypt_file(KEY, "blob-1", dst, chunk_size=100) == DATA


@pytest.mark.parametrize("size", [0, CHUNK, CHUNK + 1])
def test_files_at_chunk_boundaries(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    src, dst = tmp_path / "in", tmp_path / "out"
    src.write_bytes(data)
    assert encrypt_file(KEY, "b", src, dst) == hashlib.sha256(data).hexdigest()
    assert decrypt_file(KEY, "b", dst) == data


def test_a_tampered_file_is_caught(tmp_path: Path) -> None:
    src, dst = tmp_path / "in", tmp_path / "out"
    src.write_bytes(DATA)
    encrypt_file(KEY, "b", src, dst, chunk_size=100)
    dst.write_bytes(dst.read_bytes()[:-3])
    with pytest.raises(BlobCorrupt):
        decrypt_file(KEY, "b", dst, chunk_size=100)


def test_a_failed_encryption_leaves_the_old_file_alone(tmp_path: Path) -> None:
    src, dst = tmp_path / "in", tmp_path / "out"
    src.write_bytes(DATA)
    dst.write_bytes(b"previous sealed attachment")
    with pytest.raises(ValueError):
        encrypt_file(KEY, "b", src, dst, chunk_size=0)
    assert dst.read_bytes() == b"previous sealed attachment"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
