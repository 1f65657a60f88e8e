"""A list that asks for no more height than its minimum (drawn in ui/ as a custom widget).

A scroll area whose page has wrapped text sizes the page to its preferred height for its
width, and a plain list asks for 192 px: three of them in a column made the page taller than
a laptop's screen and the whole dialog scroll. This one grows only with the room it is given,
and scrolls its own rows beyond that.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget


class ShortList(QListWidget):
    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(self.minimumHeight(), 48))
