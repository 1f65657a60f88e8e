"""The interventions an officer's statement tells, in date order (issue 13 point 1): letters
(each with its kept copy as an exhibit), home visits and meetings (a signed form record as an
exhibit; a note quoted as the record has it), plans and their reviews, Notices to Improve,
penalty notices (reg 20 SI 2007/1867 keeps their history) and the decision on an Education
Supervision Order (s447 Education Act 1996). Each paragraph is written when its turn comes,
so that its exhibits are numbered in the order the statement refers to them.

:class:`Writer` says "I" for what the witness did and the officer's name for anyone else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.services.notice_records import ISSUERS
from officer_app.services.statement_facts import ExhibitNumbering
from officer_app.store.models import (
    ChronologyEntry,
    EsoDecision,
    Letter,
    Officer,
    PenaltyNotice,
    Plan,
)
from officer_app.wording import long_date

__all__ = [
    "METHODS",
    "NARRATIVE_TYPES",
    "Writer",
    "eso_paragraph",
    "letter_paragraph",
    "narrative",
    "notice_paragraphs",
    "pct",
    "plan_paragraph",
    "sessions",
]

METHODS = {"post": "by post", "hand": "by hand", "email": "by email"}
NARRATIVE_TYPES = ("letter", "home_visit", "meeting", "review")


def pct(value: Any) -> str:
    return "no figure" if value is None else f"{value}%"


def sessions(count: int) -> str:
    return f"{count} session" + ("" if count == 1 else "s")


@dataclass
class Writer:
    session: Session
    witness: Officer
    names: dict[str, str]
    numbering: ExhibitNumbering

    def who(self, officer_id: str | None) -> str:
        if officer_id == self.witness.id:
            return "I"
        return self.names.get(officer_id or "", "an officer of the service")

    def whose_note(self, officer_id: str | None) -> str:
        if officer_id == self.witness.id:
            return "My note made at the time reads"
        name = self.names.get(officer_id or "")
        return f"The note {name} made at the time reads" if name else "The note made reads"


# -- interventions, in date order ---------------------------------------------------------------


def _detail(title: str) -> str:
    for mark in (" – ", ": ", " - "):
        if mark in title:
            return title.split(mark, 1)[1].strip()
    return ""


def narrative(w: Writer, entry: ChronologyEntry) -> str:
    day = long_date(uk_local(entry.occurred_at).date())
    actor = w.who(entry.author_id)
    detail = _detail(entry.title)
    if entry.entry_type == "home_visit":
        what = f"{actor} made a home visit" + (f" ({detail})" if detail else "")
    elif entry.entry_type == "meeting":
        what = f"{actor} took part in a meeting (“{entry.title}”)"
    elif entry.entry_type == "letter":
        what = f"{actor} sent a letter (“{detail or entry.title}”)"
    else:
        what = f"{actor} reviewed the plan"
    text = f"On {day} {what}."
    if entry.form_id:
        kind = "review" if entry.entry_type == "review" else "visit"
        label = w.numbering.refer(
            f"Record of the {kind} on {day} ({entry.title})", "record", entry_id=entry.id
        )
        return f"{text} The signed record of the {kind} is exhibit {label}."
    body = " ".join(entry.body.split())
    return f"{text} {w.whose_note(entry.author_id)}: “{body}”" if body else text


def letter_paragraph(w: Writer, letter: Letter) -> str:
    day = long_date(letter.sent_on)
    label = w.numbering.refer(
        f"Letter “{letter.title}” to {letter.recipient_name}, sent on {day}",
        "letter",
        entry_id=letter.entry_id,
        letter_id=letter.id,
    )
    actor = w.who(letter.created_by)
    how = METHODS.get(letter.method, f"by {letter.method}")
    return (
        f"On {day} {actor} sent a letter, “{letter.title}”, to {letter.recipient_name} {how}. "
        f"I produce the copy of that letter kept when it was sent as exhibit {label}."
    )


def plan_paragraph(plan: Plan) -> str:
    summary = " ".join(plan.summary.split())
    text = f"On {long_date(plan.agreed_on)} a plan to support attendance was agreed."
    if summary:
        text += f" The case record describes it as: “{summary}”"
    if plan.review_on:
        text += f" Its review was set for {long_date(plan.review_on)}."
    return text


def notice_paragraphs(
    w: Writer, notice: PenaltyNotice, parent: str, letters: Mapping[str, Letter]
) -> list[tuple[dt.date, Callable[[], str]]]:
    """A notice's paragraphs (its Notice to Improve, then its issue or the decision not to
    issue it), each written when its turn comes, so that exhibits number in order."""
    out: list[tuple[dt.date, Callable[[], str]]] = []
    if notice.nti_on:
        out.append((notice.nti_on, lambda: _improve(w, notice, parent, letters)))
    day = notice.issued_on or notice.considered_on
    if (
        notice.issuer
        or (notice.issued_on and notice.number)
        or notice.status
        in (
            "not_issued",
            "considered",
        )
    ):
        out.append((day, lambda: _issue(w, notice, parent, letters)))
    return out


def _improve(w: Writer, notice: PenaltyNotice, parent: str, letters: Mapping[str, Letter]) -> str:
    assert notice.nti_on is not None
    who = w.who(notice.considered_by)
    text = f"On {long_date(notice.nti_on)} {who} gave {parent} a Notice to Improve"
    text += (
        f", with until {long_date(notice.nti_until)} for attendance to improve."
        if notice.nti_until
        else "."
    )
    letter = letters.get(notice.nti_letter_id or "")
    if letter is not None:
        label = w.numbering.refer(
            f"Notice to Improve to {parent}, sent on {long_date(letter.sent_on)}",
            "letter",
            entry_id=letter.entry_id,
            letter_id=letter.id,
        )
        text += f" I produce the copy of that notice kept when it was sent as exhibit {label}."
    return text


def _issue(w: Writer, notice: PenaltyNotice, parent: str, letters: Mapping[str, Letter]) -> str:
    if notice.issuer:
        by = f"{notice.issuer_name} ({ISSUERS.get(notice.issuer, notice.issuer)})"
        span = (
            f" for the absence from {long_date(notice.period_from)} to "
            f"{long_date(notice.period_to)}"
            if notice.period_from and notice.period_to
            else ""
        )
        day = notice.issued_on or notice.considered_on
        number = f" {notice.number}" if notice.number else ""
        return f"On {long_date(day)} {by} issued penalty notice{number} to {parent}{span}." + (
            _outcome(notice)
        )
    if notice.issued_on and notice.number:
        how = {"hand": " by hand", "post": " by post"}.get(notice.served_by, "")
        text = (
            f"On {long_date(notice.issued_on)} penalty notice {notice.number} was issued to "
            f"{parent} and served{how}"
        )
        text += (
            f"; it is taken to have been received on {long_date(notice.received_on)}."
            if notice.received_on
            else "."
        )
        if notice.amount_21 and notice.amount_28:
            text += (
                f" It offered payment of £{notice.amount_21} within 21 days or "
                f"£{notice.amount_28} within 28 days."
            )
        elif notice.amount_28:
            text += f" It offered payment of £{notice.amount_28} within 28 days."
        letter = letters.get(notice.notice_letter_id or "")
        if letter is not None:
            label = w.numbering.refer(
                f"Penalty notice {notice.number} to {parent}, issued on "
                f"{long_date(notice.issued_on)}",
                "letter",
                entry_id=letter.entry_id,
                letter_id=letter.id,
            )
            text += f" I produce the copy of the notice kept when it was issued as exhibit {label}."
        return text + _outcome(notice)
    who = w.who(notice.considered_by)
    if notice.status == "not_issued":
        reason = " ".join(notice.decision_reason.split())
        return (
            f"On {long_date(notice.considered_on)} {who} considered a penalty notice to {parent}. "
            "It was not issued" + (f": {reason}" if reason else ".")
        )
    return (
        f"On {long_date(notice.considered_on)} {who} began to consider a penalty notice to "
        f"{parent}; no decision is recorded."
    )


def _outcome(notice: PenaltyNotice) -> str:
    if notice.status in ("paid_21", "paid_28") and notice.paid_on:
        paid = f" (£{notice.amount_paid})" if notice.amount_paid else ""
        return f" It was paid on {long_date(notice.paid_on)}{paid}."
    if notice.status == "withdrawn" and notice.withdrawn_on:
        reason = " ".join(notice.withdrawn_reason.split())
        return f" It was withdrawn on {long_date(notice.withdrawn_on)}" + (
            f": {reason}" if reason else "."
        )
    if notice.status == "unpaid":
        return " It was not paid within the time allowed."
    if notice.status == "prosecuted":
        day = f" on {long_date(notice.prosecution_on)}" if notice.prosecution_on else ""
        return f" It was not paid, and prosecution was decided{day}."
    return ""


def eso_paragraph(decision: EsoDecision) -> str:
    verdict = "not to apply for one" if decision.decision == "not_apply" else "to apply for one"
    reason = " ".join(decision.reason.split())
    return (
        f"On {long_date(decision.considered_on)} {decision.considered_by} considered whether "
        "the local authority should apply for an Education Supervision Order (section 447 of "
        f"the Education Act 1996). The decision was {verdict}"
        + (f", because: {reason}" if reason else ".")
    )
