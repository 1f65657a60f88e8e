"""``officer-app letters check|render`` (and, from :mod:`.letter_batches`, the batches):
letters from templates (``resources/letters``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli import letter_batches
from officer_app.cli.common import (
    CliError,
    Subcommands,
    case_id,
    existing_folder,
    out_file,
    report_problems,
    unlocked,
)
from officer_app.cli.letter_options import (
    METHODS,
    add_letter_options,
    asks,
    letter_service,
    sent_on,
)
from officer_app.escaping import escape_controls
from officer_app.wording import long_date

if TYPE_CHECKING:
    from officer_app.letters import TemplateRegistry
    from officer_app.services.letters import LetterService


def register(sub: Subcommands) -> None:
    letters = sub.add_parser("letters", help="letters from templates (resources/letters)")
    letters_sub = letters.add_subparsers(dest="letters_command", metavar="ACTION", required=True)
    check = letters_sub.add_parser(
        "check", help="check the shipped templates and a folder (default: the LA's letters_folder)"
    )
    check.add_argument("folder", nargs="?", type=Path, help="a folder of templates to check")
    check.set_defaults(handler=letters_check)
    render = letters_sub.add_parser("render", help="one letter on a case, saved as a PDF")
    render.add_argument("--case", required=True, help="the case reference (ATT-2026-00123)")
    render.add_argument("--recipient", default=None, help="who it is for (default: the only one)")
    add_letter_options(render)
    render.add_argument(
        "--sent-by", choices=METHODS, default=None, help="record it as sent (post, hand, email)"
    )
    render.set_defaults(handler=letters_render)
    letter_batches.register(letters_sub)


def letters_check(data_dir: Path, args: argparse.Namespace) -> int:
    """The shipped templates, then the folder given or the LA's: no profile, no passphrase."""
    from officer_app.letters import default_folders, load_templates

    folder = existing_folder(args.folder) if args.folder else args.settings.letters_folder
    return report_templates(load_templates(default_folders(folder)))


def report_templates(registry: TemplateRegistry) -> int:
    """Print what loaded and every problem; 1 if anything was refused, else 0."""
    for template in registry.templates():
        names = ", ".join(a.name for a in template.asks) or "no asks"
        needs = " (needs the penalty notice)" if template.needs_notice else ""
        line = f"ok     {template.id} v{template.version}: {template.title}{needs}; {names}"
        print(escape_controls(line))
        print(f"       from {template.source}")
    return report_problems(registry.unavailable, registry.problems)


def letters_render(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.documents.destination import DestinationRefused, written_or_removed
    from officer_app.letters import LetterRefused

    out = out_file(args.out)
    answers = asks(args.ask)
    if args.sent_on and not args.sent_by:
        raise CliError("--sent-on: give --sent-by as well to record the letter as sent")
    with unlocked(data_dir, args.settings) as opened:
        service = letter_service(opened)
        case = case_id(opened, args.case)
        recipient = _recipient(service, case, args.recipient)
        day = sent_on(args, opened.clock.today())
        try:
            made = service.render(case, args.template, recipient_id=recipient, asks=answers)
            recorded = None
            if args.sent_by:
                # the file first, then the recording; a failed recording removes the file
                recorded = written_or_removed(
                    out,
                    lambda: service.export_rendered(made, out),
                    lambda: service.record_sent(case, made, sent_on=day, method=args.sent_by),
                )
            else:
                service.export_rendered(made, out)
        except LetterRefused as exc:
            raise CliError(f"{args.case}: {args.template}: {exc}") from exc
        except DestinationRefused as exc:
            raise CliError(f"--out: {exc}; nothing was recorded") from exc
    for warning in made.warnings:  # an unusual date is the officer's to confirm, not a refusal
        print(f"warning: {warning}", file=sys.stderr)
    pages = f"{made.pages} page{'s' * (made.pages != 1)}"
    print(
        f"{made.case_reference}: {made.title} to {made.recipient_name}, {pages}, saved to {out} "
        f"(SHA-256 {made.sha256[:16]}…)"
    )
    if recorded is not None:
        print(
            f"recorded as sent by {recorded.method} on {long_date(recorded.sent_on)}: the copy "
            "is kept on the case and the sending is signed into its chronology"
        )
    return 0


def _recipient(service: LetterService, case: str, wanted: str | None) -> str | None:
    if wanted is None:
        return None  # the service takes the only one, or names the choices
    people = service.recipients(case)
    key = " ".join(wanted.split()).casefold()
    for person in people:
        plain = person.name.split(" ", 1)[1] if person.name.startswith(("Mr ", "Ms ")) else ""
        if key in (person.name.casefold(), plain.casefold()):
            if not person.can_receive:
                raise CliError(f"--recipient: no letter can go to {person.name}: {person.reason}")
            return str(person.id)
    choices = ", ".join(p.name for p in people if p.can_receive) or "nobody"
    raise CliError(f"--recipient: {wanted!r} is not on this case (letters can go to: {choices})")
