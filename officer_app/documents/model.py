"""What the documents are made from: plain data, gathered by the services, with no reportlab
(so that a service can build it without loading the PDF machinery).

- :class:`RecordHeader` and :class:`Amendment`: what the PDF of a form record says about the
  record apart from its answers (:mod:`.record_pdf`);
- :class:`RegisterRow`: one notice in the LA's record of penalty notices
  (:mod:`.notice_register_pdf`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from officer_app.domain.evidence import EvidenceMark

__all__ = ["DEFAULT_LA_NAME", "Amendment", "RecordHeader", "RegisterRow"]

DEFAULT_LA_NAME = "Northam City Council — Attendance and Inclusion Service"


@dataclass(frozen=True)
class Amendment:
    """A signed correction to a signed record. It is printed after the record, which stays as
    it was signed (the paper rule: one line through, never erased)."""

    signed_at: dt.datetime
    signed_by: str
    reason: str
    text: str


@dataclass(frozen=True)
class RecordHeader:
    """What the PDF says about the record, apart from its answers. Times must be timezone-aware
    (they are stored in UTC) and are printed in UK local time on the 24-hour clock."""

    title: str
    case_reference: str
    child_name: str
    child_dob: dt.date | None
    school: str
    officer: str
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    signed_at: dt.datetime | None
    signed_by: str
    content_hash: str
    form_id: str
    form_version: int
    la_name: str = DEFAULT_LA_NAME
    amendments: tuple[Amendment, ...] = ()
    evidence: EvidenceMark | None = None  # the case's chain head when printed

    @property
    def is_draft(self) -> bool:
        return self.signed_at is None


@dataclass(frozen=True)
class RegisterRow:
    """One notice issued, as the LA's record keeps it (gathered by
    :mod:`officer_app.services.notice_register`)."""

    number: str
    issued_on: dt.date
    case_reference: str
    parent_name: str
    parent_address: str
    child_name: str
    child_date_of_birth: dt.date
    school: str
    grounds: str
    offence_from: dt.date | None
    offence_to: dt.date | None
    unauthorised_sessions: int
    ordinal: int | None  # None for a notice issued by someone else
    amount_21: int | None
    amount_28: int | None
    served_by: str
    received_on: dt.date | None
    authorised_by: str
    copy_sha256: str
    copy_sent_on: dt.date | None
    status: str
    paid_on: dt.date | None
    amount_paid: int | None
    withdrawn_on: dt.date | None
    withdrawn_reason: str
    prosecuted: bool
    prosecution_on: dt.date | None
    prosecution_note: str
    # "" for the LA's own notice; "a head teacher (name)" etc. for one issued by someone else,
    # recorded because it counts towards the limit and covers its absence period
    issued_by_others: str = ""
