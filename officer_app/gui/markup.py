"""User and file text in Qt's widgets: shown as the characters typed, never as markup.

Qt guesses. A QLabel's default format (``Qt.AutoText``), a QMessageBox's text, every tooltip
(a widget's, an item's, an item model's ``ToolTipRole``) and the label a QFormLayout makes for
a row are read as rich text when the string *looks* like HTML (``Qt::mightBeRichText``). A
flag's description, a child's name, an LA's form label or an error quoting a file can then
draw bold text, hide words, or load an image from a path on disk (issue 8, point 13). And a
``&`` in a button, check box or tab is an accelerator marker, not a character.

So the GUI goes through these helpers (a test in tests/ui/test_markup.py keeps it so):

- :func:`plain_label` for a label that only ever shows plain text (``Qt.PlainText``);
- :func:`rich_label` for the few the app deliberately styles, whose markup is built with
  :func:`escape` / :func:`lines` around every piece of text that is not the app's own;
- :func:`literal` for a tooltip or a message box: rich text that Qt shows as exactly the text;
- :func:`no_accelerator` for a button, check box, radio button or tab showing such text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget


def escape(text: object) -> str:
    """``text`` for a place inside rich text (``<``, ``>`` and ``&`` escaped; never for an
    attribute value: none in the app holds outside text)."""
    return html.escape(str(text), quote=False)


def lines(text: object) -> str:
    """Escaped, with each line break kept as a line break (rich text collapses them)."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def bold(text: object) -> str:
    return f"<b>{escape(text)}</b>"


def literal(text: object) -> str:
    """Rich text that Qt shows as exactly ``text``, for a place that guesses the format (a
    tooltip, an item's tooltip, a message box). Line breaks and runs of spaces are kept; an
    empty text stays empty (no tooltip at all)."""
    value = str(text)
    if not value:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(value, quote=False)}</p>"


def no_accelerator(text: object) -> str:
    """Text for a button, check box, radio button or tab: ``&`` shown, not an accelerator."""
    return str(text).replace("&", "&&")


def plain_label(text: object = "", parent: QWidget | None = None) -> QLabel:
    """A label whose text is shown exactly as given, whatever it looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(str(text))
    return label


def rich_label(markup: str = "", parent: QWidget | None = None) -> QLabel:
    """A label showing the app's own rich text (every outside piece through :func:`escape`)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(markup)
    return label


def progress_dialog(
    text: str, cancel: str, maximum: int, parent: QWidget | None = None
) -> QProgressDialog:
    """A progress dialog whose label (a file name, a message) is shown as plain text."""
    dialog = QProgressDialog(parent)
    dialog.setLabel(plain_label(text, dialog))
    dialog.setCancelButtonText(cancel)
    dialog.setRange(0, maximum)
    return dialog


def inform(parent: QWidget | None, title: str, text: object) -> None:
    """An information box whose message is shown literally."""
    QMessageBox.information(parent, title, literal(text))


def warn(parent: QWidget | None, title: str, text: object) -> None:
    """A warning box whose message is shown literally."""
    QMessageBox.warning(parent, title, literal(text))
