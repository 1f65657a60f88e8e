"""Many PDFs as one, for printing or saving a batch of letters in one go."""

from __future__ import annotations

import io
from collections.abc import Sequence

__all__ = ["combine_pdfs"]


def combine_pdfs(parts: Sequence[bytes]) -> tuple[bytes, int]:
    """One PDF of ``parts`` in order, each starting on a new page; (b"", 0) for none."""
    if not parts:
        return b"", 0
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    pages = len(writer.pages)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), pages
