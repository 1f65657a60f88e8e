"""Composition root: ``python -m officer_app`` is the ``officer-app`` command."""

from __future__ import annotations

import sys

from officer_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
