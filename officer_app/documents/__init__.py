"""Documents the application prints: the PDF of a form record, later letters, witness
statements and evidence packs. Built with reportlab; nothing here imports Qt.

- :mod:`.record_pdf`: ``render_record(header, definition, answers, out) -> pages``, one form
  definition driving the PDF of any record made with it (home visit, initial assessment, plan
  review, CME referral, EHE notice), with the fonts from ``resources/fonts`` embedded.
"""

from __future__ import annotations

from officer_app.documents.record_pdf import (
    Amendment,
    RecordHeader,
    render_record,
    render_record_bytes,
)

__all__ = ["Amendment", "RecordHeader", "render_record", "render_record_bytes"]
