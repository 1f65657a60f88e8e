"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout


class Ui_StageDialog:
    layout: QVBoxLayout
    intro: QLabel
    stages_label: QLabel
    stages: QListWidget
    form: QFormLayout
    supervisor_label: QLabel
    supervisor: QComboBox
    reason_label: QLabel
    reason: QPlainTextEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, StageDialog: QDialog) -> None: ...
    def retranslateUi(self, StageDialog: QDialog) -> None: ...
