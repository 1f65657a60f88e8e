"""RAG: red means "act now"; the most serious reason wins and every RAG says why. Each rule is
tested the day before, the day of and the day after its threshold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from officer_app.domain.rag import Rag, RagFacts, RagPolicy, assess, rule_text
from officer_app.domain.time_limits import add_months, last_day_to_lay

TODAY = dt.date(2026, 11, 20)
OPENED = dt.date(2026, 9, 1)
DAY = dt.timedelta(days=1)


def rag(facts: RagFacts | None = None, **kw):  # type: ignore[no-untyped-def]
    args = dict(
        today=TODAY,
        closed=False,
        last_contact=TODAY - 3 * DAY,
        opened=OPENED,
        next_action_due=TODAY + 20 * DAY,
        high_risk=False,
        facts=facts or RagFacts(stage="support"),
    )
    args.update(kw)
    return assess(**args)  # type: ignore[arg-type]


def quiet(days: int) -> dt.date:
    return TODAY - days * DAY


def test_on_track_is_green() -> None:
    result = rag()
    assert (result.rag, result.reason, result.rule) == (Rag.GREEN, "On track", "on_track")


def test_closed_cases_have_no_rag() -> None:
    assert rag(RagFacts(safeguarding_on=TODAY), closed=True).rag is Rag.NONE


def test_a_child_at_full_attendance_with_a_routine_action_a_little_late_is_not_red() -> None:
    result = rag(
        RagFacts(stage="support", attendance_pct=Decimal("100.0")),
        next_action_due=TODAY - 43 * DAY,
    )
    assert result.rag is Rag.AMBER and result.reason == "Next action overdue by 43 days"


@pytest.mark.parametrize(("ago", "expected"), [(7, Rag.RED), (8, Rag.AMBER), (28, Rag.AMBER),
                                               (29, Rag.GREEN)])  # fmt: skip
def test_a_safeguarding_concern_is_red_for_a_week_then_amber_for_four(
    ago: int, expected: Rag
) -> None:
    result = rag(RagFacts(stage="support", safeguarding_on=quiet(ago)))
    assert result.rag is expected
    if expected is not Rag.GREEN:
        assert result.reason == f"Safeguarding concern {quiet(ago):%d/%m/%Y}"


def test_a_safeguarding_concern_is_above_everything() -> None:
    facts = RagFacts(stage="legal", safeguarding_on=quiet(2), lay_by=TODAY)
    result = rag(facts, last_contact=quiet(40), next_action_due=quiet(30))
    assert result.rule == "safeguarding"
    assert result.reasons[0].startswith("Safeguarding") and len(result.reasons) >= 3


def test_no_first_contact_is_red_the_day_after_the_timescale() -> None:
    due = dt.date(2026, 11, 19)
    facts = RagFacts(stage="allocated", first_contact_due=due)
    late = rag(facts, last_contact=None, opened=dt.date(2026, 11, 12))
    assert late.rag is Rag.RED and late.reason == "No first contact: due 19/11/2026"
    on_the_day = rag(
        RagFacts(stage="allocated", first_contact_due=TODAY),
        last_contact=None,
        opened=dt.date(2026, 11, 13),
    )
    assert on_the_day.rule != "first_contact" and on_the_day.rag is not Rag.RED


@pytest.mark.parametrize(
    ("left", "rule", "expected"),
    [
        (-1, "time_limit_soon", Rag.AMBER),  # passed: the decision must be recorded
        (0, "time_limit", Rag.RED),
        (14, "time_limit", Rag.RED),
        (15, "time_limit_soon", Rag.AMBER),
        (42, "time_limit_soon", Rag.AMBER),
        (43, "on_track", Rag.GREEN),
    ],
)
def test_the_time_limit_to_lay_an_information(left: int, rule: str, expected: Rag) -> None:
    result = rag(RagFacts(stage="legal", lay_by=TODAY + left * DAY))
    assert (result.rule, result.rag) == (rule, expected)


def test_the_last_day_to_lay_is_six_calendar_months_less_a_day() -> None:
    assert last_day_to_lay(dt.date(2026, 3, 1)) == dt.date(2026, 8, 31)
    assert last_day_to_lay(dt.date(2026, 8, 31)) == dt.date(2027, 2, 27)  # 28 Feb, less a day
    assert last_day_to_lay(dt.date(2027, 8, 31)) == dt.date(2028, 2, 28)  # leap year: 29 Feb
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


@pytest.mark.parametrize(("days", "expected"), [(13, Rag.GREEN), (14, Rag.RED), (15, Rag.RED)])
def test_a_high_risk_flag_or_a_protection_plan_turns_silence_red_at_two_weeks(
    days: int, expected: Rag
) -> None:
    flagged = rag(last_contact=quiet(days), high_risk=True)
    plan = rag(RagFacts(stage="support", child_protection_plan=True), last_contact=quiet(days))
    if expected is Rag.RED:
        assert flagged.reason == f"No contact for {days} days (high-risk flag)"
        assert plan.reason == f"No contact for {days} days (CP plan)"
    else:  # 13 days of quiet is not yet amber on its own either
        assert flagged.rag is plan.rag is Rag.GREEN


@pytest.mark.parametrize(
    ("pct", "days", "expected"),
    [
        ("50.1", 10, Rag.GREEN),  # not severe absence
        ("50.0", 9, Rag.AMBER),  # severe, seen recently
        ("50.0", 10, Rag.RED),  # severe and no contact for 10 days
        ("44.0", 11, Rag.RED),
    ],
)
def test_severe_absence_with_no_recent_contact_is_red(pct: str, days: int, expected: Rag) -> None:
    result = rag(RagFacts(stage="support", attendance_pct=Decimal(pct)), last_contact=quiet(days))
    assert result.rag is expected
    if expected is Rag.RED:
        assert result.reason == f"Attendance {pct}%, no contact for {days} days"
    if expected is Rag.AMBER:
        assert result.reason == f"Attendance {pct}% (≤50%: severe)"


@pytest.mark.parametrize("stage", ["formal", "legal", "court"])
@pytest.mark.parametrize(("late", "expected"), [(7, Rag.AMBER), (8, Rag.RED)])
def test_a_late_action_at_a_formal_or_legal_stage_is_red_after_a_week(
    stage: str, late: int, expected: Rag
) -> None:
    result = rag(RagFacts(stage=stage), next_action_due=quiet(late))
    assert result.rag is expected and result.reason == f"Next action overdue by {late} days"


def test_a_late_action_elsewhere_is_amber_however_late() -> None:
    for stage in ("referral", "allocated", "assessment", "support", "monitoring"):
        assert rag(RagFacts(stage=stage), next_action_due=quiet(60)).rag is Rag.AMBER


def test_an_action_due_today_is_not_overdue() -> None:
    result = rag(next_action_due=TODAY)
    assert result.rag is Rag.AMBER and result.reason == "Next action due today"
    assert rag(next_action_due=TODAY - DAY).reason == "Next action overdue by 1 day"


@pytest.mark.parametrize(("ahead", "expected"), [(3, Rag.AMBER), (4, Rag.GREEN)])
def test_an_action_due_soon_is_amber(ahead: int, expected: Rag) -> None:
    assert rag(next_action_due=TODAY + ahead * DAY).rag is expected


@pytest.mark.parametrize(
    ("days", "expected"), [(13, Rag.GREEN), (14, Rag.AMBER), (27, Rag.AMBER), (28, Rag.RED)]
)
def test_silence_is_amber_at_two_weeks_and_red_at_four(days: int, expected: Rag) -> None:
    result = rag(last_contact=quiet(days))
    assert result.rag is expected
    if expected is not Rag.GREEN:
        assert result.reason == f"No contact for {days} days"


def test_no_contact_yet_counts_from_the_referral() -> None:
    result = rag(last_contact=None, opened=quiet(30))
    assert result.rag is Rag.RED and result.reason == "No contact in the 30 days since referral"


@pytest.mark.parametrize(("ended", "expected"), [(None, Rag.GREEN), (quiet(1), Rag.AMBER)])
def test_a_notice_paying_period_ended_with_no_outcome_is_amber(
    ended: dt.date | None, expected: Rag
) -> None:
    result = rag(RagFacts(stage="formal", payment_ended=ended))
    assert result.rag is expected


def test_an_initial_assessment_is_amber_the_day_after_it_was_due() -> None:
    assert rag(RagFacts(stage="allocated", assessment_due=TODAY)).rag is Rag.GREEN
    late = rag(RagFacts(stage="allocated", assessment_due=TODAY - DAY))
    assert late.rag is Rag.AMBER and late.reason == "Initial assessment overdue (due 19/11/2026)"


def test_thresholds_follow_the_policy() -> None:
    policy = RagPolicy(red_no_contact_days=21, amber_no_contact_days=10, red_overdue_formal_days=2)
    assert rag(last_contact=quiet(21), policy=policy).rag is Rag.RED
    assert rag(last_contact=quiet(20), policy=policy).rag is Rag.AMBER
    assert rag(last_contact=quiet(9), policy=policy).rag is Rag.GREEN
    legal = RagFacts(stage="legal")
    assert rag(legal, next_action_due=quiet(3), policy=policy).rag is Rag.RED
    assert "more than 2 days overdue" in rule_text("formal_overdue", policy)


def test_a_policy_that_contradicts_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="amber_no_contact_days"):
        RagPolicy(red_no_contact_days=10, amber_no_contact_days=14)
    with pytest.raises(ValueError, match="red_time_limit_days"):
        RagPolicy(red_time_limit_days=50)
    with pytest.raises(ValueError, match="severe_attendance_pct"):
        RagPolicy(severe_attendance_pct=100)


def test_every_rule_is_explained() -> None:
    policy = RagPolicy()
    rules = ("safeguarding", "first_contact", "time_limit", "risk_no_contact",
             "severe_no_contact", "formal_overdue", "no_contact", "overdue", "quiet")  # fmt: skip
    for rule in rules:
        assert rule_text(rule, policy)
