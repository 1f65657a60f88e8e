"""Letters on a case: fill a template for a recipient, preview it, record it as sent, reprint it.

A letter goes to one recipient: an adult on the case with parental responsibility who lives at
the family's address (the only postal address the case holds). Its figures are the child's
attendance this school year up to the latest mark held before the letter's date, from
:class:`~officer_app.services.attendance.AttendanceService`, and the 10 school weeks of that
period named for the penalty-notice threshold (the first run that meets it, else the worst),
with the count of those dates.

Recording a letter as sent keeps the exact PDF that was previewed: its bytes are encrypted
into an attachment of the case before the transaction, and the attachment row, the
``Letter`` row and a signed chronology entry (to whom, how, when, the pages, the SHA-256 of
the copy kept, then the letter's text) commit in ONE writer transaction, with whatever the
caller's ``extra`` adds (the penalty-notice workflow links its notice there). If that
transaction fails, the blob is removed: nothing is half-recorded.

Batches of letters for many cases are in :mod:`officer_app.services.letter_batches`: their
letters are prepared (kept, not sent) until the officer confirms the post went out, and then
signed through :func:`sign_sending`, the one place a letter becomes "sent".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.clock import UK, Clock
from officer_app.config import Letterhead
from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band, band_for
from officer_app.domain.chronology import EntryType
from officer_app.letters.fill import (
    LetterRefused,
    ask_values,
    body_text,
    check_asks,
    fill,
    long_date,
    money,
    parse_day,
)
from officer_app.letters.loader import TemplateRegistry, TemplateUnavailable
from officer_app.letters.model import Layout, Template
from officer_app.security import blobs
from officer_app.services.attachments import AttachmentService, StagedAttachment
from officer_app.services.case_file import CaseNotFound, age_on, seal_entry
from officer_app.store import audit
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    Family,
    Letter,
    Officer,
    School,
)

if TYPE_CHECKING:
    from officer_app.services.attendance import AttendanceService
    from officer_app.services.letter_batches import LetterBatches

__all__ = [
    "METHODS",
    "AskInfo",
    "LetterInfo",
    "LetterRefused",
    "LetterService",
    "NoticeFacts",
    "RecipientInfo",
    "RenderedLetter",
    "TemplateInfo",
]

METHODS = ("post", "hand", "email")
METHOD_WORDS = {"post": "by post", "hand": "by hand", "email": "by email"}
LETTER_DRAFT = "letter"  # no letter has a draft; seal_entry wants a kind
LETTER_PERIOD = "Letter: this school year to the latest mark"
WINDOW_PERIOD = "Letter: the penalty-notice window"

# A title from the relationship, where it says whether the person is a man or a woman: the
# case holds no title, and "Ms" is the public service's neutral choice for a woman.
_TITLES = {
    "mother": "Ms", "stepmother": "Ms", "grandmother": "Ms", "aunt": "Ms",
    "foster mother": "Ms", "father": "Mr", "stepfather": "Mr", "grandfather": "Mr",
    "uncle": "Mr", "foster father": "Mr",
}  # fmt: skip


# -- what the window and the command line receive ----------------------------------------------


@dataclass(frozen=True)
class AskInfo:
    name: str
    label: str
    type: str  # text | long_text | date | time
    required: bool
    help: str = ""
    default: str = ""
    not_in_past: bool = False
    not_in_future: bool = False


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    version: int
    title: str
    description: str
    asks: tuple[AskInfo, ...]
    needs_notice: bool = False
    layout: str = "letter"


@dataclass(frozen=True)
class RecipientInfo:
    """An adult on the case, and whether a letter can be addressed to them."""

    id: str
    name: str  # "Ms Amira Rahman" (title when known)
    relationship: str
    parental_responsibility: bool
    lives_with_child: bool
    can_receive: bool
    reason: str = ""  # why not, when not


@dataclass(frozen=True)
class NoticeFacts:
    """A penalty notice's details, given by the penalty-notice workflow."""

    number: str
    issued_on: dt.date
    received_on: dt.date
    ordinal: int  # 1 or 2
    amount_28: int
    pay_by_28: dt.date
    window_from: dt.date
    window_to: dt.date
    unauthorised: int
    amount_21: int | None = None  # None for a second notice: no reduced rate
    pay_by_21: dt.date | None = None


@dataclass(frozen=True)
class ThresholdFacts:
    """Unauthorised absence in a window of school weeks, as a penalty notice considered it."""

    count: int
    first: dt.date
    last: dt.date
    met: bool


@dataclass(frozen=True)
class RenderedLetter:
    """A letter made for one recipient: the PDF as previewed, and what it says."""

    case_id: str
    case_reference: str
    template_id: str
    template_version: int
    title: str
    recipient_id: str
    recipient_name: str
    dated: dt.date
    pdf: bytes = field(repr=False)
    pages: int
    sha256: str
    text: str = field(repr=False)
    asks: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LetterInfo:
    id: str
    case_id: str
    template_id: str
    template_version: int
    title: str
    recipient_name: str
    sent_on: dt.date
    method: str
    pages: int
    sha256: str
    attachment_id: str | None
    entry_id: str | None
    batch_id: str | None
    created_at: dt.datetime


# -- facts of the case ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    case_id: str
    reference: str
    child_id: str
    forename: str
    surname: str
    born: dt.date
    year_group: str
    upn: str
    school: str
    urn: str
    recipient: RecipientInfo
    title_name: str
    address: tuple[str, ...]
    officer_name: str
    officer_email: str
    last_mark: dt.date | None


def _title(adult: Adult) -> str:
    return _TITLES.get(adult.relationship_to_child.strip().lower(), "")


def _addressed_name(adult: Adult) -> str:
    title = _title(adult)
    return (
        f"{title} {adult.forename} {adult.surname}"
        if title
        else f"{adult.forename} {adult.surname}"
    )


def _address_lines(family: Family | None) -> tuple[str, ...]:
    if family is None:
        return ()
    lines = [family.address_line1, family.address_line2]
    lines.append(family.town.upper())  # the post town in capitals, as Royal Mail asks
    lines.append(family.postcode.upper())
    return tuple(line.strip() for line in lines if line and line.strip())


def _recipient(adult: Adult, family: Family | None) -> RecipientInfo:
    reason = ""
    if not adult.parental_responsibility:
        reason = "no parental responsibility recorded"
    elif not adult.lives_with_child:
        reason = "does not live at the family's address, and no other address is held"
    elif not _address_lines(family):
        reason = "no postal address is recorded for the family"
    return RecipientInfo(
        id=adult.id,
        name=_addressed_name(adult),
        relationship=adult.relationship_to_child,
        parental_responsibility=adult.parental_responsibility,
        lives_with_child=adult.lives_with_child,
        can_receive=not reason,
        reason=reason,
    )


def _year(value: str) -> str:
    if not value:
        return ""
    return "Reception" if value.upper() == "R" else f"Year {value}"


def _days(sessions: int) -> str:
    days, half = divmod(sessions, 2)
    if days == 0:
        return "half a day" if half else "no days"
    number = f"{days}½" if half else str(days)
    return f"{number} day" if (days, half) == (1, 0) else f"{number} days"


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value}%"


def _letter_info(row: Letter) -> LetterInfo:
    return LetterInfo(
        id=row.id,
        case_id=row.case_id,
        template_id=row.template_id,
        template_version=row.template_version,
        title=row.title,
        recipient_name=row.recipient_name,
        sent_on=row.sent_on,
        method=row.method,
        pages=row.pages,
        sha256=row.sha256,
        attachment_id=row.attachment_id,
        entry_id=row.entry_id,
        batch_id=row.batch_id,
        created_at=row.created_at,
    )


def template_info(template: Template) -> TemplateInfo:
    return TemplateInfo(
        id=template.id,
        version=template.version,
        title=template.title,
        description=template.description,
        asks=tuple(
            AskInfo(
                a.name,
                a.label,
                a.type.value,
                a.required,
                a.help,
                a.default,
                a.not_in_past,
                a.not_in_future,
            )
            for a in template.asks
        ),
        needs_notice=template.needs_notice,
        layout=template.layout.value,
    )


def combine_pdfs(parts: Sequence[bytes]) -> tuple[bytes, int]:
    """One PDF of ``parts`` in order, each starting on a new page; (b"", 0) for none."""
    if not parts:
        return b"", 0
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    pages = len(writer.pages)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), pages


def check_sending(
    method: str,
    sent_on: dt.date,
    today: dt.date,
    *,
    many: bool = False,
    refusal: type[LetterRefused] = LetterRefused,
) -> None:
    """How and when a letter (``many``: the letters of a batch) was sent must be possible."""
    what, subject = (
        ("the letters were", "letters cannot") if many else ("the letter was", "a letter cannot")
    )
    if method not in METHODS:
        raise refusal(f"how {what} sent: {method!r} is not one of post, hand, email")
    if sent_on > today:
        raise refusal(f"{subject} be recorded as sent on {long_date(sent_on)}, which is in "
                      "the future")  # fmt: skip


def wait_for_write(future: Future[Any], staged: Iterable[StagedAttachment]) -> Any:
    """The transaction's result; its blobs removed if it failed. An interrupt (Ctrl+C) while
    waiting does not stop the writer, so the wait goes on until the transaction has ended
    either way, and only then is the interrupt passed on."""
    interrupted = False
    while True:
        try:
            result = future.result()
            break
        except KeyboardInterrupt:
            interrupted = True
        except BaseException:
            for blob in staged:
                blob.discard()
            raise
    if interrupted:
        raise KeyboardInterrupt
    return result


# -- the service -------------------------------------------------------------------------------


class LetterService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        registry: TemplateRegistry,
        letterhead: Letterhead,
        attachments: AttachmentService,
        attendance: Callable[[], AttendanceService],
        *,
        bands: tuple[Band, ...] = DEFAULT_BANDS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self.registry = registry
        self.letterhead = letterhead
        self._attachments = attachments
        self._attendance = attendance
        self._bands = bands

    # --- templates ---------------------------------------------------------------------------
    def templates(self) -> list[TemplateInfo]:
        """The letters an officer can write from the dialog (not those needing a notice)."""
        return [template_info(t) for t in self.registry.templates() if not t.needs_notice]

    def template(self, template_id: str) -> TemplateInfo:
        return template_info(self._template(template_id))

    def unavailable(self) -> list[tuple[str, str]]:
        """Each broken template's id and its first problem, for the window to show."""
        out = []
        for template_id in self.registry.unavailable:
            problems = self.registry.problems_for(template_id)
            out.append((template_id, str(problems[0]) if problems else "broken"))
        return out

    def _template(self, template_id: str) -> Template:
        try:
            return self.registry.get(template_id)
        except TemplateUnavailable as exc:
            raise LetterRefused(str(exc)) from exc

    # --- recipients --------------------------------------------------------------------------
    def recipients(self, case_id: str) -> list[RecipientInfo]:
        """The adults on the case, those a letter can go to first."""

        def work(session: Session) -> list[RecipientInfo]:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            child = session.get_one(Child, case.child_id)
            family = session.get(Family, child.family_id) if child.family_id else None
            if family is None:
                return []
            adults = session.scalars(
                select(Adult).where(Adult.family_id == family.id).order_by(Adult.id)
            )
            found = [_recipient(a, family) for a in adults]
            return sorted(found, key=lambda r: (not r.can_receive, not r.parental_responsibility))

        return self._store.read(work)

    def _only_recipient(self, case_id: str) -> str:
        able = [r for r in self.recipients(case_id) if r.can_receive]
        if len(able) == 1:
            return able[0].id
        if not able:
            raise LetterRefused(
                "no one on this case can receive a letter: it goes to a parent with parental "
                "responsibility at the family's address"
            )
        names = ", ".join(r.name for r in able)
        raise LetterRefused(f"say who the letter is for: {names}")

    def case_reference(self, case_id: str) -> str:
        reference = self._store.read(
            lambda session: session.scalar(select(Case.reference).where(Case.id == case_id))
        )
        if reference is None:
            raise CaseNotFound(f"no case with id {case_id}")
        return str(reference)

    # --- making a letter ---------------------------------------------------------------------
    def render(
        self,
        case_id: str,
        template_id: str,
        *,
        recipient_id: str | None,
        asks: Mapping[str, str],
        notice: NoticeFacts | Mapping[str, str] | None = None,
        dated: dt.date | None = None,
        threshold: ThresholdFacts | None = None,
    ) -> RenderedLetter:
        """The letter as a PDF in memory (blocking: call from a worker). Refused with a
        :class:`LetterRefused` that says what is missing: an ask (``AskRefused.ask``), a figure
        the case does not have (``MissingValues``), a recipient who cannot receive it.

        ``recipient_id`` None: the only person on the case a letter can go to (refused when
        there are several). ``notice``: the penalty notice's details, as :class:`NoticeFacts`
        or as text by the names of the ``notice.*`` placeholders without the prefix (dates as
        YYYY-MM-DD, amounts as "£80", "" where a second notice has no reduced rate).
        ``threshold``: the unauthorised absence a penalty notice was considered on, to print
        as ``threshold.*`` instead of this school year's worst window (a Notice to Improve
        cites the absence the notice was considered for, even across a summer holiday)."""
        template = self._template(template_id)
        if template.needs_notice and notice is None:
            raise LetterRefused(
                f"the letter {template_id!r} needs the penalty notice's details: it is made by "
                "the penalty-notice workflow"
            )
        today = self._clock.today()
        dated = dated or today
        if dated > today:
            raise LetterRefused(f"a letter cannot be dated after today ({long_date(today)})")
        answers = check_asks(template, asks, dated=dated)
        notice_values = notice_placeholders(notice) if notice is not None else {}
        if recipient_id is None:
            recipient_id = self._only_recipient(case_id)
        chosen = recipient_id
        facts = self._store.read(lambda session: self._facts(session, case_id, chosen))
        if not facts.recipient.can_receive:
            raise LetterRefused(
                f"no letter can go to {facts.recipient.name}: {facts.recipient.reason}"
            )
        values, reasons = self._values(facts, dated)
        if threshold is not None:
            values.update(
                {
                    "threshold.count": str(threshold.count),
                    "threshold.from": long_date(threshold.first),
                    "threshold.to": long_date(threshold.last),
                    "threshold.met": "yes" if threshold.met else "",
                }
            )
        values.update(ask_values(template, answers))
        values.update(notice_values)
        filled = fill(template, values, reasons)

        from officer_app.documents.letter_pdf import LetterDocument, render_letter_bytes
        from officer_app.store.evidence import chain_mark

        salutation = f"Dear {facts.title_name}"
        document = LetterDocument(
            letterhead=self.letterhead,
            recipient=(facts.recipient.name, *facts.address),
            reference=facts.reference,
            dated=dated,
            officer_name=facts.officer_name,
            officer_title=self.letterhead.officer_title,
            officer_email=facts.officer_email,
            salutation=salutation,
            letter=filled,
            evidence=self._store.read(lambda session: chain_mark(session, case_id)),
        )
        pdf, pages = render_letter_bytes(document)
        if filled.layout is Layout.NOTICE:
            text = f"{filled.subject}\n\n{body_text(filled)}"
        else:
            text = (
                f"{salutation}\n\n{filled.subject}\n\n{body_text(filled)}\n\nYours sincerely\n"
                f"{facts.officer_name}\n{self.letterhead.officer_title}"
            )
        return RenderedLetter(
            case_id=case_id,
            case_reference=facts.reference,
            template_id=template.id,
            template_version=template.version,
            title=template.title,
            recipient_id=facts.recipient.id,
            recipient_name=facts.recipient.name,
            dated=dated,
            pdf=pdf,
            pages=pages,
            sha256=hashlib.sha256(pdf).hexdigest(),
            text=text,
            asks=tuple(sorted(answers.items())),
        )

    def _facts(self, session: Session, case_id: str, recipient_id: str) -> _Facts:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(f"no case with id {case_id}")
        child = session.get_one(Child, case.child_id)
        family = session.get(Family, child.family_id) if child.family_id else None
        adult = session.get(Adult, recipient_id)
        if adult is None or family is None or adult.family_id != family.id:
            raise LetterRefused("the recipient is not one of the people on this case")
        school = session.get(School, child.school_id) if child.school_id else None
        officer = session.get(Officer, self._officer_id)
        last_mark = session.scalar(
            select(func.max(AttendanceMark.date)).where(AttendanceMark.child_id == child.id)
        )
        title = _title(adult)
        return _Facts(
            case_id=case.id,
            reference=case.reference,
            child_id=child.id,
            forename=child.forename,
            surname=child.surname,
            born=child.date_of_birth,
            year_group=child.year_group,
            upn=child.upn or "",
            school=school.name if school else "",
            urn=school.urn if school else "",
            recipient=_recipient(adult, family),
            title_name=f"{title} {adult.surname}" if title else f"{adult.forename} {adult.surname}",
            address=_address_lines(family),
            officer_name=officer.name if officer else "",
            officer_email=(officer.email or "").strip() if officer else "",
            last_mark=last_mark,
        )

    def _values(self, facts: _Facts, dated: dt.date) -> tuple[dict[str, str], dict[str, str]]:
        head = self.letterhead
        recipient = facts.recipient
        values = {
            "child.forename": facts.forename,
            "child.surname": facts.surname,
            "child.name": f"{facts.forename} {facts.surname}",
            "child.date_of_birth": long_date(facts.born),
            "child.age": str(age_on(facts.born, dated)),
            "child.year_group": _year(facts.year_group),
            "child.upn": facts.upn,
            "child.address": ", ".join(facts.address),
            "parent.name": recipient.name,
            "parent.title_name": facts.title_name,
            "parent.salutation": f"Dear {facts.title_name}",
            "parent.address": "\n".join((recipient.name, *facts.address)),
            "parent.relationship": recipient.relationship,
            "school.name": facts.school,
            "school.urn": facts.urn,
            "case.reference": facts.reference,
            "officer.name": facts.officer_name,
            "officer.email": facts.officer_email,
            "officer.title": head.officer_title,
            "la.name": head.authority,
            "la.address": ", ".join(head.address_lines),
            "la.phone": head.phone,
            "la.email": head.email,
            "la.website": head.website,
            "la.payment": head.payment_instructions,
            "today": long_date(dated),
        }
        reasons = {
            "child.year_group": "the child's year group is not recorded",
            "child.upn": "the child's UPN is not recorded",
            "child.address": "no postal address is recorded for the family",
            "school.name": "the child's school is not recorded",
            "school.urn": "the child's school is not recorded",
            "officer.email": "your email address is not recorded",
            "la.website": "the letterhead has no website",
        }
        figures, why = self._attendance_values(facts, dated)
        values.update(figures)
        reasons.update(why)
        return values, reasons

    def _attendance_values(
        self, facts: _Facts, dated: dt.date
    ) -> tuple[dict[str, str], dict[str, str]]:
        from officer_app.services.attendance import Period, school_year_start

        names = (
            "attendance.pct", "attendance.absence_pct", "attendance.possible",
            "attendance.attended", "attendance.authorised", "attendance.unauthorised",
            "attendance.missed", "attendance.days_missed", "attendance.from", "attendance.to",
            "attendance.band", "threshold.count", "threshold.from", "threshold.to",
            "threshold.met",
        )  # fmt: skip
        values = dict.fromkeys(names, "")
        start = school_year_start(dated)
        no_marks = "no attendance marks are held for this school year before the letter's date"
        reasons = dict.fromkeys(names, no_marks)
        if facts.last_mark is None or facts.last_mark < start:
            return values, reasons
        service = self._attendance()
        last = min(facts.last_mark, dated - dt.timedelta(days=1))
        if last < start:
            return values, reasons
        view = service.for_case(facts.case_id, Period(LETTER_PERIOD, start, last))
        summary = next((s for p, s in view.periods if p.name == LETTER_PERIOD), None)
        if summary is None or summary.possible == 0:
            return values, reasons
        attended = summary.present + summary.approved_activity
        missed = summary.authorised + summary.unauthorised
        band = band_for(summary.attendance_pct, self._bands)
        values.update(
            {
                "attendance.pct": _pct(summary.attendance_pct),
                "attendance.absence_pct": _pct(summary.absence_pct),
                "attendance.possible": str(summary.possible),
                "attendance.attended": str(attended),
                "attendance.authorised": str(summary.authorised),
                "attendance.unauthorised": str(summary.unauthorised),
                "attendance.missed": str(missed),
                "attendance.days_missed": _days(missed),
                "attendance.from": long_date(start),
                "attendance.to": long_date(last),
                "attendance.band": band.name if band else "",
            }
        )
        reasons["attendance.band"] = "the attendance is above every band of the LA"
        threshold = summary.penalty_notice_threshold
        reasons.update(
            dict.fromkeys(
                ("threshold.count", "threshold.from", "threshold.to", "threshold.met"),
                "there is no unauthorised absence this school year",
            )
        )
        if threshold.window_from is None or threshold.window_to is None:
            return values, reasons
        # the window's school weeks run Monday to Sunday: keep its dates inside the period
        window_from = max(threshold.window_from, start)
        window_to = min(threshold.window_to, last)
        window = service.for_case(facts.case_id, Period(WINDOW_PERIOD, window_from, window_to))
        in_window = next((s for p, s in window.periods if p.name == WINDOW_PERIOD), None)
        if in_window is None or in_window.unauthorised == 0:
            return values, reasons
        values.update(
            {
                "threshold.count": str(in_window.unauthorised),
                "threshold.from": long_date(window_from),
                "threshold.to": long_date(window_to),
                "threshold.met": "yes" if threshold.met else "",
            }
        )
        reasons["threshold.met"] = (
            "the national threshold (10 sessions of unauthorised absence within 10 school "
            "weeks) is not met this school year"
        )
        return values, reasons

    # --- recording ---------------------------------------------------------------------------
    def record_sent(
        self,
        case_id: str,
        rendered: RenderedLetter,
        *,
        sent_on: dt.date,
        method: str,
        batch_id: str | None = None,
        extra: Callable[[Session, LetterInfo], None] | None = None,
    ) -> LetterInfo:
        """Keep the exact PDF, the ``Letter`` row and a signed chronology entry, in one
        transaction (blocking: call from a worker)."""
        return self._record(case_id, [rendered], sent_on=sent_on, method=method,
                            batch_id=batch_id, extra=extra)[0]  # fmt: skip

    def _check_sending(self, rendered: RenderedLetter, sent_on: dt.date, method: str) -> None:
        check_sending(method, sent_on, self._clock.today())
        if sent_on < rendered.dated:
            raise LetterRefused(
                f"the letter is dated {long_date(rendered.dated)}: it cannot have been sent on "
                f"{long_date(sent_on)}, before its date"
            )
        if hashlib.sha256(rendered.pdf).hexdigest() != rendered.sha256:
            raise LetterRefused("the letter's PDF does not match its SHA-256: make it again")

    def _record(
        self,
        case_id: str,
        letters: Sequence[RenderedLetter],
        *,
        sent_on: dt.date,
        method: str,
        batch_id: str | None,
        extra: Callable[[Session, LetterInfo], None] | None = None,
    ) -> list[LetterInfo]:
        for rendered in letters:
            if rendered.case_id != case_id:
                raise LetterRefused("the letter was made for another case")
            self._check_sending(rendered, sent_on, method)
        now = self._clock.now()
        occurred = occurred_at(now, self._clock.today(), sent_on)
        officer_id = self._officer_id
        staged: list[StagedAttachment] = []
        try:
            for rendered in letters:
                staged.append(
                    self._attachments.stage_bytes(
                        case_id,
                        rendered.pdf,
                        filename=f"{rendered.case_reference} {rendered.title} {sent_on}.pdf",
                        media_type="application/pdf",
                    )
                )
        except BaseException:
            for blob in staged:
                blob.discard()
            raise

        def work(session: Session) -> list[LetterInfo]:
            made: list[LetterInfo] = []
            for rendered, blob in zip(letters, staged, strict=True):
                if blob.sha256 != rendered.sha256:
                    raise LetterRefused("the copy kept does not match the letter previewed")
                info = sign_sending(
                    session,
                    Sending(
                        case_id=case_id,
                        template_id=rendered.template_id,
                        template_version=rendered.template_version,
                        title=rendered.title,
                        recipient_id=rendered.recipient_id,
                        recipient_name=rendered.recipient_name,
                        dated=rendered.dated,
                        pages=rendered.pages,
                        sha256=rendered.sha256,
                        text=rendered.text,
                    ),
                    sent_on=sent_on,
                    method=method,
                    officer_id=officer_id,
                    now=now,
                    occurred=occurred,
                    attach=partial(_attach, blob, session, now),
                    batch_id=batch_id,
                )
                if extra is not None:
                    extra(session, info)
                made.append(info)
            return made

        result: list[LetterInfo] = wait_for_write(self._store.write(work), staged)
        return result

    # --- letters kept ------------------------------------------------------------------------
    def letters_for(self, case_id: str) -> list[LetterInfo]:
        return self._store.read(
            lambda session: [
                _letter_info(row)
                for row in session.scalars(
                    select(Letter)
                    .where(Letter.case_id == case_id)
                    .order_by(Letter.sent_on, Letter.created_at)
                )
            ]
        )

    def letter(self, letter_id: str) -> LetterInfo:
        row = self._store.read(lambda session: session.get(Letter, letter_id))
        if row is None:
            raise LetterRefused(f"no letter with id {letter_id}")
        return _letter_info(row)

    def letter_for_entry(self, entry_id: str) -> LetterInfo | None:
        """The letter a chronology entry records, if it records one."""
        row = self._store.read(
            lambda session: session.scalar(select(Letter).where(Letter.entry_id == entry_id))
        )
        return _letter_info(row) if row is not None else None

    def read_copy(self, letter_id: str) -> bytes:
        """The stored copy, decrypted and checked against the hash recorded when it was sent."""
        info = self.letter(letter_id)
        if info.attachment_id is None:
            raise LetterRefused("no copy of this letter is kept")
        data = self._attachments.read(info.attachment_id)
        if hashlib.sha256(data).hexdigest() != info.sha256:
            raise blobs.BlobCorrupt(f"the copy of {info.title} does not match its recorded hash")
        return data

    def print_copy(self, letter_id: str) -> bytes:
        """The stored copy for the print dialog (audited as a print)."""
        data = self.read_copy(letter_id)
        self._audit("print", "letter", letter_id, {"copy": True})
        return data

    def export_copy(self, letter_id: str, out: Path) -> int:
        """Save the stored copy as a PDF file (audited as an export); returns its pages."""
        from officer_app.documents.destination import write_file

        data = self.read_copy(letter_id)
        write_file(out, data)
        info = self.letter(letter_id)
        self._audit("export", "letter", letter_id, {"pages": info.pages})
        return info.pages

    def print_rendered(self, rendered: RenderedLetter) -> bytes:
        """A letter not yet recorded, for the print dialog (audited as a print)."""
        self._audit("print", "case_file", rendered.case_id,
                    {"letter": rendered.template_id, "pages": rendered.pages})  # fmt: skip
        return rendered.pdf

    def export_rendered(self, rendered: RenderedLetter, out: Path) -> int:
        """Save a letter not yet recorded as a PDF file (audited as an export)."""
        from officer_app.documents.destination import write_file

        write_file(out, rendered.pdf)
        self._audit("export", "case_file", rendered.case_id,
                    {"letter": rendered.template_id, "pages": rendered.pages})  # fmt: skip
        return rendered.pages

    def _audit(self, action: str, entity: str, entity_id: str, detail: dict[str, Any]) -> None:
        self._store.write_wait(
            lambda session: audit.record(
                session, action, entity_type=entity, entity_id=entity_id, detail=detail
            )
        )

    # --- many cases --------------------------------------------------------------------------
    @property
    def batches(self) -> LetterBatches:
        """Batches of this template's letters for many cases (services/letter_batches.py)."""
        from officer_app.services.letter_batches import LetterBatches

        return LetterBatches(self)


@dataclass(frozen=True)
class Sending:
    """What the signed entry of a letter's sending says about the letter."""

    case_id: str
    template_id: str
    template_version: int
    title: str
    recipient_id: str
    recipient_name: str
    dated: dt.date
    pages: int
    sha256: str
    text: str = field(repr=False)


def _attach(blob: StagedAttachment, session: Session, now: dt.datetime, entry_id: str) -> str:
    return blob.add_to(session, added_at=now, entry_id=entry_id).id


def occurred_at(now: dt.datetime, today: dt.date, sent_on: dt.date) -> dt.datetime:
    """When a sending happened: now if today, else noon (UK) of the day it was sent."""
    if sent_on == today:
        return now
    return dt.datetime.combine(sent_on, dt.time(12), tzinfo=UK).astimezone(dt.UTC)


def sign_sending(
    session: Session,
    letter: Sending,
    *,
    sent_on: dt.date,
    method: str,
    officer_id: str,
    now: dt.datetime,
    occurred: dt.datetime,
    attach: Callable[[str], str],
    batch_id: str | None,
) -> LetterInfo:
    """In the caller's transaction: the signed chronology entry of the sending, the copy's
    attachment tied to it (``attach(entry_id)`` returns the attachment's id), the ``Letter``
    row and its audit event. The one place a letter becomes "sent"."""
    entry = ChronologyEntry(
        case_id=letter.case_id,
        entry_type=EntryType.LETTER.value,
        occurred_at=occurred,
        recorded_at=now,
        author_id=officer_id,
        title=letter.title[:200],
        body=_entry_body(letter, sent_on, method),
        amend_reason="",
    )
    seal_entry(session, entry, by=officer_id, at=now, draft_kind=LETTER_DRAFT)
    session.flush()
    attachment_id = attach(entry.id)
    row = Letter(
        case_id=letter.case_id,
        template_id=letter.template_id,
        template_version=letter.template_version,
        title=letter.title[:200],
        recipient_adult_id=letter.recipient_id,
        recipient_name=letter.recipient_name[:160],
        sent_on=sent_on,
        method=method,
        pages=letter.pages,
        sha256=letter.sha256,
        attachment_id=attachment_id,
        entry_id=entry.id,
        batch_id=batch_id,
        created_at=now,
        created_by=officer_id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        "sign",
        entity_type="letter",
        entity_id=row.id,
        detail={"template": letter.template_id, "method": method, "pages": letter.pages},
    )
    return _letter_info(row)


def _entry_body(letter: Sending, sent_on: dt.date, method: str) -> str:
    pages = f"{letter.pages} page{'s' * (letter.pages != 1)}"
    return (
        f"Sent {METHOD_WORDS[method]} to {letter.recipient_name} on {long_date(sent_on)}.\n"
        f"Letter dated {long_date(letter.dated)}; {pages}; template {letter.template_id} "
        f"version {letter.template_version}.\n"
        f"SHA-256 of the copy kept: {letter.sha256}\n\n"
        f"{letter.text}"
    )


NOTICE_KEYS = (
    "number", "issued_on", "received_on", "ordinal", "amount_21", "amount_28", "pay_by_21",
    "pay_by_28", "window_from", "window_to", "unauthorised",
)  # fmt: skip
_NOTICE_DATES = ("issued_on", "received_on", "pay_by_21", "pay_by_28", "window_from", "window_to")
_OPTIONAL_NOTICE = ("amount_21", "pay_by_21")  # a second notice has no reduced rate


def notice_placeholders(notice: NoticeFacts | Mapping[str, str]) -> dict[str, str]:
    """The ``notice.*`` values as the letter prints them."""
    if isinstance(notice, NoticeFacts):
        return _notice_values(notice)
    unknown = sorted(set(notice) - set(NOTICE_KEYS))
    if unknown:
        raise LetterRefused(f"the notice's details have unknown key(s): {', '.join(unknown)}")
    missing = [k for k in NOTICE_KEYS if k not in _OPTIONAL_NOTICE and not notice.get(k, "")]
    if missing:
        raise LetterRefused(f"the notice's details lack: {', '.join(missing)}")
    out: dict[str, str] = {}
    for key in NOTICE_KEYS:
        value = str(notice.get(key, "")).strip()
        if key in _NOTICE_DATES and value:
            day = parse_day(value)
            if day is None:
                raise LetterRefused(f"the notice's {key}: {value!r} is not a date (YYYY-MM-DD)")
            value = long_date(day)
        out[f"notice.{key}"] = value
    return out


def _notice_values(notice: NoticeFacts) -> dict[str, str]:
    return {
        "notice.number": notice.number,
        "notice.issued_on": long_date(notice.issued_on),
        "notice.received_on": long_date(notice.received_on),
        "notice.ordinal": {1: "first", 2: "second"}.get(notice.ordinal, str(notice.ordinal)),
        "notice.amount_21": money(notice.amount_21),
        "notice.amount_28": money(notice.amount_28),
        "notice.pay_by_21": long_date(notice.pay_by_21) if notice.pay_by_21 else "",
        "notice.pay_by_28": long_date(notice.pay_by_28),
        "notice.window_from": long_date(notice.window_from),
        "notice.window_to": long_date(notice.window_to),
        "notice.unauthorised": str(notice.unauthorised),
    }
