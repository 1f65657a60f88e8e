"""One evidence pack as one PDF, from its sections in order (issue 13, point 2).

:func:`assemble_pack` takes the sections (:class:`~.pack_model.PackSection`: a title, a kind,
the document as bytes, a file or a function that makes it, an exhibit label or none, optional
bookmarks under its own) and writes one PDF:

- the sections in the order given, an **index** after the leading cover section(s) (every
  section with its pages; its own length settled as a statement's page count is, by laying it
  out again until the count it assumed is the count it took) and a **manifest** at the end
  (each section's SHA-256, what exactly is hashed, the SHA-256 of the manifest, which is also
  embedded in the PDF as ``manifest.json``);
- **one continuous pagination**: every page stamped "Page n of N" with the pack reference;
  every page of an exhibit stamped with its label. A stamp is an overlay: the page's own
  content streams are kept byte for byte and only wrapped (``q … Q``) and followed by one
  more stream that draws a form XObject; nothing of the page is parsed or redrawn;
- a **bookmark** for every section (and those given under it), pointing at the first page the
  index gives it; the pack opens with the bookmarks shown;
- fonts embedded: the pages drawn here are in DejaVu, embedded as every house document is.

Memory: a section's bytes are held only while its pages are copied into the pack (a function
source is called when its turn comes; a file is read from disk, not into memory); the pages
themselves are held once, by the writer, until the file is written, straight into ``out``
while its SHA-256 is taken. The pack's bytes are never held whole.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)

from officer_app.documents.pack_images import render_image_page
from officer_app.documents.pack_model import (
    FORMAT,
    HASHED,
    MANIFEST_NAME,
    AssembledPack,
    PackHeader,
    PackSection,
    PlacedSection,
    canonical_json,
    manifest_digest,
)
from officer_app.documents.pack_pages import (
    IndexRow,
    Stamp,
    render_index,
    render_manifest,
    render_stamps,
)
from officer_app.domain.statement import settle_page_count
from officer_app.progress import Cancelled, Progress

__all__ = ["PackAssemblyError", "assemble_pack", "pdf_page_count", "section_bytes"]

STAMP_NAME = "/OAPackStamp"
_READ_CHUNK = 1024 * 1024
_CHECK_EVERY = 25  # pages between two looks at ``cancelled``


class PackAssemblyError(ValueError):
    """A section cannot be put in the pack (not a PDF, an encrypted PDF, not a picture…); the
    message names the section."""


@dataclass
class _Loaded:
    section: PackSection
    sha256: str
    size: int
    pages: int


class _HashingSink:
    """Writes through to ``sink``, taking the SHA-256 and the size of what passes."""

    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        self.size += len(data)
        self._sink.write(data)
        return len(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        self._sink.flush()


def section_bytes(section: PackSection) -> bytes:
    """The section's document as bytes (a file read, a function called)."""
    source = section.source
    if isinstance(source, bytes):
        return source
    if isinstance(source, Path):
        return source.read_bytes()
    return source()


def pdf_page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@contextmanager
def _opened(section: PackSection) -> Iterator[tuple[PdfReader, str, int]]:
    """The section as a PDF reader, with the SHA-256 and size of its document. A file is
    hashed in chunks and read by the reader from disk."""
    source = section.source
    handle: BinaryIO | None = None
    try:
        if isinstance(source, Path) and not section.is_image:
            digest = hashlib.sha256()
            size = 0
            with source.open("rb") as hashing:
                while chunk := hashing.read(_READ_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
            handle = source.open("rb")
            stream: BinaryIO = handle
            sha = digest.hexdigest()
        else:
            data = section_bytes(section)
            sha, size = hashlib.sha256(data).hexdigest(), len(data)
            if section.is_image:
                try:
                    data = render_image_page(section.title, data, exhibit=section.exhibit)
                except ValueError as exc:
                    raise PackAssemblyError(str(exc)) from exc
            stream = io.BytesIO(data)
        try:
            reader = PdfReader(stream)
            if reader.is_encrypted:
                raise PackAssemblyError(f"{section.title}: the PDF is encrypted")
            _ = reader.pages[0]  # reads the page tree: a damaged file fails here
        except PackAssemblyError:
            raise
        except Exception as exc:  # pypdf's many errors: a damaged or foreign file
            raise PackAssemblyError(f"{section.title}: not a PDF that can be read") from exc
        yield reader, sha, size
    finally:
        if handle is not None:
            handle.close()


def _displayed(page: Any) -> tuple[float, float, int, tuple[float, ...]]:
    """The page's displayed width and height, its rotation, and the matrix that draws in its
    displayed coordinates (origin at the displayed bottom left) in its own user space."""
    box = page.cropbox
    x0, y0 = float(box.left), float(box.bottom)
    w, h = float(box.width), float(box.height)
    rotate = int(page.get("/Rotate", 0) or 0) % 360
    if rotate == 90:
        return h, w, rotate, (0, 1, -1, 0, x0 + w, y0)
    if rotate == 180:
        return w, h, rotate, (-1, 0, 0, -1, x0 + w, y0 + h)
    if rotate == 270:
        return h, w, rotate, (0, -1, 1, 0, x0, y0 + h)
    return w, h, 0, (1, 0, 0, 1, x0, y0)


class _Stamper:
    """Lays each stamp page over its page of the pack as a form XObject."""

    def __init__(self, writer: PdfWriter, stamps: bytes) -> None:
        self._writer = writer
        self._reader = PdfReader(io.BytesIO(stamps))
        self._open = writer._add_object(_stream(b"q\n"))

    def stamp(self, index: int, page: Any, matrix: tuple[float, ...]) -> None:
        writer = self._writer
        source = self._reader.pages[index]
        content: Any = source["/Contents"].get_object()
        form = _stream(content.get_data())
        form.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(
                    FloatObject(v) for v in (0, 0, source.mediabox.width, source.mediabox.height)
                ),
                NameObject("/Resources"): source["/Resources"].clone(writer),
            }
        )
        form_ref = writer._add_object(form.flate_encode())
        resources = page.get("/Resources")
        own = (
            DictionaryObject(resources.get_object())
            if resources is not None
            else DictionaryObject()
        )
        xobjects = own.get("/XObject")
        named = (
            DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
        )
        name = STAMP_NAME
        while name in named:
            name += "X"
        named[NameObject(name)] = form_ref
        own[NameObject("/XObject")] = named
        page[NameObject("/Resources")] = own
        numbers = " ".join(_number(v) for v in matrix)
        close = _stream(f"Q q {numbers} cm {name} Do Q\n".encode("ascii"))
        parts = ArrayObject([self._open])
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        if contents is not None:
            resolved = contents.get_object()
            if isinstance(resolved, ArrayObject):
                parts.extend(resolved)
            elif isinstance(contents, IndirectObject):
                parts.append(contents)
            else:  # a content stream held directly (not allowed, but seen): made indirect
                parts.append(writer._add_object(resolved))
        parts.append(writer._add_object(close))
        page[NameObject("/Contents")] = parts


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


def _index_position(sections: Sequence[PackSection]) -> int:
    """The index goes after the leading cover section(s)."""
    position = 0
    while position < len(sections) and sections[position].kind == "cover":
        position += 1
    return position


def _rows(
    loaded: Sequence[_Loaded], at: int, index_pages: int, manifest_pages: int
) -> list[IndexRow]:
    """Every section's row, the index's and the manifest's included, with its pages."""
    rows: list[IndexRow] = []
    page = 1
    entries: list[tuple[str, str, str | None, int, str]] = [
        (item.section.title, item.section.kind, item.section.exhibit, item.pages, item.sha256)
        for item in loaded
    ]
    entries.insert(at, ("Index", "index", None, index_pages, ""))
    entries.append(("Manifest: the SHA-256 of each document", "manifest", None, manifest_pages, ""))
    for number, (title, kind, exhibit, pages, sha) in enumerate(entries, start=1):
        rows.append(IndexRow(number, title, kind, exhibit, page, page + pages - 1, sha))
        page += pages
    return rows


def assemble_pack(
    header: PackHeader,
    sections: Sequence[PackSection],
    out: BinaryIO,
    *,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AssembledPack:
    """Write the pack made of ``sections`` to ``out`` (a binary file open for writing; the
    caller makes it atomic) and say what was written. :class:`~officer_app.progress.
    Cancelled` if ``cancelled()`` turns true (``out`` then holds nothing usable: the caller
    discards it); :class:`PackAssemblyError` naming a section that cannot be read."""
    if not sections:
        raise PackAssemblyError("a pack needs at least one document")
    total_steps = len(sections) + 3

    def tick(done: int, message: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(Progress(done, total_steps, message))

    writer = PdfWriter()
    loaded: list[_Loaded] = []
    for number, section in enumerate(sections):
        tick(number, f"Adding {section.title}")
        with _opened(section) as (reader, sha, size):
            count = len(reader.pages)
            for n, page in enumerate(reader.pages):
                if n % _CHECK_EVERY == _CHECK_EVERY - 1:
                    tick(number, f"Adding {section.title}")
                writer.add_page(page)
            writer.reset_translation(reader)
        for mark in section.bookmarks:
            if not 0 <= mark.page < count:
                raise PackAssemblyError(
                    f"{section.title}: bookmark {mark.title!r} points past its {count} pages"
                )
        loaded.append(_Loaded(section, sha, size, count))

    tick(len(sections), "Laying out the index and the manifest")
    at = _index_position(sections)
    placeholder = "0" * 64
    widest = _rows(loaded, at, 999, 999)
    manifest_pages = render_manifest(header, widest, pages=99999, digest=placeholder)[1]
    index_pdf: dict[int, bytes] = {}

    def lay_index(pages: int) -> int:
        data, made = render_index(header, _rows(loaded, at, pages, manifest_pages))
        index_pdf[pages] = data
        return made

    index_pages = settle_page_count(lay_index)
    index_data = index_pdf[index_pages]
    for _ in range(3):  # the manifest's real numbers could, in principle, take another page
        rows = _rows(loaded, at, index_pages, manifest_pages)
        rows[at] = replace(rows[at], sha256=hashlib.sha256(index_data).hexdigest())
        index_rows = rows
        placed = [_placed(n, row, index_data, loaded, at) for n, row in enumerate(rows[:-1])]
        total = index_rows[-1].last_page
        body = _body(header, placed, total, index_rows[-1])
        digest = manifest_digest(body)
        manifest_data, made = render_manifest(header, index_rows[:-1], pages=total, digest=digest)
        if made == manifest_pages:
            break
        manifest_pages = made
        index_pages = settle_page_count(lay_index)
        index_data = index_pdf[index_pages]
    else:  # pragma: no cover - the manifest's length depends only on the rows
        raise PackAssemblyError("the manifest's page count did not settle")

    before = sum(item.pages for item in loaded[:at])
    for n, page in enumerate(PdfReader(io.BytesIO(index_data)).pages):
        writer.insert_page(page, before + n)
    manifest_reader = PdfReader(io.BytesIO(manifest_data))
    for page in manifest_reader.pages:
        writer.add_page(page)
    if len(writer.pages) != total:  # pragma: no cover - a broken invariant, said plainly
        raise PackAssemblyError(f"the pack has {len(writer.pages)} pages, not {total}")

    tick(len(sections) + 1, "Numbering the pages")
    _stamp_all(writer, header, index_rows, total, tick, len(sections) + 1)
    _outline(writer, index_rows, loaded, at)
    writer.add_attachment(MANIFEST_NAME, canonical_json(body))
    writer.add_metadata(
        {
            "/Title": f"{header.title} {header.reference}",
            "/Author": header.built_by,
            "/Subject": f"Case {header.case_reference}",
            "/Creator": "officer-app",
            "/Producer": "officer-app (reportlab, pypdf)",
        }
    )
    writer.page_mode = "/UseOutlines"
    tick(len(sections) + 2, "Writing the pack")
    sink = _HashingSink(out)
    writer.write(cast(BinaryIO, sink))
    return AssembledPack(
        pages=total,
        sha256=sink.hash.hexdigest(),
        size=sink.size,
        sections=tuple(placed),
        manifest_pages=(index_rows[-1].first_page, index_rows[-1].last_page),
        body=body,
        digest=digest,
    )


def _loaded_at(position: int, loaded: Sequence[_Loaded], at: int) -> _Loaded | None:
    """The section at ``position`` among the rows (None: the index, or the manifest)."""
    if position == at or position > len(loaded):
        return None
    return loaded[position if position < at else position - 1]


def _placed(
    position: int, row: IndexRow, index_data: bytes, loaded: Sequence[_Loaded], at: int
) -> PlacedSection:
    item = _loaded_at(position, loaded, at)
    if item is None:  # the index
        sha, size = hashlib.sha256(index_data).hexdigest(), len(index_data)
    else:
        sha, size = item.sha256, item.size
    return PlacedSection(
        row.number, row.title, row.kind, row.exhibit, row.first_page, row.last_page, sha, size
    )


def _body(
    header: PackHeader, placed: Sequence[PlacedSection], total: int, manifest: IndexRow
) -> dict[str, Any]:
    """The manifest as embedded in the PDF (and, with the PDF's own hash, beside it)."""
    return {
        "format": FORMAT,
        "reference": header.reference,
        "case_reference": header.case_reference,
        "title": header.title,
        "built_at": header.built_at.isoformat(),
        "built_by": header.built_by,
        "particulars": [[label, value] for label, value in header.particulars],
        "pages": total,
        "hashed": HASHED,
        "sections": [section.as_json() for section in placed],
        "manifest_pages": [manifest.first_page, manifest.last_page],
    }


def _stamp_all(
    writer: PdfWriter,
    header: PackHeader,
    rows: Sequence[IndexRow],
    total: int,
    tick: Callable[[int, str], None],
    step: int,
) -> None:
    exhibit_of: list[str | None] = []
    for row in rows:
        exhibit_of += [row.exhibit] * (row.last_page - row.first_page + 1)
    shapes = [_displayed(page) for page in writer.pages]
    stamps = [
        Stamp(n + 1, total, header.reference, exhibit_of[n], width, height)
        for n, (width, height, _r, _m) in enumerate(shapes)
    ]
    stamper = _Stamper(writer, render_stamps(stamps))
    for n, page in enumerate(writer.pages):
        if n % _CHECK_EVERY == 0:
            tick(step, f"Numbering page {n + 1} of {total}")
        stamper.stamp(n, page, shapes[n][3])


def _outline(
    writer: PdfWriter, rows: Sequence[IndexRow], loaded: Sequence[_Loaded], at: int
) -> None:
    """A bookmark for every section at the page the index gives it, its own under it."""
    for position, row in enumerate(rows):
        title = f"{row.number}. {row.title}"
        if row.exhibit:
            title += f" ({row.exhibit})"
        parent = writer.add_outline_item(title=title, page_number=row.first_page - 1, is_open=False)
        item = _loaded_at(position, loaded, at)
        for mark in item.section.bookmarks if item is not None else ():
            writer.add_outline_item(
                title=mark.title, page_number=row.first_page - 1 + mark.page, parent=parent
            )
