"""Check form definitions from the command line: ``python -m officer_app.forms [FOLDER ...]``.

With no folder, checks the shipped forms; with folders, checks the shipped forms and then each
folder in turn, as the application would load them (an LA's folder overrides by id). Prints
each form that loaded and every problem as ``file:line: place: message``; exits 1 if any file
was refused.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from officer_app.escaping import escape_controls
from officer_app.forms.loader import default_folders, load_definitions


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return 0
    folders = default_folders() + [Path(a) for a in args]
    registry = load_definitions(folders)
    for definition in registry.definitions():
        fields = sum(1 for _ in definition.iter_fields())
        versions = ", ".join(str(v) for v in registry.versions(definition.id))
        print(
            f"ok    {definition.id} v{definition.version} ({fields} fields; versions kept: "
            f"{versions}) from {definition.source}"
        )
    for form_id in registry.unavailable:
        print(f"BROKEN {form_id}: unavailable")
    for problem in registry.problems:
        print(escape_controls(str(problem)), file=sys.stderr)  # the file's text, escaped
    return 1 if registry.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
