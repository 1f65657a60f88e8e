"""The demo's penalty notices: made by the real workflow, so they obey every rule."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.demo.penalty_notices import add_penalty_notices
from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.services.penalty_notices import PenaltyNoticeService
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import ChronologyEntry, Letter, PenaltyNotice
from tests.conftest import DEMO_CASES


@pytest.fixture()
def with_notices(demo_profile: OpenProfile) -> OpenProfile:
    today = demo_profile.clock.today()
    made = add_penalty_notices(demo_profile, seed=1, today=today, indexes=range(DEMO_CASES))
    assert made > 5
    return demo_profile


def test_the_demo_notices_follow_the_rules_and_keep_their_copies(
    with_notices: OpenProfile,
) -> None:
    profile = with_notices
    service = PenaltyNoticeService(profile.store, profile.clock, profile.officer.id)
    rows = profile.store.read(lambda s: list(s.scalars(select(PenaltyNotice))))
    states = Counter(r.status for r in rows)
    assert states[NoticeStatus.CONSIDERED.value] and states[NoticeStatus.NOT_ISSUED.value]
    issued = [r for r in rows if r.issued_on is not None]
    assert len(issued) >= 3
    today = profile.clock.today()
    for row in rows:
        assert row.considered_on < today
        if row.issued_on is None:
            continue
        if row.issuer:  # issued by someone else: recorded, with no copy or authority here
            assert row.notice_letter_id is None and row.number
            continue
        assert row.authorised_by and row.authorised_on and row.authorised_on <= row.issued_on
        assert row.number and row.number.startswith(f"PN-{row.issued_on.year}-")
        # the copy kept is the exact notice sent, and it says what the row says
        letter = profile.store.read(lambda s, r=row: s.get_one(Letter, r.notice_letter_id))
        copy = profile.attachments.read(str(letter.attachment_id))
        assert hashlib.sha256(copy).hexdigest() == letter.sha256
        text = " ".join(p.extract_text() for p in PdfReader(BytesIO(copy)).pages)
        assert row.number in " ".join(text.split())
        if row.paid_on is not None:
            assert row.received_on is not None
            assert row.paid_on <= row.received_on + dt.timedelta(days=28)
    # every step is in the case's signed chronology, and every chain still verifies
    entries = profile.store.read(
        lambda s: list(
            s.scalars(select(ChronologyEntry).where(ChronologyEntry.entry_type == "penalty_notice"))
        )
    )
    assert len(entries) >= len(rows) and all(e.signed_at for e in entries)
    assert profile.store.read(evidence.verify)[1] == []
    # the LA's record lists every notice issued, with its copy
    register = service.register()
    assert {r.number for r in register} == {r.number for r in issued}
    assert all(len(r.copy_sha256) == 64 for r in register if not r.issued_by_others)
    # the demo shows a notice issued by a head teacher, marked so in the record
    [others] = [r for r in register if r.issued_by_others]
    assert others.issued_by_others.startswith("a head teacher") and others.copy_sha256 == ""


def test_one_family_shows_the_limit_of_two_notices(with_notices: OpenProfile) -> None:
    profile = with_notices
    service = PenaltyNoticeService(profile.store, profile.clock, profile.officer.id)
    rows = profile.store.read(lambda s: list(s.scalars(select(PenaltyNotice))))
    by_parent: dict[tuple[str, str], list[PenaltyNotice]] = {}
    for row in rows:
        by_parent.setdefault((row.parent_id, row.child_id), []).append(row)
    family = next(
        notices
        for notices in by_parent.values()
        if sum(n.issued_on is not None for n in notices) == 2
        and any(n.status == NoticeStatus.CONSIDERED.value for n in notices)
    )
    pending = next(n for n in family if n.status == NoticeStatus.CONSIDERED.value)
    plan = service.plan_issue(pending.id, profile.clock.today(), "hand")
    assert not plan.decision.allowed and plan.decision.ordinal == 3
    assert any("Education Supervision Order" in a for a in plan.decision.alternatives)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [99, 12345])
def test_a_demo_of_any_seed_issues_only_notices_whose_register_meets_the_threshold(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch, keyring_backend: object
) -> None:
    """Seeds 99 and 12345 stopped the demo with "the register considered does not meet the
    national threshold": the day chosen as meeting it was judged on a range one day longer
    than the one the notice was then considered on."""
    from officer_app.cli import main
    from tests.conftest import DEMO_TODAY

    monkeypatch.setenv("OFFICER_APP_PASSPHRASE", "correct horse battery staple")
    profile = tmp_path / "profile"
    argv = ["--data-dir", str(profile), "demo", "--cases", "60", "--seed", str(seed),
            "--today", DEMO_TODAY.isoformat()]  # fmt: skip
    assert main(argv) == 0
    assert main(["--data-dir", str(profile), "verify"]) == 0


@pytest.mark.parametrize("reduced", [True, False])
def test_a_replayed_payment_falls_inside_the_period_for_paying(reduced: bool) -> None:
    """Day 1 is the day of receipt (SI 2024/210 reg 4): the demo once paid on day 29, which the
    rules refuse, and `make run`'s 300-case demo stopped there."""
    import random

    from officer_app.demo.penalty_notices import payment_day
    from officer_app.domain.penalty_notices import payment_dates

    received = dt.date(2026, 11, 2)
    dates = payment_dates(received, 60)
    assert dates.reduced_by is not None
    days = {payment_day(random.Random(seed), received, reduced=reduced) for seed in range(600)}
    if reduced:
        assert min(days) > received and max(days) == dates.reduced_by  # day 21, not 22
    else:
        assert min(days) == dates.reduced_by + dt.timedelta(days=1)
        assert max(days) == dates.full_by == received + dt.timedelta(days=27)
