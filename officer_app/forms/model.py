"""The in-memory form definition: what the Qt form, the validator and the PDF all read.

Everything here is a frozen dataclass built by :mod:`officer_app.forms.loader` from a checked
definition file. Answers to a form are a plain ``dict`` keyed by field id (JSON-ready: dates
``YYYY-MM-DD``, times ``HH:MM``, yes/no ``bool``, choices by their value, people by their id);
the answer to a group is a ``dict`` of its own fields, or a ``list`` of such dicts when the group
repeats ("each parent").

Visibility is resolved in document order: a field whose condition refers to a field that is
itself hidden sees that field as unanswered, so hiding cascades the way an officer expects.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeAlias

Scalar: TypeAlias = str | int | float | bool
Answers: TypeAlias = Mapping[str, Any]
Lookup: TypeAlias = Callable[[str], Any]


# Facts of a case a yes/no field may take its answer from (``from_case``), set by the app.
CASE_FACTS: dict[str, str] = {
    # domain.md, "Interview under caution": once a case is heading for legal action,
    # questions about the offence need an interview under caution (PACE Code C, 10.1).
    "legal_action": (
        "the case is at a legal stage (legal intervention or court) or a penalty notice has "
        "been considered on it"
    ),
}


# What a field may be prefilled with (``prefill``), by the field types it suits; the officer
# can change it. Issue 11, point 10: "forms prefill what the case already knows".
PREFILL_FACTS: dict[str, tuple[str, ...]] = {
    "today": ("date",),  # the day the form is opened
    "now": ("time",),  # the time the form is opened (UK local, HH:MM)
    "family_address": ("short_text", "long_text"),  # the family's current address
    "child_name": ("short_text", "long_text"),
    "child_school": ("short_text", "long_text"),  # the child's school, by name
    "child_dob": ("date",),
}


class FieldType(StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"
    TIME = "time"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    PERSON = "person"
    NUMBER = "number"
    SCALE = "scale"
    GROUP = "group"

    @property
    def is_text(self) -> bool:
        return self in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT)

    @property
    def is_numeric(self) -> bool:
        return self in (FieldType.NUMBER, FieldType.SCALE)


def is_answered(value: Any) -> bool:
    """Whether a value counts as an answer: ``None``, blank text and empty lists do not;
    ``False`` (a "No" to a yes/no question) and ``0`` do."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict | set | frozenset):
        return bool(value)
    return True


def _matches(value: Any, wanted: Scalar) -> bool:
    # bool is an int in Python: keep True from matching 1 and False from matching 0.
    if isinstance(value, bool) != isinstance(wanted, bool):
        return False
    return bool(value == wanted)


def _has(value: Any, wanted: Scalar) -> bool:
    """``equals`` semantics: a list answer (multiple choice, several people) holds ``wanted``."""
    if isinstance(value, list | tuple):
        return any(_matches(item, wanted) for item in value)
    return _matches(value, wanted)


# -- conditions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Equals:
    """``{field: X, equals: V}``: X is V (or, for a multiple choice, V is ticked)."""

    field: str
    value: Scalar

    def holds(self, lookup: Lookup) -> bool:
        return _has(lookup(self.field), self.value)

    def fields(self) -> Iterator[str]:
        yield self.field

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "equals": self.value}


@dataclass(frozen=True)
class In:
    """``{field: X, in: [V, ...]}``: X is one of these (or any of them is ticked)."""

    field: str
    values: tuple[Scalar, ...]

    def holds(self, lookup: Lookup) -> bool:
        value = lookup(self.field)
        return any(_has(value, wanted) for wanted in self.values)

    def fields(self) -> Iterator[str]:
        yield self.field

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "in": list(self.values)}


@dataclass(frozen=True)
class IsSet:
    """``{field: X, is_set: true}``: X has been answered (``is_set: false``: it has not)."""

    field: str
    is_set: bool = True

    def holds(self, lookup: Lookup) -> bool:
        return is_answered(lookup(self.field)) == self.is_set

    def fields(self) -> Iterator[str]:
        yield self.field

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "is_set": self.is_set}


@dataclass(frozen=True)
class AllOf:
    conditions: tuple[Condition, ...]

    def holds(self, lookup: Lookup) -> bool:
        return all(c.holds(lookup) for c in self.conditions)

    def fields(self) -> Iterator[str]:
        for c in self.conditions:
            yield from c.fields()

    def to_dict(self) -> dict[str, Any]:
        return {"all": [c.to_dict() for c in self.conditions]}


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Condition, ...]

    def holds(self, lookup: Lookup) -> bool:
        return any(c.holds(lookup) for c in self.conditions)

    def fields(self) -> Iterator[str]:
        for c in self.conditions:
            yield from c.fields()

    def to_dict(self) -> dict[str, Any]:
        return {"any": [c.to_dict() for c in self.conditions]}


@dataclass(frozen=True)
class Not:
    condition: Condition

    def holds(self, lookup: Lookup) -> bool:
        return not self.condition.holds(lookup)

    def fields(self) -> Iterator[str]:
        yield from self.condition.fields()

    def to_dict(self) -> dict[str, Any]:
        return {"not": self.condition.to_dict()}


Condition: TypeAlias = Equals | In | IsSet | AllOf | AnyOf | Not


def condition_from_dict(data: Mapping[str, Any]) -> Condition:
    """Build a condition from its (schema-checked) dict form."""
    if "all" in data:
        return AllOf(tuple(condition_from_dict(c) for c in data["all"]))
    if "any" in data:
        return AnyOf(tuple(condition_from_dict(c) for c in data["any"]))
    if "not" in data:
        return Not(condition_from_dict(data["not"]))
    target = str(data["field"])
    if "equals" in data:
        return Equals(target, data["equals"])
    if "in" in data:
        return In(target, tuple(data["in"]))
    return IsSet(target, bool(data.get("is_set", True)))


# -- the definition -------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    help: str | None = None


@dataclass(frozen=True)
class Field:
    """One question. Which optional attributes mean anything depends on ``type`` (the schema
    refuses the others): ``choices`` for the choice types; ``min``/``max``/``step``/``unit`` for
    number and scale (and ``min_label``/``max_label`` for scale); ``max_length`` for text and
    ``pattern`` for short text; ``after``, ``not_before`` and ``not_in_future`` for date and
    time (``on_date`` for a time: the date field it is on; ``school_age_on`` for a date of
    birth: the date the child must be of compulsory school age on); ``multiple`` for person;
    ``fields``/``repeatable``/``item_label``/``min_items``/``max_items`` for group;
    ``from_case`` for yes/no: the answer is a fact of the case (:data:`CASE_FACTS`), set by
    the app and never typed; ``prefill`` (date, time, text): what the case already knows
    (:data:`PREFILL_FACTS`), filled in when the form opens and the officer's to change."""

    id: str
    type: FieldType
    label: str
    help: str | None = None
    required: bool = False
    required_when: Condition | None = None
    show_when: Condition | None = None
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    step: float | None = None
    unit: str | None = None
    min_label: str | None = None
    max_label: str | None = None
    max_length: int | None = None
    pattern: str | None = None
    pattern_message: str | None = None
    after: str | None = None
    not_before: str | None = None
    not_in_future: bool = False
    on_date: str | None = None
    school_age_on: str | None = None
    multiple: bool = False
    fields: tuple[Field, ...] = ()
    repeatable: bool = False
    item_label: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    from_case: str | None = None
    prefill: str | None = None

    @property
    def is_group(self) -> bool:
        return self.type is FieldType.GROUP

    @property
    def takes_list(self) -> bool:
        """Whether the answer is a list (multiple choice, several people, a repeating group)."""
        return (
            self.type is FieldType.MULTIPLE_CHOICE
            or (self.type is FieldType.PERSON and self.multiple)
            or (self.type is FieldType.GROUP and self.repeatable)
        )

    @property
    def may_be_required(self) -> bool:
        """Whether a "required" marker belongs on the widget (always or sometimes required)."""
        return self.required or self.required_when is not None

    def choice(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None

    def choice_label(self, value: str) -> str:
        """The label of a choice, or the stored value itself if this version has no such choice."""
        found = self.choice(value)
        return found.label if found else value

    def conditions(self) -> Iterator[tuple[str, Condition]]:
        """The conditions on this field, as (``"show_when"`` or ``"required"``, condition)."""
        if self.show_when is not None:
            yield "show_when", self.show_when
        if self.required_when is not None:
            yield "required", self.required_when


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    fields: tuple[Field, ...]
    help: str | None = None
    show_when: Condition | None = None


@dataclass(frozen=True)
class FieldInfo:
    """Where a field sits: its section, the groups around it (outermost first), and its
    position in document order (conditions may only look back)."""

    field: Field
    section: Section
    groups: tuple[Field, ...]
    order: int


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: str
    description: str
    sections: tuple[Section, ...]
    source: str = field(default="", compare=False)
    """Where it was loaded from (for messages); not part of the definition's identity."""
    fingerprint: str = field(default="", compare=False)
    """SHA-256 of the definition's canonical JSON: store it with a record to tell apart two
    files that claim the same id and version."""

    _index: dict[str, FieldInfo] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index: dict[str, FieldInfo] = {}
        order = 0

        def walk(fields: Sequence[Field], section: Section, groups: tuple[Field, ...]) -> None:
            nonlocal order
            for f in fields:
                # The loader refuses duplicates; first one wins if one slips through.
                index.setdefault(f.id, FieldInfo(f, section, groups, order))
                order += 1
                if f.is_group:
                    walk(f.fields, section, (*groups, f))

        for section in self.sections:
            walk(section.fields, section, ())
        object.__setattr__(self, "_index", index)
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", fingerprint_of(self.to_dict()))

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    # -- looking fields up ----------------------------------------------------------------

    def field(self, field_id: str) -> Field:
        """The field with this id, anywhere in the form (inside groups too); KeyError if none."""
        try:
            return self._index[field_id].field
        except KeyError:
            raise KeyError(f"{self.id} v{self.version} has no field {field_id!r}") from None

    def has_field(self, field_id: str) -> bool:
        return field_id in self._index

    def info(self, field_id: str) -> FieldInfo:
        self.field(field_id)
        return self._index[field_id]

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(f"{self.id} v{self.version} has no section {section_id!r}")

    def section_of(self, field_id: str) -> Section:
        return self.info(field_id).section

    def iter_fields(self) -> Iterator[Field]:
        """Every field in document order, group sub-fields right after their group."""
        for info in self._index.values():
            yield info.field

    # -- visibility and requiredness ------------------------------------------------------

    def lookup(self, answers: Answers, items: Sequence[Answers] = ()) -> Lookup:
        """A function giving the effective answer of a field as seen from inside ``items`` (the
        current item of each enclosing group, outermost first): ``None`` when unanswered or
        hidden. This is what conditions are evaluated against."""

        def get(field_id: str) -> Any:
            info = self._index.get(field_id)
            if info is None:
                return None
            depth = len(info.groups)
            if depth > len(items):  # out of scope (the loader refuses such conditions)
                return None
            scope = answers if depth == 0 else items[depth - 1]
            if not isinstance(scope, Mapping):
                return None
            value = scope.get(field_id)
            if value is None or not self.visible(field_id, answers, items[:depth]):
                return None
            return value

        return get

    def section_visible(self, section: Section | str, answers: Answers) -> bool:
        s = self.section(section) if isinstance(section, str) else section
        return s.show_when is None or s.show_when.holds(self.lookup(answers))

    def visible(self, field: Field | str, answers: Answers, items: Sequence[Answers] = ()) -> bool:
        """Whether a field is shown, given the answers so far. For a field inside a group, pass
        the current item of each enclosing group in ``items`` (outermost first). A field is
        hidden when its section, or any group around it, is hidden."""
        info = self.info(field if isinstance(field, str) else field.id)
        if not self.section_visible(info.section, answers):
            return False
        for depth, group in enumerate(info.groups):
            if group.show_when is not None and not group.show_when.holds(
                self.lookup(answers, items[:depth])
            ):
                return False
        own = info.field.show_when
        return own is None or own.holds(self.lookup(answers, items[: len(info.groups)]))

    def required(self, field: Field | str, answers: Answers, items: Sequence[Answers] = ()) -> bool:
        """Whether a field must be answered now: it is shown and always required, or its
        ``required`` condition holds."""
        f = self.field(field) if isinstance(field, str) else field
        if not f.may_be_required or not self.visible(f, answers, items):
            return False
        if f.required:
            return True
        assert f.required_when is not None
        depth = len(self.info(f.id).groups)
        return f.required_when.holds(self.lookup(answers, items[:depth]))

    # -- serialising ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The definition in its file form (the same keys as the schema), defaults omitted."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "description": self.description,
            "sections": [_section_to_dict(s) for s in self.sections],
        }


def _field_to_dict(f: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f.id, "type": f.type.value, "label": f.label}
    if f.help is not None:
        out["help"] = f.help
    if f.required_when is not None:
        out["required"] = f.required_when.to_dict()
    elif f.required:
        out["required"] = True
    if f.show_when is not None:
        out["show_when"] = f.show_when.to_dict()
    if f.choices:
        out["choices"] = [
            {"value": c.value, "label": c.label} | ({"help": c.help} if c.help else {})
            for c in f.choices
        ]
    for name in (
        "min", "max", "step", "unit", "min_label", "max_label", "max_length", "pattern",
        "pattern_message", "after", "not_before", "on_date", "school_age_on", "item_label",
        "min_items", "max_items", "from_case", "prefill",
    ):  # fmt: skip
        value = getattr(f, name)
        if value is not None:
            out[name] = value
    for flag in ("not_in_future", "multiple", "repeatable"):
        if getattr(f, flag):
            out[flag] = True
    if f.fields:
        out["fields"] = [_field_to_dict(sub) for sub in f.fields]
    return out


def _section_to_dict(s: Section) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "title": s.title}
    if s.help is not None:
        out["help"] = s.help
    if s.show_when is not None:
        out["show_when"] = s.show_when.to_dict()
    out["fields"] = [_field_to_dict(f) for f in s.fields]
    return out


def fingerprint_of(document: Mapping[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def field_from_dict(data: Mapping[str, Any]) -> Field:
    """Build a field from its (schema-checked) dict form."""
    required = data.get("required", False)
    return Field(
        id=data["id"],
        type=FieldType(data["type"]),
        label=data["label"],
        help=data.get("help"),
        required=required is True,
        required_when=condition_from_dict(required) if isinstance(required, Mapping) else None,
        show_when=condition_from_dict(data["show_when"]) if "show_when" in data else None,
        choices=tuple(
            Choice(str(c["value"]), c["label"], c.get("help")) for c in data.get("choices", ())
        ),
        min=data.get("min"),
        max=data.get("max"),
        step=data.get("step"),
        unit=data.get("unit"),
        min_label=data.get("min_label"),
        max_label=data.get("max_label"),
        max_length=data.get("max_length"),
        pattern=data.get("pattern"),
        pattern_message=data.get("pattern_message"),
        after=data.get("after"),
        not_before=data.get("not_before"),
        on_date=data.get("on_date"),
        school_age_on=data.get("school_age_on"),
        not_in_future=bool(data.get("not_in_future", False)),
        multiple=bool(data.get("multiple", False)),
        fields=tuple(field_from_dict(sub) for sub in data.get("fields", ())),
        repeatable=bool(data.get("repeatable", False)),
        item_label=data.get("item_label"),
        min_items=data.get("min_items"),
        max_items=data.get("max_items"),
        from_case=data.get("from_case"),
        prefill=data.get("prefill"),
    )


def definition_from_dict(data: Mapping[str, Any], source: str = "") -> FormDefinition:
    """Build a definition from its (schema-checked) dict form. The loader checks the file
    first; use this directly only for documents that already passed those checks."""
    sections = tuple(
        Section(
            id=s["id"],
            title=s["title"],
            help=s.get("help"),
            show_when=condition_from_dict(s["show_when"]) if "show_when" in s else None,
            fields=tuple(field_from_dict(f) for f in s["fields"]),
        )
        for s in data["sections"]
    )
    definition = FormDefinition(
        id=data["id"],
        version=int(data["version"]),
        title=data["title"],
        description=data["description"],
        sections=sections,
        source=source,
    )
    return definition
