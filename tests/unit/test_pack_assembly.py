"""The evidence pack's assembly (issue 13, point 2): every page carries the right "Page n of N"
and the pack reference, the index's page ranges are the bookmarks' pages, each exhibit's label
is on every page of it and nowhere else, the pages' own content is kept byte for byte, fonts
are embedded, poppler converts it, and the manifest beside it catches one changed byte and a
swapped or edited manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from officer_app.documents.pack_assembly import PackAssemblyError, assemble_pack
from officer_app.documents.pack_manifest import manifest_path, sidecar_bytes, verify_pack_file
from officer_app.documents.pack_model import AssembledPack, Bookmark, PackHeader, PackSection
from officer_app.documents.pages import register_fonts
from officer_app.documents.style import FONT
from officer_app.progress import Cancelled

BUILT = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)
REFERENCE = "ATT-2026-00011/P1"


def _pdf(title: str, pages: int, *, size: tuple[float, float] = A4, rotate: int = 0) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, initialFontName=FONT)
    for n in range(pages):
        if rotate:
            canvas.setPageRotation(rotate)
        canvas.setFont(FONT, 13)
        canvas.drawString(72, 300, f"{title} text {n + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 60, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _header(**changes: Any) -> PackHeader:
    values: dict[str, Any] = {
        "reference": REFERENCE,
        "case_reference": "ATT-2026-00011",
        "la_name": "Northam City Council",
        "built_at": BUILT,
        "built_by": "Dana Okafor",
        "particulars": (("Offence", "s444(1)"), ("Offence period", "1 Sept to 13 Nov 2026")),
    }
    return PackHeader(**{**values, **changes})


def _sections(tmp_path: Path) -> list[PackSection]:
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(_pdf("Letter", 2))
    return [
        PackSection("Cover sheet", "cover", _pdf("Cover", 1)),
        PackSection(
            "Witness statement of Dana Okafor",
            "statement",
            lambda: _pdf("Statement", 5),
            bookmarks=(Bookmark("Declaration", 0), Bookmark("Exhibits produced", 4)),
        ),
        PackSection("Letter: notice to improve, sent 02/09/2026", "letter", letter, exhibit="DO/1"),
        PackSection("Register extract", "register", _pdf("Register", 2, size=landscape(A4))),
        PackSection("Scanned note", "exhibit", _pdf("Scan", 1, rotate=90), exhibit="DO/2"),
        PackSection(
            "Photo of the calling card", "exhibit", _png(), exhibit="DO/3", media_type="image/png"
        ),
    ]


def _build(tmp_path: Path, sections: list[PackSection], name: str = "pack.pdf") -> AssembledPack:
    out = tmp_path / name
    with out.open("wb") as handle:
        made = assemble_pack(_header(), sections, handle)
    manifest_path(out).write_bytes(sidecar_bytes(made, out.name))
    return made


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, AssembledPack, list[PackSection]]:
    sections = _sections(tmp_path)
    made = _build(tmp_path, sections)
    return tmp_path / "pack.pdf", made, sections


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_every_page_carries_the_right_number_of_the_whole_and_the_reference(built: Any) -> None:
    path, made, _ = built
    texts = _texts(path)
    # cover 1, index, statement 5, letter 2, register 2, scan 1, photo 1, manifest
    assert made.pages == len(texts) == 1 + 1 + 5 + 2 + 2 + 1 + 1 + 1
    for n, text in enumerate(texts, start=1):
        assert f"Page {n} of {made.pages}" in text
        assert f"Evidence pack {REFERENCE}" in text
        others = set(re.findall(r"Page (\d+) of (\d+)", text)) - {(str(n), str(made.pages))}
        assert not others, (n, others)


def test_the_index_gives_each_section_the_pages_its_bookmark_opens(built: Any) -> None:
    path, made, _ = built
    reader = PdfReader(path)
    top = [item for item in reader.outline if not isinstance(item, list)]
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in top]
    rows = [*made.sections, None]  # the manifest has no hash row of its own
    assert len(outline) == len(rows)
    for (title, page), row in zip(outline, made.sections, strict=False):
        assert title.startswith(f"{row.number}. {row.title}")
        assert page == row.first_page
    assert outline[-1][1] == made.manifest_pages[0]
    index = made.sections[1]
    assert (index.kind, index.first_page) == ("index", 2)
    index_text = " ".join(_texts(path)[index.first_page - 1 : index.last_page])
    for row in made.sections:
        pages = f"{row.first_page}" if row.pages == 1 else f"{row.first_page}–{row.last_page}"
        assert re.search(rf"\b{row.number}\s+.*?{re.escape(pages)}", index_text, re.S)
    # the ranges follow on, one page after another, to the manifest's last page
    ends = [(row.first_page, row.last_page) for row in made.sections]
    assert ends[0][0] == 1
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(ends))
    assert made.manifest_pages == (ends[-1][1] + 1, made.pages)
    # a section's own bookmarks sit under its own, at their pages
    statement = next(item for item in made.sections if item.kind == "statement")
    children = reader.outline[reader.outline.index(top[2]) + 1]
    assert [(c.title, reader.get_destination_page_number(c) + 1) for c in children] == [
        ("Declaration", statement.first_page),
        ("Exhibits produced", statement.first_page + 4),
    ]


def test_each_exhibit_is_labelled_on_every_page_of_it_and_nowhere_else(built: Any) -> None:
    path, made, _ = built
    texts = _texts(path)
    for row in made.sections:
        for page in range(row.first_page, row.last_page + 1):
            labels = re.findall(r"Exhibit (\S+/\d+)", texts[page - 1])
            assert labels == ([row.exhibit] if row.exhibit else []), (row.title, page)


def test_hashes_are_of_the_documents_as_given_and_the_file_as_written(built: Any) -> None:
    path, made, sections = built
    by_title = {row.title: row for row in made.sections}
    letter = by_title["Letter: notice to improve, sent 02/09/2026"]
    assert letter.sha256 == hashlib.sha256(sections[2].source.read_bytes()).hexdigest()
    photo = by_title["Photo of the calling card"]
    assert photo.sha256 == hashlib.sha256(sections[5].source).hexdigest()
    assert made.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    embedded = json.loads(PdfReader(path).attachments["manifest.json"][0])
    assert embedded == made.body
    assert [s["sha256"] for s in embedded["sections"]] == [r.sha256 for r in made.sections]
    manifest_text = "".join(_texts(path)[-1].split())
    assert made.digest in manifest_text
    assert all(row.sha256 in manifest_text for row in made.sections)


def test_the_pages_own_content_is_kept_byte_for_byte(tmp_path: Path) -> None:
    original = _pdf("Kept", 1)
    source = PdfReader(io.BytesIO(original)).pages[0]
    before = source["/Contents"].get_object().get_data()
    _build(tmp_path, [PackSection("Kept", "exhibit", original, exhibit="DO/9")])
    page = PdfReader(tmp_path / "pack.pdf").pages[1]  # after its index
    streams = [part.get_object().get_data() for part in page["/Contents"]]
    assert streams[0] == b"q\n" and before in streams
    assert streams[-1].startswith(b"Q q ") and streams[-1].endswith(b"Do Q\n")


def test_fonts_are_embedded_and_poppler_converts_it(built: Any) -> None:
    path, _made, _ = built
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stderr
    assert f"Evidence pack {REFERENCE}" in done.stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(line.split()[-5] == "yes" for line in rows), fonts.stdout  # emb


def test_a_long_pack_settles_its_index_over_several_pages(tmp_path: Path) -> None:
    one = _pdf("Short", 1)
    sections = [PackSection("Cover sheet", "cover", one)]
    sections += [PackSection(f"Record number {n}", "record", one) for n in range(1, 90)]
    made = _build(tmp_path, sections)
    index = made.sections[1]
    assert index.pages >= 3
    assert made.sections[2].first_page == index.last_page + 1
    assert made.pages == 1 + index.pages + 89 + (
        made.manifest_pages[1] - made.manifest_pages[0] + 1
    )
    assert verify_pack_file(tmp_path / "pack.pdf") == []


def test_a_section_that_is_not_a_pdf_is_named_and_cancelling_stops_it(tmp_path: Path) -> None:
    broken = [PackSection("Torn scan", "exhibit", b"not a pdf at all")]
    with pytest.raises(PackAssemblyError, match="Torn scan: not a PDF"):
        assemble_pack(_header(), broken, io.BytesIO())
    picture = [PackSection("Blurred photo", "exhibit", b"xx", media_type="image/png")]
    with pytest.raises(PackAssemblyError, match="Blurred photo: not a picture"):
        assemble_pack(_header(), picture, io.BytesIO())
    asked = iter([False, False, True])
    with pytest.raises(Cancelled):
        assemble_pack(_header(), _sections(tmp_path), io.BytesIO(), cancelled=lambda: next(asked))


def test_verify_passes_a_fresh_pack_and_names_one_changed_byte(built: Any) -> None:
    path, made, _ = built
    assert verify_pack_file(path) == []
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))
    problems = verify_pack_file(path)
    assert len(problems) >= 1
    assert problems[0].startswith("pack.pdf: its SHA-256 is ") and made.sha256 in problems[0]


def test_verify_fails_a_swapped_or_edited_manifest(tmp_path: Path) -> None:
    first = _build(tmp_path, _sections(tmp_path), "first.pdf")
    _build(tmp_path, [PackSection("Other", "record", _pdf("Other", 1))], "second.pdf")
    pdf = tmp_path / "first.pdf"
    # the other pack's manifest beside this one
    manifest_path(pdf).write_bytes(manifest_path(tmp_path / "second.pdf").read_bytes())
    swapped = verify_pack_file(pdf)
    assert any("its SHA-256 is" in p for p in swapped)
    assert any("is not the one inside it" in p for p in swapped)
    # this pack's manifest, its PDF hash kept but a section's hash edited
    sidecar = first.sidecar(pdf.name)
    sidecar["sections"][2]["sha256"] = "0" * 64
    manifest_path(pdf).write_text(json.dumps(sidecar))
    edited = verify_pack_file(pdf)
    assert any("has been edited" in p for p in edited)
    assert any("differs in section 3" in p for p in edited)
    manifest_path(pdf).unlink()
    assert verify_pack_file(pdf) == ["first.manifest.json: there is no manifest beside first.pdf"]
