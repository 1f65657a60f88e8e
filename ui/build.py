"""Compile the Qt Designer dialogs in ui/ into officer_app/gui/generated/.

Each ``ui/NAME.ui`` becomes ``ui_NAME.py`` (pyside6-uic's output, never edited by hand) and
``ui_NAME.pyi`` (its typed outline, read from the same .ui, so that mypy checks every
``self.ui.widget`` the window uses). ``python ui/build.py`` writes them; ``--check`` writes
nothing and fails, naming the file, when one is missing, stale or has no .ui any more
(``make lint`` and the test suite run the check).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "ui"
GENERATED = ROOT / "officer_app" / "gui" / "generated"
HEADER = '"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""\n'
GUI_CLASSES = {"QAction", "QActionGroup"}  # QtGui; everything else drawn is a QtWidgets class


def _uic() -> str:
    beside = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside) if beside.exists() else shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("ui/build.py: pyside6-uic not found (install the project: make lint)")
    return found


def _outline(ui_file: Path) -> str:
    """The .pyi of one compiled dialog: each named widget, layout and spacer, typed."""
    root = ET.parse(ui_file).getroot()
    top = root.find("widget")
    if top is None:
        raise SystemExit(f"{ui_file.name}: no top-level widget")
    form_class = root.findtext("class") or top.get("name", "")
    custom = {
        c.findtext("class", ""): (c.findtext("header", "") or "").removesuffix(".h")
        for c in root.iter("customwidget")
    }
    members: dict[str, str] = {}
    for node in top.iter():
        name = node.get("name")
        if name is None or node is top:
            continue
        if node.tag in {"widget", "layout", "action", "actiongroup"}:
            members[name] = node.get("class") or (
                "QAction" if node.tag == "action" else "QActionGroup"
            )
        elif node.tag == "spacer":
            members[name] = "QSpacerItem"
    for group in root.iter("buttongroup"):
        members[group.get("name", "")] = "QButtonGroup"
    top_class = top.get("class", "QWidget")
    used = {*members.values(), top_class}
    widgets = sorted(c for c in used if c not in GUI_CLASSES and c not in custom)
    lines = [HEADER, "from __future__ import annotations", ""]
    gui = sorted(used & GUI_CLASSES)
    if gui:
        lines.append(f"from PySide6.QtGui import {', '.join(gui)}")
    lines.append(f"from PySide6.QtWidgets import {', '.join(widgets)}")
    for cls in sorted(used & custom.keys()):
        lines.append(f"from {custom[cls]} import {cls}")
    lines += ["", "", f"class Ui_{form_class}:"]
    lines += [f"    {name}: {cls}" for name, cls in members.items()]
    lines += [
        f"    def setupUi(self, {top.get('name')}: {top_class}) -> None: ...",
        f"    def retranslateUi(self, {top.get('name')}: {top_class}) -> None: ...",
        "",
    ]
    return "\n".join(lines)


def _compiled(ui_file: Path, scratch: Path) -> dict[str, str]:
    out = scratch / f"ui_{ui_file.stem}.py"
    subprocess.run([_uic(), "--from-imports", str(ui_file), "-o", str(out)], check=True)
    return {out.name: out.read_text(encoding="utf-8"), f"ui_{ui_file.stem}.pyi": _outline(ui_file)}


def expected() -> dict[str, str]:
    """Every generated file, by name, as the .ui sources make it now."""
    files = {"__init__.py": HEADER}
    with tempfile.TemporaryDirectory() as scratch:
        for ui_file in sorted(SOURCES.glob("*.ui")):
            files.update(_compiled(ui_file, Path(scratch)))
    return files


def stale() -> list[str]:
    """One line per generated file that differs from what its .ui makes (or has no .ui)."""
    want = expected()
    have = {p.name: p for p in GENERATED.glob("*.py*")} if GENERATED.exists() else {}
    problems = [
        f"{GENERATED.relative_to(ROOT) / name}: out of date with its .ui (run: make ui)"
        for name, text in want.items()
        if name not in have or have[name].read_text(encoding="utf-8") != text
    ]
    problems += [
        f"{GENERATED.relative_to(ROOT) / name}: no .ui in ui/ makes it (delete it)"
        for name in sorted(have.keys() - want.keys())
    ]
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    GENERATED.mkdir(parents=True, exist_ok=True)
    want = expected()
    for old in GENERATED.glob("*.py*"):
        if old.name not in want:
            old.unlink()
    for name, text in want.items():
        (GENERATED / name).write_text(text, encoding="utf-8")
    print(f"{len(want) - 1} files in {GENERATED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
