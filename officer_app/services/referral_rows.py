"""What a new referral writes: the case's row and its first chronology entry, "Referral
received", built the same way by :mod:`officer_app.services.referrals` and by the demo.

Pure: no session, no clock. The service signs the entry into the case's evidence chain; the
demo seals thousands with bulk inserts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from officer_app.domain.chronology import EntryType
from officer_app.domain.stages import Stage
from officer_app.wording import long_date

REFERENCE_PREFIX = "ATT"
_REFERENCE = re.compile(r"^[A-Z]+-(\d{4})-(\d+)$")
SOURCE_LIMIT = 120  # Case.referral_source's width
TITLE = "Referral received"
ENTRY_TYPE = EntryType.REFERRAL


def case_reference(year: int, number: int) -> str:
    """``ATT-2026-00123``: the year the referral was received and the profile's running number
    (one sequence across the years, as the demo numbers its cases)."""
    return f"{REFERENCE_PREFIX}-{year:04d}-{number:05d}"


def next_reference_number(references: Iterable[str]) -> int:
    """One more than the highest running number among ``references`` (1 when there is none)."""
    numbers = [int(m.group(2)) for r in references if (m := _REFERENCE.match(r))]
    return max(numbers, default=0) + 1


@dataclass(frozen=True)
class ReferralText:
    title: str
    body: str


def referral_entry_text(
    *,
    referred_by: str,
    reason: str,
    received: dt.date,
    duplicates: Sequence[str] = (),
    why_new: str = "",
) -> ReferralText:
    """The "Referral received" entry: who referred, on what day, why; and, when the same child
    already had a case (``duplicates``: their references), why this is a new one."""
    who = referred_by or "an unnamed referrer"
    lines = [f"Referral received from {who} on {long_date(received)}.", f"Reason: {reason}"]
    if duplicates:
        lines.append(
            f"The child already has case {', '.join(duplicates)}; opened as a new case because: "
            f"{why_new}"
        )
    return ReferralText(TITLE, "\n".join(lines))


def referral_case_row(
    *,
    case_id: str,
    reference: str,
    child_id: str,
    officer_id: str | None,
    received: dt.date,
    referred_by: str,
    reason: str,
) -> dict[str, Any]:
    """The new case's columns: stage Referral, open, referred on ``received``."""
    return {
        "id": case_id,
        "reference": reference,
        "child_id": child_id,
        "officer_id": officer_id,
        "stage": Stage.REFERRAL.value,
        "status": "open",
        "referral_date": received,
        "referral_source": referred_by[:SOURCE_LIMIT],
        "referral_reason": reason,
        "version": 1,
    }
