"""Addresses withheld from an evidence pack, and finding them in what the pack would carry
(issue 13, point 2).

**Which addresses are withheld on a case** (:func:`withheld_addresses`). Only the case's
child's family's addresses are held by the application (an adult has no address of their
own: they live at the family's address or "elsewhere", unrecorded). So:

- the family is marked "address withheld": its current address and every earlier one;
- an adult of the family who lives with the child is marked: the same addresses, the
  current one and every earlier one, whether or not the adult has since left the family
  (where they lived with the child may lead to them; erring on the side of withholding);
- an adult who lives elsewhere is marked: nothing the application holds is their address,
  so nothing is withheld for them (their address must simply never be typed in).

Earlier addresses are withheld as well as the current one because an earlier address can
lead to the person as surely (a relative's house, a refuge). domain.md is silent on this
rule (it names the field only in the issue); it is this module's reading, and the pack
builder refuses a pack rather than serve on a guess.

**Finding them** (:func:`find_withheld`). Each place's text and each address are reduced to
lower-case words (punctuation and spacing ignored, apostrophes dropped, the usual street
abbreviations folded: "Rd" is "Road"), and an address is found where:

- its **postcode** appears, with or without its space (``XT4 5AB``, ``xt45ab``, ``XT4-5AB``);
- its **first line** appears as whole words (``3 Birch Close``, ``3, Birch Cl.``). A first line
  that does not name a place by itself ("Flat 2", a house name of one word) is looked for
  together with the second line (or the town when there is no second line), and a second
  line that does ("14 High Street", under "Flat 2") is looked for on its own too.

The town alone, a street without its number and a postcode district alone ("XT4") are never
reported: they are shared by thousands and would stop every pack.

What is found is reported as ``"where: what was found"``, naming which part of which address
("the first line and the postcode of the current address withheld for the Smith family"),
never the address itself, so that the list can be shown, printed or logged safely.

**The texts** (:func:`case_texts`, :func:`case_attachments`, :func:`attachment_texts`,
:func:`pdf_text`) are what the pack would carry from the store, each labelled for a person
("Letter of 12/10/2026: Notice to Improve"); the pack builder adds the text of its own pages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.domain.chronology import EntryType
from officer_app.domain.postcodes import normalise_postcode
from officer_app.services.case_file import CaseNotFound
from officer_app.store.models import (
    Adult,
    Attachment,
    Case,
    Child,
    ChronologyEntry,
    EsoDecision,
    Exhibit,
    Family,
    FamilyAddress,
    Interview,
    Letter,
    PenaltyNotice,
    Statement,
    StatementVersion,
)
from officer_app.wording import short_date, short_datetime


@dataclass(frozen=True)
class WithheldAddress:
    line1: str
    line2: str
    town: str
    postcode: str
    current: bool  # the family's current address (else an earlier one)
    to_date: dt.date | None  # an earlier address: the day the family moved on
    whose: str  # "the Smith family", "Jane Smith (mother)": for whom it is withheld

    @property
    def described(self) -> str:
        """``the current address withheld for the Smith family``: no part of the address."""
        which = (
            "the current address"
            if self.current
            else f"an earlier address (to {short_date(self.to_date)})"
        )
        return f"{which} withheld for {self.whose}"


class WithheldAddressFound(ValueError):
    """A withheld address would appear in what is served: ``places`` lists every place, as
    :func:`find_withheld` words them. The message carries only their count."""

    def __init__(self, places: Sequence[str]) -> None:
        count = len(places)
        super().__init__(
            f"an address withheld would appear in {count} place{'s' * (count != 1)}; "
            "nothing was built"
        )
        self.places = tuple(places)


# --- which addresses ------------------------------------------------------------------------
def withheld_addresses(session: Session, case_id: str) -> list[WithheldAddress]:
    """The addresses that must not appear in anything served on the case: the family's
    current and earlier addresses when the family, or an adult of it who lives with the
    child, is marked "address withheld" (the rule in this module's docstring)."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    if family is None:
        return []
    whom: list[str] = []
    if family.address_withheld:
        name = family.name if family.name.endswith(" family") else f"{family.name} family"
        whom.append(f"the {name}")
    adults = session.scalars(
        select(Adult)
        .where(Adult.family_id == family.id, Adult.address_withheld, Adult.lives_with_child)
        .order_by(Adult.surname, Adult.forename, Adult.id)
    )
    whom.extend(f"{a.forename} {a.surname} ({a.relationship_to_child})" for a in adults)
    if not whom:
        return []
    whose = " and ".join(whom)
    found = [
        WithheldAddress(
            family.address_line1,
            family.address_line2,
            family.town,
            family.postcode,
            True,
            None,
            whose,
        )
    ]
    earlier = session.scalars(
        select(FamilyAddress)
        .where(FamilyAddress.family_id == family.id)
        .order_by(FamilyAddress.to_date.desc(), FamilyAddress.id)
    )
    found.extend(
        WithheldAddress(
            r.address_line1, r.address_line2, r.town, r.postcode, False, r.to_date, whose
        )
        for r in earlier
    )
    return [a for a in found if a.line1.strip() or a.postcode.strip()]


# --- finding them ---------------------------------------------------------------------------
# Street words and their usual abbreviations, folded to one spelling (Royal Mail PAF
# "thoroughfare descriptors" and the common short forms).
_STREET_WORDS = {
    "rd": "road",
    "st": "street",
    "str": "street",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cl": "close",
    "ct": "court",
    "crt": "court",
    "cres": "crescent",
    "pl": "place",
    "sq": "square",
    "gdns": "gardens",
    "gr": "grove",
    "ter": "terrace",
    "terr": "terrace",
    "pk": "park",
    "wy": "way",
    "hse": "house",
    "apt": "apartment",
}
# Words that do not name a place by themselves ("Flat 2", "The Lodge" is a name).
_GENERIC = frozenset({"flat", "apartment", "unit", "room", "floor", "house", "the", "no", "number"})
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def words(text: str) -> list[str]:
    """The text as lower-case words: punctuation and spacing ignored, apostrophes dropped,
    street abbreviations folded (``"3, Birch Cl."`` gives ``["3", "birch", "close"]``)."""
    plain = _APOSTROPHES.sub("", text.casefold())
    plain = "".join(c if c.isascii() else _fold(c) for c in plain)
    return [_STREET_WORDS.get(w, w) for w in _NOT_WORD.split(plain) if w]


def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if c.isascii()) or " "


def _names_a_place(tokens: Sequence[str]) -> bool:
    """A line that identifies an address by itself: a number with a street or house word
    ("14 High Street"), or two words that are not generic ("Rose Cottage")."""
    specific = [t for t in tokens if t.isalpha() and t not in _GENERIC]
    has_number = any(any(c.isdigit() for c in t) for t in tokens)
    return (has_number and bool(specific)) or len(specific) >= 2


def _line_phrases(address: WithheldAddress) -> list[str]:
    line1, line2, town = words(address.line1), words(address.line2), words(address.town)
    phrases: list[list[str]] = []
    if _names_a_place(line1):
        phrases.append(line1)
    elif line1:
        phrases.append(line1 + (line2 or town))
    if line2 and _names_a_place(line2) and any(any(c.isdigit() for c in t) for t in line2):
        phrases.append(line2)
    return [" " + " ".join(p) + " " for p in phrases if p]


def _postcode_phrases(address: WithheldAddress) -> list[str]:
    code = normalise_postcode(address.postcode)
    if code is None:
        squeezed = "".join(words(address.postcode))
        return [f" {squeezed} "] if len(squeezed) >= 5 else []
    outward, inward = code.lower().split(" ")
    return [f" {outward} {inward} ", f" {outward}{inward} "]


def find_withheld(
    places: Iterable[tuple[str, str]], addresses: Sequence[WithheldAddress]
) -> list[str]:
    """Every place whose text shows a withheld address: ``"where: what was found"`` (the
    part found and which address, never the address itself), in the order of ``places``."""
    if not addresses:
        return []
    wanted = [(a, _line_phrases(a), _postcode_phrases(a)) for a in addresses]
    found: list[str] = []
    for where, text in places:
        if not text:
            continue
        haystack = " " + " ".join(words(text)) + " "
        for address, lines, codes in wanted:
            parts = []
            if any(p in haystack for p in lines):
                parts.append("first line")
            if any(p in haystack for p in codes):
                parts.append("postcode")
            if parts:
                found.append(f"{where}: the {' and the '.join(parts)} of {address.described}")
    return found


def refuse_withheld(
    places: Iterable[tuple[str, str]], addresses: Sequence[WithheldAddress]
) -> None:
    """Raise :class:`WithheldAddressFound` listing every place a withheld address shows."""
    found = find_withheld(places, addresses)
    if found:
        raise WithheldAddressFound(found)


# --- the texts a pack would carry -----------------------------------------------------------
def case_texts(
    session: Session, case_id: str, *, entry_ids: Collection[str] | None = None
) -> list[tuple[str, str]]:
    """The texts held in the store that a pack on the case may carry, each labelled for a
    person: the case's referral, its chronology entries (title, body, a record's answers;
    a letter's entry, which holds the letter's text, as "Letter of 12/10/2026: Notice to
    Improve"), the statements (their latest version), the interviews' places and plans, the
    penalty notices' reasons and notes, the ESO decisions and the exhibits' descriptions.
    ``entry_ids`` keeps only those chronology entries (None: every entry on the case).
    The attachments' own text is read by :func:`attachment_texts`."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    places: list[tuple[str, str]] = [
        (f"Case {case.reference}: the referral", _join(case.referral_source, case.referral_reason)),
        (f"Case {case.reference}: the next action", case.next_action),
    ]
    letters = {
        row.entry_id: row
        for row in session.scalars(select(Letter).where(Letter.case_id == case_id))
        if row.entry_id
    }
    entries = session.scalars(
        select(ChronologyEntry)
        .where(ChronologyEntry.case_id == case_id)
        .order_by(ChronologyEntry.occurred_at, ChronologyEntry.id)
    )
    for entry in entries:
        if entry_ids is not None and entry.id not in entry_ids:
            continue
        letter = letters.get(entry.id)
        if letter is not None:
            where = f"Letter of {short_date(letter.sent_on)}: {letter.title}"
            text = _join(letter.recipient_name, entry.title, entry.body)
        else:
            where = _entry_label(entry)
            text = _join(entry.title, entry.body, entry.amend_reason, *_strings(entry.answers))
        places.append((where, text))
    places.extend(_statement_texts(session, case_id))
    for interview in session.scalars(
        select(Interview).where(Interview.case_id == case_id).order_by(Interview.created_at)
    ):
        planned = interview.planned_for or interview.created_at
        places.append(
            (
                f"Interview plan of {short_date(_day(planned))}",
                _join(interview.place, interview.status_reason, *_strings(interview.plan)),
            )
        )
    for notice in session.scalars(
        select(PenaltyNotice)
        .where(PenaltyNotice.case_id == case_id)
        .order_by(PenaltyNotice.considered_on, PenaltyNotice.id)
    ):
        name = notice.number or f"considered on {short_date(notice.considered_on)}"
        text = _join(
            notice.issuer_name,
            notice.decision_reason,
            notice.withdrawn_reason,
            notice.prosecution_note,
            *_strings(notice.evidence),
        )
        places.append((f"Penalty notice {name}", text))
    for eso in session.scalars(
        select(EsoDecision).where(EsoDecision.case_id == case_id).order_by(EsoDecision.id)
    ):
        places.append((f"ESO decision of {short_date(eso.considered_on)}", eso.reason))
    for exhibit in session.scalars(
        select(Exhibit).where(Exhibit.case_id == case_id).order_by(Exhibit.label)
    ):
        places.append((f"Exhibit {exhibit.label}: its description", exhibit.description))
    return [(where, text) for where, text in places if text.strip()]


def _statement_texts(session: Session, case_id: str) -> Iterator[tuple[str, str]]:
    statements = session.scalars(
        select(Statement).where(Statement.case_id == case_id).order_by(Statement.created_at)
    )
    for statement in statements:
        latest = session.scalar(
            select(StatementVersion)
            .where(StatementVersion.statement_id == statement.id)
            .order_by(StatementVersion.number.desc())
            .limit(1)
        )
        if latest is None:
            continue
        yield (
            f"Statement of {statement.witness_name} (version {latest.number})",
            _join(
                statement.occupation,
                *latest.paragraphs,
                *_strings(latest.exhibits),
            ),
        )


def _entry_label(entry: ChronologyEntry) -> str:
    try:
        kind = EntryType(entry.entry_type).label
    except ValueError:
        kind = "Entry"
    if isinstance(entry.answers, dict) and entry.answers.get("kind") == "interview_record":
        kind = "Record of interview"
    amended = " (a correction)" if entry.amends_id else ""
    when = short_datetime(_aware(entry.occurred_at))
    return f"{kind} of {when}{amended}: {entry.title}" if entry.title else f"{kind} of {when}"


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _day(moment: dt.datetime) -> dt.date:
    return uk_local(_aware(moment)).date()


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a record's answers (nested lists and mappings)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


# --- attachments ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseAttachment:
    id: str
    label: str  # "Attachment school-letter.pdf" or "Letter of 12/10/2026: ... (the copy kept)"
    media_type: str


def case_attachments(session: Session, case_id: str) -> list[CaseAttachment]:
    """The case's attachments, each labelled (a letter's kept copy as that letter)."""
    letters = {
        row.attachment_id: row
        for row in session.scalars(select(Letter).where(Letter.case_id == case_id))
        if row.attachment_id
    }
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.case_id == case_id)
        .order_by(Attachment.added_at, Attachment.id)
    )
    found = []
    for row in rows:
        letter = letters.get(row.id)
        label = (
            f"Letter of {short_date(letter.sent_on)}: {letter.title} (the copy kept)"
            if letter is not None
            else f"Attachment {row.filename}"
        )
        found.append(CaseAttachment(row.id, label, row.media_type))
    return found


def attachment_texts(
    attachments: Iterable[CaseAttachment], read: Callable[[str], bytes]
) -> tuple[list[tuple[str, str]], list[str]]:
    """The text of each attachment that has some (a PDF's text layer, plain text), and a
    line for each one that has none to read ("Attachment photo.jpg: a picture, no text to
    read: look at it before it is served"). ``read`` gives an attachment's bytes (the
    attachment service's ``read``); call from a worker."""
    places: list[tuple[str, str]] = []
    unread: list[str] = []
    for item in attachments:
        if item.media_type.startswith("image/"):
            unread.append(f"{item.label}: a picture, no text to read: look at it before serving")
            continue
        data = read(item.id)
        if item.media_type.startswith("text/"):
            places.append((item.label, data.decode("utf-8", errors="replace")))
            continue
        try:
            text = pdf_text(data)
        except NotAPdf:
            unread.append(f"{item.label}: not a PDF or text, nothing read: look at it")
            continue
        if text.strip():
            places.append((item.label, text))
        else:
            unread.append(f"{item.label}: a PDF with no text (a scan?): look at it before serving")
    return places, unread


class NotAPdf(ValueError):
    """The bytes are not a PDF that can be read."""


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF (pypdf's ``extract_text``), pages apart by a blank
    line. A page that is only a picture (a scan) has no text to give: an empty string for a
    PDF of scans, which the caller must say (see :func:`attachment_texts`)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise NotAPdf("not a PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise NotAPdf(f"the PDF cannot be read ({type(exc).__name__})") from exc
