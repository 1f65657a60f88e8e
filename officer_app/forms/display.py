"""A record's answers as text, section by section: what the PDF and any read-only view print.

Only what the form shows is listed (hidden questions are left out, as ``clean`` would drop
them); unanswered visible questions are listed with ``text=None`` so that a renderer can print
"Not answered" rather than silently omit a question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from officer_app.forms.model import Answers, Field, FieldType, FormDefinition, Section, is_answered
from officer_app.forms.validation import parse_date
from officer_app.wording import long_date

PersonName = Callable[[str], str]


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def format_answer(field: Field, value: Any, *, person_name: PersonName | None = None) -> str:
    """One answer as the record shows it: dates as ``24 December 2026``, yes/no as ``Yes``/
    ``No``, choices by their label (a value this version does not know is shown as stored),
    people by name when ``person_name`` is given."""
    t = field.type
    if not is_answered(value):
        return ""
    if t is FieldType.DATE:
        day = parse_date(value)
        return long_date(day) if day else str(value)
    if t is FieldType.YES_NO:
        return "Yes" if value is True else "No" if value is False else str(value)
    if t is FieldType.SINGLE_CHOICE:
        return field.choice_label(str(value))
    if t is FieldType.MULTIPLE_CHOICE and isinstance(value, list):
        order = {c.value: i for i, c in enumerate(field.choices)}
        ticked = sorted(value, key=lambda v: order.get(v, len(order)))
        return "; ".join(field.choice_label(str(v)) for v in ticked)
    if t is FieldType.PERSON:
        ids = value if isinstance(value, list) else [value]
        return ", ".join(person_name(str(i)) if person_name else str(i) for i in ids)
    if t is FieldType.NUMBER and isinstance(value, int | float):
        text = _number(value)
        if field.unit:
            text += field.unit if field.unit == "%" else f" {field.unit}"
        return text
    if t is FieldType.SCALE and isinstance(value, int | float):
        low = f"{_number(field.min or 0)}" + (f" = {field.min_label}" if field.min_label else "")
        high = f"{_number(field.max or 0)}" + (f" = {field.max_label}" if field.max_label else "")
        return f"{_number(value)} (on a scale where {low}, {high})"
    if t is FieldType.GROUP and isinstance(value, list):
        return f"{len(value)} {'entry' if len(value) == 1 else 'entries'}"
    return str(value)


@dataclass(frozen=True)
class AnswerRow:
    """A line of the record. ``heading`` rows open one item of a repeating group ("Parent or
    carer 2") and carry no answer; ``depth`` is how deep in groups the row sits."""

    field: Field
    label: str
    text: str | None
    depth: int
    path: tuple[str | int, ...]
    heading: bool = False


@dataclass(frozen=True)
class SectionView:
    section: Section
    rows: tuple[AnswerRow, ...]


def record_view(
    definition: FormDefinition,
    answers: Answers,
    *,
    person_name: PersonName | None = None,
) -> list[SectionView]:
    """The visible sections of a record with their visible questions and answers, in order."""
    views: list[SectionView] = []

    def rows_for(
        fields: Sequence[Field],
        scope: Answers,
        items: tuple[Answers, ...],
        prefix: tuple[str | int, ...],
        out: list[AnswerRow],
    ) -> None:
        depth = len(items)
        for f in fields:
            if not definition.visible(f, answers, items):
                continue
            value = scope.get(f.id)
            path = (*prefix, f.id)
            if f.is_group and f.repeatable:
                entries = (
                    [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
                )
                out.append(AnswerRow(f, f.label, None if not entries else "", depth, path, True))
                name = f.item_label or f.label
                for index, item in enumerate(entries):
                    item_path = (*path, index)
                    out.append(AnswerRow(f, f"{name} {index + 1}", "", depth, item_path, True))
                    rows_for(f.fields, item, (*items, item), item_path, out)
            elif f.is_group:
                item = value if isinstance(value, Mapping) else {}
                out.append(AnswerRow(f, f.label, "", depth, path, True))
                rows_for(f.fields, item, (*items, item), path, out)
            else:
                text = format_answer(f, value, person_name=person_name) or None
                out.append(AnswerRow(f, f.label, text, depth, path))

    for section in definition.sections:
        if not definition.section_visible(section, answers):
            continue
        rows: list[AnswerRow] = []
        rows_for(section.fields, answers, (), (), rows)
        views.append(SectionView(section, tuple(rows)))
    return views
