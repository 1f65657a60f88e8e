"""The attachments' files, after a round's pull (issue 14 point 4, anchors-sync §7.7, §7.11 step
5): every local file the central store lacks goes up (``HEAD`` first; an upload cut off resumes
from the server's ``Upload-Offset``), and every attachment row whose file is not in the profile
comes down, its hash checked, then encrypted into the profile as the attachments service
stores files (``security/blobs.py`` under the attachment's id, written in one step).

What travels is the plaintext, over TLS: each profile encrypts with its own key, so only the
content means anything to another device. It is held in memory only (an attachment is at most
50 MB) and never written to disk in clear.

Data sync never waits on this: a file that cannot move now (not yet uploaded by its device,
the connection gone, a hash that does not match) is counted in the round's report and tried
again next round; nothing here raises.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import httpx
from sqlalchemy import select

from officer_app.security import blobs as crypto
from officer_app.security.atomic import write_bytes_atomic
from officer_app.security.errors import SecurityError
from officer_app.store.database import Store
from officer_app.store.models import Attachment
from officer_app.sync import protocol
from officer_app.sync.transport import HttpxTransport, TransportError

BASE = protocol.PREFIX + protocol.BLOBS
RETRIES = 3
"""How many times one file's upload picks up again after a dropped connection in one round."""


@runtime_checkable
class BlobTransport(Protocol):
    """Raw requests to the central store: ``(status, headers, body bytes)``; TransportError
    when it cannot be reached (or the connection drops)."""

    def send(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> tuple[int, Mapping[str, str], bytes]: ...


class HttpxBlobTransport:
    """:class:`BlobTransport` over the client and headers of an :class:`HttpxTransport`."""

    def __init__(self, transport: HttpxTransport) -> None:
        self.client, self.headers = transport.client, transport.headers

    def send(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> tuple[int, Mapping[str, str], bytes]:
        try:
            response = self.client.request(
                method, path, headers={**self.headers, **(headers or {})}, content=content
            )
        except httpx.HTTPError as exc:
            raise TransportError(
                f"the central store could not be reached ({type(exc).__name__})"
            ) from None
        return response.status_code, response.headers, response.content


def blob_transport(transport: Any) -> BlobTransport | None:
    """The raw side of a sync transport (None: it has none, as a test's fake server)."""
    if isinstance(transport, HttpxTransport):
        return HttpxBlobTransport(transport)
    return transport if isinstance(transport, BlobTransport) else None


@dataclass(frozen=True)
class BlobFiles:
    """Where and how the profile keeps its attachments' files (``services/attachments.py``):
    ``folder/<attachment id><suffix>``, encrypted under ``key`` with the id bound in."""

    folder: Path
    key: bytearray
    suffix: str = ".oab"

    def path(self, attachment_id: str) -> Path:
        return self.folder / f"{attachment_id}{self.suffix}"


@dataclass
class BlobTally:
    uploaded: int = 0  # files sent to the central store this round
    downloaded: int = 0  # files received (each written for every row naming it)
    waiting: int = 0  # rows whose file the central store does not have yet (or not for us)
    failed: list[str] = field(default_factory=list)  # one line each, no content


class BlobFailed(Exception):
    """One file could not move this round (the message names the attachment, never content)."""


@dataclass(frozen=True)
class _Row:
    id: str
    sha256: str
    media_type: str


class BlobSync:
    def __init__(
        self,
        store: Store,
        transport: BlobTransport,
        files: BlobFiles,
        *,
        chunk_size: int = protocol.MAX_BLOB_CHUNK,
    ) -> None:
        self.store, self.transport, self.files = store, transport, files
        self.chunk_size = max(1, min(chunk_size, protocol.MAX_BLOB_CHUNK))

    def run(self) -> BlobTally:
        tally = BlobTally()
        rows = self.store.read(
            lambda s: [
                _Row(a.id, a.sha256, a.media_type)
                for a in s.scalars(select(Attachment).order_by(Attachment.added_at, Attachment.id))
            ]
        )
        by_hash: dict[str, list[_Row]] = {}
        for row in rows:
            by_hash.setdefault(row.sha256, []).append(row)
        try:
            for sha256, named in by_hash.items():
                present = [r for r in named if self.files.path(r.id).is_file()]
                missing = [r for r in named if r not in present]
                try:
                    if present:
                        self._upload(sha256, present[0], tally)
                    if missing:
                        self._fill(sha256, present, missing, tally)
                except BlobFailed as exc:
                    tally.failed.append(str(exc))
        except TransportError as exc:
            tally.failed.append(f"files: stopped, {exc}; tried again next round")
        return tally

    # --- up -------------------------------------------------------------------------------------
    def _upload(self, sha256: str, row: _Row, tally: BlobTally) -> None:
        status, _, _ = self.transport.send("HEAD", f"{BASE}/{sha256}")
        if status == 200:
            return
        self._expect(status, {404}, row, "checking its file")
        data = self._plaintext(row)
        request = protocol.BlobUploadRequest(sha256, len(data), row.media_type[:100])
        status, _, body = self.transport.send(
            "POST",
            f"{BASE}/uploads",
            headers={"Content-Type": "application/json"},
            content=json.dumps(protocol.to_json(request)).encode(),
        )
        if status == 404:
            tally.waiting += 1  # its row has not reached the central store (or is not ours)
            return
        self._expect(status, {200, 201}, row, "starting its upload")
        try:
            answer = protocol.from_json(protocol.BlobUploadResponse, json.loads(body))
        except (ValueError, protocol.ProtocolError):
            raise BlobFailed(
                f"attachment {row.id}: the upload's answer was not understood"
            ) from None
        if not answer.complete:
            self._send(answer.upload_id, answer.offset, data, row)
            tally.uploaded += 1

    def _send(self, upload_id: str, offset: int, data: bytes, row: _Row) -> None:
        """PATCH from ``offset`` to the end; after a dropped connection, ask the server where
        it is (``HEAD``) and go on from there, up to :data:`RETRIES` times."""
        path, drops = f"{BASE}/uploads/{upload_id}", 0
        while True:
            chunk = data[offset : offset + self.chunk_size]
            headers = {protocol.HEADER_UPLOAD_OFFSET: str(offset)}
            try:
                status, answer, body = self.transport.send(
                    "PATCH", path, headers=headers, content=chunk
                )
            except TransportError:
                drops += 1
                if drops > RETRIES:
                    raise
                status, answer, body = self.transport.send("HEAD", path)
                self._expect(status, {200}, row, "resuming its upload")
                offset = _offset(answer, row)
                continue
            if status == 409:
                drops += 1
                if drops > RETRIES:
                    raise BlobFailed(f"attachment {row.id}: its upload keeps losing its place")
                offset = _offset(answer, row)
                continue
            if status == 422 and _code(body) == protocol.BLOB_HASH_MISMATCH:
                raise BlobFailed(f"attachment {row.id}: the central store refused its file")
            self._expect(status, {200, 204}, row, "uploading")
            offset = _offset(answer, row)
            if offset >= len(data):
                return

    def _plaintext(self, row: _Row) -> bytes:
        """The file's content, checked against the row's hash."""
        try:
            data = crypto.decrypt_file(bytes(self.files.key), row.id, self.files.path(row.id))
        except (OSError, SecurityError):
            raise BlobFailed(
                f"attachment {row.id}: its file in the profile cannot be read"
            ) from None
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise BlobFailed(f"attachment {row.id}: its file in the profile is not its hash's")
        return data

    # --- down -----------------------------------------------------------------------------------
    def _fill(
        self, sha256: str, present: list[_Row], missing: list[_Row], tally: BlobTally
    ) -> None:
        if present:
            data = self._plaintext(present[0])  # another row's copy: no download
        else:
            received = self._download(sha256, missing[0])
            if received is None:
                tally.waiting += len(missing)
                return
            data = received
            tally.downloaded += 1
        self.files.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for row in missing:
            sealed = crypto.encrypt_bytes(bytes(self.files.key), row.id, data)
            try:
                write_bytes_atomic(self.files.path(row.id), sealed)
            except OSError as exc:
                raise BlobFailed(
                    f"attachment {row.id}: its file cannot be written ({exc.strerror or exc})"
                ) from None

    def _download(self, sha256: str, row: _Row) -> bytes | None:
        """The file, in ranges of at most a chunk, its hash checked; None: not there (yet)."""
        parts: list[bytes] = []
        got, total = 0, -1
        while total < 0 or got < total:
            last = got + self.chunk_size - 1
            headers = {"Range": f"bytes={got}-{last}"}
            status, answer, body = self.transport.send("GET", f"{BASE}/{sha256}", headers=headers)
            if status == 404:
                return None
            if status == 416 and got == 0:  # an empty file: no range of it exists
                total = 0
                break
            if status == 200:
                parts, got, total = [body], len(body), len(body)
                break
            self._expect(status, {206}, row, "downloading")
            total = _total(answer.get("content-range", ""), row)
            if not body:
                raise BlobFailed(f"attachment {row.id}: its download stopped short")
            parts.append(body)
            got += len(body)
        data = b"".join(parts)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise BlobFailed(f"attachment {row.id}: the file received is not its hash's")
        return data

    @staticmethod
    def _expect(status: int, wanted: set[int], row: _Row, doing: str) -> None:
        if status in wanted:
            return
        if status >= 500 or status in (401, 426):
            raise TransportError(f"the central store answered {status}")
        raise BlobFailed(f"attachment {row.id}: the central store refused {doing} ({status})")


def _offset(headers: Mapping[str, str], row: _Row) -> int:
    value = str(headers.get(protocol.HEADER_UPLOAD_OFFSET, ""))
    if not value.isdigit():
        raise BlobFailed(f"attachment {row.id}: the central store gave no upload offset")
    return int(value)


def _total(content_range: str, row: _Row) -> int:
    total = content_range.rpartition("/")[2]
    if not total.isdigit():
        raise BlobFailed(f"attachment {row.id}: the central store gave no file length")
    return int(total)


def _code(body: bytes) -> str:
    try:
        error = json.loads(body).get("error", {})
        return str(error.get("code", "")) if isinstance(error, dict) else ""
    except (ValueError, AttributeError):
        return ""
