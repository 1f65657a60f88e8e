"""RAG: the most serious reason wins, and every RAG says why."""

from __future__ import annotations

import datetime as dt

from officer_app.domain.rag import Rag, RagPolicy, assess

TODAY = dt.date(2026, 11, 20)
OPENED = dt.date(2026, 9, 1)


def rag(**kw):  # type: ignore[no-untyped-def]
    args = dict(
        today=TODAY,
        closed=False,
        last_contact=TODAY - dt.timedelta(days=3),
        opened=OPENED,
        next_action_due=TODAY + dt.timedelta(days=20),
        high_risk=False,
    )
    args.update(kw)
    return assess(**args)  # type: ignore[arg-type]


def test_on_track_is_green() -> None:
    assert rag().rag is Rag.GREEN


def test_closed_cases_have_no_rag() -> None:
    assert rag(closed=True, safeguarding_on=TODAY).rag is Rag.NONE


def test_a_safeguarding_concern_is_red_above_everything() -> None:
    result = rag(safeguarding_on=dt.date(2026, 11, 18), next_action_due=TODAY - dt.timedelta(1))
    assert result.rag is Rag.RED and result.reason == "Safeguarding concern recorded 18/11/2026"


def test_an_overdue_action_then_a_missed_timescale_then_silence() -> None:
    assert rag(next_action_due=TODAY - dt.timedelta(days=2)).reason == (
        "Next action overdue by 2 days"
    )
    assert rag(timescale_overdue="Initial assessment").reason == "Initial assessment overdue"
    assert rag(last_contact=TODAY - dt.timedelta(days=30)).reason == "No contact for 30 days"


def test_thresholds_follow_the_policy_and_the_boundaries() -> None:
    policy = RagPolicy(red_no_contact_days=21, amber_no_contact_days=10)
    assert rag(last_contact=TODAY - dt.timedelta(days=21), policy=policy).rag is Rag.RED
    assert rag(last_contact=TODAY - dt.timedelta(days=20), policy=policy).rag is Rag.AMBER
    assert rag(last_contact=TODAY - dt.timedelta(days=9), policy=policy).rag is Rag.GREEN
    assert rag(next_action_due=TODAY + dt.timedelta(days=5)).rag is Rag.AMBER
    assert rag(next_action_due=TODAY).rag is Rag.AMBER  # due today is not yet overdue


def test_high_risk_families_turn_red_sooner() -> None:
    quiet = TODAY - dt.timedelta(days=15)
    assert rag(last_contact=quiet).rag is Rag.AMBER
    assert rag(last_contact=quiet, high_risk=True).rag is Rag.RED


def test_no_contact_yet_counts_from_the_referral() -> None:
    assert rag(last_contact=None).reason == f"No contact for {(TODAY - OPENED).days} days"
