"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QSpacerItem, QSplitter, QStackedWidget, QVBoxLayout, QWidget


class Ui_LetterBatchDialog:
    layout: QVBoxLayout
    pages: QStackedWidget
    setup: QWidget
    setup_layout: QVBoxLayout
    unfinished_box: QWidget
    unfinished_layout: QVBoxLayout
    unfinished_banner: QLabel
    unfinished_row: QHBoxLayout
    unfinished: QListWidget
    unfinished_buttons: QVBoxLayout
    resume_button: QPushButton
    confirm_unfinished_button: QPushButton
    abandon_button: QPushButton
    unfinished_buttons_end: QSpacerItem
    split: QSplitter
    left: QWidget
    left_layout: QVBoxLayout
    form: QFormLayout
    template_label: QLabel
    template: QComboBox
    description: QLabel
    dated_label: QLabel
    dated: QDateEdit
    section: QLabel
    asks_area: QScrollArea
    right: QWidget
    right_layout: QVBoxLayout
    heading: QLabel
    cases_banner: QLabel
    cases: QListWidget
    ticks: QHBoxLayout
    tick_all: QPushButton
    untick_all: QPushButton
    ticks_middle: QSpacerItem
    count: QLabel
    footer: QHBoxLayout
    status: QLabel
    make_button: QPushButton
    close_button: QPushButton
    results: QWidget
    results_layout: QVBoxLayout
    summary: QLabel
    skipped_heading: QLabel
    skipped: QListWidget
    result_footer: QHBoxLayout
    result_status: QLabel
    print_button: QPushButton
    save_button: QPushButton
    confirm_button: QPushButton
    done_button: QPushButton
    def setupUi(self, LetterBatchDialog: QDialog) -> None: ...
    def retranslateUi(self, LetterBatchDialog: QDialog) -> None: ...
