"""What a witness statement is made of, as the services hand it out (plain dataclasses), and
the rules around its exhibits and its period (issue 13 point 1; domain.md, "Witness
statements").

- An exhibit a statement refers to is an :class:`ExhibitRef`: its label, what it is, and
  what it points at (a letter's kept copy, a signed record, the register for a period, an
  attachment). A label already given (table ``exhibit``) is kept; a new one is
  *provisional*, continuing the witness's numbering on the case (``DO/3``), until the
  statement is signed and the exhibit rows are made (:mod:`officer_app.services.exhibits`).
- The offence period an officer's statement is drafted for (:func:`default_period`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.store.models import Exhibit, Interview, Officer, PenaltyNotice

__all__ = [
    "DEFAULT_PERIOD_DAYS",
    "ExhibitNumbering",
    "ExhibitRef",
    "NoRegister",
    "StatementConflict",
    "StatementDraft",
    "StatementInfo",
    "StatementNotFound",
    "StatementRefused",
    "VersionInfo",
    "default_period",
    "relabel",
]

DEFAULT_PERIOD_DAYS = 70
"""With no interview planned and no penalty notice, the statement covers the last 70 days
(about ten school weeks, the penalty-notice window; the interview plan's default too)."""


class StatementRefused(ValueError):
    """The statement cannot do this as it stands; the message says why, for the officer."""


class NoRegister(StatementRefused):
    """No register is held for the child over the statement's period."""


class StatementConflict(StatementRefused):
    """Someone else saved the statement since it was opened."""


class StatementNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ExhibitRef:
    """One exhibit a statement refers to. ``kind``: ``register`` (the register extract for
    ``period_from``-``period_to``), ``letter`` (its kept copy, ``letter_id``), ``record`` (a
    signed chronology entry, ``entry_id``), ``interview`` (a sealed record of interview),
    ``attachment`` or ``document`` (another witness's, described only)."""

    label: str
    description: str
    kind: str = "document"
    provisional: bool = False  # a label not yet in the exhibit table
    entry_id: str | None = None
    letter_id: str | None = None
    attachment_id: str | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label,
            "description": self.description,
            "kind": self.kind,
            "provisional": self.provisional,
        }
        for name in ("entry_id", "letter_id", "attachment_id"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        for name in ("period_from", "period_to"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat()
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ExhibitRef:
        def day(name: str) -> dt.date | None:
            value = data.get(name)
            return dt.date.fromisoformat(str(value)) if value else None

        return cls(
            label=str(data["label"]),
            description=str(data.get("description", "")),
            kind=str(data.get("kind", "document")),
            provisional=bool(data.get("provisional", False)),
            entry_id=data.get("entry_id") or None,
            letter_id=data.get("letter_id") or None,
            attachment_id=data.get("attachment_id") or None,
            period_from=day("period_from"),
            period_to=day("period_to"),
        )


@dataclass(frozen=True)
class StatementDraft:
    """An officer's statement drafted from the case, not yet saved."""

    case_id: str
    witness_name: str
    occupation: str
    age_text: str
    paragraphs: tuple[str, ...]
    exhibits: tuple[ExhibitRef, ...]
    period_from: dt.date
    period_to: dt.date
    period_source: str  # "interview plan", "penalty notice", "last 70 days" or "chosen"
    witness_kind: str = "officer"


@dataclass(frozen=True)
class StatementInfo:
    id: str
    case_id: str
    case_reference: str
    witness_kind: str  # officer | other
    witness_name: str
    occupation: str
    age_text: str
    status: str  # draft | signed
    latest_version: int  # the number of the latest saved version
    paragraphs: tuple[str, ...]  # of the latest version
    exhibits: tuple[ExhibitRef, ...]
    entry_id: str | None  # the sealed chronology entry, once signed
    pages: int | None  # the signed statement's pages (None while a draft)
    version: int  # the row's version, for the optimistic check of save_version
    officer_id: str | None = None
    signed_on: dt.date | None = None

    @property
    def signed(self) -> bool:
        return self.status == "signed"


@dataclass(frozen=True)
class VersionInfo:
    number: int
    saved_at: dt.datetime
    saved_by: str
    sha256: str
    pages: int | None
    paragraphs: tuple[str, ...]
    exhibits: tuple[ExhibitRef, ...] = field(default_factory=tuple)


# -- the period -------------------------------------------------------------------------------


def default_period(session: Session, case_id: str, today: dt.date) -> tuple[dt.date, dt.date, str]:
    """The latest interview plan's period, else the latest penalty notice's (its absence
    period, else the 10-week window it was reckoned on), else the last 70 days to
    yesterday."""
    interview = session.scalar(
        select(Interview)
        .where(Interview.case_id == case_id, Interview.status != "cancelled")
        .order_by(Interview.created_at.desc())
        .limit(1)
    )
    if interview is not None:
        return interview.period_from, interview.period_to, "interview plan"
    for notice in session.scalars(
        select(PenaltyNotice)
        .where(PenaltyNotice.case_id == case_id)
        .order_by(PenaltyNotice.considered_on.desc())
    ):
        if notice.period_from and notice.period_to:
            return notice.period_from, notice.period_to, "penalty notice"
        window = notice.evidence or {}
        if window.get("window_from") and window.get("window_to"):
            return (
                dt.date.fromisoformat(str(window["window_from"])),
                dt.date.fromisoformat(str(window["window_to"])),
                "penalty notice",
            )
    last = today - dt.timedelta(days=1)
    return today - dt.timedelta(days=DEFAULT_PERIOD_DAYS), last, f"last {DEFAULT_PERIOD_DAYS} days"


# -- exhibit labels ---------------------------------------------------------------------------


class ExhibitNumbering:
    """The labels a drafted statement gives: an exhibit already labelled (by its record, its
    attachment, or a register extract described the same) keeps its label; anything else
    gets the witness's next provisional number on the case, in the order first referred to."""

    def __init__(self, session: Session, case_id: str, officer_id: str) -> None:
        officer = session.get_one(Officer, officer_id)
        self.initials = "".join(ch for ch in officer.initials.upper() if ch.isalpha())
        last = session.scalar(
            select(func.max(Exhibit.number)).where(
                Exhibit.case_id == case_id, Exhibit.producer_id == officer_id
            )
        )
        self._next = int(last or 0) + 1
        self._by_entry: dict[str, str] = {}
        self._by_attachment: dict[str, str] = {}
        self._by_description: dict[str, str] = {}
        for row in session.scalars(
            select(Exhibit).where(Exhibit.case_id == case_id).order_by(Exhibit.produced_at)
        ):
            if row.entry_id:
                self._by_entry.setdefault(row.entry_id, row.label)
            if row.attachment_id:
                self._by_attachment.setdefault(row.attachment_id, row.label)
            self._by_description.setdefault(row.description, row.label)
        self.refs: list[ExhibitRef] = []

    def refer(
        self,
        description: str,
        kind: str,
        *,
        entry_id: str | None = None,
        letter_id: str | None = None,
        attachment_id: str | None = None,
        period: tuple[dt.date, dt.date] | None = None,
    ) -> str:
        """The label of the exhibit (given once per thing, however often referred to)."""
        for ref in self.refs:
            same_thing = (
                (entry_id and ref.entry_id == entry_id)
                or (letter_id and ref.letter_id == letter_id)
                or (attachment_id and ref.attachment_id == attachment_id)
                or (
                    kind == "register" and ref.kind == "register" and ref.description == description
                )
            )
            if same_thing:
                return ref.label
        existing = (
            (entry_id and self._by_entry.get(entry_id))
            or (attachment_id and self._by_attachment.get(attachment_id))
            or (kind == "register" and self._by_description.get(description))
            or None
        )
        label = existing or f"{self.initials}/{self._next}"
        if not existing:
            self._next += 1
        self.refs.append(
            ExhibitRef(
                label=label,
                description=description,
                kind=kind,
                provisional=not existing,
                entry_id=entry_id,
                letter_id=letter_id,
                attachment_id=attachment_id,
                period_from=period[0] if period else None,
                period_to=period[1] if period else None,
            )
        )
        return label


def _label_pattern(label: str) -> re.Pattern[str]:
    # DO/3 but not DO/30 nor XDO/3
    return re.compile(rf"(?<![A-Za-z0-9/]){re.escape(label)}(?![0-9])")


def relabel(paragraphs: Sequence[str], changes: Mapping[str, str]) -> tuple[str, ...]:
    """The paragraphs with each label in ``changes`` replaced by its new label, all at once
    (DO/3 to DO/4 and DO/4 to DO/5 do not chain)."""
    if not changes:
        return tuple(paragraphs)
    out = []
    for text in paragraphs:
        marks: dict[str, str] = {}
        for index, (old, new) in enumerate(changes.items()):
            token = f"\x00{index}\x00"
            text = _label_pattern(old).sub(token, text)
            marks[token] = new
        for token, new in marks.items():
            text = text.replace(token, new)
        out.append(text)
    return tuple(out)
