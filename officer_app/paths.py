"""Where the application's shipped data and the user's profile live.

One accessor for the top-level ``ui/``, ``forms/`` and ``resources/`` folders that works from a
source checkout, from an installed wheel (``officer_app/_data/``) and from a frozen bundle.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "officer-app"
APP_AUTHOR = "officer-app"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root) / "officer_app" / "_data")
    roots.append(_PACKAGE_DIR / "_data")  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source checkout
    return roots


def shipped(folder: str, *parts: str) -> Path:
    """Path of a shipped file under ``ui``, ``forms`` or ``resources``."""
    if folder not in {"ui", "forms", "resources"}:
        raise ValueError(f"not a shipped folder: {folder}")
    for root in _data_roots():
        candidate = root.joinpath(folder, *parts)
        if candidate.exists():
            return candidate
    return _data_roots()[-1].joinpath(folder, *parts)


def default_data_dir() -> Path:
    """The platform's per-user data folder (never next to the executable)."""
    return Path(PlatformDirs(APP_NAME, APP_AUTHOR).user_data_dir)


class UnusableFolder(Exception):
    """A profile folder that can never work; the message says why, in one line."""


def check_profile_folder(data_dir: Path) -> None:
    """Refuse a profile folder that is a file, under a file, in a system folder (/proc, /sys)
    or that cannot be read. A folder that does not exist yet is fine (it may be created)."""
    text = data_dir.as_posix()
    if any(text == top or text.startswith(top + "/") for top in ("/proc", "/sys")):
        raise UnusableFolder(f"{data_dir} is a system folder, not a place for a profile")
    try:
        if data_dir.exists() and not data_dir.is_dir():
            raise UnusableFolder(f"{data_dir} is a file, not a profile folder")
        for parent in data_dir.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise UnusableFolder(f"{data_dir} is under {parent}, which is a file")
                break
        if data_dir.is_dir() and not os.access(data_dir, os.R_OK | os.X_OK):
            raise UnusableFolder(f"the profile folder {data_dir} cannot be read (permissions)")
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise UnusableFolder(
                f"the profile folder {data_dir} cannot be reached (permissions)"
            ) from None
        raise UnusableFolder(
            f"the profile folder {data_dir} cannot be used ({exc.strerror or exc})"
        ) from None
