"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class Ui_PassphraseDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    old_label: QLabel
    old: QLineEdit
    new_label: QLabel
    new: QLineEdit
    again_label: QLabel
    again: QLineEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, PassphraseDialog: QDialog) -> None: ...
    def retranslateUi(self, PassphraseDialog: QDialog) -> None: ...
