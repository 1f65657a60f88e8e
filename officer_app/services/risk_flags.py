"""Risk flags raised, changed and ended, never deleted (issue 11, point 5).

A risk flag warns an officer about an address or a person before a visit (domain.md, "Who
uses the application": risk warnings before a visit). Each step is made by the officer, with
the reason, and signed into the chronology of every open case of the family in the same
writer transaction; the outbox gets the row change through the store's tracking, and a
change bumps the flag's version (sync merges against it). An ended flag keeps its row
(``active`` False, the day and the reason): the readers of ``RiskFlag.active`` (the visit's
risk acknowledgement, the case header, the caseload's risk column, the RAG rating) stop
showing it, and :meth:`RiskFlagService.flags` still lists it on asking.

domain.md says nothing of how risk flags are categorised or graded; the three severities
(high, medium, low) are the schema's, and the categories an officer's free choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.services.case_file import CaseNotFound
from officer_app.services.family_changes import (
    FamilyChangeRefused,
    clean,
    sign_on_family_cases,
)
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, Officer, RiskFlag
from officer_app.wording import short_date

SEVERITIES = ("high", "medium", "low")  # most serious first
CATEGORIES = (  # offered in the form; an officer may write another
    "Aggression",
    "Dog",
    "Domestic abuse",
    "Lone working",
    "Substance misuse",
    "Access",
    "Health",
    "Other",
)


class FlagRefused(FamilyChangeRefused):
    """The flag cannot be raised, changed or ended as asked; says what and where."""


@dataclass(frozen=True)
class FlagInfo:
    id: str
    category: str
    severity: str  # high | medium | low
    description: str
    two_officers_required: bool
    about: str  # "Address" or the person's name
    adult_id: str | None
    raised_on: dt.date
    raised_by: str  # the officer's name ("" when not known)
    active: bool
    ended_on: dt.date | None
    end_reason: str
    version: int

    @property
    def severity_label(self) -> str:
        return self.severity.upper()


def flag_words(flag: RiskFlag | FlagInfo) -> str:
    """``HIGH Aggression (two officers): description``."""
    pairs = " (two officers)" if flag.two_officers_required else ""
    return f"{flag.severity.upper()} {flag.category}{pairs}: {flag.description}"


def flag_end_text(flag: RiskFlag | FlagInfo, ended_on: dt.date, reason: str) -> tuple[str, str]:
    """The chronology entry (title, body) for an ended flag: the demo writes the same words."""
    title = f"Risk flag ended on {short_date(ended_on)}: {flag.category}"
    return title, f"{title} (was {flag_words(flag)}) - {reason}"


def _severity(value: str) -> str:
    severity = clean(value).lower()
    if severity not in SEVERITIES:
        raise FlagRefused(f"Severity: {value!r} is not one of high, medium, low", "severity")
    return severity


def _description(value: str) -> str:
    text = value.strip()
    if not text:
        raise FlagRefused("Description: say what the risk is", "description")
    if len(text) > 2000:
        raise FlagRefused("Description: at most 2,000 characters", "description")
    return text


def _reason(value: str) -> str:
    why = clean(value)
    if not why:
        raise FlagRefused("say why: a change to a risk flag needs a reason", "reason")
    return why


class RiskFlagService:
    def __init__(self, store: Store, clock: Clock, officer_id: str) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id

    def today(self) -> dt.date:
        """Today, as the profile's clock has it (the latest day a flag can be ended)."""
        return self._clock.today()

    def people(self, case_id: str) -> list[tuple[str, str]]:
        """(id, name) of the family's current adults, whom a new flag may be about."""

        def work(session: Session) -> list[tuple[str, str]]:
            family_id = _family_id(session, case_id)
            return [
                (str(i), f"{f} {s}")
                for i, f, s in session.execute(
                    select(Adult.id, Adult.forename, Adult.surname)
                    .where(Adult.family_id == family_id, Adult.ended_on.is_(None))
                    .order_by(Adult.surname, Adult.forename)
                )
            ]

        return self._store.read(work)

    def flags(self, case_id: str, include_ended: bool = False) -> tuple[FlagInfo, ...]:
        """The family's flags, active ones most serious first, then (on asking) the ended
        ones, most recently ended first."""

        def work(session: Session) -> tuple[FlagInfo, ...]:
            family_id = _family_id(session, case_id)
            query = select(RiskFlag).where(RiskFlag.family_id == family_id)
            if not include_ended:
                query = query.where(RiskFlag.active.is_(True))
            names = _adult_names(session, family_id)
            officers = dict(session.execute(select(Officer.id, Officer.name)).all())
            found = [_info(f, names, officers) for f in session.scalars(query)]
            return tuple(
                sorted(
                    found,
                    key=lambda f: (
                        not f.active,
                        -(f.ended_on.toordinal() if f.ended_on else 0),
                        SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 3,
                        f.category,
                        f.id,
                    ),
                )
            )

        return self._store.read(work)

    def raise_flag(
        self,
        case_id: str,
        category: str,
        severity: str,
        description: str,
        two_officers_required: bool,
        adult_id: str | None = None,
        reason: str = "",
    ) -> FlagInfo:
        """A new flag, raised today by this officer; ``reason``: how it came to light."""
        kind = clean(category)
        if not kind:
            raise FlagRefused("Category: say what kind of risk this is", "category")
        if len(kind) > 40:
            raise FlagRefused("Category: at most 40 characters", "category")
        grade = _severity(severity)
        text = _description(description)
        why = clean(reason)
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> FlagInfo:
            family_id = _family_id(session, case_id)
            if adult_id is not None:
                adult = session.get(Adult, adult_id)
                if adult is None or adult.family_id != family_id:
                    raise FlagRefused("About: that person is not one of this family", "adult")
                if adult.ended_on is not None:
                    raise FlagRefused(
                        f"About: {adult.forename} {adult.surname} left the family on "
                        f"{short_date(adult.ended_on)}",
                        "adult",
                    )
            flag = RiskFlag(
                family_id=family_id,
                adult_id=adult_id,
                category=kind,
                severity=grade,
                description=text,
                two_officers_required=two_officers_required,
                raised_on=now.date(),
                active=True,
                raised_by=officer_id,
            )
            session.add(flag)
            session.flush()
            names = _adult_names(session, family_id)
            about = names.get(adult_id or "", "the address")
            title = f"Risk flag raised: {grade.upper()} {kind} ({about})"
            body = f"{title}: {flag_words(flag)}" + (f" - {why}" if why else "")
            self._sign(session, family_id, title, body, now)
            return _info(flag, names, _officers(session))

        return self._store.write(work).result()

    def change_flag(
        self,
        flag_id: str,
        reason: str,
        *,
        severity: str | None = None,
        description: str | None = None,
        two_officers_required: bool | None = None,
    ) -> FlagInfo:
        grade = None if severity is None else _severity(severity)
        text = None if description is None else _description(description)
        why = _reason(reason)
        now = self._clock.now()

        def work(session: Session) -> FlagInfo:
            flag = _open_flag(session, flag_id)
            before = flag_words(flag)
            changed = False
            if grade is not None and grade != flag.severity:
                flag.severity, changed = grade, True
            if text is not None and text != flag.description:
                flag.description, changed = text, True
            if (
                two_officers_required is not None
                and two_officers_required != flag.two_officers_required
            ):
                flag.two_officers_required, changed = two_officers_required, True
            if not changed:
                raise FlagRefused("nothing to change: the flag is as held")
            session.flush()  # the tracking bumps the version
            title = f"Risk flag changed: {flag.category}"
            body = f"{title}: now {flag_words(flag)} (was {before}) - {why}"
            family_id = str(flag.family_id)
            self._sign(session, family_id, title, body, now)
            return _info(flag, _adult_names(session, family_id), _officers(session))

        return self._store.write(work).result()

    def end_flag(self, flag_id: str, reason: str, ended_on: dt.date) -> FlagInfo:
        """The risk is over: the flag is ended (active False, the day and the reason)."""
        why = _reason(reason)
        if ended_on > self._clock.today():
            raise FlagRefused(
                f"Ended on: {short_date(ended_on)} is in the future; end a flag once the risk "
                "is over",
                "ended_on",
            )
        now = self._clock.now()

        def work(session: Session) -> FlagInfo:
            flag = _open_flag(session, flag_id)
            if ended_on < flag.raised_on:
                raise FlagRefused(
                    f"Ended on: {short_date(ended_on)} is before the flag was raised "
                    f"({short_date(flag.raised_on)})",
                    "ended_on",
                )
            flag.active = False
            flag.ended_on = ended_on
            flag.end_reason = why
            session.flush()
            family_id = str(flag.family_id)
            title, body = flag_end_text(flag, ended_on, why)
            self._sign(session, family_id, title, body, now)
            return _info(flag, _adult_names(session, family_id), _officers(session))

        return self._store.write(work).result()

    def _sign(
        self, session: Session, family_id: str, title: str, body: str, at: dt.datetime
    ) -> None:
        sign_on_family_cases(session, family_id, title, body, officer_id=self._officer_id, at=at)


def _family_id(session: Session, case_id: str) -> str:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    family_id = session.scalar(select(Child.family_id).where(Child.id == case.child_id))
    if family_id is None:
        raise FlagRefused("this case's child has no family recorded, so no flag can be kept")
    return str(family_id)


def _open_flag(session: Session, flag_id: str) -> RiskFlag:
    flag = session.get(RiskFlag, flag_id)
    if flag is None or flag.family_id is None:
        raise FlagRefused("there is no such risk flag in this profile")
    if not flag.active:
        ended = f" on {short_date(flag.ended_on)}" if flag.ended_on else ""
        raise FlagRefused(f"this flag was ended{ended}; an ended flag is kept as it was")
    return flag


def _adult_names(session: Session, family_id: str) -> dict[str, str]:
    return {
        str(i): f"{f} {s}"
        for i, f, s in session.execute(
            select(Adult.id, Adult.forename, Adult.surname).where(Adult.family_id == family_id)
        )
    }


def _officers(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Officer.id, Officer.name)).all())


def _info(flag: RiskFlag, names: dict[str, str], officers: dict[str, str]) -> FlagInfo:
    return FlagInfo(
        id=flag.id,
        category=flag.category,
        severity=flag.severity,
        description=flag.description,
        two_officers_required=flag.two_officers_required,
        about=names.get(flag.adult_id or "", "Address"),
        adult_id=flag.adult_id,
        raised_on=flag.raised_on,
        raised_by=officers.get(flag.raised_by or "", ""),
        active=flag.active,
        ended_on=flag.ended_on,
        end_reason=flag.end_reason,
        version=flag.version,
    )
