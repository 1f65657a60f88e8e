"""The labels of a case tab: wrapping, selectable, plain unless the app's own markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from officer_app.gui.markup import plain_label, rich_label


def case_label(text: str = "", role: str | None = None, *, rich: bool = False) -> QLabel:
    """A wrapping, selectable label: plain text, or the app's own markup if ``rich``."""
    label = rich_label(text) if rich else plain_label(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label
