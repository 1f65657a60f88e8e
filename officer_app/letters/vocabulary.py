"""The placeholders a letter template may name, and what each one prints.

Three families: the case's own facts (``child.*``, ``parent.*``, ``attendance.*``…), always
available; ``ask.<name>``, the inputs a template declares and the officer fills in; and
``notice.*``, the penalty notice's details, only in a template that declares
``needs: [notice]`` (the penalty-notice workflow renders those, never the letter dialog).
``resources/letters/README.md`` lists the same names for an LA's administrator.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping

from officer_app.letters.model import AskType

CASE_PLACEHOLDERS: Mapping[str, str] = {
    "child.forename": "The child's first name",
    "child.surname": "The child's surname",
    "child.name": "The child's full name",
    "child.date_of_birth": "The child's date of birth (1 December 2014)",
    "child.age": "The child's age in years on the letter's date",
    "child.year_group": "The child's year group (Year 8, Reception)",
    "child.upn": "The child's Unique Pupil Number",
    "child.address": "The child's postal address on one line (the family's address)",
    "parent.name": "The recipient's full name (Amira Rahman)",
    "parent.title_name": "The recipient's title and surname (Ms Rahman), or full name",
    "parent.salutation": "Dear Ms Rahman",
    "parent.address": "The recipient's name and postal address, one line each",
    "parent.relationship": "The recipient's relationship to the child (mother)",
    "school.name": "The child's school",
    "school.urn": "The school's Unique Reference Number",
    "case.reference": "The case reference (ATT-2026-00123)",
    "officer.name": "The officer writing the letter",
    "officer.email": "The officer's email address, where recorded",
    "officer.title": "The officer's job title (the letterhead's officer_title)",
    "la.name": "The authority's name (the letterhead's first name line)",
    "la.address": "The authority's address on one line",
    "la.phone": "The service's telephone number",
    "la.email": "The service's email address",
    "la.website": "The service's website",
    "la.payment": "How to pay a penalty notice (the letterhead's payment_instructions)",
    "today": "The letter's date (1 December 2026)",
    "attendance.pct": "Attendance this school year to the latest mark held (86.4%)",
    "attendance.absence_pct": "Absence over the same period (13.6%)",
    "attendance.possible": "Sessions possible over the period",
    "attendance.attended": "Sessions attended (present or approved activity)",
    "attendance.authorised": "Sessions of authorised absence",
    "attendance.unauthorised": "Sessions of unauthorised absence",
    "attendance.missed": "Sessions missed (authorised and unauthorised)",
    "attendance.days_missed": "School days missed (sessions missed ÷ 2, as 12 or 12½)",
    "attendance.from": "The first day of the period (1 September 2026)",
    "attendance.to": "The latest day with a mark before the letter's date",
    "attendance.band": "The LA's attendance band the figure falls in",
    "threshold.count": "Unauthorised sessions in the 10 school weeks named (the first run "
    "that meets the threshold, else the worst): the count of those dates",
    "threshold.from": "The first day of that window",
    "threshold.to": "The last day of that window",
    "threshold.met": "yes when that window holds 10 or more: for [if threshold.met]",
}

NOTICE_PLACEHOLDERS: Mapping[str, str] = {
    "notice.number": "The penalty notice's number",
    "notice.issued_on": "The date the notice was issued",
    "notice.received_on": "The date from which the payment periods run",
    "notice.ordinal": "first or second (within three years, for this parent and child)",
    "notice.amount_21": "£80 for a first notice; empty for a second (no reduced rate)",
    "notice.amount_28": "£160",
    "notice.pay_by_21": "The last day to pay the reduced amount; empty for a second notice",
    "notice.pay_by_28": "The last day to pay",
    "notice.window_from": "The first day of the period of absence the notice is for",
    "notice.window_to": "The last day of that period",
    "notice.unauthorised": "Unauthorised sessions in that period",
}

ASK_PREFIX = "ask."
NOTICE_PREFIX = "notice."
WEEKDAY_SUFFIX = ".weekday"
"""``{ask.meeting_date.weekday}`` prints the day of the week of a date ask (Tuesday)."""


def known(name: str, asks: Mapping[str, AskType], needs: Collection[str]) -> tuple[bool, str]:
    """Whether a template that declares ``asks`` and ``needs`` may name ``name``; if not,
    why, in words an administrator can act on."""
    if name in CASE_PLACEHOLDERS:
        return True, ""
    if name.startswith(ASK_PREFIX):
        ask = name[len(ASK_PREFIX) :]
        if ask.endswith(WEEKDAY_SUFFIX):
            base = ask[: -len(WEEKDAY_SUFFIX)]
            if asks.get(base) is AskType.DATE:
                return True, ""
            if base in asks:
                return False, f"{{{name}}}: .weekday is only for a date ask; {base!r} is not one"
        if ask in asks:
            return True, ""
        declared = ", ".join(sorted(asks)) or "none"
        hint = _close(ask, asks, prefix=ASK_PREFIX)
        return False, (
            f"{{{name}}} names an ask the template does not declare (its asks: {declared})"
            f"{hint}; add it under 'asks:' in the header"
        )
    if name.startswith(NOTICE_PREFIX):
        if name not in NOTICE_PLACEHOLDERS:
            return False, f"unknown placeholder {{{name}}}{_close(name, NOTICE_PLACEHOLDERS)}"
        if "notice" not in needs:
            return False, (
                f"{{{name}}} needs the penalty notice: declare 'needs: [notice]' in the header "
                "(such a template is made by the penalty-notice workflow, not the letter dialog)"
            )
        return True, ""
    every = {**CASE_PLACEHOLDERS, **NOTICE_PLACEHOLDERS}
    return False, f"unknown placeholder {{{name}}}{_close(name, every)}"


def _close(name: str, options: Collection[str], prefix: str = "") -> str:
    found = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
    return f" (did you mean {{{prefix}{found[0]}}}?)" if found else ""
