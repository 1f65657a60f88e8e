"""Which demo cases hold an interview under caution, and of what kind (issue 12, point 7).

A case's kind depends only on the seed and the stages of the cases before it (ranks over the
caseload, like ``planned_visits.designated``), so a top-up gives the same interviews as making
the caseload at once, and the first cases of the stages concerned always show every kind:

- at the legal stage: the first case has an interview planned for the coming days, the
  second one deferred because the person asked for legal advice; later ones are drawn;
- past it (court, monitoring): the first case was deferred for legal advice and then held
  with a solicitor present, the second through an interpreter (its family is drawn with a
  parent who needs one: ``families.family_plan``), and in the third the person refused to
  sign and said what they disagreed with; later ones are drawn.

Case 0 (the benchmarks' 300-entry court case) keeps its chronology as it is.
"""

from __future__ import annotations

import functools

from officer_app.demo.common import seeded, weighted
from officer_app.demo.stage_plans import stage_for
from officer_app.domain.stages import Stage

PLANNED = "planned"
DEFERRED = "deferred"  # stopped for legal advice; not yet held again
SOLICITOR = "solicitor"  # deferred for legal advice, then held with a solicitor present
INTERPRETER = "interpreter"
REFUSED = "refused"  # the person refused to sign, with an addendum of disagreement
COMPLETED = "completed"

KINDS = (PLANNED, DEFERRED, SOLICITOR, INTERPRETER, REFUSED, COMPLETED)
LATER_STAGES = (Stage.COURT, Stage.MONITORING)
_FIRST_LEGAL = (PLANNED, DEFERRED)
_FIRST_LATER = (SOLICITOR, INTERPRETER, REFUSED)
_LEGAL_DRAW = ((PLANNED, 0.3), (DEFERRED, 0.15), (COMPLETED, 0.55))
_LATER_DRAW = ((COMPLETED, 0.7), (SOLICITOR, 0.12), (REFUSED, 0.1), (INTERPRETER, 0.08))
_BUCKET = 4096


@functools.cache
def _kinds(seed: int, stop: int) -> dict[int, str]:
    out: dict[int, str] = {}
    legal = later = 0
    for index in range(1, stop):
        stage = stage_for(seed, index)
        if stage == Stage.LEGAL:
            kind = (
                _FIRST_LEGAL[legal]
                if legal < len(_FIRST_LEGAL)
                else weighted(seeded(seed, "interview-kind", index), _LEGAL_DRAW)
            )
            legal += 1
        elif stage in LATER_STAGES:
            kind = (
                _FIRST_LATER[later]
                if later < len(_FIRST_LATER)
                else weighted(seeded(seed, "interview-kind", index), _LATER_DRAW)
            )
            later += 1
        else:
            continue
        out[index] = kind
    return out


def interview_kind(seed: int, index: int) -> str | None:
    """The kind of interview case ``index`` holds (None: none made by the demo)."""
    stop = (index // _BUCKET + 1) * _BUCKET
    return _kinds(seed, stop).get(index)


@functools.cache
def interpreter_case(seed: int) -> int:
    """The first case whose interview is held through an interpreter."""
    index = 1
    while interview_kind(seed, index) != INTERPRETER:
        index += 1
    return index
