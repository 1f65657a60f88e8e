"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpacerItem, QVBoxLayout


class Ui_RecordSentDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    sent_on_label: QLabel
    sent_on: QDateEdit
    how_label: QLabel
    how: QHBoxLayout
    how_end: QSpacerItem
    buttons: QHBoxLayout
    buttons_start: QSpacerItem
    ok_button: QPushButton
    cancel_button: QPushButton
    def setupUi(self, RecordSentDialog: QDialog) -> None: ...
    def retranslateUi(self, RecordSentDialog: QDialog) -> None: ...
