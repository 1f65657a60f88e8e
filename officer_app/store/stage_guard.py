"""No code path changes a case's stage around the rules (issue 8, point 14).

An attribute listener on ``Case.stage`` refuses, at the moment of the assignment, any change of
a stored case's stage that :func:`officer_app.domain.stages.move_refusal` refuses. A new case
may start at any stage (the demo and imports create cases part-way through their life).
The supervisor's authority for Legal intervention, the reason and the chronology entry are the
service's part (``services/case_stages.py``): this guard holds the order of the stages for any
other code that touches a case. Core ``UPDATE`` statements do not pass through the ORM and are
not seen here; none in the application changes a stage.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect

from officer_app.domain.stages import Stage, move_refusal
from officer_app.store.models import Case


class StageRuleBroken(ValueError):
    """A stored case's stage was changed in a way the stage rules refuse."""


def _check(target: Case, value: Any, oldvalue: Any, initiator: Any) -> Any:
    if not inspect(target).has_identity or not isinstance(oldvalue, str):
        return value  # a case being created, or a stage never loaded
    if value == oldvalue:
        return value
    try:
        current, to = Stage(oldvalue), Stage(value)
    except ValueError:
        raise StageRuleBroken(f"{value!r} is not a stage") from None
    refusal = move_refusal(current, to, supervisor_authorised=True)
    if refusal is not None:
        raise StageRuleBroken(f"stage change refused: {refusal}")
    return value


event.listen(Case.stage, "set", _check, active_history=True, retval=True)
