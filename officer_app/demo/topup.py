"""A demo top-up that can be killed at any moment and completed by running ``demo`` again.

A top-up has three parts: :func:`~officer_app.demo.generator.populate` writes the new cases in
one transaction; the penalty notices, the letters and the witness statements and evidence
packs of those cases are then replayed through the real services, each step its own
transaction (as the application makes them); finally the outbox rows the replay made are
marked as already synced, since the demo's history is synthetic.

The populate transaction also records what is still to do, the profile setting
``demo_pending`` (seed, today, the case indexes added, the outbox high-water mark before the
replay). The marker goes in the same transaction that marks the replayed outbox rows as
synced, so at every moment the profile either has no unfinished top-up or says exactly which
one. Running ``demo`` again finishes it first: the replay skips every step already done
(:mod:`officer_app.demo.penalty_notices`, :mod:`officer_app.demo.letters`,
:mod:`officer_app.demo.court_work`), and a case
interrupted between two steps keeps the consistent state it had reached, since every service
step is a valid transaction of its own, and goes on from there.

Every outbox row after the recorded high-water mark is taken to be the demo's: a demo profile
holds synthetic work only, so none is expected between a killed top-up and its rerun.

This module never imports Qt and never prints: the command line says what happens.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from officer_app.demo.generator import (
    DemoResult,
    as_already_synced,
    outbox_high_water,
    populate,
)
from officer_app.services.profile import OpenProfile
from officer_app.store.models import ProfileSetting

PENDING_SETTING = "demo_pending"

EARLIEST_TODAY = dt.date(2025, 9, 1)
"""The earliest date a demo can be built around. Its notices follow the national framework for
penalty notices in force from 19 August 2024 (the Education (Penalty Notices) (England)
(Amendment) Regulations 2024; ``domain/penalty_notices.py`` refuses to reckon a notice
before it), and its registers use the attendance codes in force from the same day (the School
Attendance (Pupil Registration) (England) Regulations 2024). A demo caseload reaches a
school year back (the previous year's register, the notices issued on it): the school year
that starts on 1 September 2025 is the first whose whole history lies under those rules."""

LATEST_AHEAD = dt.timedelta(days=366)
"""How far after the real date a demo can be built around: a year, so that a trainer can
prepare next year's course; anything further is not a caseload anyone will see."""

MAX_CASES = 20_000
"""The most cases a demo can hold: many times a whole team's caseload (an officer carries a
few hundred), and already some 40 minutes of work on an ordinary laptop."""

MAX_SEED = 2**31 - 1


class DemoRefused(ValueError):
    """A demo request that cannot be met; the message names the option and says why."""


def check_request(*, cases: int, seed: int, today: dt.date, real_today: dt.date) -> None:
    """Refuse a demo request outside the ranges above, before anything is created."""
    if cases < 0:
        raise DemoRefused(f"--cases: {cases} is below zero")
    if cases > MAX_CASES:
        raise DemoRefused(
            f"--cases: {cases} is more than a demo holds (at most {MAX_CASES:,}, many times a "
            "team's caseload)"
        )
    if not 0 <= seed <= MAX_SEED:
        raise DemoRefused(f"--seed: give a whole number from 0 to {MAX_SEED}")
    latest = real_today + LATEST_AHEAD
    if today < EARLIEST_TODAY:
        raise DemoRefused(
            f"--today: {today.isoformat()} is before {EARLIEST_TODAY.isoformat()}: a demo's "
            "history reaches a school year back, and must lie wholly under the rules of "
            "19 August 2024 that it follows"
        )
    if today > latest:
        raise DemoRefused(
            f"--today: {today.isoformat()} is more than a year ahead (the latest is "
            f"{latest.isoformat()})"
        )


@dataclass(frozen=True)
class PendingTopUp:
    """A top-up whose cases are written and whose replay is not yet finished."""

    seed: int
    today: dt.date
    first: int  # the case indexes added: range(first, stop)
    stop: int
    outbox_mark: int  # the outbox's last sequence number before the replay

    @property
    def indexes(self) -> range:
        return range(self.first, self.stop)

    def to_text(self) -> str:
        return json.dumps(
            {
                "seed": self.seed,
                "today": self.today.isoformat(),
                "first": self.first,
                "stop": self.stop,
                "outbox_mark": self.outbox_mark,
            },
            sort_keys=True,
        )

    @classmethod
    def from_text(cls, text: str) -> PendingTopUp:
        try:
            data = json.loads(text)
            return cls(
                seed=int(data["seed"]),
                today=dt.date.fromisoformat(data["today"]),
                first=int(data["first"]),
                stop=int(data["stop"]),
                outbox_mark=int(data["outbox_mark"]),
            )
        except (ValueError, TypeError, KeyError) as exc:
            raise DemoRefused(
                f"the profile's record of an unfinished demo top-up ({PENDING_SETTING}) is damaged"
            ) from exc


def pending(session: Session) -> PendingTopUp | None:
    """The unfinished top-up recorded in this profile, if any."""
    row = session.get(ProfileSetting, PENDING_SETTING)
    return None if row is None else PendingTopUp.from_text(row.value)


def populate_pending(
    session: Session, *, cases: int, seed: int, today: dt.date
) -> tuple[DemoResult, PendingTopUp | None]:
    """Top up to ``cases`` and, in the same transaction, record the replay still to do (None
    when no case was added). Run as a writer with ``session.info["untracked"] = True``."""
    mark = outbox_high_water(session)
    result = populate(session, cases=cases, seed=seed, today=today)
    if result.cases_after <= result.cases_before:
        return result, None
    todo = PendingTopUp(seed, today, result.cases_before, result.cases_after, mark)
    session.merge(ProfileSetting(key=PENDING_SETTING, value=todo.to_text()))
    return result, todo


def _finish(session: Session, todo: PendingTopUp) -> int:
    synced = as_already_synced(session, todo.outbox_mark)
    row = session.get(ProfileSetting, PENDING_SETTING)
    if row is not None:
        session.delete(row)
    return synced


def replay(
    opened: OpenProfile, todo: PendingTopUp, say: Callable[[str], None] = lambda _: None
) -> tuple[int, int, int]:
    """Replay (or go on replaying) the penalty notices, the letters and then the witness
    statements and evidence packs of a top-up's cases (the packs carry the letters sent),
    then mark its outbox rows as synced and clear the marker in one transaction. Returns the
    notices considered, the letters sent and the cases given statements and packs by this
    call; ``say`` hears of each part."""
    from officer_app.demo.court_work import add_court_work
    from officer_app.demo.letters import add_letters
    from officer_app.demo.penalty_notices import add_penalty_notices

    say("replaying the penalty notices")
    notices = add_penalty_notices(opened, seed=todo.seed, today=todo.today, indexes=todo.indexes)
    say("sending the letters")
    letters = add_letters(opened, seed=todo.seed, today=todo.today, indexes=todo.indexes)
    say("making the witness statements and evidence packs")
    court = add_court_work(opened, seed=todo.seed, today=todo.today, indexes=todo.indexes)
    opened.store.write_wait(lambda session: _finish(session, todo))
    return notices, letters, court
