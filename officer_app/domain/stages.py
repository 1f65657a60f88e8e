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
