"""The demo's letters: real letters, dated on the day of the prose entry they stand for, the
same for a seed, and never sent twice by a top-up."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from officer_app.clock import UK, FixedClock
from officer_app.demo.letters import PROSE, add_letters
from officer_app.domain.working_days import add_working_days
from officer_app.services.profile import unlock_profile
from officer_app.store import evidence
from officer_app.store.models import Case, ChronologyEntry, Letter
from tests.conftest import DEMO_CASES, TEST_PASSPHRASE, MemoryKeyring

TODAY = dt.date(2026, 11, 20)


def sent(opened: Any) -> set[tuple[str, str, dt.date, str]]:
    return set(
        opened.store.read(
            lambda s: s.execute(
                select(Case.reference, Letter.template_id, Letter.sent_on, Letter.sha256).join(
                    Case, Case.id == Letter.case_id
                )
            ).all()
        )
    )


def test_demo_letters_are_real_dated_on_their_prose_entries_and_the_same_for_a_seed(
    demo_dir: Path, keyring_backend: MemoryKeyring, clock: FixedClock, tmp_path: Path
) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(demo_dir, twin)
    first = unlock_profile(demo_dir, TEST_PASSPHRASE, backend=keyring_backend, clock=clock)
    try:
        made = add_letters(first, seed=1, today=TODAY, indexes=range(DEMO_CASES))
        assert made >= 5
        letters = sent(first)
        assert len(letters) == made
        assert {t for _r, t, _d, _h in letters} >= {"attendance_concern", "meeting_invitation"}

        def prose_days(session: Any) -> dict[tuple[str, str], set[dt.date]]:
            days: dict[tuple[str, str], set[dt.date]] = {}
            for reference, title, at in session.execute(
                select(Case.reference, ChronologyEntry.title, ChronologyEntry.occurred_at)
                .join(Case, Case.id == ChronologyEntry.case_id)
                .where(ChronologyEntry.title.in_(PROSE))
            ):
                day = at.astimezone(UK).date()
                if title == "Court: outcome":
                    day = add_working_days(day, 1)
                days.setdefault((reference, PROSE[title]), set()).add(day)
            return days

        days = first.store.read(prose_days)
        for reference, template_id, sent_on, _sha in letters:
            assert sent_on in days[(reference, template_id)]  # the day the chronology says
            assert sent_on < TODAY
        # each is a signed letter entry of its own, and every chain still verifies
        entries = first.store.read(
            lambda s: s.scalars(
                select(ChronologyEntry).join(Letter, Letter.entry_id == ChronologyEntry.id)
            ).all()
        )
        assert len(entries) == made and all(
            e.signed_at and e.entry_type == "letter" for e in entries
        )
        assert first.store.read(evidence.verify)[1] == []
        # a top-up (no case added) sends nothing again
        assert add_letters(first, seed=1, today=TODAY, indexes=range(DEMO_CASES, DEMO_CASES)) == 0
        assert sent(first) == letters
    finally:
        first.lock()
    second = unlock_profile(twin, TEST_PASSPHRASE, backend=keyring_backend, clock=clock)
    try:
        assert add_letters(second, seed=1, today=TODAY, indexes=range(DEMO_CASES)) == made
        # The same letters on the same days. Not byte for byte any more: each letter states
        # the chain head it was made from, and a case's second letter follows the entry of
        # its first, whose id is random.
        assert {row[:3] for row in sent(second)} == {row[:3] for row in letters}
    finally:
        second.lock()
