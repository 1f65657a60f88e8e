"""What a form definition's schema cannot say, checked once the schema is met.

Field ids unique across the form, conditions only on earlier fields that exist and can be seen
from where the condition is, condition values among the field's choices, ``after`` and
``not_before`` on an earlier field of the same type, ``on_date`` and ``school_age_on`` on an
earlier date field (a time that is ``not_in_future`` needs its ``on_date``), choice values
unique, ``min`` not above ``max``, patterns that compile. :func:`semantic_problems` lists each
with the path to the value concerned.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from officer_app.forms.model import PREFILL_FACTS
from officer_app.la_yaml import DataPath, place_of


@dataclass(frozen=True)
class _Entry:
    id: str
    data: Mapping[str, Any]
    path: DataPath
    groups: tuple[str, ...]
    order: int


class _Semantics:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.problems: list[tuple[DataPath, str]] = []
        self.entries: list[_Entry] = []
        self.first: dict[str, _Entry] = {}

    def problem(self, path: DataPath, message: str) -> None:
        self.problems.append((path, message))

    def run(self) -> list[tuple[DataPath, str]]:
        section_ids: dict[str, DataPath] = {}
        section_orders: list[int] = []
        for s_index, section in enumerate(self.data["sections"]):
            s_path: DataPath = ("sections", s_index)
            if section["id"] in section_ids:
                where = place_of(section_ids[section["id"]])
                self.problem((*s_path, "id"), f"duplicate section id {section['id']!r} ({where})")
            section_ids.setdefault(section["id"], s_path)
            section_orders.append(len(self.entries))
            self.collect(section["fields"], s_path, ())
        for entry in self.entries:
            if entry.id in self.first:
                where = place_of(self.first[entry.id].path)
                self.problem(
                    (*entry.path, "id"),
                    f"duplicate field id {entry.id!r} (first used at {where})",
                )
            else:
                self.first[entry.id] = entry
        for entry in self.entries:
            self.check_field(entry)
        for s_index, section in enumerate(self.data["sections"]):
            if "show_when" in section:
                self.check_condition(
                    section["show_when"],
                    ("sections", s_index, "show_when"),
                    owner=None,
                    order=section_orders[s_index],
                    groups=(),
                )
        return self.problems

    def collect(self, fields: Sequence[Any], path: DataPath, groups: tuple[str, ...]) -> None:
        for index, data in enumerate(fields):
            entry = _Entry(data["id"], data, (*path, "fields", index), groups, len(self.entries))
            self.entries.append(entry)
            if data["type"] == "group":
                self.collect(data["fields"], entry.path, (*groups, data["id"]))

    def check_field(self, entry: _Entry) -> None:
        data, path = entry.data, entry.path
        values: dict[str, int] = {}
        for index, choice in enumerate(data.get("choices", ())):
            if choice["value"] in values:
                self.problem(
                    (*path, "choices", index, "value"),
                    f"duplicate choice value {choice['value']!r}",
                )
            values.setdefault(choice["value"], index)
        low, high = data.get("min"), data.get("max")
        if low is not None and high is not None and low > high:
            self.problem((*path, "min"), f"min ({low}) is more than max ({high})")
        if data["type"] == "scale" and low is not None and low == high:
            self.problem((*path, "max"), "a scale needs max above min")
        few, many = data.get("min_items"), data.get("max_items")
        if few is not None and many is not None and few > many:
            self.problem((*path, "min_items"), f"min_items ({few}) is more than max_items ({many})")
        if "pattern" in data:
            try:
                re.compile(data["pattern"])
            except re.error as exc:
                self.problem((*path, "pattern"), f"not a valid regular expression: {exc}")
        for key in ("after", "not_before", "on_date", "school_age_on"):
            if key in data:
                self.check_link(entry, key)
        if data["type"] == "time" and data.get("not_in_future") and "on_date" not in data:
            self.problem(
                (*path, "not_in_future"),
                "a time that is not_in_future needs 'on_date': the date field it is on",
            )
        fact = data.get("prefill")
        if fact in PREFILL_FACTS and data["type"] not in PREFILL_FACTS[fact]:
            suits = " or ".join(PREFILL_FACTS[fact])
            self.problem(
                (*path, "prefill"), f"prefill {fact!r} is for a {suits} field, not a {data['type']}"
            )
        if "prefill" in data and entry.groups:
            self.problem((*path, "prefill"), "a field inside a group cannot be prefilled")
        if "from_case" in data and entry.groups:
            self.problem((*path, "from_case"), "a fact of the case cannot be inside a group")
        for key in ("show_when", "required"):
            if isinstance(data.get(key), Mapping):
                self.check_condition(
                    data[key], (*path, key), owner=entry, order=entry.order, groups=entry.groups
                )

    def reach(
        self,
        target_id: str,
        path: DataPath,
        owner: _Entry | None,
        order: int,
        groups: tuple[str, ...],
        what: str,
    ) -> _Entry | None:
        """The entry for ``target_id`` if the owner at ``order`` inside ``groups`` may refer to
        it; otherwise record why not and return None."""
        target = self.first.get(target_id)
        if target is None:
            self.problem(path, f"{what} on unknown field {target_id!r}")
            return None
        if target is owner:
            self.problem(path, f"{what} on the field itself")
            return None
        if target.id in groups:
            self.problem(path, f"{what} on {target_id!r}, the group this field is in")
            return None
        if target.order >= order:
            self.problem(
                path,
                f"{what} on field {target_id!r}, which comes later in the form "
                f"({place_of(target.path)}); a {what} may only refer to an earlier field",
            )
            return None
        if target.groups != groups[: len(target.groups)]:
            self.problem(
                path,
                f"{what} on field {target_id!r}, which is inside group {target.groups[-1]!r} "
                "and cannot be seen from here",
            )
            return None
        return target

    def check_link(self, entry: _Entry, key: str) -> None:
        """A rule naming another field (``after``, ``not_before``: one of the same type;
        ``on_date``, ``school_age_on``: a date), which must come earlier and be in reach."""
        path = (*entry.path, key)
        target = self.reach(
            entry.data[key], path, entry, entry.order, entry.groups, f"'{key}' rule"
        )
        if target is None:
            return
        wanted = entry.data["type"] if key in ("after", "not_before") else "date"
        if target.data["type"] != wanted:
            self.problem(
                path,
                f"'{key}' compares a {entry.data['type']} with {target.id!r}, "
                f"a {target.data['type']} field (it needs a {wanted} field)",
            )

    def check_condition(
        self,
        cond: Mapping[str, Any],
        path: DataPath,
        owner: _Entry | None,
        order: int,
        groups: tuple[str, ...],
    ) -> None:
        for key in ("all", "any"):
            if key in cond:
                for index, sub in enumerate(cond[key]):
                    self.check_condition(sub, (*path, key, index), owner, order, groups)
                return
        if "not" in cond:
            self.check_condition(cond["not"], (*path, "not"), owner, order, groups)
            return
        target = self.reach(cond["field"], (*path, "field"), owner, order, groups, "condition")
        if target is None:
            return
        compared: list[tuple[DataPath, Any]] = []
        if "equals" in cond:
            compared.append(((*path, "equals"), cond["equals"]))
        if "in" in cond:
            compared.extend(((*path, "in", i), v) for i, v in enumerate(cond["in"]))
        kind = target.data["type"]
        for value_path, value in compared:
            message = self.value_problem(target, kind, value)
            if message:
                self.problem(value_path, message)

    @staticmethod
    def value_problem(target: _Entry, kind: str, value: Any) -> str | None:
        name = target.id
        if kind in ("single_choice", "multiple_choice"):
            choices = [c["value"] for c in target.data["choices"]]
            if value not in choices or isinstance(value, bool):
                return f"{value!r} is not one of the choices of {name!r} ({', '.join(choices)})"
        elif kind == "yes_no":
            if not isinstance(value, bool):
                return f"{name!r} is a yes/no question: compare it with true or false"
        elif kind in ("number", "scale"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"{name!r} is a number: compare it with a number"
        elif kind == "group":
            return f"{name!r} is a group: a condition on it can only use is_set"
        elif not isinstance(value, str):
            return f"{name!r} is a {kind} field: compare it with text"
        return None


def semantic_problems(data: Mapping[str, Any]) -> list[tuple[DataPath, str]]:
    """What is wrong with a definition that meets the schema, each with the path to it."""
    return _Semantics(data).run()
