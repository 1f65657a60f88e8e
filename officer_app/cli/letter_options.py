"""What ``letters render`` and ``letters batch`` share: their options, the answers to a
template's asks, the day of sending, the letters service with its warnings, and the batch's
progress bar."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli.common import CliError, iso_day, progress_bar, warn

if TYPE_CHECKING:
    from officer_app.services.letters import LetterService
    from officer_app.services.profile import OpenProfile

METHODS = ("post", "hand", "email")
"""How a letter is sent (``--sent-by``)."""


def add_letter_options(parser: argparse.ArgumentParser) -> None:
    """``--template``, ``--ask``, ``--out`` and ``--sent-on``."""
    parser.add_argument("--template", required=True, help="the template's id")
    parser.add_argument(
        "--ask",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an answer to one of the template's asks (dates YYYY-MM-DD, times HH:MM; "
        "\\n starts a new paragraph); repeat for each",
    )
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.add_argument(
        "--sent-on", default=None, help="the day it was sent (YYYY-MM-DD; default today)"
    )


def asks(values: list[str]) -> dict[str, str]:
    """The ``--ask NAME=VALUE`` answers by name; a CliError for a malformed or repeated one."""
    answers: dict[str, str] = {}
    for item in values:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise CliError(f"--ask: {item!r} is not NAME=VALUE")
        if name.strip() in answers:
            raise CliError(f"--ask: {name.strip()!r} is given twice")
        answers[name.strip()] = value.replace("\\n", "\n")
    return answers


def sent_on(args: argparse.Namespace, today: dt.date) -> dt.date:
    """``--sent-on``, else today."""
    return iso_day("--sent-on", args.sent_on) if args.sent_on else today


def letter_service(opened: OpenProfile) -> LetterService:
    """The profile's letters service, saying so if its templates have problems."""
    service = opened.letters
    for template_id, problem in service.unavailable():
        warn(f"letter {template_id} unavailable: {problem}")
    if service.letterhead.is_demo:
        warn(
            "the letters carry the demo letterhead (Northam City Council); "
            "set [letterhead] in settings.toml"
        )
    return service


def batch_bar(done: int, total: int, letters: int) -> None:
    """The batch's progress, redrawn in place on stderr."""
    bar = progress_bar(done / max(1, total))
    print(f"\r{bar} {done}/{total} cases, {letters} letters", end="", file=sys.stderr, flush=True)
