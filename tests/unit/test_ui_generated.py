"""The compiled dialogs in officer_app/gui/generated/ are exactly what ui/*.ui make today:
a .ui changed without `make ui` (or a generated file edited by hand) fails here, naming it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build() -> object:
    spec = importlib.util.spec_from_file_location("ui_build", ROOT / "ui" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ui_build"] = module
    spec.loader.exec_module(module)
    return module


def test_every_generated_dialog_matches_its_ui_file() -> None:
    assert _build().stale() == []  # type: ignore[attr-defined]


def test_a_hand_edit_to_a_generated_file_is_caught(tmp_path: Path, monkeypatch: object) -> None:
    build = _build()
    copy = tmp_path / "generated"
    copy.mkdir()
    for path in (ROOT / "officer_app" / "gui" / "generated").glob("*.py*"):
        (copy / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    edited = copy / "ui_passphrase_dialog.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "# tweak\n", encoding="utf-8")
    (copy / "ui_gone.py").write_text("", encoding="utf-8")
    build.GENERATED = copy  # type: ignore[attr-defined]
    build.ROOT = tmp_path  # type: ignore[attr-defined]
    problems = build.stale()  # type: ignore[attr-defined]
    assert any("ui_passphrase_dialog.py: out of date" in line for line in problems)
    assert any("ui_gone.py: no .ui" in line for line in problems)
