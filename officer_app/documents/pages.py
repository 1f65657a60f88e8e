"""What every document the application prints shares: the embedded fonts, the two-pass
canvas that stamps "Page n of N" (:func:`build_numbered`), and the atomic save. How the
documents look is in :mod:`officer_app.documents.style`.

The fonts are DejaVu Sans from ``resources/fonts`` (shipped with the application), embedded
as subsets so that "ł", "ş", "é", "£" and typographic quotes print the same on every machine.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from officer_app import paths
from officer_app.documents.style import FONT, FONT_BOLD
from officer_app.domain.evidence import EvidenceMark
from officer_app.security.atomic import write_bytes_atomic

__all__ = ["EvidenceMark", "NumberedCanvas", "build_numbered", "register_fonts", "write_pdf"]

_fonts_ready = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) from ``resources/fonts`` once per process."""
    global _fonts_ready
    if _fonts_ready:
        return
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        path = paths.shipped("resources", "fonts", filename)
        if not path.is_file():
            raise FileNotFoundError(f"the PDF font is missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    _fonts_ready = True


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Two passes: ``showPage`` keeps each page's state, ``save`` stamps "Page n of N"
    through ``footer(canvas, page, total)``."""

    def __init__(self, *args: Any, footer: Callable[[Any, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer
        self.page_count = 0

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(self, self._pageNumber, total)
            super().showPage()
        self.page_count = total
        super().save()


Footer = Callable[[Any, int, int], None]
"""Draws a page's footer: ``footer(canvas, page, total)``."""


def build_numbered(
    doc: BaseDocTemplate, story: list[Flowable], footer: Footer
) -> tuple[bytes, int]:
    """Lay out ``story`` in ``doc`` (made by :func:`~officer_app.documents.style.pdf_document`),
    every page's footer drawn once the page count is known; the PDF's bytes and its pages."""
    canvases: list[NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, footer=footer, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=make_canvas)
    buffer: io.BytesIO = doc.filename
    return buffer.getvalue(), canvases[-1].page_count


def write_pdf(out: Path, data: bytes) -> None:
    """Save ``data`` to ``out`` atomically: ``out`` is the old file or the whole new one,
    never a part (owner-only, fsynced)."""
    write_bytes_atomic(Path(out), data)
