"""Evidence pack assembly (issue 13): a pack of about 300 pages with 40 exhibits (target under
6 s, median), and the peak resident memory of a 1,000-page pack, measured in a fresh process
(the sections read from files, as big ones are; target: bounded, not growing with the pages
held twice).

What is timed is :func:`officer_app.documents.pack_assembly.assemble_pack` writing the pack to
a file: the index laid out and settled, every page copied, stamped "Page n of N" with the pack
reference (exhibits with their labels), the bookmarks, the manifest page and its JSON, the
SHA-256 of the file. The sections' own PDFs are made beforehand (in the application they are
the letters' kept copies, the records and statements, the attachments): text pages in DejaVu
as the house documents are, scans as pictures.

``python -m bench.pack_bench`` runs it on its own; ``--rss PAGES`` is the child process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

LINE = (
    "On {day} the child was marked absent for the morning session; the school telephoned the "
    "home at 09:15 and the parent said the child was unwell."
)


def _text_pdf(title: str, pages: int) -> bytes:
    """``pages`` A4 pages of about 45 lines of text each, in DejaVu (embedded)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from officer_app.documents.pages import register_fonts
    from officer_app.documents.style import FONT, FONT_BOLD

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=FONT)
    for page in range(pages):
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawString(57, 780, f"{title} — page {page + 1}")
        canvas.setFont(FONT, 9)
        for line in range(45):
            canvas.drawString(57, 750 - line * 15.5, LINE.format(day=f"day {page * 45 + line}"))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _picture(seed: int) -> bytes:
    """A 1,600 x 1,200 JPEG photograph's worth of bytes."""
    from PIL import Image

    image = Image.effect_noise((1600, 1200), 40 + seed % 20).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def sections_300(folder: Path | None = None) -> list[Any]:
    """About 300 pages: a cover, a 40-page statement, an 8-page register extract, 10 records
    of 5 pages, 20 letters of 2 pages, and 40 exhibits (30 scanned PDFs of 5 pages and 10
    photographs). ``folder``: the sections are written there and read back from files."""
    from officer_app.documents.pack_model import PackSection

    made: list[Any] = []

    def add(
        title: str, kind: str, data: bytes, exhibit: str | None = None, media: str = ""
    ) -> None:
        source: Any = data
        if folder is not None:
            source = folder / f"{len(made):04d}.bin"
            source.write_bytes(data)
        media_type = media or "application/pdf"
        made.append(PackSection(title, kind, source, exhibit=exhibit, media_type=media_type))

    add("Cover sheet", "cover", _text_pdf("Cover", 1))
    add("Witness statement of Dana Okafor", "statement", _text_pdf("Statement", 40))
    add("Register extract", "register", _text_pdf("Register", 8))
    record = _text_pdf("Home visit record", 5)
    for n in range(10):
        add(f"Home visit record {n + 1}", "record", record)
    letter = _text_pdf("Letter", 2)
    for n in range(20):
        add(f"Letter {n + 1}", "letter", letter)
    scan = _text_pdf("Scanned exhibit", 5)
    for n in range(30):
        add(f"Scanned document {n + 1}", "exhibit", scan, exhibit=f"DO/{n + 1}")
    for n in range(10):
        add(f"Photograph {n + 1}", "exhibit", _picture(n), exhibit=f"DO/{31 + n}",
            media="image/jpeg")  # fmt: skip
    return made


def _header() -> Any:
    from officer_app.documents.pack_model import PackHeader

    return PackHeader(
        reference="ATT-2026-00011/P1",
        case_reference="ATT-2026-00011",
        la_name="Northam City Council — Attendance and Inclusion Service",
        built_at=dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC),
        built_by="Dana Okafor",
        particulars=(("Offence", "s444(1) Education Act 1996"),),
    )


def assemble(sections: list[Any], out: Path) -> Any:
    from officer_app.documents.pack_assembly import assemble_pack

    with out.open("wb") as handle:
        return assemble_pack(_header(), sections, handle)


def _rss_child(folder: Path) -> None:
    """In a fresh process: assemble the sections written in ``folder`` (``*.pdf``, 20 pages
    each, every fifth an exhibit) and say the resident memory before (the imports paid) and
    the peak."""
    import psutil

    from officer_app.documents import pack_assembly
    from officer_app.documents.pack_model import PackSection

    paths = sorted(folder.glob("*.pdf"))
    sections = [
        PackSection(
            f"Document {n + 1}", "record", path, exhibit=f"DO/{n // 5 + 1}" if n % 5 == 4 else None
        )
        for n, path in enumerate(paths)
    ]
    pack_assembly.render_index  # noqa: B018  (the renderers imported before the measure)
    before = psutil.Process().memory_info().rss
    started = time.perf_counter()
    out = folder / "pack.out"
    made = assemble(sections, out)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"{made.pages} {before} {peak} {seconds:.2f} {out.stat().st_size}")


def peak_rss(pages: int) -> tuple[int, float, float, float, float]:
    """(pages, RSS before, peak RSS, seconds, file size; MiB) of a ``pages``-page pack
    assembled in a child process from 20-page sections on disk."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chunk = _text_pdf("Section", 20)
        for n in range(max(1, pages // 20)):
            (folder / f"{n:04d}.pdf").write_bytes(chunk)
        done = subprocess.run(
            [sys.executable, "-m", "bench.pack_bench", "--rss", str(folder)],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
    made, before, after, seconds, size = done.stdout.split()
    mib = 2**20
    return int(made), int(before) / mib, int(after) / mib, float(seconds), int(size) / mib


def run_pack_benchmarks(median_ms: Callable[..., float], result: Callable[..., Any]) -> list[Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sections = sections_300()
        out = folder / "pack.pdf"
        made = assemble(sections, out)
        ms = median_ms(lambda: assemble(sections, out), repeat=5, warmup=1)
    pages, before, after, seconds, size = peak_rss(1000)
    results = [
        result(
            f"evidence pack of {made.pages} pages, 40 exhibits (assembly, stamped, hashed)",
            ms / 1000,
            "s",
            "< 6 s",
            ms < 6000,
        ),
        result(
            f"peak RSS, a {pages}-page pack from files ({seconds:.1f} s, {size:.1f} MiB file)",
            after,
            "MiB",
            f"bounded: {after - before:.0f} MiB over the {before:.0f} MiB before it",
            None,
        ),
    ]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pack_bench")
    parser.add_argument("--rss", type=Path, default=None, help="(the child) the sections' folder")
    args = parser.parse_args()
    if args.rss is not None:
        _rss_child(args.rss)
        return
    from bench.__main__ import Result, median_ms

    for row in run_pack_benchmarks(median_ms, Result):
        print(f"{row.name}: {row.median:.2f} {row.unit} (target {row.target})")


if __name__ == "__main__":
    main()
