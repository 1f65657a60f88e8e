"""``officer-app change-passphrase``: the profile itself."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from officer_app.cli.common import (
    EXIT_CANNOT_OPEN,
    NEW_PASSPHRASE_ENV,
    CliError,
    Subcommands,
    env_text,
    passphrase,
)


def register(sub: Subcommands) -> None:
    change = sub.add_parser(
        "change-passphrase",
        help=f"re-wrap the profile key under a new passphrase ({NEW_PASSPHRASE_ENV} or asked)",
    )
    change.set_defaults(handler=change_passphrase)


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
