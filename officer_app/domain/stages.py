"""Case stages and which may follow which (domain.md, "The life of a case")."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    REFERRAL = "referral"
    ALLOCATED = "allocated"
    ASSESSMENT = "assessment"
    SUPPORT = "support"
    FORMAL = "formal"
    LEGAL = "legal"
    COURT = "court"
    MONITORING = "monitoring"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, str] = {
    Stage.REFERRAL: "Referral",
    Stage.ALLOCATED: "Allocated",
    Stage.ASSESSMENT: "Assessment",
    Stage.SUPPORT: "Plan and review",
    Stage.FORMAL: "Formal intervention",
    Stage.LEGAL: "Legal intervention",
    Stage.COURT: "Court",
    Stage.MONITORING: "Post-court monitoring",
    Stage.CLOSED: "Closed",
}

# Forward moves follow the life of a case; a case may step back to support from any formal or
# legal stage (the family engaged), and any open stage may close (with a reason).
NEXT_STAGES: dict[Stage, frozenset[Stage]] = {
    Stage.REFERRAL: frozenset({Stage.ALLOCATED, Stage.CLOSED}),
    Stage.ALLOCATED: frozenset({Stage.ASSESSMENT, Stage.CLOSED}),
    Stage.ASSESSMENT: frozenset({Stage.SUPPORT, Stage.CLOSED}),
    Stage.SUPPORT: frozenset({Stage.FORMAL, Stage.LEGAL, Stage.CLOSED}),
    Stage.FORMAL: frozenset({Stage.SUPPORT, Stage.LEGAL, Stage.CLOSED}),
    Stage.LEGAL: frozenset({Stage.SUPPORT, Stage.COURT, Stage.CLOSED}),
    Stage.COURT: frozenset({Stage.MONITORING, Stage.CLOSED}),
    Stage.MONITORING: frozenset({Stage.SUPPORT, Stage.CLOSED}),
    Stage.CLOSED: frozenset({Stage.ALLOCATED}),  # reopened on a new referral
}


def can_move(current: Stage, to: Stage) -> bool:
    return to in NEXT_STAGES[current]


# How each stage is reached, for the sentence that says what must come first
# ("a case at Referral must be allocated before it can be assessed").
_REACHED: dict[Stage, str] = {
    Stage.REFERRAL: "referred",
    Stage.ALLOCATED: "allocated",
    Stage.ASSESSMENT: "assessed",
    Stage.SUPPORT: "given a plan (Plan and review)",
    Stage.FORMAL: "moved to formal intervention",
    Stage.LEGAL: "moved to legal intervention",
    Stage.COURT: "taken to court",
    Stage.MONITORING: "monitored after court",
    Stage.CLOSED: "closed",
}

# domain.md, "The life of a case", step 6: legal intervention comes "only after support was
# offered and failed, and after a supervisor authorises it".
_ORDER: list[Stage] = list(Stage)
NEEDS_SUPERVISOR: frozenset[Stage] = frozenset({Stage.LEGAL})


def _first_step(current: Stage, to: Stage) -> Stage | None:
    """The first stage on the shortest open path from ``current`` to ``to`` (a closed case is
    not a way round the rules: the path never passes through Closed), or None if none."""
    seen = {current}
    frontier: list[tuple[Stage, Stage]] = [
        (step, step)
        for step in sorted(NEXT_STAGES[current], key=_ORDER.index)
        if step is not Stage.CLOSED
    ]
    while frontier:
        following: list[tuple[Stage, Stage]] = []
        for stage, first in frontier:
            if stage is to:
                return first
            if stage in seen:
                continue
            seen.add(stage)
            following.extend(
                (step, first)
                for step in sorted(NEXT_STAGES[stage], key=_ORDER.index)
                if step is not Stage.CLOSED
            )
        frontier = following
    return None


def move_refusal(current: Stage, to: Stage, *, supervisor_authorised: bool = False) -> str | None:
    """Why a case at ``current`` may not move to ``to`` now, for the officer; None if it may.

    The moves are those of :data:`NEXT_STAGES` (domain.md, "The life of a case"). A move to
    Legal intervention also needs a supervisor's authority (domain.md, step 6).
    """
    if to is current:
        return f"the case is already at {current.label}"
    if to is Stage.REFERRAL:
        return (
            "a case never goes back to Referral: a new referral on a closed case reopens it at "
            "Allocated"
        )
    if current is Stage.CLOSED and to is not Stage.ALLOCATED:
        return (
            "a closed case is first reopened (at Allocated, on a new referral) before it can be "
            f"{_REACHED[to]}"
        )
    if to in NEXT_STAGES[current]:
        if to in NEEDS_SUPERVISOR and not supervisor_authorised:
            return (
                f"a case is {_REACHED[to]} only after a supervisor authorises it: "
                "name the supervisor who did"
            )
        return None
    first = _first_step(current, to)
    if first is None:
        return f"a case at {current.label} cannot go back to {to.label}"
    return f"a case at {current.label} must be {_REACHED[first]} before it can be {_REACHED[to]}"


# The one wording of a stage change in the chronology, used by the service and the demo
# (issue 11, point 2): the title "Stage: X to Y", and the body "Stage: X to Y - reason".
STAGE_TITLE_PREFIX = "Stage: "


def stage_entry_text(
    current: Stage, to: Stage, reason: str, *, authorised_by: str = ""
) -> tuple[str, str]:
    """The (title, body) of the signed entry that moves a case from ``current`` to ``to``."""
    title = f"{STAGE_TITLE_PREFIX}{current.label} to {to.label}"
    body = f"{title} - {' '.join(reason.split())}"
    if authorised_by:
        body += f"\nAuthorised by {authorised_by} (supervisor)."
    return title, body


_BY_LABEL = {stage.label: stage for stage in Stage}


def moved_to(title: str) -> Stage | None:
    """The stage a stage-change entry's title moves the case to, or None if it is not one."""
    if not title.startswith(STAGE_TITLE_PREFIX) or " to " not in title:
        return None
    return _BY_LABEL.get(title.rsplit(" to ", 1)[1])
