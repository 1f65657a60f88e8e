"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout


class Ui_FinishEntryDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    title_label: QLabel
    title: QLineEdit
    when_label: QLabel
    when: QDateTimeEdit
    text_label: QLabel
    text: QPlainTextEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, FinishEntryDialog: QDialog) -> None: ...
    def retranslateUi(self, FinishEntryDialog: QDialog) -> None: ...
