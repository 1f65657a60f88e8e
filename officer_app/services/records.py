"""Every record of a case, listed and printed without the window (``officer-app records``,
issue 12 point 6): so that a court officer or an auditor can take the records out.

:meth:`RecordsService.list_records` gives one row per chronology entry, in chronology order
(when it happened, then when it was recorded), with its evidence: signed or not, its SHA-256,
the exhibit label it was produced as (``DO/3``) and the entry it amends.

:meth:`RecordsService.export_pdf` prints one signed entry as the document it is:

- an interview under caution: its record of interview
  (:func:`officer_app.services.interview_documents.export_interview_pdf`);
- a structured record made on a form (home visit, assessment, review…): the record as the
  window prints it (:meth:`FieldWorkService.export_record_pdf`);
- a letter or notice whose copy was kept: that copy, the exact PDF that was sent, checked
  against the SHA-256 recorded when it was sent;
- anything else (a note, a call, a stage change, a penalty-notice step, a closure, an
  amendment…): the generic record of :mod:`officer_app.documents.entry_pdf`.

An unsigned entry is not printed: it is not yet evidence. Each PDF written is audited as an
export of the entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.domain.chronology import EntryType
from officer_app.services.case_file import officer_names
from officer_app.services.interview_rows import is_interview_record
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import Case, Child, ChronologyEntry, Exhibit, Letter, School

if TYPE_CHECKING:
    from officer_app.documents.entry_pdf import EntryDocument, EntryFacts
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letters import LetterService

__all__ = [
    "PRINTED_AS",
    "RecordCopyBroken",
    "RecordExport",
    "RecordNotFound",
    "RecordNotSigned",
    "RecordRow",
    "RecordsListing",
    "RecordsRefused",
    "RecordsService",
]

PRINTED_AS = {
    "interview": "record of interview",
    "form": "form record",
    "letter": "copy of the letter as sent",
    "entry": "signed record",
}
"""How each kind of entry is printed, as the command line says it."""


class RecordsRefused(ValueError):
    """The records cannot be listed or printed as asked; the message says why, in one line."""


class RecordNotFound(RecordsRefused):
    """No such case or entry in the profile."""


class RecordNotSigned(RecordsRefused):
    """The entry is not signed: it is not printed."""


class RecordCopyBroken(RecordsRefused):
    """The copy kept of a letter is missing, damaged or altered: the evidence is not intact."""


@dataclass(frozen=True)
class RecordRow:
    """One chronology entry as ``records list`` shows it."""

    id: str
    entry_type: str  # EntryType's value: "home_visit", "note"…
    type_label: str  # "Home visit"
    title: str
    occurred_at: dt.datetime  # timezone-aware (UTC as stored)
    recorded_at: dt.datetime
    signed: bool
    content_hash: str | None  # None while unsigned
    chain_seq: int | None
    exhibit: str | None  # the exhibit label(s) it was produced as, "DO/3" (several: "DO/3, JS/1")
    amends: str | None  # the id of the entry it amends


@dataclass(frozen=True)
class RecordsListing:
    case_id: str
    case_reference: str
    child_name: str
    rows: list[RecordRow]


@dataclass(frozen=True)
class RecordExport:
    """What ``records pdf`` wrote."""

    entry_id: str
    case_reference: str
    title: str
    kind: str  # a key of PRINTED_AS
    pages: int
    out: Path

    @property
    def printed_as(self) -> str:
        return PRINTED_AS[self.kind]


def type_label(entry_type: str) -> str:
    try:
        return EntryType(entry_type).label
    except ValueError:  # a kind of entry this version does not know: shown as stored
        return entry_type.replace("_", " ").capitalize()


class RecordsService:
    """The records of a case for the command line. ``field_work`` and ``letters`` are asked for
    only when a form record or a letter is printed (they load the forms and templates)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        field_work: Callable[[], FieldWorkService],
        letters: Callable[[], LetterService],
        la_name: str | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._field_work = field_work
        self._letters = letters
        self._la_name = la_name

    # --- listing -----------------------------------------------------------------------------
    def list_records(self, case_reference: str) -> RecordsListing:
        """Every chronology entry of the case, in chronology order; RecordNotFound if the
        profile has no such case."""
        wanted = _storable(case_reference).strip().upper()

        def work(session: Session) -> RecordsListing:
            case = session.scalar(select(Case).where(Case.reference == wanted)) if wanted else None
            if case is None:
                given = _quoted(case_reference)
                raise RecordNotFound(f"there is no case {given} in this profile")
            child = session.get_one(Child, case.child_id)
            labels: dict[str, list[str]] = {}
            for entry_id, label in session.execute(
                select(Exhibit.entry_id, Exhibit.label)
                .where(Exhibit.case_id == case.id, Exhibit.entry_id.is_not(None))
                .order_by(Exhibit.produced_at, Exhibit.number)
            ):
                labels.setdefault(str(entry_id), []).append(label)
            entries = session.scalars(
                select(ChronologyEntry)
                .where(ChronologyEntry.case_id == case.id)
                .order_by(
                    ChronologyEntry.occurred_at, ChronologyEntry.recorded_at, ChronologyEntry.id
                )
            )
            rows = [
                RecordRow(
                    id=e.id,
                    entry_type=e.entry_type,
                    type_label=type_label(e.entry_type),
                    title=e.title,
                    occurred_at=e.occurred_at,
                    recorded_at=e.recorded_at,
                    signed=e.signed_at is not None,
                    content_hash=e.content_hash if e.signed_at is not None else None,
                    chain_seq=e.chain_seq,
                    exhibit=", ".join(labels[e.id]) if e.id in labels else None,
                    amends=e.amends_id,
                )
                for e in entries
            ]
            return RecordsListing(
                case.id, case.reference, f"{child.forename} {child.surname}", rows
            )

        return self._store.read(work)

    # --- printing ----------------------------------------------------------------------------
    def kind_of(self, entry_id: str) -> tuple[str, str]:
        """How the signed entry is printed (a key of :data:`PRINTED_AS`) and, for a letter,
        its letter's id; RecordNotFound or RecordNotSigned otherwise."""

        def work(session: Session) -> tuple[str, str]:
            entry = self._signed(session, entry_id)
            if is_interview_record(entry.answers):
                return "interview", ""
            if entry.form_id is not None and entry.answers is not None:
                return "form", ""
            letter = session.scalar(
                select(Letter).where(Letter.entry_id == entry.id, Letter.attachment_id.is_not(None))
            )
            if letter is not None:
                return "letter", letter.id
            return "entry", ""

        return self._store.read(work)

    def export_pdf(self, entry_id: str, out: Path) -> RecordExport:
        """Print the signed entry to ``out`` (written atomically; checked by the caller with
        :func:`officer_app.documents.destination.check_destination`), audited as an export."""
        kind, letter_id = self.kind_of(entry_id)
        if kind == "interview":
            # the record of interview (issue 12 point 5, made beside this); audits its export
            from officer_app.services.interview_documents import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
                export_interview_pdf,
            )

            pages = export_interview_pdf(
                self._store, self._clock, entry_id, out, la_name=self._la_name
            )
        elif kind == "form":
            pages = self._field_work().export_record_pdf(entry_id, out)  # audits its export
        elif kind == "letter":
            pages = self._export_letter(entry_id, letter_id, out)
        else:
            pages = self._export_entry(entry_id, out)
        reference, title = self._store.read(lambda s: _reference_and_title(s, entry_id))
        return RecordExport(entry_id, reference, title, kind, pages, Path(out))

    def entry_document(self, entry_id: str) -> EntryDocument:
        """What the generic PDF of a signed entry says (:mod:`officer_app.documents.entry_pdf`)."""
        from officer_app.documents.entry_pdf import EntryDocument
        from officer_app.documents.model import DEFAULT_LA_NAME

        def work(session: Session) -> EntryDocument:
            entry = self._signed(session, entry_id)
            case = session.get_one(Case, entry.case_id)
            child = session.get_one(Child, case.child_id)
            school = session.get(School, child.school_id) if child.school_id else None
            names = officer_names(session)
            original = session.get(ChronologyEntry, entry.amends_id) if entry.amends_id else None
            amendments = session.scalars(
                select(ChronologyEntry)
                .where(
                    ChronologyEntry.amends_id == entry.id, ChronologyEntry.signed_at.is_not(None)
                )
                .order_by(ChronologyEntry.signed_at, ChronologyEntry.chain_seq)
            )
            return EntryDocument(
                case_reference=case.reference,
                child_name=f"{child.forename} {child.surname}",
                child_dob=child.date_of_birth,
                school=school.name if school else "",
                entry=_facts(entry, names),
                original=_facts(original, names) if original is not None else None,
                amendments=tuple(_facts(a, names) for a in amendments),
                la_name=self._la_name or DEFAULT_LA_NAME,
                evidence=evidence.chain_mark(session, case.id),
            )

        return self._store.read(work)

    def _export_entry(self, entry_id: str, out: Path) -> int:
        from officer_app.documents.destination import write_file
        from officer_app.documents.entry_pdf import render_entry_bytes

        data, pages = render_entry_bytes(
            self.entry_document(entry_id), printed_at=self._clock.now()
        )
        write_file(out, data)
        self._audit(entry_id, {"pages": pages, "printed": "record"})
        return pages

    def _export_letter(self, entry_id: str, letter_id: str, out: Path) -> int:
        """The copy kept when the letter was sent, checked against its recorded SHA-256."""
        from officer_app.documents.destination import write_file
        from officer_app.security.errors import SecurityError

        letters = self._letters()
        try:
            data = letters.read_copy(letter_id)
        except FileNotFoundError as exc:
            raise RecordCopyBroken(
                f"entry {entry_id}: the copy of the letter sent is missing from the profile"
            ) from exc
        except SecurityError as exc:
            raise RecordCopyBroken(
                f"entry {entry_id}: the copy of the letter sent is damaged or altered ({exc})"
            ) from exc
        write_file(out, data)
        pages = letters.letter(letter_id).pages
        self._audit(entry_id, {"pages": pages, "printed": "letter copy", "letter": letter_id})
        return pages

    def _audit(self, entry_id: str, detail: dict[str, object]) -> None:
        self._store.write_wait(
            lambda session: audit.record(
                session,
                "export",
                entity_type="chronology_entry",
                entity_id=entry_id,
                detail=detail,
            )
        )

    @staticmethod
    def _signed(session: Session, entry_id: str) -> ChronologyEntry:
        wanted = _storable(entry_id).strip()
        entry = session.get(ChronologyEntry, wanted) if wanted else None
        if entry is None:
            given = _quoted(entry_id)
            raise RecordNotFound(f"there is no record with id {given} in this profile")
        if entry.signed_at is None or not entry.content_hash:
            raise RecordNotSigned(
                f"entry {entry.id} is not signed: only signed records are printed"
            )
        return entry


def _storable(text: str) -> str:
    """``text`` if it can be looked up at all; "" if it is not UTF-8 (an undecodable byte on
    the command line arrives as a lone surrogate): such a value names no case and no entry."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return ""
    return text


def _quoted(text: str, limit: int = 60) -> str:
    """What was asked for, quoted for a one-line message (a long value cut short)."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _reference_and_title(session: Session, entry_id: str) -> tuple[str, str]:
    entry = session.get_one(ChronologyEntry, entry_id.strip())
    return session.get_one(Case, entry.case_id).reference, entry.title


def _facts(entry: ChronologyEntry, names: dict[str, str]) -> EntryFacts:
    from officer_app.documents.entry_pdf import EntryFacts

    assert entry.signed_at is not None  # only signed entries are printed
    return EntryFacts(
        entry_id=entry.id,
        type_label=type_label(entry.entry_type),
        title=entry.title,
        author=names.get(entry.author_id or "", ""),
        occurred_at=entry.occurred_at,
        recorded_at=entry.recorded_at,
        signed_at=entry.signed_at,
        signed_by=names.get(entry.signed_by or "", ""),
        content_hash=entry.content_hash or "",
        prev_hash=entry.prev_hash or "",
        chain_seq=entry.chain_seq,
        body=entry.body,
        amend_reason=entry.amend_reason if entry.amends_id else "",
    )
