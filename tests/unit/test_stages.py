"""The stage rules (domain.md, "The life of a case"): every pair of stages, allowed or refused."""

from __future__ import annotations

import itertools

import pytest

from officer_app.domain.stages import NEXT_STAGES, Stage, can_move, move_refusal

S = Stage
# The moves domain.md allows, written out here so that a change to NEXT_STAGES shows up.
ALLOWED: set[tuple[Stage, Stage]] = {
    (S.REFERRAL, S.ALLOCATED),
    (S.REFERRAL, S.CLOSED),
    (S.ALLOCATED, S.ASSESSMENT),
    (S.ALLOCATED, S.CLOSED),
    (S.ASSESSMENT, S.SUPPORT),
    (S.ASSESSMENT, S.CLOSED),
    (S.SUPPORT, S.FORMAL),
    (S.SUPPORT, S.LEGAL),
    (S.SUPPORT, S.CLOSED),
    (S.FORMAL, S.SUPPORT),
    (S.FORMAL, S.LEGAL),
    (S.FORMAL, S.CLOSED),
    (S.LEGAL, S.SUPPORT),
    (S.LEGAL, S.COURT),
    (S.LEGAL, S.CLOSED),
    (S.COURT, S.MONITORING),
    (S.COURT, S.CLOSED),
    (S.MONITORING, S.SUPPORT),
    (S.MONITORING, S.CLOSED),
    (S.CLOSED, S.ALLOCATED),  # reopened on a new referral
}
PAIRS = list(itertools.product(Stage, Stage))


@pytest.mark.parametrize(("current", "to"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_every_pair_is_allowed_or_refused_with_a_reason(current: Stage, to: Stage) -> None:
    refusal = move_refusal(current, to, supervisor_authorised=True)
    assert can_move(current, to) == ((current, to) in ALLOWED)
    if (current, to) in ALLOWED:
        assert refusal is None
    else:
        assert refusal  # a sentence for the officer, never a bare "no"
        assert "_" not in refusal  # labels, not stage codes


def test_the_table_is_exactly_the_documented_moves() -> None:
    assert {(a, b) for a, targets in NEXT_STAGES.items() for b in targets} == ALLOWED


def test_a_skipped_stage_says_what_must_come_first() -> None:
    assert move_refusal(S.REFERRAL, S.ASSESSMENT) == (
        "a case at Referral must be allocated before it can be assessed"
    )
    assert move_refusal(S.ALLOCATED, S.COURT) == (
        "a case at Allocated must be assessed before it can be taken to court"
    )
    assert move_refusal(S.SUPPORT, S.COURT, supervisor_authorised=True) == (
        "a case at Plan and review must be moved to legal intervention before it can be taken "
        "to court"
    )
    # stepping back from the legal stages goes through the plan again
    assert move_refusal(S.LEGAL, S.FORMAL) == (
        "a case at Legal intervention must be given a plan (Plan and review) before it can be "
        "moved to formal intervention"
    )


def test_a_move_to_the_same_stage_is_refused() -> None:
    for stage in Stage:
        assert move_refusal(stage, stage) == f"the case is already at {stage.label}"


def test_legal_intervention_needs_a_supervisors_authority() -> None:
    for current in (S.SUPPORT, S.FORMAL):
        refusal = move_refusal(current, S.LEGAL)
        assert refusal is not None and "supervisor" in refusal
        assert move_refusal(current, S.LEGAL, supervisor_authorised=True) is None
    # the authority does not open a path the rules do not have
    assert move_refusal(S.ASSESSMENT, S.LEGAL, supervisor_authorised=True) is not None


def test_a_closed_case_is_reopened_at_allocated_and_nowhere_else() -> None:
    assert move_refusal(S.CLOSED, S.ALLOCATED) is None
    for to in set(Stage) - {S.CLOSED, S.ALLOCATED, S.REFERRAL}:
        refusal = move_refusal(S.CLOSED, to, supervisor_authorised=True)
        assert refusal is not None and refusal.startswith("a closed case is first reopened")
    assert "never goes back to Referral" in (move_refusal(S.CLOSED, S.REFERRAL) or "")


def test_no_open_case_goes_back_to_referral_or_to_an_earlier_start() -> None:
    for current in set(Stage) - {S.REFERRAL}:
        assert "never goes back to Referral" in (move_refusal(current, S.REFERRAL) or "")
    assert move_refusal(S.COURT, S.ASSESSMENT) == "a case at Court cannot go back to Assessment"


def test_every_open_stage_may_close() -> None:
    for current in set(Stage) - {S.CLOSED}:
        assert move_refusal(current, S.CLOSED) is None
