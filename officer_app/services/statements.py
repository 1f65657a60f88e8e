"""Witness statements (s9 Criminal Justice Act 1967; CrimPR Part 16; issue 13 point 1).

An officer's statement is drafted from the case (:mod:`.statement_draft`), edited, and every
saved version kept (the database refuses to change or remove one: drafts that differ from the
final may have to be disclosed, CPIA 1996). Another witness's statement (a school's
attendance lead, say) is typed in and produced in the same form. Signing gives the
statement's provisional exhibit labels their rows in the exhibit table, in order, so that
they never change again; saves the version signed, with its real page count; and seals it
into the case's evidence chain. A signed statement is never edited: a new statement is made
instead.

The PDF is :mod:`officer_app.documents.statement_pdf`'s; printing and saving are audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock, uk_local
from officer_app.domain.chronology import EntryType
from officer_app.services import statement_rows as st
from officer_app.services.case_file import CaseNotFound, seal_entry
from officer_app.services.statement_facts import (
    ExhibitRef,
    NoRegister,
    StatementConflict,
    StatementDraft,
    StatementInfo,
    StatementNotFound,
    StatementRefused,
    VersionInfo,
    default_period,
    relabel,
)
from officer_app.store import audit
from officer_app.store.database import Store
from officer_app.store.models import (
    Case,
    ChronologyEntry,
    Officer,
    Statement,
    StatementVersion,
)
from officer_app.wording import long_date

if TYPE_CHECKING:
    from officer_app.documents.statement_pdf import StatementDocument
    from officer_app.services.attendance import AttendanceService

__all__ = [
    "STATEMENT_KIND",
    "ExhibitRef",
    "NoRegister",
    "StatementConflict",
    "StatementDraft",
    "StatementInfo",
    "StatementNotFound",
    "StatementRefused",
    "StatementService",
    "VersionInfo",
]

STATEMENT_KIND = "witness_statement"  # answers["kind"] of the sealed entry
WITNESS_KINDS = ("officer", "other")


def _clean(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """Each paragraph trimmed, its inner line breaks kept; empty ones dropped."""
    out = []
    for text in paragraphs:
        lines = [" ".join(line.split()) for line in str(text).strip().splitlines()]
        kept = "\n".join(lines).strip()
        if kept:
            out.append(kept)
    return tuple(out)


def text_sha256(paragraphs: Sequence[str], exhibits: Sequence[ExhibitRef]) -> str:
    """The SHA-256 of a version's text as saved: canonical JSON of its paragraphs and its
    exhibits' labels and descriptions."""
    canonical = json.dumps(
        {
            "paragraphs": list(paragraphs),
            "exhibits": [[e.label, e.description] for e in exhibits],
        },
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class StatementService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        *,
        attendance: Callable[[], AttendanceService],
        la_name: str,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self._attendance = attendance
        self.la_name = la_name

    # ------------------------------------------------------------------ reading
    def statements(self, case_id: str) -> list[StatementInfo]:
        def work(session: Session) -> list[StatementInfo]:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(f"no case with id {case_id}")
            found = session.scalars(
                select(Statement)
                .where(Statement.case_id == case_id)
                .order_by(Statement.created_at, Statement.id)
            )
            return [st.info(session, row) for row in found]

        return self._store.read(work)

    def statement(self, statement_id: str) -> StatementInfo:
        return self._store.read(lambda session: st.info(session, st.get(session, statement_id)))

    def latest_for_officer(self, case_id: str) -> StatementInfo | None:
        """The officer's own statement on the case saved last, if any."""
        found = [
            s
            for s in self.statements(case_id)
            if s.witness_kind == "officer" and s.officer_id == self._officer_id
        ]
        return max(found, key=lambda s: (s.status == "draft", s.latest_version), default=None)

    def versions(self, statement_id: str) -> list[VersionInfo]:
        """Every saved version, first to last (none is ever changed or removed)."""

        def work(session: Session) -> list[VersionInfo]:
            st.get(session, statement_id)
            names = dict(session.execute(select(Officer.id, Officer.name)).all())
            found = session.scalars(
                select(StatementVersion)
                .where(StatementVersion.statement_id == statement_id)
                .order_by(StatementVersion.number)
            )
            return [st.version_info(row, names) for row in found]

        return self._store.read(work)

    # ------------------------------------------------------------------ drafting
    def draft_for_officer(
        self,
        case_id: str,
        *,
        period_from: dt.date | None = None,
        period_to: dt.date | None = None,
    ) -> StatementDraft:
        """The officer's statement drafted from the case (not saved). The period defaults to
        the latest interview plan's, else the latest penalty notice's, else the last 70
        days; :class:`NoRegister` if no register is held for it."""
        from officer_app.services.attendance import Period
        from officer_app.services.statement_draft import compose

        today = self._clock.today()

        def period_of(session: Session) -> tuple[dt.date, dt.date, str]:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(f"no case with id {case_id}")
            first, last, source = default_period(session, case_id, today)
            if period_from is not None or period_to is not None:
                source = "chosen"
            return period_from or first, period_to or last, source

        first, last, source = self._store.read(period_of)
        if first > last:
            raise StatementRefused(
                f"the period ends ({long_date(last)}) before it starts ({long_date(first)})"
            )
        attendance = self._attendance()
        view = attendance.load(case_id, Period("Statement", first, last)).chosen
        if view.summary.possible == 0:
            raise NoRegister(
                f"no register is held for the child from {long_date(first)} to "
                f"{long_date(last)}: import the school's register extract first"
            )
        return self._store.read(
            lambda session: compose(
                session,
                case_id,
                self._officer_id,
                la_name=self.la_name,
                period=(first, last, source),
                view=view,
                codes=attendance.codes,
            )
        )

    # ------------------------------------------------------------------ writing
    def create(
        self,
        case_id: str,
        *,
        witness_kind: str,
        witness_name: str,
        occupation: str,
        age_text: str,
        paragraphs: Sequence[str],
        exhibits: Sequence[ExhibitRef] = (),
    ) -> StatementInfo:
        """A new statement with its first version: the officer's own (``officer``) or
        another witness's typed in (``other``)."""
        if witness_kind not in WITNESS_KINDS:
            raise StatementRefused(
                f"a witness is an officer or another witness, not {witness_kind!r}"
            )
        if not witness_name.strip():
            raise StatementRefused("a statement needs the witness's name")
        now = self._clock.now()
        text = _clean(paragraphs)
        kept = tuple(exhibits)

        def work(session: Session) -> StatementInfo:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(f"no case with id {case_id}")
            row = Statement(
                case_id=case_id,
                witness_kind=witness_kind,
                officer_id=self._officer_id if witness_kind == "officer" else None,
                witness_name=" ".join(witness_name.split()),
                occupation=" ".join(occupation.split()),
                age_text=" ".join(age_text.split()) or "over 18",
                status="draft",
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            self._add_version(session, row, 1, text, kept, now)
            session.flush()
            return st.info(session, row)

        return self._store.write_wait(work)

    def _add_version(
        self,
        session: Session,
        row: Statement,
        number: int,
        paragraphs: tuple[str, ...],
        exhibits: tuple[ExhibitRef, ...],
        at: dt.datetime,
        pages: int | None = None,
    ) -> StatementVersion:
        version = StatementVersion(
            statement_id=row.id,
            number=number,
            paragraphs=list(paragraphs),
            exhibits=[e.to_json() for e in exhibits],
            saved_at=at,
            saved_by=self._officer_id,
            sha256=text_sha256(paragraphs, exhibits),
            pages=pages,
        )
        session.add(version)
        return version

    def save_version(
        self,
        statement_id: str,
        paragraphs: Sequence[str],
        *,
        version: int,
        exhibits: Sequence[ExhibitRef] | None = None,
    ) -> StatementInfo:
        """Keep the text as it now stands: a new version whenever it changed (the same text
        again saves nothing). ``version`` is the statement's as read: someone else's save in
        between is refused (:class:`StatementConflict`). A signed statement is refused."""
        now = self._clock.now()
        text = _clean(paragraphs)

        def work(session: Session) -> StatementInfo:
            row = st.get(session, statement_id)
            if row.status == "signed":
                raise StatementRefused(
                    "the statement is signed and is never edited: make a new statement instead"
                )
            if row.version != version:
                raise StatementConflict(
                    "someone else saved this statement since you opened it: open it again"
                )
            last = st.latest(session, row.id)
            kept = (
                tuple(exhibits)
                if exhibits is not None
                else tuple(ExhibitRef.from_json(e) for e in last.exhibits)
            )
            if text_sha256(text, kept) == last.sha256 and [e.to_json() for e in kept] == list(
                last.exhibits
            ):
                return st.info(session, row)
            self._add_version(session, row, last.number + 1, text, kept, now)
            row.updated_at = now
            row.version += 1
            session.flush()
            return st.info(session, row)

        return self._store.write_wait(work)

    def sign(self, statement_id: str) -> StatementInfo:
        """Sign the latest version: its provisional exhibits get their rows (labels fixed
        from now on, the text following any label that had to move on), the version signed
        is saved with its page count, and it is sealed into the case's chain."""
        from officer_app.documents.statement_pdf import render_statement_bytes

        now = self._clock.now()
        today = uk_local(now).date()
        officer_id = self._officer_id

        def work(session: Session) -> StatementInfo:
            row = st.get(session, statement_id)
            if row.status == "signed":
                raise StatementRefused("the statement is already signed")
            if row.witness_kind == "officer" and row.officer_id != officer_id:
                raise StatementRefused("only the officer who makes a statement can sign it")
            last = st.latest(session, row.id)
            paragraphs = tuple(last.paragraphs)
            if not paragraphs:
                raise StatementRefused("the statement has no text to sign")
            exhibits, changes = st.fix_labels(session, row, last, now)
            paragraphs = relabel(paragraphs, changes)
            case = session.get_one(Case, row.case_id)
            data, pages = render_statement_bytes(
                st.document(row, case.reference, paragraphs, exhibits, today, None, self.la_name)
            )
            final = self._add_version(
                session, row, last.number + 1, paragraphs, exhibits, now, pages
            )
            answers: dict[str, Any] = {
                "kind": STATEMENT_KIND,
                "statement_id": row.id,
                "witness_kind": row.witness_kind,
                "witness_name": row.witness_name,
                "occupation": row.occupation,
                "age_text": row.age_text,
                "paragraphs": list(paragraphs),
                "exhibits": [e.to_json() for e in exhibits],
                "pages": pages,
                "version": final.number,
                "signed_on": today.isoformat(),
                "la_name": self.la_name,
                "text_sha256": final.sha256,
                "pdf_sha256": hashlib.sha256(data).hexdigest(),
            }
            labels = ", ".join(e.label for e in exhibits)
            entry = ChronologyEntry(
                case_id=row.case_id,
                entry_type=EntryType.STATEMENT.value,
                occurred_at=now,
                recorded_at=now,
                author_id=officer_id,
                title=f"Witness statement of {row.witness_name}",
                body=(
                    f"Section 9 witness statement of {row.witness_name} ({row.occupation}) "
                    f"signed: {pages} page{'s' if pages != 1 else ''}, version {final.number}"
                    + (f"; exhibits {labels}." if labels else "; no exhibits.")
                ),
                amend_reason="",
                answers=answers,
            )
            seal_entry(session, entry, by=officer_id, at=now, draft_kind="statement")
            session.flush()
            row.status = "signed"
            row.entry_id = entry.id
            row.updated_at = now
            row.version += 1
            session.flush()
            return st.info(session, row)

        return self._store.write_wait(work)

    # ------------------------------------------------------------------ printing
    def document(self, statement_id: str, *, version: int | None = None) -> StatementDocument:
        """What the PDF of a saved version (default: the latest) is printed from; a signed
        statement's version signed prints dated, any other as a draft."""

        def work(session: Session) -> StatementDocument:
            row = st.get(session, statement_id)
            chosen = st.version(session, row.id, version)
            case = session.get_one(Case, row.case_id)
            signed = chosen.number == st.latest(session, row.id).number
            signed_on = st.signed_on(session, row) if signed else None
            la_name = self.la_name
            if signed_on is not None and row.entry_id:  # as printed when signed
                answers = session.get_one(ChronologyEntry, row.entry_id).answers or {}
                la_name = str(answers.get("la_name") or la_name)
            return st.document(
                row,
                case.reference,
                tuple(chosen.paragraphs),
                tuple(ExhibitRef.from_json(e) for e in chosen.exhibits),
                signed_on,
                chosen.number,
                la_name,
            )

        return self._store.read(work)

    def pdf(self, statement_id: str, *, version: int | None = None) -> tuple[bytes, int]:
        """The statement as PDF bytes and its pages, for the print dialog (audited)."""
        from officer_app.documents.statement_pdf import render_statement_bytes

        document = self.document(statement_id, version=version)
        data, pages = render_statement_bytes(document)
        self._audit("print", statement_id, pages, document.version)
        return data, pages

    def export_pdf(self, statement_id: str, out: Path, *, version: int | None = None) -> int:
        """Save the statement as a PDF (checked, then written atomically; audited as an
        export); its pages."""
        from officer_app.documents.destination import check_destination, write_file
        from officer_app.documents.statement_pdf import render_statement_bytes

        target = check_destination(Path(out), (".pdf",))
        document = self.document(statement_id, version=version)
        data, pages = render_statement_bytes(document)
        write_file(target, data)
        self._audit("export", statement_id, pages, document.version)
        return pages

    def statement_pdf_for_pack(self, statement_id: str) -> bytes:
        """The signed statement exactly as printed when it was signed (same bytes: its
        SHA-256 is in the sealed entry), for the evidence pack."""
        from officer_app.documents.statement_pdf import render_statement_bytes

        info = self.statement(statement_id)
        if not info.signed:
            raise StatementRefused("only a signed statement goes into an evidence pack")
        data, _pages = render_statement_bytes(self.document(statement_id))
        return data

    def draft_pdf(self, draft: StatementDraft) -> tuple[bytes, int]:
        """A drafted statement (not saved) as a DRAFT PDF."""
        from officer_app.documents.statement_pdf import render_statement_bytes

        def reference(session: Session) -> str:
            return session.get_one(Case, draft.case_id).reference

        document = st.draft_document(draft, self._store.read(reference), self.la_name)
        return render_statement_bytes(document)

    def audit_draft_export(self, case_id: str, pages: int) -> None:
        """Record that a drafted statement (not saved) left the application as a file."""
        self._store.write_wait(
            lambda session: audit.record(
                session,
                "export",
                entity_type="case_file",
                entity_id=case_id,
                detail={"pages": pages, "printed": "statement draft"},
            )
        )

    def _audit(self, action: str, statement_id: str, pages: int, version: int | None) -> None:
        self._store.write_wait(
            lambda session: audit.record(
                session,
                action,
                entity_type="statement",
                entity_id=statement_id,
                detail={"pages": pages, "version": version},
            )
        )
