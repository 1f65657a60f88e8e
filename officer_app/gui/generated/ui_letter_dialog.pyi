"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpacerItem, QSplitter, QVBoxLayout, QWidget
from officer_app.gui.pdf_preview import PdfPreview


class Ui_LetterDialog:
    layout: QVBoxLayout
    split: QSplitter
    left: QWidget
    left_layout: QVBoxLayout
    asks_area: QScrollArea
    inputs: QWidget
    inputs_layout: QVBoxLayout
    warning: QLabel
    form: QFormLayout
    template_label: QLabel
    template: QComboBox
    description: QLabel
    recipient_label: QLabel
    recipient: QComboBox
    not_offered: QLabel
    dated_label: QLabel
    dated: QDateEdit
    section: QLabel
    asks_box: QVBoxLayout
    inputs_end: QSpacerItem
    preview_row: QHBoxLayout
    preview_row_start: QSpacerItem
    preview_button: QPushButton
    pdf: PdfPreview
    status: QLabel
    footer: QHBoxLayout
    footer_start: QSpacerItem
    print_button: QPushButton
    save_button: QPushButton
    record_button: QPushButton
    close_button: QPushButton
    def setupUi(self, LetterDialog: QDialog) -> None: ...
    def retranslateUi(self, LetterDialog: QDialog) -> None: ...
