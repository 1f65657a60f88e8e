"""Checking a record's answers against its form definition, in the core (no Qt).

``validate`` says what is wrong, field by field; ``clean`` drops what the form would not show
(answers to hidden fields, keys the definition does not know), so that a record never keeps an
answer to a question its author could no longer see.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from officer_app.clock import uk_local
from officer_app.domain.school_age import school_age_problem
from officer_app.forms.model import Answers, Field, FieldType, FormDefinition, is_answered
from officer_app.wording import clock, short_date

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldError:
    """One problem with one answer. ``path`` locates it inside repeating groups, e.g.
    ``("parents", 1, "date_of_birth")``; for a top-level field it is ``(field_id,)``."""

    field_id: str
    message: str
    path: Path = ()

    @property
    def where(self) -> str:
        """The path as text: ``parents[1].date_of_birth``."""
        out = ""
        for part in self.path or (self.field_id,):
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def parse_date(value: Any) -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` string as a date, or None if it is not one."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_time(value: Any) -> dt.time | None:
    """A 24-hour ``HH:MM`` string as a time, or None if it is not one."""
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        return None
    return dt.time(int(value[:2]), int(value[3:]))


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _fmt(number: float) -> str:
    return f"{number:g}"


def _quoted(label: str) -> str:
    return f"\u201c{label}\u201d"


class _Checker:
    def __init__(
        self,
        definition: FormDefinition,
        answers: Answers,
        people: Collection[str] | None,
        today: dt.date | None,
        now: dt.datetime | None,
    ) -> None:
        self.definition = definition
        self.answers = answers
        self.people = people
        self.now = uk_local(now) if now is not None else None
        self.today = today if today is not None or self.now is None else self.now.date()
        self.errors: list[FieldError] = []

    def error(self, path: Path, message: str) -> None:
        self.errors.append(FieldError(str(path[-1] if path else ""), message, path))

    def run(self) -> list[FieldError]:
        top = [f for s in self.definition.sections for f in s.fields]
        self.check_fields(top, self.answers, (), ())
        return self.errors

    def check_fields(
        self,
        fields: Sequence[Field],
        scope: Answers,
        items: tuple[Answers, ...],
        prefix: Path,
    ) -> None:
        known = {f.id for f in fields}
        for key in scope:
            if key not in known:
                path = (*prefix, key)
                self.errors.append(FieldError(key, "is not a question on this form", path))
        for f in fields:
            if self.definition.visible(f, self.answers, items):
                self.check_field(f, scope.get(f.id), items, (*prefix, f.id))

    def check_field(self, f: Field, value: Any, items: tuple[Answers, ...], path: Path) -> None:
        d = self.definition
        if not is_answered(value):
            if d.required(f, self.answers, items):
                if f.is_group and f.repeatable:
                    what = (f.item_label or "item").lower()
                    self.error(path, f"{_quoted(f.label)}: add at least one {what}.")
                else:
                    self.error(path, f"{_quoted(f.label)} needs an answer.")
            return
        message = self.type_error(f, value)
        if message:
            self.error(path, f"{_quoted(f.label)}: {message}")
            return
        if f.is_group:
            self.check_group(f, value, items, path)
            return
        if f.after is not None:
            self.check_order(f, f.after, value, items, path, strictly=True)
        if f.not_before is not None:
            self.check_order(f, f.not_before, value, items, path, strictly=False)
        if f.type is FieldType.TIME and f.not_in_future and f.on_date is not None:
            self.check_time_not_in_future(f, f.on_date, value, items, path)
        if f.school_age_on is not None:
            self.check_school_age(f, f.school_age_on, value, items, path)

    def type_error(self, f: Field, value: Any) -> str | None:
        t = f.type
        if t.is_text:
            if not isinstance(value, str):
                return "should be text."
            if f.max_length is not None and len(value) > f.max_length:
                return f"is {len(value)} characters long; at most {f.max_length} fit."
            if f.pattern is not None and not _compiled(f.pattern).fullmatch(value.strip()):
                return f.pattern_message or "is not in the expected form."
            return None
        if t is FieldType.DATE:
            day = parse_date(value)
            if day is None:
                return f"{value!r} is not a date (expected YYYY-MM-DD)."
            if f.not_in_future and self.today is not None and day > self.today:
                return "cannot be in the future."
            return None
        if t is FieldType.TIME:
            if parse_time(value) is None:
                return f"{value!r} is not a time (expected HH:MM, 24-hour clock)."
            return None
        if t is FieldType.YES_NO:
            return None if isinstance(value, bool) else "should be yes or no."
        if t is FieldType.SINGLE_CHOICE:
            if not isinstance(value, str) or f.choice(value) is None:
                return f"{value!r} is not one of the choices."
            return None
        if t is FieldType.MULTIPLE_CHOICE:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return "should be a list of choices."
            bad = [v for v in value if f.choice(v) is None]
            if bad:
                return f"{', '.join(map(repr, bad))} not among the choices."
            if len(set(value)) != len(value):
                return "a choice is ticked twice."
            return None
        if t is FieldType.PERSON:
            return self.person_error(f, value)
        if t.is_numeric:
            return self.number_error(f, value)
        if t is FieldType.GROUP:
            if f.repeatable:
                if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
                    return "should be a list of entries."
                if f.max_items is not None and len(value) > f.max_items:
                    return f"at most {f.max_items} allowed."
                if f.min_items is not None and len(value) < f.min_items:
                    return f"at least {f.min_items} needed."
            elif not isinstance(value, Mapping):
                return "should be a set of answers."
            return None
        return f"unsupported field type {t.value}."  # pragma: no cover

    def person_error(self, f: Field, value: Any) -> str | None:
        if f.multiple != isinstance(value, list):
            return "should name people on the case." if f.multiple else "should be a person."
        ids = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) and v for v in ids):
            return "should name people on the case." if f.multiple else "should be a person."
        if self.people is not None:
            strangers = [v for v in ids if v not in self.people]
            if strangers:
                return "names someone who is not on this case."
        if len(set(ids)) != len(ids):
            return "names someone twice."
        return None

    def number_error(self, f: Field, value: Any) -> str | None:
        if not _is_number(value):
            return "should be a number."
        if f.type is FieldType.SCALE and f.step is None and value != int(value):
            return "should be a whole number on the scale."
        if f.min is not None and value < f.min:
            return f"should be at least {_fmt(f.min)}."
        if f.max is not None and value > f.max:
            return f"should be at most {_fmt(f.max)}."
        if f.step is not None:
            base = f.min if f.min is not None else 0
            steps = (value - base) / f.step
            if abs(steps - round(steps)) > 1e-9:
                return f"should go in steps of {_fmt(f.step)}."
        return None

    def check_group(self, f: Field, value: Any, items: tuple[Answers, ...], path: Path) -> None:
        if f.repeatable:
            for index, item in enumerate(value):
                self.check_fields(f.fields, item, (*items, item), (*path, index))
        else:
            self.check_fields(f.fields, value, (*items, value), path)

    def check_order(
        self, f: Field, other_id: str, value: Any, items: tuple[Answers, ...], path: Path, *,
        strictly: bool,
    ) -> None:  # fmt: skip
        """``after`` (strictly later) or ``not_before`` (the same or later) another field."""
        d = self.definition
        other = d.lookup(self.answers, items)(other_id)
        parse = parse_date if f.type is FieldType.DATE else parse_time
        mine, theirs = parse(value), parse(other)
        if mine is None or theirs is None:
            return
        if mine > theirs or (mine == theirs and not strictly):  # type: ignore[operator]
            return
        target = d.field(other_id)
        shown = short_date(theirs) if isinstance(theirs, dt.date) else str(other)
        rule = "must be after" if strictly else "cannot be before"
        self.error(path, f"{_quoted(f.label)} {rule} {_quoted(target.label)} ({shown}).")

    def check_time_not_in_future(
        self, f: Field, date_id: str, value: Any, items: tuple[Answers, ...], path: Path
    ) -> None:
        """A time on the day the record is signed cannot be later than the signing."""
        day = parse_date(self.definition.lookup(self.answers, items)(date_id))
        at = parse_time(value)
        if self.now is None or day is None or at is None:
            return
        if day == self.now.date() and at > self.now.time().replace(second=0, microsecond=0):
            self.error(
                path,
                f"{_quoted(f.label)}: {value} on {short_date(day)} is later than now "
                f"({clock(self.now)}); a record cannot hold a time after it is signed.",
            )

    def check_school_age(
        self, f: Field, date_id: str, value: Any, items: tuple[Answers, ...], path: Path
    ) -> None:
        """A child's date of birth that makes them not of compulsory school age on the day the
        form names (Education Act 1996, s8: :mod:`officer_app.domain.school_age`)."""
        born = parse_date(value)
        on = parse_date(self.definition.lookup(self.answers, items)(date_id))
        if born is None or on is None:
            return
        problem = school_age_problem(born, on)
        if problem is not None:
            target = self.definition.field(date_id)
            self.error(path, f"{_quoted(f.label)}: {problem} ({_quoted(target.label)}).")


def validate(
    definition: FormDefinition,
    answers: Answers,
    *,
    people: Collection[str] | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> list[FieldError]:
    """Everything wrong with ``answers``, in document order; an empty list means they can be
    saved as final. Answers to hidden fields are not checked (``clean`` drops them).

    ``people``: the ids of the people on the case, to check person fields against (not checked
    when None). ``today``: for ``not_in_future`` dates (not checked when None). ``now`` (a
    timezone-aware moment, the signing): for ``not_in_future`` times, compared in UK local
    time, and ``today`` when that is not given."""
    return _Checker(definition, answers, people, today, now).run()


def clean(definition: FormDefinition, answers: Answers) -> dict[str, Any]:
    """A copy of ``answers`` holding only what the form shows: answers to hidden fields and to
    questions the definition does not have are dropped, inside groups too. Hiding cascades: a
    field shown only because of a now-hidden answer goes as well."""

    def keep(fields: Sequence[Field], scope: Answers, items: tuple[Answers, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields:
            if f.id not in scope or not definition.visible(f, answers, items):
                continue
            value = scope[f.id]
            if f.is_group and f.repeatable and isinstance(value, list):
                value = [
                    keep(f.fields, item, (*items, item)) if isinstance(item, Mapping) else item
                    for item in value
                ]
            elif f.is_group and isinstance(value, Mapping):
                value = keep(f.fields, value, (*items, value))
            out[f.id] = value
        return out

    top = [f for s in definition.sections for f in s.fields]
    return keep(top, answers, ())
