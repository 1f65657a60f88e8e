"""Check letter templates from the command line: ``python -m officer_app.letters [FOLDER ...]``.

With no folder, checks the shipped templates; with folders, checks the shipped templates and
then each folder in turn, as the application would load them (an LA's folder overrides by
id). Prints each template that loaded and every problem as ``file:line:column: message``;
exits 1 if any file was refused.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from officer_app.escaping import escape_controls
from officer_app.letters.loader import TemplateRegistry, default_folders, load_templates


def report(registry: TemplateRegistry) -> int:
    """Print what loaded and every problem; 1 if anything was refused, else 0."""
    for template in registry.templates():
        asks = ", ".join(a.name for a in template.asks) or "no asks"
        needs = " (needs the penalty notice)" if template.needs_notice else ""
        line = f"ok     {template.id} v{template.version}: {template.title}{needs}; {asks}"
        print(escape_controls(line))
        print(f"       from {template.source}")
    for template_id in registry.unavailable:
        print(f"BROKEN {template_id}: unavailable")
    for problem in registry.problems:
        print(escape_controls(str(problem)), file=sys.stderr)  # the file's text, escaped
    return 1 if registry.problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return 0
    folders = default_folders() + [Path(a) for a in args]
    return report(load_templates(folders))


if __name__ == "__main__":
    raise SystemExit(main())
