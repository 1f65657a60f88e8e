"""A letter made for one recipient: the template's facts filled in, laid out as a PDF on
the LA's letterhead (:mod:`officer_app.documents.letter_pdf`), and its plain text for the
chronology; what the window and the command line are told of a template; and a penalty
notice's details as the ``notice.*`` placeholders print them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from officer_app.config import Letterhead
from officer_app.domain.evidence import EvidenceMark
from officer_app.letters.fill import (
    LetterRefused,
    ask_warnings,
    body_text,
    date_warning,
    money,
    parse_day,
)
from officer_app.letters.model import FilledLetter, Layout, Template
from officer_app.services.letter_facts import CaseFacts
from officer_app.wording import long_date

__all__ = [
    "NOTICE_KEYS",
    "AskInfo",
    "NoticeFacts",
    "RenderedLetter",
    "TemplateInfo",
    "ask_warnings_for",
    "make_letter",
    "notice_placeholders",
    "template_info",
]


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
    not_before: str = ""
    not_after: str = ""
    working_day: bool = False  # an unusual day (weekend, bank holiday) is a warning


def ask_warnings_for(asks: Sequence[AskInfo], values: Mapping[str, str]) -> dict[str, str]:
    """{ask name: warning} for each ``working_day`` date filled with a Saturday, Sunday or
    bank holiday: the ask form shows it and the officer confirms it (never a refusal)."""
    out: dict[str, str] = {}
    for ask in asks:
        day = parse_day(values.get(ask.name, "")) if ask.working_day else None
        warning = date_warning(day) if day is not None else None
        if warning is not None:
            out[ask.name] = f"{ask.label}: {warning}"
    return out


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    version: int
    title: str
    description: str
    asks: tuple[AskInfo, ...]
    needs_notice: bool = False
    layout: str = "letter"


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
                a.not_before,
                a.not_after,
                a.working_day,
            )
            for a in template.asks
        ),
        needs_notice=template.needs_notice,
        layout=template.layout.value,
    )


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
    warnings: tuple[str, ...] = ()  # unusual dates the officer confirmed (or, on the CLI, was told)


def make_letter(
    template: Template,
    filled: FilledLetter,
    facts: CaseFacts,
    *,
    letterhead: Letterhead,
    dated: dt.date,
    answers: Mapping[str, str],
    evidence: EvidenceMark | None,
) -> RenderedLetter:
    """The filled letter as a PDF in memory, with its text and SHA-256."""
    from officer_app.documents.letter_pdf import LetterDocument, render_letter_bytes

    salutation = f"Dear {facts.title_name}"
    document = LetterDocument(
        letterhead=letterhead,
        recipient=(facts.recipient.name, *facts.address),
        reference=facts.reference,
        dated=dated,
        officer_name=facts.officer_name,
        officer_title=letterhead.officer_title,
        officer_email=facts.officer_email,
        salutation=salutation,
        letter=filled,
        evidence=evidence,
    )
    pdf, pages = render_letter_bytes(document)
    if filled.layout is Layout.NOTICE:
        text = f"{filled.subject}\n\n{body_text(filled)}"
    else:
        text = (
            f"{salutation}\n\n{filled.subject}\n\n{body_text(filled)}\n\nYours sincerely\n"
            f"{facts.officer_name}\n{letterhead.officer_title}"
        )
    return RenderedLetter(
        case_id=facts.case_id,
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
        warnings=tuple(ask_warnings(template, answers).values()),
    )


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
