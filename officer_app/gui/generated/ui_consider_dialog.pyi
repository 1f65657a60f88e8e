"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout


class Ui_ConsiderDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    first_label: QLabel
    first: QDateEdit
    last_label: QLabel
    last: QDateEdit
    evidence_title: QLabel
    evidence_label: QLabel
    parents_label: QLabel
    parent_box: QVBoxLayout
    grounds_label: QLabel
    grounds: QComboBox
    note_label: QLabel
    note: QPlainTextEdit
    buttons: QDialogButtonBox
    def setupUi(self, ConsiderDialog: QDialog) -> None: ...
    def retranslateUi(self, ConsiderDialog: QDialog) -> None: ...
