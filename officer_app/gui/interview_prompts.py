"""The questions the record screen asks in its flow (did they understand the caution, why the
break, a reminder or a full caution after it, why a question comes before the caution, the
reply to a significant statement): a bar under the record, never a modal box, so the officer
keeps typing with the keyboard alone and nothing hides the record they are reading.

A prompt has a message, at most one line of words to type, and its choices. Enter in the line
takes the first choice that wants the words (or the first); Escape puts the prompt away. A
choice that needs the words is refused, with the reason beside it, while the line is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from officer_app.gui.markup import no_accelerator, plain_label

PROMPT_STYLE = """
QFrame#interviewPrompt { background: #fff3cd; border: 2px solid #664d03; border-radius: 6px; }
QLabel#promptMessage { color: #1b1f24; font-size: 12pt; }
QLabel#promptError { color: #842029; font-weight: bold; }
"""


@dataclass(frozen=True)
class Choice:
    """One answer to a prompt: its button's text, what it does with the words typed (""
    without a line), and whether it needs them."""

    text: str
    act: Callable[[str], None]
    needs_words: bool = False
    key: str = ""  # an object name, for tests and for the accessibility tree


class PromptBar(QFrame):
    """One prompt at a time under the record; hidden when none is asked."""

    closed = Signal()  # answered or put away: the window gives the focus back to the input

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewPrompt")
        self.setStyleSheet(PROMPT_STYLE)
        self.setAccessibleName("Question from the record")
        self.message = plain_label("")
        self.message.setObjectName("promptMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words_label = plain_label("")
        self.words = QLineEdit()
        self.words.setMaxLength(2000)
        self.words.returnPressed.connect(self._enter)
        self.error = plain_label("")
        self.error.setObjectName("promptError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setSpacing(8)
        self.cancel_button = QPushButton("Not now (Esc)")
        self.cancel_button.clicked.connect(self.dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.message)
        words_row = QHBoxLayout()
        words_row.addWidget(self.words_label)
        words_row.addWidget(self.words, 1)
        layout.addLayout(words_row)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons_row)
        self.buttons: dict[str, QPushButton] = {}
        self._choices: list[Choice] = []
        self._on_cancel: Callable[[], None] | None = None
        self.hide()

    @property
    def asking(self) -> bool:
        return not self.isHidden()

    def ask(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        words_label: str = "",
        words: str = "",
        cancellable: bool = True,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        """Show a prompt (replacing any other); the focus goes to its line or first choice."""
        self._clear_buttons()
        self._choices = list(choices)
        self._on_cancel = on_cancel
        self.message.setText(message)
        self.words_label.setText(words_label)
        self.words_label.setVisible(bool(words_label))
        self.words.setVisible(bool(words_label))
        self.words.setAccessibleName(words_label or "Words")
        self.words.setText(words)
        self.error.hide()
        for index, choice in enumerate(self._choices):
            button = QPushButton(no_accelerator(choice.text))
            button.setAccessibleName(choice.text)
            button.setObjectName(choice.key or f"choice{index}")
            if index == 0:
                button.setProperty("primary", True)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            self.buttons_row.addWidget(button)
            self.buttons[choice.key or choice.text] = button
        self.buttons_row.addStretch(1)
        if cancellable:
            self.buttons_row.addWidget(self.cancel_button)
            self.cancel_button.show()
        else:
            self.cancel_button.hide()
        self.show()
        if words_label:
            self.words.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.buttons:
            next(iter(self.buttons.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, key: str) -> None:
        """Take the choice named ``key`` (its ``key``, or its text), as its button would."""
        choice = next(c for c in self._choices if (c.key or c.text) == key)
        self._choose(choice)

    def _clear_buttons(self) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.cancel_button:
                widget.hide()  # gone from the next paint, not only once deleted
                widget.setParent(None)
                widget.deleteLater()
        self.buttons.clear()

    def _enter(self) -> None:
        wanting = [c for c in self._choices if c.needs_words]
        if wanting or self._choices:
            self._choose((wanting or self._choices)[0])

    def _choose(self, choice: Choice) -> None:
        words = "" if self.words.isHidden() else self.words.text().strip()
        if choice.needs_words and not words:
            self.error.setText(f"Type the words first: {self.words_label.text().lower()}")
            self.error.show()
            self.words.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._finish()
        choice.act(words)

    def dismiss(self) -> None:
        if self.isHidden() or not self.cancel_button.isVisibleTo(self):
            return
        on_cancel = self._on_cancel
        self._finish()
        if on_cancel is not None:
            on_cancel()

    def _finish(self) -> None:
        self.hide()
        self._choices = []
        self._on_cancel = None
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.dismiss()
            return
        super().keyPressEvent(event)
