"""Which scopes a tracked row belongs to (``protocol`` module docstring: ``case:<id>``,
``la:<id>``), and every tracked row with its scopes, for loading a caseload into the central
store.

A row of a case is in that case's scope: the case itself, and every table with a ``case_id``
(the chronology, visits, plans, letters, notices, interviews, statements, packs...); a plan's
targets and actions through their plan, a statement's versions through their statement; a
letter batch in the scope of each case it lists. A child is in the scopes of its cases; its
family, the family's adults, earlier addresses and risk flags in the scopes of every case of
every child of the family (siblings share a family, so their cases share these rows).
Officers and schools are the LA's reference rows: ``la:<la id>``. A table with no rule here is
an error (``tests/sync/test_scoping.py`` checks every ``__tracked__`` table has one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from officer_app.store.models import Adult, Base, Case, Child, Plan, Statement
from officer_app.store.tracking import json_value
from officer_app.sync.protocol import scope_of_case, scope_of_la

LA_TABLES = frozenset({"officer", "school"})
"""The LA's reference rows, held by every user of the LA."""

FAMILY_TABLES = {"family": "id", "family_address": "family_id", "adult": "family_id"}
"""Rows of a family (the column naming it): in the scopes of the family's children's cases."""

VIA_PARENT = {
    "plan_target": ("plan", "plan_id"),
    "plan_action": ("plan", "plan_id"),
    "statement_version": ("statement", "statement_id"),
}
"""Rows placed through their parent row (its table, and the column naming it)."""

SPECIAL = frozenset({"case_file", "child", "risk_flag", "letter_batch"})


def tracked_models() -> dict[str, type[Base]]:
    """Every tracked table's model, by table name, in an order safe for foreign keys."""
    by_table = {
        str(getattr(mapper.local_table, "name", "")): mapper.class_
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "__tracked__", False)
    }
    return {t.name: by_table[t.name] for t in Base.metadata.sorted_tables if t.name in by_table}


def has_case_column(entity_type: str) -> bool:
    model = tracked_models().get(entity_type)
    return model is not None and "case_id" in model.__table__.columns


def is_placed(entity_type: str) -> bool:
    """A rule here says where rows of ``entity_type`` belong."""
    return (
        entity_type in LA_TABLES
        or entity_type in FAMILY_TABLES
        or entity_type in VIA_PARENT
        or entity_type in SPECIAL
        or has_case_column(entity_type)
    )


class UnplacedTable(LookupError):
    """A tracked table that no scoping rule places (a new table needs a rule here)."""


@dataclass
class ScopeIndex:
    """The links between cases, children, families and parents, read once from a session
    (ids only), so that placing many rows costs a handful of queries."""

    la_id: str
    cases_of_child: dict[str, list[str]] = field(default_factory=dict)
    family_of_child: dict[str, str | None] = field(default_factory=dict)
    family_of_adult: dict[str, str] = field(default_factory=dict)
    case_of: dict[str, dict[str, str]] = field(default_factory=dict)  # parent table -> id->case
    cases_of_family: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, session: Session, la_id: str) -> ScopeIndex:
        index = cls(la_id)
        by_child: dict[str, list[str]] = defaultdict(list)
        for case_id, child_id in session.execute(select(Case.id, Case.child_id).order_by(Case.id)):
            by_child[child_id].append(case_id)
        index.cases_of_child = dict(by_child)
        by_family: dict[str, list[str]] = defaultdict(list)
        for child_id, family_id in session.execute(select(Child.id, Child.family_id)):
            index.family_of_child[child_id] = family_id
            if family_id is not None:
                by_family[family_id].extend(by_child.get(child_id, []))
        index.cases_of_family = dict(by_family)
        index.family_of_adult = _pairs(session, select(Adult.id, Adult.family_id))
        index.case_of = {
            "plan": _pairs(session, select(Plan.id, Plan.case_id)),
            "statement": _pairs(session, select(Statement.id, Statement.case_id)),
        }
        return index

    def scopes(self, entity_type: str, fields: Mapping[str, Any]) -> list[str]:
        """The scope ids of one row of ``entity_type`` whose column values are ``fields``
        (sorted; empty when the row is linked to no case yet, e.g. a child without a case)."""
        return sorted(set(self._scopes(entity_type, fields)))

    def _scopes(self, entity_type: str, fields: Mapping[str, Any]) -> list[str]:
        if entity_type in LA_TABLES:
            return [scope_of_la(self.la_id)]
        if entity_type == "case_file":
            return [scope_of_case(str(fields["id"]))]
        if entity_type == "child":
            return self._cases(self.cases_of_child.get(str(fields["id"]), []))
        if entity_type in FAMILY_TABLES:
            return self._family(fields.get(FAMILY_TABLES[entity_type]))
        if entity_type == "risk_flag":
            family = fields.get("family_id") or self.family_of_adult.get(
                str(fields.get("adult_id"))
            )
            return self._family(family)
        if entity_type == "letter_batch":
            return self._cases([str(case) for case in fields.get("case_ids") or []])
        if entity_type in VIA_PARENT:
            parent, column = VIA_PARENT[entity_type]
            case = self.case_of[parent].get(str(fields.get(column)))
            return self._cases([case] if case else [])
        if has_case_column(entity_type):
            case = fields.get("case_id")
            return self._cases([str(case)] if case else [])
        raise UnplacedTable(f"no scoping rule places the table {entity_type!r}")

    def _family(self, family_id: Any) -> list[str]:
        return self._cases(self.cases_of_family.get(str(family_id), []) if family_id else [])

    @staticmethod
    def _cases(case_ids: list[str]) -> list[str]:
        return [scope_of_case(case_id) for case_id in case_ids]


def _pairs(session: Session, query: Select[str, str]) -> dict[str, str]:
    return {key: value for key, value in session.execute(query)}


def row_fields(row: Base) -> dict[str, Any]:
    """A row's column values as JSON values (dates ISO 8601, datetimes RFC 3339 UTC)."""
    return {attr.key: json_value(getattr(row, attr.key)) for attr in row.__mapper__.column_attrs}


def scopes_of_row(session: Session, row: Base, la_id: str) -> list[str]:
    """The scope ids of one tracked row (reads the links afresh: for one row, not many)."""
    return ScopeIndex.read(session, la_id).scopes(row.__tablename__, row_fields(row))


def scoped_rows(
    session: Session, la_id: str
) -> Iterator[tuple[list[str], str, str, dict[str, Any]]]:
    """Every tracked row as ``(scope_ids, entity_type, entity_id, fields)``, the fields as JSON
    values, tables in ``metadata.sorted_tables`` order (a row after the rows it refers to;
    rows of one table in id order). A row no case reaches has empty ``scope_ids``."""
    index = ScopeIndex.read(session, la_id)
    for entity_type, model in tracked_models().items():
        rows = session.scalars(select(model).order_by(*model.__mapper__.primary_key))
        for fields in _parents_first(model, [row_fields(row) for row in rows]):
            yield index.scopes(entity_type, fields), entity_type, str(fields["id"]), fields


def _parents_first(model: type[Base], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a table that refers to itself (an amendment to the entry it amends) ordered
    so that a row comes after the row it names; any other table's rows as they are."""
    table = model.__table__
    own = [fk.parent.key for fk in table.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    by_id = {row["id"]: row for row in rows}
    done: set[str] = set()
    ordered: list[dict[str, Any]] = []
    for row in rows:
        chain: list[dict[str, Any]] = []
        current: dict[str, Any] | None = row
        while current is not None and current["id"] not in done:
            chain.append(current)
            done.add(current["id"])
            parents = [by_id.get(current[column]) for column in own if current[column]]
            current = next((p for p in parents if p is not None), None)
        ordered.extend(reversed(chain))
    return ordered
