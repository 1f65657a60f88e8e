"""``officer-app letters batch|batches|batch-sent|batch-abandon``: batches of letters.

``letters batch`` prepares one template's letter for every open case (or those at a stage),
resuming the unfinished batch of that template started with the same details, and writes the
letters still to post as one PDF, atomically. With ``--sent-by`` the officer says the post
goes out now: the letters are recorded as sent only AFTER the PDF file is written (and the
file is removed if that recording fails). Without it they stay prepared, not sent, until
``letters batch-sent`` (or ``letters batch-abandon`` if they never went).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from officer_app.cli.common import (
    EXIT_INTERRUPTED,
    CliError,
    Subcommands,
    iso_day,
    out_file,
    print_json,
    print_table,
    unlocked,
)
from officer_app.cli.letter_options import (
    METHODS,
    add_letter_options,
    asks,
    batch_bar,
    letter_service,
    sent_on,
)


def register(letters_sub: Subcommands) -> None:
    """The batch commands, under ``letters``."""
    batch = letters_sub.add_parser(
        "batch",
        help="one template's letter for every open case (or those at --stage), saved as one "
        "PDF; an interrupted batch resumes when run again; the letters stay prepared, not "
        "sent, unless --sent-by says the post goes out",
    )
    batch.add_argument("--stage", default=None, help="only the open cases at this stage")
    add_letter_options(batch)
    batch.add_argument(
        "--dated", default=None, help="the letters' date (YYYY-MM-DD; default today)"
    )
    batch.add_argument(
        "--sent-by",
        choices=METHODS,
        default=None,
        help="record every letter as sent (post, hand, email) once the PDF is written",
    )
    batch.add_argument(
        "--again",
        action="store_true",
        help="make a new batch even though one with the same details was already sent",
    )
    batches = letters_sub.add_parser("batches", help="every letter batch and its state")
    batches.add_argument("--json", action="store_true", help="print JSON instead of a table")
    confirm = letters_sub.add_parser(
        "batch-sent", help="the post went out: record a batch's prepared letters as sent"
    )
    confirm.add_argument("batch", help="the batch's id (as 'letters batches' lists it)")
    confirm.add_argument("--sent-by", choices=METHODS, required=True, help="post, hand or email")
    confirm.add_argument(
        "--sent-on", default=None, help="the day they were sent (YYYY-MM-DD; default today)"
    )
    abandon = letters_sub.add_parser(
        "batch-abandon", help="a batch's prepared letters were never sent: mark them so"
    )
    abandon.add_argument("batch", help="the batch's id (as 'letters batches' lists it)")
    batch.set_defaults(handler=letters_batch)
    batches.set_defaults(handler=letters_batches)
    confirm.set_defaults(handler=letters_batch_sent)
    abandon.set_defaults(handler=letters_batch_abandon)


def letters_batch(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.documents.destination import DestinationRefused, written_or_removed
    from officer_app.domain.stages import Stage
    from officer_app.letters import LetterRefused

    out = out_file(args.out)
    answers = asks(args.ask)
    if args.stage is not None and args.stage not in {s.value for s in Stage}:
        known = ", ".join(s.value for s in Stage)
        raise CliError(f"--stage: {args.stage!r} is not a stage ({known})")
    if args.sent_on and not args.sent_by:
        raise CliError("--sent-on: give --sent-by as well to record the letters as sent")
    dated = iso_day("--dated", args.dated) if args.dated else None
    selection = f"the open cases at stage {args.stage}" if args.stage else "every open case"
    with unlocked(data_dir, args.settings) as opened:
        service = letter_service(opened)
        batches = service.batches
        cases = [
            row.case_id
            for row in opened.caseload.list_cases()
            if row.status == "open" and (args.stage is None or row.stage == args.stage)
        ]
        if not cases:
            raise CliError("no open case" + (f" at stage {args.stage}" if args.stage else ""))
        today = opened.clock.today()
        day = sent_on(args, today)
        if args.sent_by and not (dated or today) <= day <= today:
            # refused before any letter is made, not after the whole batch
            raise CliError(f"--sent-on: the letters cannot be recorded as sent on {day}")
        try:
            batch = batches.start(
                args.template, cases, asks=answers, selection=selection, dated=dated,
                again=args.again,
            )  # fmt: skip
        except LetterRefused as exc:
            raise CliError(f"{args.template}: {exc}") from exc
        short = batch.info.short_id
        if batch.info.cases_done:
            print(
                f"resuming batch {short}: {batch.info.cases_done} of {batch.info.cases_total} "
                "cases were already prepared",
                file=sys.stderr,
            )
        job = batch.run()
        try:
            while True:
                try:
                    step = next(job)
                except StopIteration as finished:
                    result = finished.value
                    break
                batch_bar(step.done, step.total, batch.info.prepared)
        except LetterRefused as exc:  # e.g. another process ran the same batch on
            print(file=sys.stderr)
            raise CliError(f"batch {short}: {exc}") from exc
        except KeyboardInterrupt:
            print(file=sys.stderr)
            raise CliError(
                f"interrupted: batch {short} stopped after {batch.info.cases_done} of "
                f"{batch.info.cases_total} cases; its letters are prepared, NOT sent; run the "
                "same command again to resume it",
                EXIT_INTERRUPTED,
            ) from None
        print(file=sys.stderr)
        made = len(result.letters)
        if not made:
            raise CliError(f"no letter is waiting to be sent in batch {short} "
                           f"({len(result.skipped)} cases skipped)")  # fmt: skip
        try:
            if args.sent_by:
                written_or_removed(
                    out,
                    lambda: batches.export_pdf(result, out),
                    lambda: batches.confirm_sent(result.batch_id, sent_on=day, method=args.sent_by),
                )
            else:
                batches.export_pdf(result, out)
        except DestinationRefused as exc:
            raise CliError(f"--out: {exc}; nothing was recorded as sent") from exc
        except LetterRefused as exc:
            raise CliError(f"batch {short}: {exc}") from exc
    for skip in result.skipped:
        print(f"skipped {skip.reference}: {skip.reason}", file=sys.stderr)
    letters = f"{made} letter{'s' * (made != 1)}"
    print(
        f"{letters} for {result.cases_done} of {result.cases_total} cases ({result.pages} pages) "
        f"saved to {out} (batch {short})"
    )
    if args.sent_by:
        print(f"recorded as sent by {args.sent_by} on {day.isoformat()}: each copy is kept "
              "on its case and the sending signed into its chronology")  # fmt: skip
    else:
        print(
            f"NOT recorded as sent: the letters are prepared; once the post has gone out, run "
            f"'officer-app letters batch-sent {short} --sent-by post' (or batch-abandon {short})"
        )
    return 0


def letters_batches(data_dir: Path, args: argparse.Namespace) -> int:
    with unlocked(data_dir, args.settings) as opened:
        found = opened.letters.batches.every()
    if args.json:
        out = [
            {
                "id": b.id,
                "template": b.template_id,
                "template_version": b.template_version,
                "dated": b.dated.isoformat(),
                "selection": b.selection,
                "state": b.state,
                "cases_done": b.cases_done,
                "cases_total": b.cases_total,
                "prepared": b.prepared,
                "sent": b.sent,
                "abandoned": b.abandoned,
                "sent_on": b.sent_on.isoformat() if b.sent_on else None,
                "method": b.method,
                "created_at": b.created_at.isoformat(),
            }
            for b in found
        ]
        print_json(out)
        return 0
    header = ("Batch", "Letter", "Dated", "Cases", "State", "Prepared", "Sent", "Abandoned")
    table = [
        (
            b.short_id,
            b.template_id,
            b.dated.isoformat(),
            f"{b.cases_done}/{b.cases_total}",
            b.state_words,
            str(b.prepared),
            str(b.sent),
            str(b.abandoned),
        )
        for b in found
    ]
    print_table(header, table)
    return 0


def letters_batch_sent(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.letters import LetterRefused

    with unlocked(data_dir, args.settings) as opened:
        day = sent_on(args, opened.clock.today())
        batches = opened.letters.batches
        try:
            info = batches.get(args.batch)
            made = batches.confirm_sent(info.id, sent_on=day, method=args.sent_by)
        except LetterRefused as exc:
            raise CliError(str(exc)) from exc
    print(
        f"batch {info.short_id}: {len(made)} letter{'s' * (len(made) != 1)} recorded as sent by "
        f"{args.sent_by} on {day.isoformat()}"
    )
    return 0


def letters_batch_abandon(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.letters import LetterRefused

    with unlocked(data_dir, args.settings) as opened:
        batches = opened.letters.batches
        try:
            info = batches.get(args.batch)
            marked = batches.abandon(info.id)
        except LetterRefused as exc:
            raise CliError(str(exc)) from exc
    print(
        f"batch {info.short_id} abandoned: {marked} prepared letter{'s' * (marked != 1)} marked "
        "as never sent (kept on their cases)"
    )
    return 0
