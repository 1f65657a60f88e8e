"""Attachments encrypted at rest: AES-256-GCM in 1 MiB chunks, truncation and reordering caught.

File layout: ``OAB1`` | 8-byte random nonce prefix | chunks. Chunk ``i`` is up to ``chunk_size``
bytes of plaintext sealed with the nonce ``prefix || i`` (4 bytes, big-endian) and associated
data ``blob id (utf-8) || i (4 bytes) || last (1 byte)``, so a chunk moved, dropped, cut off at
the end, or moved to another attachment fails to open. Empty data is one empty sealed chunk.
The chunk size is not stored: decrypt with the size used to encrypt (default 1 MiB).
"""

from __future__ import annotations

import hashlib
import io
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from officer_app.security.atomic import atomic_writer
from officer_app.security.errors import SecurityError

MAGIC = b"OAB1"
PREFIX_LEN = 8
TAG_LEN = 16
CHUNK = 1024 * 1024
_MAX_CHUNKS = 2**32  # the counter is four bytes

__all__ = [
    "CHUNK",
    "MAGIC",
    "BlobCorrupt",
    "decrypt_bytes",
    "decrypt_file",
    "encrypt_bytes",
    "encrypt_file",
]


class BlobCorrupt(SecurityError):
    """An encrypted attachment was altered, truncated, or belongs to another record."""


def _aad(blob_id: str, index: int, last: bool) -> bytes:
    return blob_id.encode("utf-8") + struct.pack(">IB", index, 1 if last else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _check_chunk_size(chunk_size: int) -> None:
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1 byte")


def _read_full(source: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the stream."""
    parts: list[bytes] = []
    wanted = size
    while wanted:
        part = source.read(wanted)
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)


def _pieces(source: BinaryIO, size: int) -> Iterator[tuple[int, bytes, bool]]:
    """(index, piece, is last) with one piece of look-ahead; at least one (maybe empty) piece."""
    piece = _read_full(source, size)
    index = 0
    while True:
        following = _read_full(source, size) if len(piece) == size else b""
        last = not following
        yield index, piece, last
        if last:
            return
        piece = following
        index += 1


def _seal(key: bytes, blob_id: str, source: BinaryIO, sink: BinaryIO, chunk_size: int) -> str:
    """Encrypt ``source`` into ``sink``; return the plaintext's SHA-256 (hex)."""
    _check_chunk_size(chunk_size)
    aead = AESGCM(key)
    prefix = secrets.token_bytes(PREFIX_LEN)
    digest = hashlib.sha256()
    sink.write(MAGIC + prefix)
    for index, piece, last in _pieces(source, chunk_size):
        if index >= _MAX_CHUNKS:
            raise ValueError("attachment too large for this chunk size")
        digest.update(piece)
        sink.write(aead.encrypt(_nonce(prefix, index), piece, _aad(blob_id, index, last)))
    return digest.hexdigest()


def _open(key: bytes, blob_id: str, source: BinaryIO, chunk_size: int) -> bytes:
    _check_chunk_size(chunk_size)
    header = _read_full(source, len(MAGIC) + PREFIX_LEN)
    if len(header) != len(MAGIC) + PREFIX_LEN or not header.startswith(MAGIC):
        raise BlobCorrupt("This is not an encrypted attachment, or it was cut short.")
    prefix = header[len(MAGIC) :]
    aead = AESGCM(key)
    plain: list[bytes] = []
    for index, sealed, last in _pieces(source, chunk_size + TAG_LEN):
        if len(sealed) < TAG_LEN or index >= _MAX_CHUNKS:
            raise BlobCorrupt("The encrypted attachment was cut short.")
        try:
            plain.append(aead.decrypt(_nonce(prefix, index), sealed, _aad(blob_id, index, last)))
        except InvalidTag:
            raise BlobCorrupt(
                f"Part {index + 1} of the encrypted attachment does not authenticate: it was "
                "altered, cut short, or belongs to another record."
            ) from None
    return b"".join(plain)


def encrypt_bytes(key: bytes, blob_id: str, data: bytes, *, chunk_size: int = CHUNK) -> bytes:
    sink = io.BytesIO()
    _seal(key, blob_id, io.BytesIO(data), sink, chunk_size)
    return sink.getvalue()


def decrypt_bytes(key: bytes, blob_id: str, data: bytes, *, chunk_size: int = CHUNK) -> bytes:
    """The plaintext, or BlobCorrupt if anything was changed, cut, reordered or mislabelled."""
    return _open(key, blob_id, io.BytesIO(data), chunk_size)


def encrypt_file(key: bytes, blob_id: str, src: Path, dst: Path, *, chunk_size: int = CHUNK) -> str:
    """Encrypt ``src`` into ``dst`` chunk by chunk (atomically); return the plaintext SHA-256."""
    with src.open("rb") as source, atomic_writer(dst) as sink:
        return _seal(key, blob_id, source, sink, chunk_size)


def decrypt_file(key: bytes, blob_id: str, src: Path, *, chunk_size: int = CHUNK) -> bytes:
    with src.open("rb") as source:
        return _open(key, blob_id, source, chunk_size)
