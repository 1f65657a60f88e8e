"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSpacerItem, QVBoxLayout, QWidget
from officer_app.gui.short_list import ShortList


class Ui_InterviewPlanDialog:
    layout: QVBoxLayout
    intro: QLabel
    scroll: QScrollArea
    body: QWidget
    columns: QHBoxLayout
    left: QVBoxLayout
    interview_section: QLabel
    interview_form: QFormLayout
    offence_label: QLabel
    offence: QComboBox
    person_label: QLabel
    person: QComboBox
    person_detail: QLabel
    period_from_label: QLabel
    period_box: QWidget
    period_box_row: QHBoxLayout
    period_from: QDateEdit
    period_to_label: QLabel
    period_to: QDateEdit
    period_spacer: QSpacerItem
    office_label: QLabel
    place_box: QWidget
    place_box_row: QHBoxLayout
    office: QRadioButton
    home: QRadioButton
    place_spacer: QSpacerItem
    place_label: QLabel
    place: QLineEdit
    when_label: QLabel
    when_box: QWidget
    when_box_row: QHBoxLayout
    when: QDateTimeEdit
    not_arranged: QCheckBox
    second_label: QLabel
    second: QComboBox
    recording_label: QLabel
    recording: QComboBox
    support_section: QLabel
    support_form: QFormLayout
    interpreter_language_label: QLabel
    interpreter_language: QLineEdit
    interpreter_name_label: QLabel
    interpreter_name: QLineEdit
    aa_name_label: QLabel
    aa_name: QLineEdit
    aa_relationship_label: QLabel
    aa_relationship: QLineEdit
    warnings: QLabel
    notes_label: QLabel
    notes: QPlainTextEdit
    left_spacer: QSpacerItem
    right: QVBoxLayout
    topics_section: QLabel
    topics_hint: QLabel
    topics: ShortList
    topic_row: QHBoxLayout
    new_topic: QLineEdit
    add_topic: QPushButton
    remove_topic: QPushButton
    statements_section: QLabel
    statements: ShortList
    statement_row: QHBoxLayout
    new_statement: QLineEdit
    add_statement: QPushButton
    remove_statement: QPushButton
    documents_section: QLabel
    documents_hint: QLabel
    documents: ShortList
    document_row: QHBoxLayout
    document_choice: QComboBox
    add_document: QPushButton
    typed_document_row: QHBoxLayout
    new_document: QLineEdit
    add_typed_document: QPushButton
    remove_document: QPushButton
    status: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, InterviewPlanDialog: QDialog) -> None: ...
    def retranslateUi(self, InterviewPlanDialog: QDialog) -> None: ...
