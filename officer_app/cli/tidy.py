"""``officer-app tidy``: remove the attachment and temporary files no record refers to."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from officer_app.cli.common import CliError, Subcommands, open_profile


def register(sub: Subcommands) -> None:
    tidy = sub.add_parser(
        "tidy",
        help="remove attachment and temporary files that no record refers to (left by an "
        "interrupted write; only those older than 10 minutes)",
    )
    tidy.set_defaults(handler=run_tidy)


def run_tidy(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.attachment_files import SAFE_AGE, FilesUnreadable, size_text, tidy

    opened = open_profile(data_dir, args.settings)
    try:
        result = tidy(opened.store, opened.data_dir)
    except FilesUnreadable as exc:
        raise CliError(f"nothing removed: {exc}") from exc
    finally:
        opened.lock()
    for gone in result.removed:
        print(f"removed {gone.where} ({size_text(gone.size)})")
    for stuck, why in result.failed:
        print(f"officer-app: could not remove {stuck.where}: {why}", file=sys.stderr)
    minutes = int(SAFE_AGE.total_seconds() // 60)
    if result.kept_young:
        print(
            f"kept {len(result.kept_young)} file(s) younger than {minutes} minutes: a "
            "running write may still record them; run tidy again later"
        )
    if not (result.removed or result.kept_young or result.failed):
        print("nothing to remove: every attachment file is recorded")
    elif result.removed:
        freed = size_text(sum(f.size for f in result.removed))
        print(f"removed {len(result.removed)} file(s) no record refers to ({freed})")
    return 1 if result.failed else 0
