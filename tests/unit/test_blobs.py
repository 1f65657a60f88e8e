"""Attachments at rest: unreadable, and any tampering is caught."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officer_app.security.blobs import BlobCorrupt, decrypt_bytes, encrypt_bytes

KEY = os.urandom(32)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=300), chunk=st.integers(min_value=1, max_value=64))
def test_round_trip(data: bytes, chunk: int) -> None:
    sealed = encrypt_bytes(KEY, "blob-1", data, chunk_size=chunk)
    assert decrypt_bytes(KEY, "blob-1", sealed, chunk_size=chunk) == data


def test_plaintext_is_not_in_the_file() -> None:
    secret = b"Kacper said he is scared of the older boys at the bus stop" * 10
    assert secret[:20] not in encrypt_bytes(KEY, "b", secret)


def _sealed() -> bytes:
    return encrypt_bytes(KEY, "blob-1", bytes(range(256)) * 4, chunk_size=100)


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s[:40] + bytes([s[40] ^ 1]) + s[41:],  # one bit flipped
        lambda s: s[:-116],  # last chunk cut off
        lambda s: s[:-5],  # last chunk truncated
        lambda s: s[:12] + s[12 + 116 : 12 + 232] + s[12 : 12 + 116] + s[12 + 232 :],  # swapped
        lambda s: b"XXXX" + s[4:],  # not our format
    ],
    ids=["bitflip", "dropped-chunk", "truncated", "swapped", "magic"],
)
def test_tampering_is_caught(damage) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BlobCorrupt):
        decrypt_bytes(KEY, "blob-1", damage(_sealed()), chunk_size=100)


def test_a_blob_cannot_be_passed_off_as_another() -> None:
    with pytest.raises(BlobCorrupt):
        decrypt_bytes(KEY, "blob-2", _sealed(), chunk_size=100)
    with pytest.raises(BlobCorrupt):
        decrypt_bytes(os.urandom(32), "blob-1", _sealed(), chunk_size=100)
