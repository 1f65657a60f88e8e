"""A letter template's YAML header checked key by key, every problem with its line and column.

The header gives the letter's id, version, title, who it goes to, its layout, what it needs
(``needs: [notice]``) and what it asks the officer (``asks``). :class:`HeaderChecker` reads
them from the data :func:`officer_app.la_yaml.locate` made of the header and words what is
wrong with the shared messages of :mod:`officer_app.la_yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from officer_app import la_yaml
from officer_app.la_yaml import DataPath, bad_choice, missing_key, unknown_key, where, wrong_type
from officer_app.letters.model import NEEDS, Ask, AskType, Layout

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
TIME_PATTERN = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
ID_MAX = 60
TITLE_MAX = 200

HEADER_KEYS = (
    "id", "version", "title", "description", "recipient", "layout", "subject", "needs", "asks",
)  # fmt: skip
ASK_KEYS = (
    "name", "label", "type", "required", "help", "default", "not_in_past", "not_in_future",
    "not_before", "not_after", "working_day",
)  # fmt: skip
RECIPIENTS = ("parent",)


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template file was refused: the file, where in it, and what is wrong."""

    file: Path
    message: str
    line: int | None = None
    column: int | None = None
    template_id: str | None = None

    def __str__(self) -> str:
        return f"{where(self.file, self.line, self.column)}: {self.message}"


def _unquoted(value: Any) -> str:
    if isinstance(value, datetime | date):
        return f"a date ({value}; quote it to give text)"
    return f"a {type(value).__name__}"


def describe(value: Any) -> str:
    """What was found in a header, for a message (a date is told to be quoted)."""
    return la_yaml.describe(value, other=_unquoted)


@dataclass(frozen=True)
class HeaderFields:
    """What the header gives, as far as it could be read (see the checker's problems)."""

    template_id: str | None
    version: object
    title: str | None
    description: str
    recipient: str
    layout: str
    needs: frozenset[str]
    asks: tuple[Ask, ...]


class HeaderChecker:
    """Checks a parsed header and collects its problems with their positions."""

    def __init__(self, file: Path, header: la_yaml.Located) -> None:
        self.file = file
        self.header = header
        self.problems: list[TemplateProblem] = []
        self.template_id: str | None = None
        # every ask name given, even where the rest of the ask is wrong (its index and type),
        # so that a bad type is reported once rather than again at each placeholder
        self.declared: dict[str, tuple[int, AskType]] = {}

    def read(self, data: Mapping[str, Any], fallback_id: str | None) -> HeaderFields:
        """The header's keys, checked: id, version, title, description, recipient, layout,
        needs and asks; what is wrong goes to :attr:`problems`."""
        raw_id = data.get("id")
        if isinstance(raw_id, str) and ID_PATTERN.fullmatch(raw_id) and len(raw_id) <= ID_MAX:
            self.template_id = raw_id
        else:
            self.template_id = fallback_id
        for path, line, column in self.header.duplicates:
            self.problems.append(
                TemplateProblem(
                    self.file, f"{path[-1]!r} is given twice (YAML would silently keep only the "
                    "last)", line, column, self.template_id,
                )
            )  # fmt: skip
        self.unknown_keys(data, (), HEADER_KEYS)
        template_id = self.text(data, ("id",), required=True, limit=ID_MAX)
        if template_id is not None and not ID_PATTERN.fullmatch(template_id):
            self.problem(
                ("id",),
                f"{template_id!r} is not a valid id: use lower-case letters, digits and "
                "underscores, starting with a letter",
            )
        version = data.get("version")
        if "version" not in data:
            self.problem(
                (), "missing 'version' (a whole number: raise it when the wording changes)"
            )
        elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem(("version",), f"version: a whole number of 1 or more, found "
                         f"{describe(version)}")  # fmt: skip
        title = self.text(data, ("title",), required=True, limit=TITLE_MAX)
        description = self.text(data, ("description",), required=False) or ""
        recipient = self.text(data, ("recipient",), required=False) or "parent"
        if recipient not in RECIPIENTS:
            self.problem(
                ("recipient",),
                f"recipient: {recipient!r}: a letter goes to a parent with parental "
                "responsibility on the case (recipient: parent)",
            )
        layout_name = self.text(data, ("layout",), required=False) or Layout.LETTER.value
        if layout_name not in {layout.value for layout in Layout}:
            self.problem(("layout",), f"layout: {layout_name!r} is not one of letter, notice")
            layout_name = Layout.LETTER.value
        needs: frozenset[str] = frozenset()
        if "needs" in data:
            raw_needs = data["needs"]
            if not isinstance(raw_needs, list) or not all(isinstance(n, str) for n in raw_needs):
                self.problem(("needs",), f"needs: a list, such as needs: [notice]; found "
                             f"{describe(raw_needs)}")  # fmt: skip
            else:
                for index, need in enumerate(raw_needs):
                    if need not in NEEDS:
                        self.problem(("needs", index), f"needs: {bad_choice(need, sorted(NEEDS))}")
                needs = frozenset(n for n in raw_needs if n in NEEDS)
        asks = self.asks(data.get("asks"))
        return HeaderFields(
            template_id, version, title, description, recipient, layout_name, needs, asks
        )

    def problem(self, path: DataPath, message: str, *, key: bool = False) -> None:
        line, column = self.header.at(path, key=key)
        self.problems.append(TemplateProblem(self.file, message, line, column, self.template_id))

    def text(
        self, data: Mapping[str, Any], path: DataPath, *, required: bool, limit: int = 2000
    ) -> str | None:
        name = str(path[-1])
        if name not in data:
            if required:
                self.problem(path[:-1], missing_key(name))
            return None
        value = data[name]
        if not isinstance(value, str):
            self.problem(path, f"{name}: {wrong_type('text', describe(value))}")
            return None
        if required and not value.strip():
            self.problem(path, f"{name}: cannot be empty")
            return None
        if len(value) > limit:
            self.problem(path, f"{name}: is too long (at most {limit} characters)")
            return None
        return value.strip()

    def flag(self, data: Mapping[str, Any], path: DataPath, default: bool) -> bool:
        name = str(path[-1])
        value = data.get(name, default)
        if not isinstance(value, bool):
            self.problem(path, f"{name}: {wrong_type('true or false', describe(value))}")
            return default
        return value

    def unknown_keys(self, data: Mapping[Any, Any], path: DataPath, allowed: Sequence[str]) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    unknown_key(key, f"the keys are {', '.join(allowed)}"),
                    key=True,
                )

    def asks(self, raw: Any) -> tuple[Ask, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(("asks",), f"asks: {wrong_type('a list', describe(raw))}")
            return ()
        asks: list[Ask] = []
        names: dict[str, int] = {}
        for index, item in enumerate(raw):
            path: DataPath = ("asks", index)
            if not isinstance(item, dict):
                self.problem(path, f"each ask is a mapping (name, label, type…), found "
                             f"{describe(item)}")  # fmt: skip
                continue
            self.unknown_keys(item, path, ASK_KEYS)
            name = self.text(item, (*path, "name"), required=True, limit=40)
            label = self.text(item, (*path, "label"), required=True, limit=120)
            help_text = self.text(item, (*path, "help"), required=False) or ""
            type_name = item.get("type")
            kind: AskType | None = None
            if "type" not in item:
                self.problem(path, "missing 'type' (text, long_text, date or time)")
            elif not isinstance(type_name, str) or type_name not in {t.value for t in AskType}:
                self.problem(
                    (*path, "type"),
                    f"unknown ask type {type_name!r} (the types are text, long_text, date, time)",
                )
            else:
                kind = AskType(type_name)
            if name is not None and not ID_PATTERN.fullmatch(name):
                self.problem(
                    (*path, "name"),
                    f"{name!r} is not a valid ask name: use lower-case letters, digits and "
                    "underscores, starting with a letter",
                )
                name = None
            if name is not None and name in names:
                self.problem(
                    (*path, "name"),
                    f"a second ask called {name!r} (the first is ask {names[name]})",
                )
                name = None
            required = self.flag(item, (*path, "required"), True)
            not_in_past = self.flag(item, (*path, "not_in_past"), False)
            not_in_future = self.flag(item, (*path, "not_in_future"), False)
            if (not_in_past or not_in_future) and kind not in (None, AskType.DATE):
                key = "not_in_past" if not_in_past else "not_in_future"
                self.problem((*path, key), f"{key} is only for a date ask", key=True)
            if not_in_past and not_in_future:
                self.problem((*path, "not_in_future"), "an ask cannot be both not_in_past and "
                             "not_in_future", key=True)  # fmt: skip
            working_day = self.flag(item, (*path, "working_day"), False)
            if working_day and kind not in (None, AskType.DATE):
                self.problem((*path, "working_day"), "working_day is only for a date ask", key=True)
            order: dict[str, str] = {}
            for key in ("not_before", "not_after"):
                order[key] = self.ask_link(item, (*path, key), kind)
            default = ""
            if "default" in item:
                value = item["default"]
                if kind is AskType.DATE:
                    self.problem((*path, "default"), "a date ask has no default: the officer "
                                 "gives the date", key=True)  # fmt: skip
                elif not isinstance(value, str):
                    self.problem(
                        (*path, "default"), f"default: {wrong_type('text', describe(value))}"
                    )
                elif kind is AskType.TIME and not TIME_PATTERN.fullmatch(value):
                    self.problem((*path, "default"), f"default: {value!r} is not a time (HH:MM, "
                                 "24-hour)")  # fmt: skip
                else:
                    default = value.strip()
            if name is not None:
                names[name] = index + 1
                self.declared[name] = (index, kind or AskType.TEXT)
            if name is None or label is None or kind is None:
                continue
            asks.append(
                Ask(
                    name, label, kind, required, help_text, default, not_in_past, not_in_future,
                    order["not_before"], order["not_after"], working_day,
                )
            )  # fmt: skip
        return tuple(asks)

    def ask_link(self, item: Mapping[str, Any], path: DataPath, kind: AskType | None) -> str:
        """``not_before`` / ``not_after``: the name of an earlier date ask, or ""."""
        key = str(path[-1])
        if key not in item:
            return ""
        other = item[key]
        if kind not in (None, AskType.DATE):
            self.problem(path, f"{key} is only for a date ask", key=True)
            return ""
        if not isinstance(other, str) or other not in self.declared:
            self.problem(path, f"{key}: {other!r} is not an earlier ask of this letter", key=True)
            return ""
        if self.declared[other][1] is not AskType.DATE:
            self.problem(path, f"{key}: {other!r} is not a date ask", key=True)
            return ""
        return other
