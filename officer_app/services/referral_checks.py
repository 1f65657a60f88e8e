"""The fields of a new referral, checked one by one: each bad field gets one line that says
what is wrong with it, for the officer (the dialog shows it at the field, the command line
prints it). Pure: no session, no clock (today is passed in)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from officer_app.attendance.register import check_upn
from officer_app.domain.school_age import compulsory_school_age
from officer_app.wording import short_date

NAME_LIMIT = 80  # Child/Adult forename and surname
FAMILY_LIMIT = 120
ADDRESS_LIMIT = 160
TOWN_LIMIT = 80
SOURCE_LIMIT = 120
RELATIONSHIP_LIMIT = 40
LANGUAGE_LIMIT = 40
PHONE_LIMIT = 30

# Reception to Year 11: the year groups of compulsory school age (s8 Education Act 1996).
YEAR_GROUPS: tuple[str, ...] = ("R", *(str(n) for n in range(1, 12)))
GENDERS: dict[str, str] = {"": "", "M": "M", "MALE": "M", "F": "F", "FEMALE": "F"}
_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,}$")


@dataclass(frozen=True)
class FieldProblem:
    """``field`` names the input (``forename``, ``upn``, ``adult 2 phone``…)."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ReferralInvalid(ValueError):
    """Nothing was saved: one problem per bad field."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass
class Problems:
    found: list[FieldProblem] = field(default_factory=list)

    def add(self, name: str, message: str) -> None:
        if not any(p.field == name for p in self.found):  # one line per field
            self.found.append(FieldProblem(name, message))

    def raise_any(self) -> None:
        if self.found:
            raise ReferralInvalid(self.found)


def tidy(text: str) -> str:
    """Spaces collapsed and trimmed (names, places, reasons on one line)."""
    return " ".join(text.split())


def name(problems: Problems, label: str, value: str, limit: int = NAME_LIMIT) -> str:
    text = tidy(value)
    if not text:
        problems.add(label, "required")
    elif len(text) > limit:
        problems.add(label, f"at most {limit} characters")
    return text


def optional(problems: Problems, label: str, value: str, limit: int) -> str:
    text = tidy(value)
    if len(text) > limit:
        problems.add(label, f"at most {limit} characters")
    return text


def upn(problems: Problems, value: str) -> str | None:
    """The UPN in its compact form (check letter checked), None when none was given."""
    text = "".join(value.split()).upper()
    if not text:
        return None
    compact, why = check_upn(text)
    if why is not None:
        problems.add("upn", why)
        return None
    return compact


def year_group(problems: Problems, value: str) -> str:
    """``R`` or ``1``-``11`` from "Reception", "Year 7", "Y7", "7" (empty: not known)."""
    text = tidy(value).upper()
    for prefix in ("YEAR", "Y"):
        if text.startswith(prefix) and text[len(prefix) :].strip().isdigit():
            text = text[len(prefix) :].strip()
    if text == "RECEPTION":
        text = "R"
    text = text.lstrip("0") if text.isdigit() and text != "0" else text
    if text and text not in YEAR_GROUPS:
        problems.add("year group", "Reception (R) or Year 1 to Year 11")
        return ""
    return text


def gender(problems: Problems, value: str) -> str:
    code = GENDERS.get(tidy(value).upper())
    if code is None:
        problems.add("gender", "M, F or left empty")
        return ""
    return code


def postcode(problems: Problems, value: str) -> str:
    text = tidy(value).upper()
    if text and not _POSTCODE.match(text):
        problems.add("postcode", "not a UK postcode (e.g. LS1 4AB)")
    return text


def phone(problems: Problems, label: str, value: str) -> str:
    text = tidy(value)
    if text and (len(text) > PHONE_LIMIT or not _PHONE.match(text)):
        problems.add(label, "digits, spaces and an optional leading +, up to 30 characters")
    return text


def received(problems: Problems, day: dt.date, today: dt.date) -> None:
    if day > today:
        problems.add("date received", f"after today ({short_date(today)}): not received yet")


def date_of_birth(problems: Problems, born: dt.date, on: dt.date) -> None:
    """A child must be of compulsory school age on the day the referral was received (s8
    Education Act 1996: see :mod:`officer_app.domain.school_age`)."""
    if born >= on:
        problems.add("date of birth", "the date of birth is not before the date received")
        return
    span = compulsory_school_age(born)
    if on < span.first:
        problems.add(
            "date of birth",
            "not of compulsory school age on the date received: it starts on "
            f"{short_date(span.first)} (s8 Education Act 1996)",
        )
    elif on > span.last:
        problems.add(
            "date of birth",
            "not of compulsory school age on the date received: it ended on "
            f"{short_date(span.last)} (s8 Education Act 1996)",
        )
