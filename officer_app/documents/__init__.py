"""Documents the application prints: the PDF of a form record, letters and notices, the LA's
record of penalty notices; later witness statements and evidence packs. Built with reportlab;
nothing here imports Qt, nor the services (they build this package's own types).

- :mod:`.model`: what the documents are made from (``RecordHeader``, ``Amendment``,
  ``RegisterRow``), plain data with no reportlab.
- :mod:`.style`: how every document looks (colours, fonts, paragraph styles, the A4 page,
  plain text as paragraph markup); :mod:`.pages`: the embedded fonts, "Page n of N", the
  atomic save; :mod:`.combine`: many PDFs as one.
- :mod:`.record_pdf`: ``render_record(header, definition, answers, out) -> pages``, one form
  definition driving the PDF of any record made with it (home visit, initial assessment, plan
  review, CME referral, EHE notice), with the fonts from ``resources/fonts`` embedded; its
  page furniture is in :mod:`.record_pages`, its answers laid out in :mod:`.record_body`.
- :mod:`.letter_pdf`: a letter from a template on the LA's letterhead (and the penalty notice
  itself, laid out as a notice).
- :mod:`.notice_register_pdf`: the record of every penalty notice issued (reg 20).
- :mod:`.destination`: where a document may be saved, checked before anything is made.

The renderers are loaded on first use: reportlab takes half a second to import, which the
window does not pay at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from officer_app.documents.model import Amendment, RecordHeader

if TYPE_CHECKING:
    from officer_app.documents.record_pdf import render_record, render_record_bytes

__all__ = ["Amendment", "RecordHeader", "render_record", "render_record_bytes"]


def __getattr__(name: str) -> Any:
    if name in ("render_record", "render_record_bytes"):
        from officer_app.documents import record_pdf

        return getattr(record_pdf, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
