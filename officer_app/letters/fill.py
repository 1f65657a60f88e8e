"""Filling a template: the officer's answers checked, every placeholder replaced.

Values are plain text, already formatted for a letter: dates as "1 December 2026", times as
"10:30am", figures as the register gives them. A placeholder whose value is empty where the
letter prints it unconditionally refuses the letter, naming the placeholder and why it has
no value (no marks this school year, no email recorded…): a letter never goes out with a
hole in a sentence. ``[if name]`` blocks are how a template prints something only when it
has a value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from officer_app.domain.working_days import bank_holidays
from officer_app.letters.header import TIME_PATTERN
from officer_app.letters.model import (
    LONG_TEXT_LIMIT,
    TEXT_LIMIT,
    Ask,
    AskType,
    Block,
    BlockKind,
    FilledBlock,
    FilledLetter,
    Line,
    Run,
    Segment,
    Template,
    line_text,
)
from officer_app.letters.vocabulary import ASK_PREFIX, WEEKDAY_SUFFIX
from officer_app.wording import DAYS
from officer_app.wording import long_date as long_date  # re-exported: the letters' callers


class LetterRefused(ValueError):
    """The letter cannot be made as asked; the message says why, for the officer."""


class AskRefused(LetterRefused):
    """An answer to one of the template's asks is missing or wrong; ``ask`` names it."""

    def __init__(self, ask: str, message: str) -> None:
        super().__init__(message)
        self.ask = ask


@dataclass(frozen=True)
class Missing:
    placeholder: str
    line: int
    reason: str


class MissingValues(LetterRefused):
    """The letter prints placeholders that have no value for this case."""

    def __init__(self, missing: list[Missing]) -> None:
        first = missing[0]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        super().__init__(
            f"the letter needs {{{first.placeholder}}} (template line {first.line}): "
            f"{first.reason}{more}"
        )
        self.missing = missing


# -- formatting ----------------------------------------------------------------------------


def weekday(day: dt.date) -> str:
    return DAYS[day.weekday()]


def clock_time(value: str) -> str:
    """``14:30`` as ``2:30pm``; ``12:00`` as ``12 noon``."""
    hours, minutes = (int(part) for part in value.split(":"))
    if (hours, minutes) == (12, 0):
        return "12 noon"
    if (hours, minutes) == (0, 0):
        return "12 midnight"
    suffix = "am" if hours < 12 else "pm"
    return f"{(hours % 12) or 12}:{minutes:02d}{suffix}"


def money(pounds: int | None) -> str:
    return "" if pounds is None else f"£{pounds:,}"


def parse_day(value: str) -> dt.date | None:
    text = value.strip()
    if len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


# -- the officer's answers -----------------------------------------------------------------


def check_asks(template: Template, given: Mapping[str, str], *, dated: dt.date) -> dict[str, str]:
    """The answers, trimmed (dates as YYYY-MM-DD, times as HH:MM), defaults filled in.

    Raises :class:`AskRefused` naming the first ask that is missing or wrong, or an answer
    given to an ask the template does not have (a typo on the command line)."""
    for name in given:
        if template.ask(name) is None:
            names = ", ".join(a.name for a in template.asks) or "none"
            raise AskRefused(
                name, f"the letter {template.id!r} has no ask {name!r} (its asks: {names})"
            )
    out: dict[str, str] = {}
    for ask in template.asks:
        raw = given.get(ask.name)
        value = (raw if raw is not None else ask.default).replace("\r\n", "\n").strip()
        where = f"{ask.label} ({ask.name})"
        if not value:
            if ask.required:
                raise AskRefused(ask.name, f"{where}: this is needed for the letter")
            out[ask.name] = ""
            continue
        if ask.type is AskType.TEXT:
            if "\n" in value:
                raise AskRefused(ask.name, f"{where}: one line only")
            if len(value) > TEXT_LIMIT:
                raise AskRefused(ask.name, f"{where}: at most {TEXT_LIMIT} characters")
        elif ask.type is AskType.LONG_TEXT:
            if len(value) > LONG_TEXT_LIMIT:
                raise AskRefused(ask.name, f"{where}: at most {LONG_TEXT_LIMIT} characters")
        elif ask.type is AskType.DATE:
            day = parse_day(value)
            if day is None:
                raise AskRefused(ask.name, f"{where}: {value!r} is not a date (YYYY-MM-DD)")
            if ask.not_in_past and day < dated:
                raise AskRefused(
                    ask.name, f"{where}: {long_date(day)} is before the letter's date "
                    f"({long_date(dated)})",
                )  # fmt: skip
            if ask.not_in_future and day > dated:
                raise AskRefused(
                    ask.name, f"{where}: {long_date(day)} is after the letter's date "
                    f"({long_date(dated)})",
                )  # fmt: skip
            _check_order(template, ask, day, out, where)
            value = day.isoformat()
        elif ask.type is AskType.TIME and not TIME_PATTERN.fullmatch(value):
            raise AskRefused(ask.name, f"{where}: {value!r} is not a time (HH:MM, 24-hour)")
        out[ask.name] = value
    return out


def _check_order(
    template: Template, ask: Ask, day: dt.date, out: Mapping[str, str], where: str
) -> None:
    """``not_before`` (a period's end) and ``not_after`` (a reply-by date and its meeting)."""
    for other_name, later in ((ask.not_before, False), (ask.not_after, True)):
        other = template.ask(other_name) if other_name else None
        theirs = parse_day(out.get(other_name, "")) if other is not None else None
        if other is None or theirs is None:
            continue
        if (day > theirs) if later else (day < theirs):
            side = "after" if later else "before"
            raise AskRefused(
                ask.name,
                f"{where}: {long_date(day)} is {side} {other.label.lower()} ({long_date(theirs)})",
            )


def date_warning(day: dt.date) -> str | None:
    """Why a date for a meeting is unusual: a Saturday, a Sunday or a bank holiday in England
    and Wales (one calendar: ``domain.working_days``). A warning, never a refusal."""
    holiday = bank_holidays(day.year).get(day)
    if holiday is not None:
        return f"{long_date(day, weekday=True)} is a bank holiday ({holiday})"
    if day.weekday() >= 5:
        return f"{long_date(day, weekday=True)} is a {DAYS[day.weekday()]}"
    return None


def ask_warnings(template: Template, answers: Mapping[str, str]) -> dict[str, str]:
    """{ask name: warning} for each ``working_day`` date answered with an unusual day, for the
    officer to confirm (the letter is still made)."""
    out: dict[str, str] = {}
    for ask in template.asks:
        day = parse_day(answers.get(ask.name, "")) if ask.working_day else None
        warning = date_warning(day) if day is not None else None
        if warning is not None:
            out[ask.name] = f"{ask.label}: {warning}"
    return out


def ask_values(template: Template, answers: Mapping[str, str]) -> dict[str, str]:
    """The answers as the letter prints them, under their placeholder names."""
    values: dict[str, str] = {}
    for ask in template.asks:
        value = answers.get(ask.name, "")
        key = f"{ASK_PREFIX}{ask.name}"
        if ask.type is AskType.DATE:
            day = parse_day(value) if value else None
            values[key] = long_date(day) if day else ""
            values[key + WEEKDAY_SUFFIX] = weekday(day) if day else ""
        elif ask.type is AskType.TIME:
            values[key] = clock_time(value) if value else ""
        else:
            values[key] = value
    return values


# -- filling ---------------------------------------------------------------------------------


def _line(
    runs: tuple[Run, ...],
    values: Mapping[str, str],
    reasons: Mapping[str, str],
    missing: list[Missing],
) -> Line:
    out: list[Segment] = []
    for run in runs:
        if not run.placeholder:
            out.append(Segment(run.text, run.bold))
            continue
        value = values.get(run.text, "")
        if not value.strip():
            missing.append(
                Missing(run.text, run.line, reasons.get(run.text, "it has no value for this case"))
            )
            continue
        out.append(Segment(value.strip("\n"), run.bold))
    merged: list[Segment] = []
    for segment in out:
        if merged and merged[-1].bold == segment.bold:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.bold)
        else:
            merged.append(segment)
    return tuple(merged)


def fill(template: Template, values: Mapping[str, str], reasons: Mapping[str, str]) -> FilledLetter:
    """The template with ``values`` put in. ``reasons`` say why a placeholder may be empty.
    Raises :class:`MissingValues` listing every placeholder printed without a value."""
    missing: list[Missing] = []
    blocks: list[FilledBlock] = []
    kept: list[Block] = [
        b for b in template.blocks if b.when is None or b.when.holds(values.get(b.when.name, ""))
    ]
    for block in kept:
        items = tuple(_line(item, values, reasons, missing) for item in block.items)
        blocks.append(FilledBlock(block.kind, items))
    subject = _line(template.subject, values, reasons, missing)
    if missing:
        first: dict[str, Missing] = {}
        for item in missing:
            first.setdefault(item.placeholder, item)
        raise MissingValues(list(first.values()))
    return FilledLetter(
        title=template.title,
        subject=" ".join(line_text(subject).split()),
        blocks=tuple(blocks),
        layout=template.layout,
        values=dict(values),
    )


def body_text(letter: FilledLetter) -> str:
    """The body as plain text (for the chronology and search): one block per paragraph."""
    parts: list[str] = []
    for block in letter.blocks:
        texts = [line_text(item) for item in block.items]
        if block.kind is BlockKind.BULLETS:
            parts.append("\n".join(f"- {t}" for t in texts))
        elif block.kind is BlockKind.NUMBERS:
            parts.append("\n".join(f"{n}. {t}" for n, t in enumerate(texts, start=1)))
        elif block.kind is BlockKind.TABLE:
            rows = zip(texts[0::2], texts[1::2], strict=True)
            parts.append(
                "\n".join(f"{label}: {value.replace(chr(10), ', ')}" for label, value in rows)
            )
        elif block.kind is BlockKind.PAGE_BREAK:
            continue
        else:
            parts.extend(texts)
    return "\n\n".join(parts)
