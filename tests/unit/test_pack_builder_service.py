"""What the pack builder in the window asks of PackService (issue 13, point 4): the contents
as a checklist of stable keys, the sections that cannot be left out, the choices it opens
with (defendants, a period, who may approve)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.services.packs import PackRefused
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, Case, Child, EvidencePack


def legal_case(profile: OpenProfile) -> tuple[str, str]:
    """A case at the legal stage whose child has parents with parental responsibility:
    (case id, family id)."""

    def work(session: Session) -> tuple[str, str]:
        for case in session.scalars(select(Case).where(Case.stage == "legal")):
            child = session.get_one(Child, case.child_id)
            parents = session.scalar(
                select(func.count(Adult.id)).where(
                    Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True)
                )
            )
            if parents and child.family_id:
                return case.id, child.family_id
        raise AssertionError("the demo has a case at the legal stage with parents")

    return profile.store.read(work)


def packs_of(profile: OpenProfile, case_id: str) -> int:
    return profile.store.read(
        lambda s: int(
            s.scalar(select(func.count(EvidencePack.id)).where(EvidencePack.case_id == case_id))
            or 0
        )
    )


def test_the_contents_have_stable_keys_and_the_fixed_ones_cannot_be_left_out(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    case_id, _family = legal_case(demo_profile)
    service = demo_profile.packs
    choices = service.choices(case_id)
    assert choices.defendants and choices.period_from <= choices.period_to <= choices.today
    assert not choices.approvers[0].may_approve  # the acting officer, first
    assert any(a.role == "court officer" and a.may_approve for a in choices.approvers)

    first = service.contents(
        case_id, offence="s444-1", period_from=choices.period_from, period_to=choices.period_to
    )
    later = service.contents(
        case_id,
        offence="s444-1A",
        period_from=choices.period_from + dt.timedelta(days=7),
        period_to=choices.period_to,
    )
    keys = [c.key for c in first]
    assert len(set(keys)) == len(keys) and keys == [c.key for c in later]
    assert keys[0] == "cover" and keys[-1] == "unused"
    assert [c.key for c in first if c.fixed] == ["cover", "unused"]
    assert any(k.startswith("record:") for k in keys)

    for fixed in ("cover", "unused", "label:DO/1"):
        with pytest.raises(PackRefused, match="in every pack"):
            service.build(
                case_id, offence="s444-1", period_from=choices.period_from,
                period_to=choices.period_to, out=tmp_path / "p.pdf", exclude={fixed},
            )  # fmt: skip
    assert packs_of(demo_profile, case_id) == 0 and not (tmp_path / "p.pdf").exists()
