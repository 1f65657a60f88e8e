"""Risk flags raised, changed and ended, never deleted (issue 11, point 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from officer_app.services.profile import OpenProfile
from officer_app.services.risk_flags import FlagRefused
from officer_app.store.models import Case, ChronologyEntry, OutboxMutation, RiskFlag
from tests.conftest import DEMO_TODAY
from tests.unit.test_family_changes import _family_with_two_open_cases


def _counts(profile: OpenProfile) -> tuple[int, ...]:
    def work(session):  # type: ignore[no-untyped-def]
        return tuple(
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (RiskFlag, ChronologyEntry, OutboxMutation)
        )

    return profile.store.read(work)


def _raised(profile: OpenProfile, severity: str = "high") -> tuple[str, list[str]]:
    _, cases = _family_with_two_open_cases(profile)
    flag = profile.risk_flags.raise_flag(
        cases[0], "Aggression", severity, "Shouted at a housing officer", True
    )
    return flag.id, cases


def test_a_raised_flag_is_signed_on_every_open_case_and_shows_everywhere(
    demo_profile: OpenProfile,
) -> None:
    flag_id, cases = _raised(demo_profile)
    flags = demo_profile.risk_flags.flags(cases[1])
    assert [f.id for f in flags if f.id == flag_id] == [flag_id]
    flag = next(f for f in flags if f.id == flag_id)
    assert (flag.severity, flag.raised_on, flag.raised_by) == (
        "high",
        DEMO_TODAY,
        demo_profile.officer.name,
    )
    entries = demo_profile.store.read(
        lambda s: list(
            s.scalars(
                select(ChronologyEntry).where(
                    ChronologyEntry.title == "Risk flag raised: HIGH Aggression (the address)"
                )
            )
        )
    )
    assert sorted(e.case_id for e in entries) == sorted(cases)
    assert all(e.signed_at is not None for e in entries)
    assert "(two officers): Shouted at a housing officer" in entries[0].body
    detail = demo_profile.cases.open_case(cases[0])
    assert any(r.description == "Shouted at a housing officer" for r in detail.risks)
    assert detail.rag == "red"  # a high flag makes the case red (domain/rag.py)


def test_a_change_bumps_the_version_and_says_what_it_was(demo_profile: OpenProfile) -> None:
    flag_id, cases = _raised(demo_profile)
    changed = demo_profile.risk_flags.change_flag(
        flag_id, "calmer since the new tenancy", severity="low", two_officers_required=False
    )
    assert (changed.severity, changed.two_officers_required, changed.version) == ("low", False, 2)
    entry = demo_profile.store.read(
        lambda s: s.scalar(
            select(ChronologyEntry).where(
                ChronologyEntry.title == "Risk flag changed: Aggression",
                ChronologyEntry.case_id == cases[0],
            )
        )
    )
    assert entry is not None and entry.signed_at is not None
    assert "now LOW Aggression: Shouted" in entry.body
    assert "(was HIGH Aggression (two officers): Shouted" in entry.body
    assert entry.body.endswith("- calmer since the new tenancy")
    update = demo_profile.store.read(
        lambda s: s.scalar(
            select(OutboxMutation).where(
                OutboxMutation.entity_id == flag_id, OutboxMutation.op == "update"
            )
        )
    )
    assert update is not None and update.base_version == 1
    assert update.changes["severity"] == "low"


def test_bad_input_changes_nothing(demo_profile: OpenProfile) -> None:
    flag_id, cases = _raised(demo_profile)
    before = _counts(demo_profile)
    service = demo_profile.risk_flags
    with pytest.raises(FlagRefused, match="Severity: 'urgent' is not one of"):
        service.raise_flag(cases[0], "Dog", "urgent", "Large dog", False)
    with pytest.raises(FlagRefused, match="Description: say what the risk is"):
        service.raise_flag(cases[0], "Dog", "low", "  ", False)
    with pytest.raises(FlagRefused, match="needs a reason"):
        service.change_flag(flag_id, " ", severity="low")
    with pytest.raises(FlagRefused, match="nothing to change"):
        service.change_flag(flag_id, "same", severity="high")
    assert _counts(demo_profile) == before


def test_an_ended_flag_is_kept_and_no_longer_warns(demo_profile: OpenProfile) -> None:
    flag_id, cases = _raised(demo_profile)
    service = demo_profile.risk_flags
    before = _counts(demo_profile)
    tomorrow = DEMO_TODAY + dt.timedelta(days=1)
    with pytest.raises(FlagRefused, match="in the future") as refused:
        service.end_flag(flag_id, "moved away", tomorrow)
    assert refused.value.field == "ended_on"
    with pytest.raises(FlagRefused, match=r"before the flag was raised \(20/11/2026\)"):
        service.end_flag(flag_id, "entered wrongly", DEMO_TODAY - dt.timedelta(days=1))
    assert _counts(demo_profile) == before

    ended = service.end_flag(flag_id, "the partner has left the home", DEMO_TODAY)  # day of
    assert (ended.active, ended.ended_on, ended.end_reason) == (
        False,
        DEMO_TODAY,
        "the partner has left the home",
    )
    assert flag_id not in [f.id for f in service.flags(cases[0])]
    kept = [f for f in service.flags(cases[0], include_ended=True) if f.id == flag_id]
    assert kept and not kept[0].active
    assert demo_profile.store.read(lambda s: s.get(RiskFlag, flag_id)) is not None
    entry = demo_profile.store.read(
        lambda s: s.scalar(
            select(ChronologyEntry).where(
                ChronologyEntry.title == "Risk flag ended on 20/11/2026: Aggression",
                ChronologyEntry.case_id == cases[1],
            )
        )
    )
    assert entry is not None and entry.body.endswith("- the partner has left the home")

    # The readers of the flag no longer warn of it.
    detail = demo_profile.cases.open_case(cases[0])
    assert not any(r.description == "Shouted at a housing officer" for r in detail.risks)
    assert not any(
        r.description == "Shouted at a housing officer"
        for r in demo_profile.field_work.risks_for(cases[0])
    )
    reference = demo_profile.store.read(lambda s: s.get_one(Case, cases[0]).reference)
    row = next(r for r in demo_profile.caseload.list_cases() if r.reference == reference)
    assert row.has_risk == bool(detail.risks)
    with pytest.raises(FlagRefused, match="ended on 20/11/2026"):
        service.change_flag(flag_id, "again", severity="low")


def test_a_flag_about_a_person_who_left_is_refused(demo_profile: OpenProfile) -> None:
    _, cases = _family_with_two_open_cases(demo_profile)
    adult = demo_profile.family_changes.people(cases[0]).adults[0]
    flag = demo_profile.risk_flags.raise_flag(
        cases[0], "Substance misuse", "medium", "Drinks in the day", False, adult_id=adult.id
    )
    assert flag.about == adult.name
    demo_profile.family_changes.end_adult(adult.id, DEMO_TODAY, "moved out")
    with pytest.raises(FlagRefused, match="left the family on 20/11/2026"):
        demo_profile.risk_flags.raise_flag(
            cases[0], "Aggression", "high", "x", True, adult_id=adult.id
        )
