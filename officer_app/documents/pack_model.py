"""What an evidence pack is assembled from and what the assembly says it made (issue 13,
point 2): plain data, no reportlab, no pypdf.

A pack is an ordered list of :class:`PackSection` (a cover, the case summary, statements, the
letters' kept copies, records, exhibits…); :func:`officer_app.documents.pack_assembly.
assemble_pack` adds an index after the cover and a manifest at the end, numbers every page
"Page n of N" with the pack reference, stamps each exhibit's label on every page of it and
gives every section a bookmark. The manifest (:func:`manifest_body`) lists each section with
its SHA-256; :data:`HASHED` says exactly what is hashed, and the manifest page prints it.

domain.md, "Evidence and disclosure": "An evidence pack states what it contains, and each
document's SHA-256, so that anyone can show later that what was served is what the system
produced."
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "FORMAT",
    "HASHED",
    "MANIFEST_NAME",
    "PDF",
    "AssembledPack",
    "Bookmark",
    "PackHeader",
    "PackSection",
    "PlacedSection",
    "SectionSource",
    "canonical_json",
    "manifest_digest",
    "sha256_hex",
]

FORMAT = "officer-app evidence pack manifest 1"
"""The manifest's ``format``: a later version of the application reads this one."""

MANIFEST_NAME = "manifest.json"
"""The name of the manifest embedded in the pack's PDF."""

PDF = "application/pdf"

HASHED = (
    "Each section's SHA-256 is of the document exactly as it was held on the case or made for "
    "this pack, before its pages were numbered and stamped: a letter's copy is the PDF that "
    "was sent (the SHA-256 recorded when it was sent), an attachment is the file that was "
    "attached, a picture is the picture's file, and a document made for the pack (this index, "
    "a statement, a record) is its PDF as made. The SHA-256 of this manifest is of its "
    "canonical JSON (keys sorted, UTF-8, no spaces), embedded in this PDF as manifest.json. "
    "The SHA-256 of the whole PDF file cannot be printed inside the file it describes: it is "
    "in the manifest file kept beside the PDF (FILE.manifest.json) and in the case's "
    "chronology."
)
"""What the manifest's hashes are of, as the manifest page and the JSON say it."""

SectionSource = bytes | Path | Callable[[], bytes]
"""A section's document: its bytes, a file to read (streamed, not held), or a function that
makes the bytes when the section's turn comes (so that only one section is held at a time)."""


@dataclass(frozen=True)
class Bookmark:
    """A bookmark under a section's own: ``page`` counts from 0 within the section."""

    title: str
    page: int


@dataclass(frozen=True)
class PackSection:
    """One document of the pack, in pack order.

    ``kind`` says what it is ("cover", "summary", "statement", "letter", "record",
    "interview", "exhibit"…; the manifest lists it); ``exhibit`` is its exhibit label
    (``DO/3``), stamped on every page of it; ``media_type`` is "application/pdf" or an image
    type ("image/png", "image/jpeg"), a picture becoming one A4 page; ``text`` is the
    section's plain text where its maker knows it (the withheld-address check reads it
    instead of extracting it from the PDF); ``key`` names the section stably across builds
    ("cover", "letter:<id>"…: the pack builder's checklist leaves sections out by key)."""

    title: str
    kind: str
    source: SectionSource
    exhibit: str | None = None
    bookmarks: tuple[Bookmark, ...] = ()
    media_type: str = PDF
    text: str | None = None
    key: str = ""

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class PackHeader:
    """What the index and the manifest pages say about the pack as a whole."""

    reference: str  # ATT-2026-00011/P1
    case_reference: str
    la_name: str
    built_at: dt.datetime
    built_by: str = ""
    title: str = "Evidence pack"
    particulars: tuple[tuple[str, str], ...] = ()  # (label, value): offence, period…


@dataclass(frozen=True)
class PlacedSection:
    """A section as it lies in the pack: its pages in the pack's one numbering (from 1)."""

    number: int
    title: str
    kind: str
    exhibit: str | None
    first_page: int
    last_page: int
    sha256: str
    size: int  # bytes hashed

    @property
    def pages(self) -> int:
        return self.last_page - self.first_page + 1

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "exhibit": self.exhibit,
            "first_page": self.first_page,
            "last_page": self.last_page,
            "sha256": self.sha256,
            "bytes": self.size,
        }


@dataclass(frozen=True)
class AssembledPack:
    """What :func:`~officer_app.documents.pack_assembly.assemble_pack` wrote."""

    pages: int
    sha256: str  # of the whole PDF file as written
    size: int
    sections: tuple[PlacedSection, ...]  # every section, the index included, in order
    manifest_pages: tuple[int, int]  # (first, last)
    body: dict[str, Any] = field(default_factory=dict)  # the manifest embedded in the PDF
    digest: str = ""  # manifest_digest(body)

    def sidecar(self, pdf_name: str) -> dict[str, Any]:
        """The manifest kept beside the PDF: the embedded one, its digest, and the PDF's own
        SHA-256 and size (which cannot be inside the PDF)."""
        return {
            **self.body,
            "manifest_sha256": self.digest,
            "pdf": {"file": pdf_name, "sha256": self.sha256, "bytes": self.size},
        }


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(value: Any) -> bytes:
    """The one byte form of a manifest that its digest is taken of."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def manifest_digest(body: dict[str, Any]) -> str:
    return sha256_hex(canonical_json(body))
