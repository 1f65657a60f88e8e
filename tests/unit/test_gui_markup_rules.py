"""The GUI's source keeps to gui/markup.py wherever Qt would guess a text's format.

Qt reads a string as rich text when it looks like HTML in a QLabel left at its default
format, a message box, a tooltip, an item's tooltip and a progress dialog's label (issue 8,
point 13). These checks read the source (no Qt needed) and name the file and line of any
place that hands Qt a string to guess about. What the helpers then show is tested by
behaviour in tests/ui/test_markup.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import officer_app.gui

GUI = Path(officer_app.gui.__file__).parent
HELPERS = {"markup.py"}
BOXES = {"information", "warning", "critical", "question", "about"}


def _sources() -> list[tuple[str, ast.Module]]:
    return [
        (path.name, ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for path in sorted(GUI.rglob("*.py"))
        if path.name not in HELPERS and "generated" not in path.parts
    ]


def _calls(tree: ast.Module) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _owner(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return ""


def _safe(arg: ast.expr) -> bool:
    """A text Qt may guess about: only the app's own constant, or one made by literal()."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return True
    if isinstance(arg, ast.Call) and _name(arg.func) == "literal":
        return True
    if isinstance(arg, ast.IfExp):
        return _safe(arg.body) and _safe(arg.orelse)
    return False


def test_the_rules_see_the_gui_modules() -> None:
    names = {name for name, _tree in _sources()}
    assert {"case_page.py", "window.py", "letter_dialog.py", "form_widget.py"} <= names


def test_every_label_declares_its_format() -> None:
    """QLabel(...) guesses (Qt.AutoText): labels come from plain_label() or rich_label()."""
    found = [
        f"{name}:{call.lineno}"
        for name, tree in _sources()
        for call in _calls(tree)
        if _name(call.func) in ("QLabel", "QProgressDialog")
    ]
    found += [
        f"{name}:{node.lineno}"
        for name, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "AutoText"
    ]
    assert found == [], "use markup.plain_label/rich_label/progress_dialog at " + ", ".join(found)


def test_tooltips_and_message_boxes_get_a_constant_or_literal() -> None:
    found = []
    for name, tree in _sources():
        for call in _calls(tree):
            method, args = _name(call.func), call.args
            if method == "setToolTip" and args and not _safe(args[0]):
                found.append(f"{name}:{call.lineno} setToolTip")
            if method == "showText" and len(args) > 1 and not _safe(args[1]):
                found.append(f"{name}:{call.lineno} QToolTip.showText")
            if (
                method == "setItemData"
                and len(args) > 2
                and _name(args[2]) == "ToolTipRole"
                and not _safe(args[1])
            ):
                found.append(f"{name}:{call.lineno} setItemData(ToolTipRole)")
            boxed = _owner(call.func) == "QMessageBox" and method in BOXES
            if boxed and (len(args) < 3 or not _safe(args[2])):
                found.append(f"{name}:{call.lineno} QMessageBox.{method}")
    assert found == [], "wrap the text in markup.literal() at " + ", ".join(found)


def test_form_rows_are_labelled_with_constants_or_plain_labels() -> None:
    """QFormLayout.addRow("text", ...) makes an AutoText label from the string."""
    found = [
        f"{name}:{call.lineno}"
        for name, tree in _sources()
        for call in _calls(tree)
        if _name(call.func) == "addRow"
        and call.args
        and isinstance(call.args[0], ast.JoinedStr | ast.BinOp)
    ]
    assert found == [], "label the row with markup.plain_label() at " + ", ".join(found)


def test_the_rules_catch_what_they_are_for() -> None:
    """The checks are not vacuous: each flags the pattern it exists for."""
    bad = ast.parse(
        "label = QLabel(name)\n"
        "w.setToolTip(f'{name}')\n"
        "QMessageBox.warning(self, 'Oops', str(exc))\n"
        "QToolTip.showText(pos, text, self)\n"
        "combo.setItemData(0, tip, Qt.ItemDataRole.ToolTipRole)\n"
    )
    calls = _calls(bad)
    assert any(_name(c.func) == "QLabel" for c in calls)
    tip = next(c for c in calls if _name(c.func) == "setToolTip")
    box = next(c for c in calls if _name(c.func) == "warning")
    shown = next(c for c in calls if _name(c.func) == "showText")
    item = next(c for c in calls if _name(c.func) == "setItemData")
    assert not _safe(tip.args[0]) and not _safe(box.args[2]) and not _safe(shown.args[1])
    assert not _safe(item.args[1])
    good = ast.parse("w.setToolTip(literal(f'{name}') if ok else '')")
    assert _safe(next(c for c in _calls(good) if _name(c.func) == "setToolTip").args[0])
