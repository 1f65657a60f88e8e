"""Where the application's shipped data and the user's profile live.

One accessor for the top-level ``ui/``, ``forms/`` and ``resources/`` folders that works from a
source checkout, from an installed wheel (``officer_app/_data/``) and from a frozen bundle.
"""

from __future__ import annotations

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
