"""Evidence packs for a prosecution (issue 13, point 2): built from the case, approved by a
court officer or a supervisor, served; a served pack is frozen, and building again makes a
new number, never overwrites (``OpenProfile.packs``).

:meth:`PackService.build` checks the offence period first:

- s127(1) Magistrates' Courts Act 1980: the information must be laid within 6 months of the
  offence (:func:`officer_app.domain.statement.time_limit`; the app counts from the first day
  of the period, see domain/time_limits.py). A period already out of time is refused, naming
  the last day; the pack states the last day for one in time;
- a period that ends after today is refused (a pack is evidence of what happened);
- a period with no register marks for the child is refused (there is nothing to prove).

Then the sections are collected (:func:`officer_app.services.pack_sections.collect_sections`,
the hook the other pieces of issue 13 are wired into), the withheld-address check runs
(:func:`~officer_app.services.pack_sections.withheld_places`: the build is refused listing
every place), the pack is written as ``FILE.pdf`` with ``FILE.manifest.json`` beside it (each
atomically), kept encrypted as an attachment of the case, and recorded: an
:class:`~officer_app.store.models.EvidencePack` row (number, reference ``ATT-…/P1``, the
SHA-256 of the whole PDF, pages, the manifest) and a signed chronology entry saying the pack
was built with its SHA-256. If recording fails, the files and the encrypted copy are removed:
a pack file exists only if the case records it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.documents.destination import DestinationRefused, check_destination, write_file
from officer_app.documents.model import DEFAULT_LA_NAME
from officer_app.documents.pack_model import PDF, PackHeader, PackSection
from officer_app.domain.chronology import EntryType
from officer_app.domain.interview import Offence
from officer_app.domain.statement import time_limit
from officer_app.progress import Cancelled, Progress
from officer_app.security.atomic import atomic_writer
from officer_app.services.case_file import officer_names
from officer_app.services.pack_choices import (
    APPROVER_ROLES,
    PackChoices,
    PackContent,
    PackCopies,
    contents_of,
    defendants_named,
)
from officer_app.services.pack_info import (
    PackInfo,
    PackRefused,
    WithheldAddressInPack,
    pack_info,
)
from officer_app.services.pack_sections import (
    PackContext,
    PackRequest,
    collect_sections,
    is_fixed,
    withheld_places,
)
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    EvidencePack,
    Officer,
    School,
)
from officer_app.wording import long_date

if TYPE_CHECKING:
    from officer_app.services.attachments import AttachmentService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letters import LetterService
    from officer_app.services.statements import StatementService

__all__ = [
    "APPROVER_ROLES",
    "SERVE_METHODS",
    "PackChoices",
    "PackContent",
    "PackInfo",
    "PackRefused",
    "PackService",
    "WithheldAddressInPack",
    "verify_file",
]

SERVE_METHODS = {
    "hand": "by hand",
    "post": "by first-class post",
    "email": "by secure email",
}
"""How a pack may be served (CrimPR r4: by hand, post, or electronic means agreed); the
methods are the app's reading, not domain.md's."""

Collect = Callable[[PackRequest, PackContext], list[PackSection]]
Withheld = Callable[[PackRequest, PackContext, list[PackSection]], list[str]]


def verify_file(pdf_path: Path) -> list[str]:
    """The pack file against the manifest beside it and the manifest against the pack's own
    (no profile needed): every problem in one line; empty when the file is intact."""
    from officer_app.documents.pack_manifest import verify_pack_file

    return verify_pack_file(Path(pdf_path))


class PackService(PackCopies):
    """Evidence packs of the profile's cases. ``collect`` and ``withheld`` are the hooks
    (defaults: :mod:`officer_app.services.pack_sections`); the builder's reads and the saved
    copies (``choices``, ``read_pdf``, ``save_copy``) are :class:`PackCopies`'."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        attachments: AttachmentService,
        *,
        letters: Callable[[], LetterService],
        field_work: Callable[[], FieldWorkService],
        la_name: str | None = None,
        statements: Callable[[], StatementService] | None = None,
        collect: Collect = collect_sections,
        withheld: Withheld = withheld_places,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self._attachments = attachments
        self._context = PackContext(
            store, clock, attachments, letters, field_work, la_name, statements, officer_id
        )
        self._la_name = la_name or DEFAULT_LA_NAME
        self._collect = collect
        self._withheld = withheld

    verify_file = staticmethod(verify_file)

    # --- reading -----------------------------------------------------------------------------
    def packs(self, case_id: str) -> list[PackInfo]:
        """Every pack built for the case, oldest first."""

        def work(session: Session) -> list[PackInfo]:
            names = officer_names(session)
            rows = session.scalars(
                select(EvidencePack)
                .where(EvidencePack.case_id == case_id)
                .order_by(EvidencePack.number)
            )
            return [pack_info(row, names) for row in rows]

        return self._store.read(work)

    def pack(self, pack_id: str) -> PackInfo:
        def work(session: Session) -> PackInfo:
            row = session.get(EvidencePack, pack_id)
            if row is None:
                raise PackRefused(f"no evidence pack with id {pack_id}")
            return pack_info(row, officer_names(session))

        return self._store.read(work)

    # --- building ----------------------------------------------------------------------------
    def build(
        self,
        case_id: str,
        *,
        offence: Offence | str,
        period_from: dt.date,
        period_to: dt.date,
        defendant_ids: Sequence[str] = (),
        out: Path | None,
        progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        exclude: Collection[str] = (),
    ) -> PackInfo:
        """Build the next pack of the case into ``out`` (``FILE.pdf``, with
        ``FILE.manifest.json`` beside it) and record it (blocking: a worker's). ``exclude``:
        section keys (:meth:`contents`) left out, and so on the schedule of unused material.
        Refused (:class:`PackRefused`, one line) before anything is written when the period,
        the defendants, the contents or the destination will not do, or a withheld address
        would show (:class:`WithheldAddressInPack`); :class:`~officer_app.progress.Cancelled`
        leaves nothing behind."""
        from officer_app.documents.pack_assembly import assemble_pack
        from officer_app.documents.pack_manifest import manifest_path, sidecar_bytes

        def step(message: str) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(Progress(0, 1, message))

        fixed = sorted(key for key in exclude if is_fixed(key))
        if fixed:
            raise PackRefused(
                "the cover sheet, the schedule of unused material and the label of every "
                f"exhibit a statement names are in every pack: {', '.join(fixed)}"
            )
        target: Path | None = None
        if out is not None:  # None: kept encrypted only (the window previews it from there)
            try:
                target = check_destination(Path(out), (".pdf",))
            except DestinationRefused as exc:
                raise PackRefused(str(exc)) from exc
        chosen = _offence(offence)
        step("Reading the case")
        request = self._store.read(
            lambda session: self._request(
                session, case_id, chosen, period_from, period_to, tuple(defendant_ids)
            )
        )
        request = dataclasses.replace(request, exclude=frozenset(exclude))
        sections = self._collect(request, self._context)
        step("Looking for withheld addresses in every page")
        places = self._withheld(request, self._context, sections)
        if places:
            raise WithheldAddressInPack(places)
        step("Assembling the pack")
        kept_name = f"{request.reference.replace('/', '-')} evidence pack.pdf"
        beside: Path | None = None
        buffer = io.BytesIO()
        if target is not None:
            beside = manifest_path(target)
            with atomic_writer(target) as handle:
                made = assemble_pack(
                    request.header, sections, handle, progress=progress, cancelled=cancelled
                )
        else:
            made = assemble_pack(
                request.header, sections, buffer, progress=progress, cancelled=cancelled
            )
        staged = None
        try:
            if target is not None and beside is not None:
                write_file(beside, sidecar_bytes(made, target.name))
            staged = self._attachments.stage_bytes(
                case_id,
                target.read_bytes() if target is not None else buffer.getvalue(),
                filename=kept_name,
                media_type=PDF,
            )
            if staged.sha256 != made.sha256:
                raise PackRefused("the pack changed while it was being kept: build it again")
            manifest = made.sidecar(target.name if target is not None else kept_name)
            now = self._clock.now()
            pack_id = self._store.write_wait(
                lambda session: self._record(session, request, made, manifest, staged, now)
            )
        except BaseException:
            if staged is not None:
                staged.discard()
            for path in (target, beside):
                if path is not None:
                    with contextlib.suppress(OSError):
                        path.unlink()
            raise
        info = self.pack(pack_id)
        return PackInfo(**{**info.__dict__, "out": target})

    # --- the builder in the window ------------------------------------------------------------
    def contents(
        self,
        case_id: str,
        *,
        offence: Offence | str,
        period_from: dt.date,
        period_to: dt.date,
        defendant_ids: Sequence[str] = (),
    ) -> list[PackContent]:
        """The sections a pack of this offence and period would have, in order, each with its
        key (nothing is made or written; refused as :meth:`build` refuses)."""
        chosen = _offence(offence)
        request = self._store.read(
            lambda session: self._request(
                session, case_id, chosen, period_from, period_to, tuple(defendant_ids)
            )
        )
        return contents_of(self._collect(request, self._context))

    def _request(
        self,
        session: Session,
        case_id: str,
        offence: Offence,
        period_from: dt.date,
        period_to: dt.date,
        defendant_ids: tuple[str, ...],
    ) -> PackRequest:
        """The pack asked for, every check made (s127 MCA 1980, the register, the parents)."""
        case = session.get(Case, case_id)
        if case is None:
            raise PackRefused(f"no case with id {case_id}")
        child = session.get_one(Child, case.child_id)
        today = self._clock.today()
        if period_from > period_to:
            raise PackRefused(
                f"the offence period starts ({long_date(period_from)}) after it ends "
                f"({long_date(period_to)})"
            )
        if period_to > today:
            raise PackRefused(
                f"the offence period ends on {long_date(period_to)}, after today: a pack covers "
                "a period that has passed"
            )
        limit = time_limit(period_from, today)
        if not limit.in_time:
            raise PackRefused(
                f"the offence period from {long_date(period_from)} is out of time: the last "
                f"day to lay the information was {long_date(limit.last_day)} (s127 "
                "Magistrates' Courts Act 1980)"
            )
        marks = session.scalar(
            select(func.count(AttendanceMark.id)).where(
                AttendanceMark.child_id == child.id,
                AttendanceMark.date >= period_from,
                AttendanceMark.date <= period_to,
            )
        )
        if not marks:
            raise PackRefused(
                f"there is no register for {child.forename} {child.surname} between "
                f"{long_date(period_from)} and {long_date(period_to)}: import the school's "
                "register first"
            )
        defendants = defendants_named(session, child, defendant_ids)
        number = (
            int(
                session.scalar(
                    select(func.max(EvidencePack.number)).where(EvidencePack.case_id == case.id)
                )
                or 0
            )
            + 1
        )
        reference = f"{case.reference}/P{number}"
        school = session.get(School, child.school_id) if child.school_id else None
        officer = session.get_one(Officer, self._officer_id)
        names = tuple(f"{a.forename} {a.surname}" for a in defendants)
        now = self._clock.now()
        header = PackHeader(
            reference=reference,
            case_reference=case.reference,
            la_name=self._la_name,
            built_at=now,
            built_by=officer.name,
            particulars=(
                ("Case", case.reference),
                ("Offence", offence.label),
                ("Child", f"{child.forename} {child.surname}"),
                ("School", school.name if school else ""),
                ("Defendant" if len(names) == 1 else "Defendants", ", ".join(names)),
                ("Offence period", f"{long_date(period_from)} to {long_date(period_to)}"),
                (
                    "Last day to lay the information",
                    f"{long_date(limit.last_day)} (s127 Magistrates' Courts Act 1980)",
                ),
                ("Prepared by", officer.name),
            ),
        )
        return PackRequest(
            case_id=case.id,
            case_reference=case.reference,
            reference=reference,
            number=number,
            offence=offence,
            period_from=period_from,
            period_to=period_to,
            last_day=limit.last_day,
            defendant_ids=tuple(a.id for a in defendants),
            defendants=names,
            child_name=f"{child.forename} {child.surname}",
            school=school.name if school else "",
            built_at=now,
            built_by=officer.name,
            header=header,
        )

    def _record(
        self,
        session: Session,
        request: PackRequest,
        made: Any,
        manifest: dict[str, Any],
        staged: Any,
        now: dt.datetime,
    ) -> str:
        """The pack's row, its encrypted copy and the signed entry, in one transaction."""
        attachment = staged.add_to(session, added_at=now)
        pack = EvidencePack(
            case_id=request.case_id,
            number=request.number,
            reference=request.reference,
            offence=request.offence.value,
            period_from=request.period_from,
            period_to=request.period_to,
            defendants=list(request.defendant_ids),
            status="draft",
            served_method="",
            attachment_id=attachment.id,
            sha256=made.sha256,
            pages=made.pages,
            manifest=manifest,
            built_at=now,
            built_by=self._officer_id,
        )
        session.add(pack)
        body = "\n".join(
            [
                f"Offence: {request.offence.label}",
                f"Offence period: {long_date(request.period_from)} to "
                f"{long_date(request.period_to)}",
                f"Defendants: {', '.join(request.defendants)}",
                f"Last day to lay the information: {long_date(request.last_day)} (s127 "
                "Magistrates' Courts Act 1980)",
                f"Pages: {made.pages}; documents: {len(made.sections)}",
                f"SHA-256 of the PDF: {made.sha256}",
                f"SHA-256 of its manifest: {made.digest}",
            ]
        )
        self._sign(session, request.case_id, f"Evidence pack {request.reference} built", body, now)
        session.flush()
        audit.record(
            session,
            "export",
            entity_type="evidence_pack",
            entity_id=pack.id,
            detail={"pages": made.pages, "sha256": made.sha256, "documents": len(made.sections)},
        )
        return pack.id

    def _sign(self, session: Session, case_id: str, title: str, body: str, at: dt.datetime) -> None:
        entry = ChronologyEntry(
            case_id=case_id,
            entry_type=EntryType.COURT.value,
            occurred_at=at,
            recorded_at=at,
            author_id=self._officer_id,
            title=title[:200],
            body=body,
            amend_reason="",
        )
        evidence.sign(session, entry, by=self._officer_id, at=at)
        session.add(entry)

    # --- approving and serving ---------------------------------------------------------------
    def approve(self, pack_id: str, *, approver_id: str | None = None) -> PackInfo:
        """A court officer or a supervisor approves the pack for service (the acting officer,
        or ``approver_id`` named by them); only a draft is approved."""
        now = self._clock.now()
        approver = approver_id or self._officer_id

        def work(session: Session) -> None:
            pack = self._changeable(session, pack_id)
            if pack.status != "draft":
                raise PackRefused(f"pack {pack.reference} is already {pack.status}")
            who = session.get(Officer, approver)
            if who is None:
                raise PackRefused(f"no officer with id {approver}")
            if who.role not in APPROVER_ROLES:
                raise PackRefused(
                    f"{who.name} cannot approve a pack: a court officer or a supervisor does"
                )
            pack.status = "approved"
            pack.approved_by = who.id
            pack.approved_at = now
            pack.version += 1
            body = f"Approved for service by {who.name}.\nSHA-256 of the PDF: {pack.sha256}"
            self._sign(session, pack.case_id, f"Evidence pack {pack.reference} approved", body, now)

        self._store.write_wait(work)
        return self.pack(pack_id)

    def serve(self, pack_id: str, served_on: dt.date, method: str) -> PackInfo:
        """Record that the approved pack was served (the day and how): from then on it is
        frozen (the database refuses any change); a later build makes a new number."""
        if method not in SERVE_METHODS:
            raise PackRefused(
                f"{method!r} is not a way of serving: one of {', '.join(SERVE_METHODS)}"
            )
        now = self._clock.now()
        today = self._clock.today()

        def work(session: Session) -> None:
            pack = self._changeable(session, pack_id)
            if pack.status != "approved":
                raise PackRefused(f"pack {pack.reference} must be approved before it is served")
            if served_on > today:
                raise PackRefused(f"{long_date(served_on)} is after today")
            if served_on < pack.built_at.date():
                raise PackRefused(
                    f"pack {pack.reference} was built on {long_date(pack.built_at.date())}, "
                    f"after {long_date(served_on)}"
                )
            pack.status = "served"
            pack.served_on = served_on
            pack.served_method = method
            pack.version += 1
            body = (
                f"Served on {long_date(served_on)} {SERVE_METHODS[method]}.\n"
                f"SHA-256 of the PDF served: {pack.sha256}"
            )
            self._sign(session, pack.case_id, f"Evidence pack {pack.reference} served", body, now)

        self._store.write_wait(work)
        return self.pack(pack_id)

    @staticmethod
    def _changeable(session: Session, pack_id: str) -> EvidencePack:
        pack = session.get(EvidencePack, pack_id)
        if pack is None:
            raise PackRefused(f"no evidence pack with id {pack_id}")
        if pack.status == "served":
            raise PackRefused(
                f"pack {pack.reference} was served on {long_date(pack.served_on or dt.date.min)}:"
                " it cannot be changed; build a new one"
            )
        return pack


def _offence(value: Offence | str) -> Offence:
    if isinstance(value, Offence):
        return value
    spelled = value.strip().lower().replace("-", "_")
    try:
        return Offence(spelled)
    except ValueError:
        raise PackRefused(f"{value!r} is not an offence: s444-1 or s444-1A") from None
