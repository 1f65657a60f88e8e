"""Attachments encrypted at rest: AES-256-GCM in 1 MiB chunks, truncation and reordering caught.

File layout: ``OAB1`` | 8-byte random nonce prefix | chunks. Each chunk is sealed with the nonce
``prefix || counter`` and associated data naming the blob, the chunk number and whether it is
the last, so a chunk moved, dropped, or cut off at the end fails to open.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"OAB1"
PREFIX_LEN = 8
TAG_LEN = 16
CHUNK = 1024 * 1024


class BlobCorrupt(Exception):
    """An encrypted attachment was altered, truncated, or belongs to another record."""


def _aad(blob_id: str, index: int, last: bool) -> bytes:
    return blob_id.encode("utf-8") + struct.pack(">IB", index, 1 if last else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _chunks(data: bytes, size: int) -> Iterator[tuple[int, bytes, bool]]:
    count = max(1, -(-len(data) // size))
    for index in range(count):
        yield index, data[index * size : (index + 1) * size], index == count - 1


def encrypt_bytes(key: bytes, blob_id: str, data: bytes, *, chunk_size: int = CHUNK) -> bytes:
    aead = AESGCM(key)
    prefix = secrets.token_bytes(PREFIX_LEN)
    out = [MAGIC, prefix]
    for index, piece, last in _chunks(data, chunk_size):
        out.append(aead.encrypt(_nonce(prefix, index), piece, _aad(blob_id, index, last)))
    return b"".join(out)


def decrypt_bytes(key: bytes, blob_id: str, data: bytes, *, chunk_size: int = CHUNK) -> bytes:
    if len(data) < len(MAGIC) + PREFIX_LEN + TAG_LEN or not data.startswith(MAGIC):
        raise BlobCorrupt("not an encrypted attachment, or cut short")
    aead = AESGCM(key)
    prefix = data[len(MAGIC) : len(MAGIC) + PREFIX_LEN]
    body = data[len(MAGIC) + PREFIX_LEN :]
    sealed = chunk_size + TAG_LEN
    count = max(1, -(-len(body) // sealed))
    plain = []
    for index in range(count):
        piece = body[index * sealed : (index + 1) * sealed]
        try:
            plain.append(
                aead.decrypt(_nonce(prefix, index), piece, _aad(blob_id, index, index == count - 1))
            )
        except InvalidTag:
            raise BlobCorrupt(f"chunk {index} of the attachment does not authenticate") from None
    return b"".join(plain)


def encrypt_file(key: bytes, blob_id: str, src: Path, dst: Path, *, chunk_size: int = CHUNK) -> str:
    """Encrypt ``src`` into ``dst`` (atomically); return the SHA-256 of the plaintext."""
    data = src.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    sealed = encrypt_bytes(key, blob_id, data, chunk_size=chunk_size)
    tmp = dst.with_name(dst.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, dst)
    return digest


def decrypt_file(key: bytes, blob_id: str, src: Path, *, chunk_size: int = CHUNK) -> bytes:
    return decrypt_bytes(key, blob_id, src.read_bytes(), chunk_size=chunk_size)
