"""Every tracked row has a place in the central store's scopes, and rows shared by siblings'
cases are in every one of those cases' scopes."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.store.models import Adult, Base, Case, Child, Family, RiskFlag
from officer_app.sync.protocol import scope_kind, scope_of_case
from officer_app.sync.scoping import (
    ScopeIndex,
    UnplacedTable,
    is_placed,
    scoped_rows,
    tracked_models,
)

LA = "la-demo"


def test_every_tracked_table_has_a_scoping_rule() -> None:
    tracked = [m.local_table.name for m in Base.registry.mappers if m.class_.__tracked__]
    assert len(tracked) >= 25
    assert [name for name in tracked if not is_placed(name)] == []
    assert set(tracked_models()) == set(tracked)


def test_an_unknown_table_is_an_error_not_a_silent_placement() -> None:
    with pytest.raises(UnplacedTable):
        ScopeIndex(LA).scopes("no_such_table", {"id": "x"})


def test_every_row_of_a_demo_profile_is_placed_in_scopes_that_exist(demo_profile) -> None:  # type: ignore[no-untyped-def]
    rows = demo_profile.store.read(lambda s: list(scoped_rows(s, LA)))
    cases = demo_profile.store.read(lambda s: set(s.scalars(select(Case.id))))
    seen_types = {entity_type for _, entity_type, _, _ in rows}
    assert {"case_file", "chronology_entry", "family", "adult", "officer", "school"} <= seen_types
    for scopes, entity_type, entity_id, fields in rows:
        assert scopes, f"{entity_type} {entity_id} is in no scope"
        assert fields["id"] == entity_id
        for scope in scopes:
            kind, ident = scope_kind(scope)
            assert (kind, ident in cases) == ("case", True) or (kind, ident) == ("la", LA)
        if entity_type in ("officer", "school"):
            assert scopes == [f"la:{LA}"]


def test_rows_come_after_the_rows_they_refer_to(demo_profile) -> None:  # type: ignore[no-untyped-def]
    rows = demo_profile.store.read(lambda s: list(scoped_rows(s, LA)))
    seen: set[tuple[str, str]] = set()
    models = tracked_models()
    for _, entity_type, entity_id, fields in rows:
        for fk in models[entity_type].__table__.foreign_keys:
            value = fields[fk.parent.key]
            target = fk.column.table.name
            if value is not None and target in models:
                assert (target, value) in seen, f"{entity_type}.{fk.parent.key} before its row"
        seen.add((entity_type, entity_id))


def _siblings(session: Session) -> tuple[str, list[str]]:
    """A family with two children, each with a case, made for the test if the demo has none."""
    for family_id in session.scalars(select(Family.id)):
        cases = session.scalars(
            select(Case.id)
            .join(Child, Case.child_id == Child.id)
            .where(Child.family_id == family_id)
        ).all()
        if len(cases) >= 2:
            return family_id, list(cases)
    raise AssertionError("the demo caseload has no siblings")


def test_a_family_shared_by_two_siblings_cases_is_in_both_scopes(demo_profile) -> None:  # type: ignore[no-untyped-def]
    def check(session: Session) -> None:
        family_id, cases = _siblings(session)
        index = ScopeIndex.read(session, LA)
        expected = sorted(scope_of_case(case) for case in cases)
        family = session.get(Family, family_id)
        assert family is not None
        assert index.scopes("family", {"id": family_id}) == expected
        adult = session.scalars(select(Adult).where(Adult.family_id == family_id)).first()
        assert adult is not None
        assert index.scopes("adult", {"id": adult.id, "family_id": family_id}) == expected
        # a flag on a parent alone (no family named) reaches the family through the parent
        flag = {"id": "f", "family_id": None, "adult_id": adult.id}
        assert index.scopes("risk_flag", flag) == expected
        assert index.scopes(RiskFlag.__tablename__, {**flag, "family_id": family_id}) == expected
        # but each child only in its own case's scope
        child_id = session.scalar(select(Case.child_id).where(Case.id == cases[0]))
        assert index.scopes("child", {"id": child_id}) == [scope_of_case(cases[0])]

    demo_profile.store.read(check)


def test_rows_below_a_parent_follow_it_to_its_case(demo_profile) -> None:  # type: ignore[no-untyped-def]
    def check(session: Session) -> None:
        index = ScopeIndex.read(session, LA)
        plan_id, case_id = next(iter(index.case_of["plan"].items()))
        assert index.scopes("plan_target", {"id": "t", "plan_id": plan_id}) == [
            scope_of_case(case_id)
        ]
        assert index.scopes("letter_batch", {"id": "b", "case_ids": ["c2", "c1"]}) == [
            "case:c1",
            "case:c2",
        ]
        assert index.scopes("chronology_entry", {"id": "e", "case_id": case_id}) == [
            scope_of_case(case_id)
        ]

    demo_profile.store.read(check)
