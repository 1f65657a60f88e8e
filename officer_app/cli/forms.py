"""``officer-app forms check``: the form definitions (``forms/``), checked as the application
would load them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli.common import Subcommands, existing_folder, report_problems

if TYPE_CHECKING:
    from officer_app.forms import FormRegistry


def register(sub: Subcommands) -> None:
    forms = sub.add_parser("forms", help="form definitions (forms/)")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    check = forms_sub.add_parser(
        "check", help="check the shipped forms and a folder (default: the LA's forms_folder)"
    )
    check.add_argument("folder", nargs="?", type=Path, help="a folder of form definitions")
    check.set_defaults(handler=forms_check)


def forms_check(data_dir: Path, args: argparse.Namespace) -> int:
    """The shipped forms, then the folder given or the LA's (an LA's form overrides by id): no
    profile, no passphrase."""
    from officer_app.forms.loader import default_folders, load_definitions

    folder = existing_folder(args.folder) if args.folder else args.settings.forms_folder
    return report_forms(load_definitions(default_folders(folder)))


def report_forms(registry: FormRegistry) -> int:
    """Print each form that loaded and every problem (``file:line: place: message``); 1 if any
    file was refused, else 0."""
    for definition in registry.definitions():
        fields = sum(1 for _ in definition.iter_fields())
        versions = ", ".join(str(v) for v in registry.versions(definition.id))
        print(
            f"ok    {definition.id} v{definition.version} ({fields} fields; versions kept: "
            f"{versions}) from {definition.source}"
        )
    return report_problems(registry.unavailable, registry.problems)
