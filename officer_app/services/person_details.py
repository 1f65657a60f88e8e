"""An adult's details that an interview under caution depends on: the date of birth (someone
under 18 needs an appropriate adult), vulnerability (so does a vulnerable adult: PACE Code
C 1.4-1.7, 11.15) and whether they need an interpreter, in which language (Code C 13).
Changed through the family changes, as a signed entry with its reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from officer_app.store.models import Adult


class DetailsRefused(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def parse_birth_date(text: str, today: dt.date) -> dt.date | None:
    """``dd/mm/yyyy`` (or ``yyyy-mm-dd``); blank for "not known"."""
    value = text.strip()
    if not value:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if day > today:
            raise DetailsRefused("the date of birth is in the future", "date_of_birth")
        if day.year < today.year - 120:
            raise DetailsRefused("the date of birth is over 120 years ago", "date_of_birth")
        return day
    raise DetailsRefused(
        f"the date of birth {value!r} is not a date (dd/mm/yyyy, or blank if not known)",
        "date_of_birth",
    )


@dataclass(frozen=True)
class PersonDetails:
    date_of_birth: str  # as typed: dd/mm/yyyy, or blank for not known
    vulnerable: bool
    interpreter_needed: bool
    language: str

    def apply(self, adult: Adult, today: dt.date) -> list[str]:
        """Change ``adult`` to these details; what changed, in words for the chronology."""
        said: list[str] = []
        born = parse_birth_date(self.date_of_birth, today)
        if born != adult.date_of_birth:
            said.append(f"date of birth {born:%d/%m/%Y}" if born else "date of birth not known")
            adult.date_of_birth = born
        if self.vulnerable != adult.vulnerable:
            said.append(
                "vulnerable: needs an appropriate adult at an interview under caution"
                if self.vulnerable
                else "no longer recorded as vulnerable"
            )
            adult.vulnerable = self.vulnerable
        language = self.language.strip()[:40] or adult.language
        if self.interpreter_needed and not language.strip():
            raise DetailsRefused("say which language the interpreter is for", "language")
        if self.interpreter_needed != adult.interpreter_needed or language != adult.language:
            said.append(
                f"needs an interpreter ({language})"
                if self.interpreter_needed
                else f"language {language}, no interpreter needed"
            )
            adult.interpreter_needed = self.interpreter_needed
            adult.language = language
        return said
