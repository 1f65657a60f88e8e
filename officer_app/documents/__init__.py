"""Documents the application prints: the PDF of a form record, letters and notices, the LA's
record of penalty notices; later witness statements and evidence packs. Built with reportlab;
nothing here imports Qt.

- :mod:`.record_pdf`: ``render_record(header, definition, answers, out) -> pages``, one form
  definition driving the PDF of any record made with it (home visit, initial assessment, plan
  review, CME referral, EHE notice), with the fonts from ``resources/fonts`` embedded.
- :mod:`.letter_pdf`: a letter from a template on the LA's letterhead (and the penalty notice
  itself, laid out as a notice).
- :mod:`.notice_register_pdf`: the record of every penalty notice issued (reg 20).
"""

from __future__ import annotations

from officer_app.documents.record_pdf import (
    Amendment,
    RecordHeader,
    render_record,
    render_record_bytes,
)

__all__ = ["Amendment", "RecordHeader", "render_record", "render_record_bytes"]
