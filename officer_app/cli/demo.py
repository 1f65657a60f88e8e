"""``officer-app demo``: create or top up a profile with a synthetic caseload."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

from officer_app.cli.common import (
    DEMO_PASSPHRASE,
    EXIT_CANNOT_OPEN,
    CliError,
    Subcommands,
    lock,
    open_profile,
    passphrase,
    say,
    warn_key_store,
)


def register(sub: Subcommands) -> None:
    demo = sub.add_parser("demo", help="create or top up a profile with a synthetic caseload")
    demo.add_argument(
        "--cases", type=int, required=True, help="how many cases in all (at most 20,000)"
    )
    demo.add_argument(
        "--seed", type=int, default=1, help="the same seed gives the same cases (0 to 2^31-1)"
    )
    demo.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date the caseload is built around (YYYY-MM-DD; default today): from 2025-09-01 "
        "(its history, a school year back, must lie under the rules of 19 August 2024 the demo "
        "follows) to a year from now",
    )
    demo.set_defaults(handler=run_demo)


def run_demo(data_dir: Path, args: argparse.Namespace) -> int:
    """Create or top up a demo profile; first finish a top-up that was interrupted (see
    :mod:`officer_app.demo.topup`)."""
    from officer_app.clock import SystemClock
    from officer_app.demo import DEMO_OFFICER_NAME, topup
    from officer_app.security import keys
    from officer_app.services import profile

    real_today = SystemClock().today()
    today = args.today or real_today
    try:  # before anything is created
        topup.check_request(cases=args.cases, seed=args.seed, today=today, real_today=real_today)
    except topup.DemoRefused as exc:
        raise CliError(str(exc)) from exc
    try:
        state = profile.profile_state(data_dir)
        if state is profile.State.HALF_MADE and profile.clear_half_made(data_dir):
            print(
                f"Removed an unfinished profile from {data_dir} (its creation had been "
                "interrupted; its key was never saved, so it held nothing readable)",
                file=sys.stderr,
            )
            state = profile.State.ABSENT
    except profile.ProfileError as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
    if state is not profile.State.ABSENT:
        opened = open_profile(data_dir, args.settings, demo=True)
    else:
        secret = passphrase(demo=True)
        try:
            opened = profile.create_profile(
                data_dir,
                secret,
                officer_name=DEMO_OFFICER_NAME,
                officer_initials="".join(p[0] for p in DEMO_OFFICER_NAME.split()),
                settings=args.settings,
            )
        except (keys.SecurityError, profile.ProfileError) as exc:
            raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
        warn_key_store(opened)
        if secret == DEMO_PASSPHRASE:
            print(f"Created a demo profile in {data_dir}; its passphrase is: {DEMO_PASSPHRASE}")
    started = time.perf_counter()
    notices = letters = court = 0
    try:
        try:
            unfinished = opened.store.read(topup.pending)
        except topup.DemoRefused as exc:
            raise CliError(str(exc)) from exc
        if unfinished is not None:
            print(
                f"officer-app: finishing the demo top-up that was interrupted (cases "
                f"{unfinished.first + 1} to {unfinished.stop}, seed {unfinished.seed}, today "
                f"{unfinished.today.isoformat()}) before anything else",
                file=sys.stderr,
                flush=True,
            )
            notices, letters, court = topup.replay(opened, unfinished, say)

        def work(session: Any) -> Any:
            session.info["untracked"] = True  # synthetic, as if already synced
            return topup.populate_pending(session, cases=args.cases, seed=args.seed, today=today)

        say(f"writing the cases (up to {args.cases})")
        result, todo = opened.store.write_wait(work)
        if todo is not None:
            # Through the real services, for the cases just added only (a top-up never sends
            # twice): penalty notices with their Notices to Improve, the other letters, then
            # the witness statements and evidence packs of a few cases at court.
            more = topup.replay(opened, todo, say)
            notices, letters, court = notices + more[0], letters + more[1], court + more[2]
    finally:
        lock(opened)
    added = result.cases_after - result.cases_before
    print(
        f"{result.cases_after} cases in the profile ({added} added, with {notices} penalty "
        f"notices considered, {letters} letters sent and {court} case{'s' * (court != 1)} "
        "given witness statements and evidence packs, in "
        f"{time.perf_counter() - started:.1f} s)"
    )
    return 0
