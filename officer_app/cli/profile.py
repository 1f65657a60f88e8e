"""``officer-app create-profile`` and ``change-passphrase``: the profile itself."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from officer_app.cli.common import (
    EXIT_CANNOT_OPEN,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    CliError,
    Subcommands,
    env_text,
    lock,
    passphrase,
    warn_key_store,
)


def register(sub: Subcommands) -> None:
    create = sub.add_parser(
        "create-profile",
        help="make a new, empty profile for one officer (no demo cases; passphrase from "
        "OFFICER_APP_PASSPHRASE or asked)",
    )
    create.add_argument("--officer-name", required=True, metavar="NAME")
    create.add_argument("--officer-initials", required=True, metavar="XX")
    create.set_defaults(handler=create_profile)
    change = sub.add_parser(
        "change-passphrase",
        help=f"re-wrap the profile key under a new passphrase ({NEW_PASSPHRASE_ENV} or asked)",
    )
    change.set_defaults(handler=change_passphrase)


def create_profile(data_dir: Path, args: argparse.Namespace) -> int:
    """An empty profile: the LA then adds its schools (``schools import``) and cases."""
    from officer_app.services import profile

    name = " ".join(args.officer_name.split())
    initials = args.officer_initials.strip().upper()
    if not name:
        raise CliError("--officer-name: required")
    if not (initials.isalpha() and 1 <= len(initials) <= 4):
        raise CliError(f"--officer-initials: {args.officer_initials!r} is not 1 to 4 letters")
    secret = env_text(PASSPHRASE_ENV)
    if not secret:
        if not sys.stdin.isatty():
            raise CliError(f"no passphrase: set {PASSPHRASE_ENV}", EXIT_CANNOT_OPEN)
        secret = getpass.getpass("New passphrase: ")
        if getpass.getpass("New passphrase again: ") != secret:
            raise CliError("the two passphrases differ; no profile was made")
    try:
        opened = profile.create_profile(
            data_dir, secret, officer_name=name, officer_initials=initials, settings=args.settings
        )
    except profile.ProfileError as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
    warn_key_store(opened)
    lock(opened)
    print(f"profile made in {data_dir} for {name}")
    return 0


def change_passphrase(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.security import keys
    from officer_app.services import profile

    old = passphrase()
    new = env_text(NEW_PASSPHRASE_ENV)
    if not new:
        if not sys.stdin.isatty():
            raise CliError(f"no new passphrase: set {NEW_PASSPHRASE_ENV}", EXIT_CANNOT_OPEN)
        new = getpass.getpass("New passphrase: ")
        if getpass.getpass("New passphrase again: ") != new:
            raise CliError("the two new passphrases differ; nothing was changed")
    try:
        profile.change_passphrase(data_dir, old, new)
    except keys.WrongPassphrase as exc:
        message = f"wrong passphrase for the profile in {data_dir}"
        raise CliError(message, EXIT_CANNOT_OPEN) from exc
    except (keys.SecurityError, profile.ProfileError) as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
    print("passphrase changed; the old one no longer opens this profile")
    return 0
