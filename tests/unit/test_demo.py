"""The synthetic caseload: deterministic, top-up safe, well formed and realistic enough."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.gb import upn

from officer_app.demo import DEMO_OFFICER_NAME, DemoResult, populate
from officer_app.demo.common import NOT_POSSIBLE, PRESENT
from officer_app.domain.chronology import EntryType
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    Family,
    Officer,
    OutboxMutation,
    ProfileSetting,
    RiskFlag,
    School,
)

TODAY = dt.date(2026, 11, 20)


def _open(path: Path) -> Store:
    return Store.open(path, os.urandom(32), actor="test", create=True)


def _populate(store: Store, cases: int, seed: int = 1, today: dt.date = TODAY) -> DemoResult:
    def work(session: Session) -> DemoResult:
        session.info["untracked"] = True
        return populate(session, cases=cases, seed=seed, today=today)

    return store.write_wait(work)


def _built(path: Path, *steps: int, seed: int = 1) -> Store:
    store = _open(path)
    for cases in steps:
        _populate(store, cases, seed=seed)
    return store


def _snapshot(store: Store) -> dict[str, Any]:
    """What must be identical between two builds of the same caseload."""

    def read(session: Session) -> dict[str, Any]:
        cases = session.execute(
            select(Case.reference, Case.stage, Child.forename, Child.surname, Child.upn)
            .join(Child, Child.id == Case.child_id)
            .order_by(Case.reference)
        ).all()
        hashes = session.execute(
            select(Case.reference, ChronologyEntry.chain_seq, ChronologyEntry.content_hash)
            .join(Case, Case.id == ChronologyEntry.case_id)
            .order_by(Case.reference, ChronologyEntry.chain_seq, ChronologyEntry.id)
        ).all()
        marks = hashlib.sha256()
        for row in session.execute(
            select(Child.upn, AttendanceMark.date, AttendanceMark.session, AttendanceMark.code)
            .join(Child, Child.id == AttendanceMark.child_id)
            .order_by(Child.upn, AttendanceMark.date, AttendanceMark.session)
        ):
            marks.update(repr(tuple(row)).encode())
        return {
            "cases": [tuple(r) for r in cases],
            "hashes": [tuple(r) for r in hashes],
            "marks": marks.hexdigest(),
            "families": session.scalar(select(func.count()).select_from(Family)),
            "adults": session.scalar(select(func.count()).select_from(Adult)),
            "risks": session.scalar(select(func.count()).select_from(RiskFlag)),
        }

    return store.read(read)


@pytest.fixture(scope="module")
def caseload(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Sixty cases, shared by the read-only tests of this module."""
    store = _built(tmp_path_factory.mktemp("demo") / "c.db", 60)
    yield store
    store.close()


def test_same_seed_gives_the_same_caseload_and_another_seed_another(tmp_path: Path) -> None:
    a = _built(tmp_path / "a.db", 12)
    b = _built(tmp_path / "b.db", 12)
    c = _built(tmp_path / "c.db", 12, seed=2)
    try:
        first, again, other = _snapshot(a), _snapshot(b), _snapshot(c)
        assert len(first["cases"]) == 12
        assert first == again
        assert {r[4] for r in first["cases"]}.isdisjoint({r[4] for r in other["cases"]})
        assert [r[2:4] for r in first["cases"]] != [r[2:4] for r in other["cases"]]
        assert first["hashes"] != other["hashes"]
        assert first["marks"] != other["marks"]
    finally:
        for store in (a, b, c):
            store.close()


def test_topping_up_gives_the_same_cases_as_making_them_at_once(tmp_path: Path) -> None:
    stepwise = _open(tmp_path / "step.db")
    at_once = _open(tmp_path / "once.db")
    try:
        first = _populate(stepwise, 10)
        assert (first.cases_before, first.cases_after) == (0, 10)
        second = _populate(stepwise, 25)
        assert (second.cases_before, second.cases_after) == (10, 25)
        assert second.profile_officer_id == first.profile_officer_id
        _populate(at_once, 25)
        assert _snapshot(stepwise) == _snapshot(at_once)

        again = _populate(stepwise, 20)  # fewer than there are: nothing to do
        assert (again.cases_before, again.cases_after) == (25, 25)
        assert again.chronology_entries == second.chronology_entries
        assert again.attendance_marks == second.attendance_marks
    finally:
        stepwise.close()
        at_once.close()


def test_bulk_load_writes_nothing_to_the_outbox(caseload: Store) -> None:
    assert caseload.read(lambda s: s.scalar(select(func.count()).select_from(OutboxMutation))) == 0


def test_upns_urns_phones_and_postcodes_are_well_formed(caseload: Store) -> None:
    def read(session: Session) -> tuple[list[str], list[Any], list[str], list[str]]:
        return (
            list(session.scalars(select(Child.upn))),
            list(session.execute(select(School.urn, School.phase))),
            list(session.scalars(select(Adult.phone))),
            list(session.scalars(select(Family.postcode))),
        )

    upns, schools, phones, postcodes = caseload.read(read)
    assert len(upns) == 60
    assert all(u is not None and len(u) == 13 and upn.is_valid(u) for u in upns)
    assert len(set(upns)) == len(upns)
    assert len(schools) >= 35
    urns = [urn for urn, _ in schools]
    assert all(re.fullmatch(r"\d{6}", urn) for urn in urns)
    assert len(set(urns)) == len(urns)
    assert {phase for _, phase in schools} == {
        "primary",
        "secondary",
        "special",
        "alternative provision",
        "all-through",
    }
    assert phones and all(re.fullmatch(r"07700 900\d{3}", p) for p in phones)
    assert all(re.fullmatch(r"XT\d{1,2} \d[ABD-HJLNP-UW-Z]{2}", p) for p in postcodes)


def test_ages_and_schools_match_year_groups(caseload: Store) -> None:
    start = dt.date(2026, 9, 1)  # the school year containing TODAY
    rows = caseload.read(
        lambda s: s.execute(
            select(Child.date_of_birth, Child.year_group, School.phase).join(
                School, School.id == Child.school_id
            )
        ).all()
    )
    for born, year_group, phase in rows:
        year = 0 if year_group == "R" else int(year_group)
        assert 0 <= year <= 11
        on_31_august = start.replace(month=8, day=31)
        age = (
            on_31_august.year
            - born.year
            - ((on_31_august.month, on_31_august.day) < (born.month, born.day))
        )
        assert age == year + 4, (born, year_group)
        if year <= 6:
            assert phase in ("primary", "all-through", "special")
        else:
            assert phase in ("secondary", "all-through", "special", "alternative provision")


def test_the_team_and_the_profile_officer(caseload: Store) -> None:
    def read(session: Session) -> tuple[list[Any], str | None, list[str]]:
        officers = list(session.execute(select(Officer.id, Officer.name, Officer.role)))
        setting = session.get(ProfileSetting, "officer_id")
        allocated = list(session.scalars(select(Case.officer_id)))
        return officers, setting.value if setting else None, allocated

    officers, profile_id, allocated = caseload.read(read)
    roles = Counter(role for _, _, role in officers)
    assert roles == {"officer": 6, "supervisor": 1, "court_officer": 1}
    by_id = {officer_id: name for officer_id, name, _ in officers}
    assert profile_id is not None and by_id[profile_id] == DEMO_OFFICER_NAME
    assert set(allocated) <= {i for i, _, role in officers if role == "officer"}
    assert profile_id in allocated


def test_an_existing_profile_officer_is_kept(tmp_path: Path) -> None:
    store = _open(tmp_path / "p.db")
    try:

        def setup(session: Session) -> str:
            officer = Officer(name="Riya Shah", initials="RS", role="officer")
            session.add(officer)
            session.flush()
            session.add(ProfileSetting(key="officer_id", value=officer.id))
            return officer.id

        own = store.write_wait(setup)
        result = _populate(store, 8)
        assert result.profile_officer_id == own
        names = store.read(lambda s: list(s.scalars(select(Officer.name))))
        assert "Riya Shah" in names and DEMO_OFFICER_NAME not in names
        assert len(names) == 8
    finally:
        store.close()


def test_evidence_chains_verify_and_amendments_point_backwards(caseload: Store) -> None:
    def read(session: Session) -> tuple[int, list[Any], list[ChronologyEntry]]:
        checked, breaks = evidence.verify(session)
        return checked, breaks, list(session.scalars(select(ChronologyEntry)))

    checked, breaks, entries = caseload.read(read)
    assert breaks == []
    signed = [e for e in entries if e.signed_at is not None]
    assert checked == len(signed) > 0.9 * len(entries)
    recent = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(), tzinfo=dt.UTC)
    assert all(e.occurred_at > recent for e in entries if e.signed_at is None)
    assert all(e.occurred_at.tzinfo is not None and e.occurred_at.weekday() < 5 for e in entries)
    by_id = {e.id: e for e in entries}
    amendments = [e for e in entries if e.amends_id]
    assert amendments
    for amendment in amendments:
        original = by_id[amendment.amends_id or ""]
        assert original.case_id == amendment.case_id
        assert original.signed_at is not None and amendment.signed_at is not None
        assert original.occurred_at < amendment.occurred_at
        assert amendment.amend_reason


def test_chronologies_cover_every_entry_type_and_case_zero_is_long(caseload: Store) -> None:
    def read(session: Session) -> tuple[list[Any], list[Any]]:
        rows = session.execute(
            select(
                Case.reference,
                Case.stage,
                Case.status,
                ChronologyEntry.entry_type,
                ChronologyEntry.occurred_at,
                ChronologyEntry.body,
            ).join(Case, Case.id == ChronologyEntry.case_id)
        ).all()
        cases = session.execute(
            select(
                Case.reference,
                Case.stage,
                Case.status,
                Case.closed_on,
                Case.closure_reason,
                Case.next_action_due,
                Case.referral_date,
            )
        ).all()
        return rows, cases

    rows, cases = caseload.read(read)
    # penalty notices are made through the real workflow once the profile is unlocked
    # (demo/penalty_notices.py, tested in test_demo_penalty_notices.py)
    assert {r[3] for r in rows} == {t.value for t in EntryType} - {EntryType.PENALTY_NOTICE}
    per_case: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        per_case[row[0]].append(row)
    case_zero = next(ref for ref in per_case if ref.endswith("-00001"))
    assert len(per_case[case_zero]) == 300
    assert per_case[case_zero][0][1] == "court"
    assert 35 <= len(rows) / len(per_case) <= 70
    for ref, entries in per_case.items():
        entries.sort(key=lambda r: r[4])
        assert entries[0][3] == "referral", ref
        if entries[0][2] == "closed":
            assert entries[-1][3] == "closure", ref
    stages = Counter(c[1] for c in cases)
    assert stages["support"] > stages["court"] and stages["closed"] >= 2
    for _, stage, status, closed_on, reason, due, referred in cases:
        assert TODAY - dt.timedelta(days=14 * 31) <= referred < TODAY
        if stage == "closed":
            assert status == "closed" and closed_on and reason and due is None
        else:
            assert status == "open" and closed_on is None and due is not None
    assert len({body for *_, body in rows}) > 0.8 * len(rows)  # prose varies


def test_registers_have_a_year_of_marks_and_several_patterns(caseload: Store) -> None:
    rows = caseload.read(
        lambda s: s.execute(
            select(
                AttendanceMark.child_id,
                AttendanceMark.date,
                AttendanceMark.session,
                AttendanceMark.code,
                AttendanceMark.code_set,
                AttendanceMark.school_urn,
            )
        ).all()
    )
    by_child: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_child[row[0]].append(row)
    assert len(by_child) == 60
    assert {r[4] for r in rows} == {"2024"}
    assert all(r[5] and r[1].weekday() < 5 and r[1] < TODAY for r in rows)
    assert "#" in {r[3] for r in rows}
    absence: list[float] = []
    for marks in by_child.values():
        days = Counter(r[1] for r in marks)
        assert set(days.values()) == {2}  # an AM and a PM mark every day
        if min(days) < dt.date(2026, 9, 1):  # Reception children start this September
            assert min(days) <= dt.date(2025, 9, 5)
            assert 180 <= len([d for d in days if d < dt.date(2026, 9, 1)]) <= 200
        codes = Counter(r[3] for r in marks)
        possible = sum(n for code, n in codes.items() if code not in NOT_POSSIBLE)
        present = sum(n for code, n in codes.items() if code in PRESENT)
        absence.append(1 - present / possible)
    assert any(a >= 0.10 for a in absence)  # persistent absence
    assert any(a < 0.10 for a in absence)
    assert any(a >= 0.50 for a in absence)  # severe absence
    codes_seen = {r[3] for r in rows}
    assert {"/", "\\", "I", "O", "N", "L", "M"} <= codes_seen
