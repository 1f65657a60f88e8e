"""Witness statements (s9 Criminal Justice Act 1967; Criminal Procedure Rules Part 16) and the
words an evidence pack is built around (domain.md, "Witness statements", "Evidence and
disclosure", "Offences, defences and time limits").

- A statement begins with the witness's name, occupation and "over 18" (or the age if under
  18) (:func:`age_text`).
- Its declaration carries the page count of the final document (:func:`declaration`); every
  page has "page n of N" and a place for the witness's signature, the last page the date.
- Each exhibit is labelled with the producer's initials and a number (``JS/1``), numbered on
  across all of that witness's statements in the case (:func:`exhibit_label`).
- The information must be laid within 6 months of the offence (s127 Magistrates' Courts Act
  1980: :mod:`officer_app.domain.time_limits`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from officer_app.domain.interview import Offence
from officer_app.domain.time_limits import last_day_to_lay

# domain.md quotes it; "N" is the real page count of the final document.
DECLARATION = (
    "This statement (consisting of {pages} page(s) each signed by me) is true to the best of "
    "my knowledge and belief and I make it knowing that, if it is tendered in evidence, I "
    "shall be liable to prosecution if I have wilfully stated in it anything which I know to "
    "be false, or do not believe to be true."
)
TITLE = "WITNESS STATEMENT"
AUTHORITY = "Criminal Justice Act 1967, s9; Criminal Procedure Rules, r16.2"


def declaration(pages: int) -> str:
    if pages < 1:
        raise ValueError("a statement has at least one page")
    return DECLARATION.format(pages=pages)


def age_text(born: dt.date | None, on: dt.date) -> str:
    """ "over 18", or the witness's age when under 18 (domain.md)."""
    if born is None:
        return "over 18"
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return "over 18" if years >= 18 else str(years)


def exhibit_label(initials: str, number: int) -> str:
    """``JS/3``: the producer's initials and the exhibit's number."""
    if number < 1:
        raise ValueError("exhibits are numbered from 1")
    cleaned = "".join(ch for ch in initials.upper() if ch.isalpha())
    if not cleaned:
        raise ValueError("an exhibit's producer needs initials")
    return f"{cleaned}/{number}"


def settle_page_count(layout: Callable[[int], int], *, limit: int = 10) -> int:
    """The page count that holds: ``layout(n)`` lays the statement out with n in its
    declaration and returns the pages it took; lay it out again with that count until the
    count it states is the count it has (a longer number can push a line over a page)."""
    guess = 1
    for _ in range(limit):
        pages = layout(guess)
        if pages == guess:
            return pages
        guess = pages
    raise RuntimeError("the page count did not settle")


@dataclass(frozen=True)
class TimeLimit:
    last_day: dt.date
    in_time: bool
    days_left: int


def time_limit(period_from: dt.date, today: dt.date) -> TimeLimit:
    """The last day to lay the information for an offence period beginning ``period_from``
    (s127 MCA 1980; the earlier reading, see domain/time_limits.py) and whether today is
    still in time."""
    last = last_day_to_lay(period_from)
    return TimeLimit(last, today <= last, (last - today).days)


def information_wording(
    offence: Offence,
    *,
    defendant: str,
    child: str,
    school: str,
    period_from: dt.date,
    period_to: dt.date,
    area: str,
) -> str:
    """A draft of the information's statement of offence and particulars, for the LA's
    lawyer to check before it is laid (the wording is not in domain.md: the standard form of
    the s444 offences, Education Act 1996, s444(1), (1A), (8), (8A))."""
    span = f"between {period_from:%d/%m/%Y} and {period_to:%d/%m/%Y}"
    if offence is Offence.S444_1:
        return (
            f"{defendant}, {span}, at {area}, being the parent of {child}, a child of "
            f"compulsory school age who was a registered pupil at {school}, failed to secure "
            "the regular attendance of that child at that school. Contrary to section 444(1) "
            "and (8) of the Education Act 1996."
        )
    return (
        f"{defendant}, {span}, at {area}, being the parent of {child}, a child of compulsory "
        f"school age who was a registered pupil at {school} and was failing to attend "
        "regularly at that school, knowing that the child was failing so to attend, failed "
        "without reasonable justification to cause the child to attend. Contrary to section "
        "444(1A) and (8A) of the Education Act 1996."
    )
