"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpacerItem, QSpinBox, QVBoxLayout


class Ui_WitnessDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    name_label: QLabel
    name: QLineEdit
    occupation_label: QLabel
    occupation: QLineEdit
    age_label: QLabel
    age_row: QHBoxLayout
    over_18: QCheckBox
    age: QSpinBox
    age_row_end: QSpacerItem
    buttons: QDialogButtonBox
    def setupUi(self, WitnessDialog: QDialog) -> None: ...
    def retranslateUi(self, WitnessDialog: QDialog) -> None: ...
