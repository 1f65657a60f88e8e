"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSpacerItem, QTableWidget, QVBoxLayout, QWidget


class Ui_ReferralDialog:
    layout: QVBoxLayout
    scroll: QScrollArea
    body: QWidget
    columns: QHBoxLayout
    left: QVBoxLayout
    child_section: QLabel
    child_form: QFormLayout
    forename_label: QLabel
    forename: QLineEdit
    forename_error: QLabel
    surname_label: QLabel
    surname: QLineEdit
    surname_error: QLabel
    dob_label: QLabel
    dob: QDateEdit
    dob_error: QLabel
    gender_label: QLabel
    gender: QComboBox
    gender_error: QLabel
    upn_label: QLabel
    upn: QLineEdit
    upn_error: QLabel
    school_label: QLabel
    school: QLineEdit
    school_error: QLabel
    new_school_label: QLabel
    new_school_box: QWidget
    new_school_row: QHBoxLayout
    new_school_name: QLineEdit
    new_school_phase: QComboBox
    year_group_label: QLabel
    year_group: QComboBox
    year_group_error: QLabel
    family_section: QLabel
    family_form: QFormLayout
    family_link_label: QLabel
    family_link: QComboBox
    family_name_label: QLabel
    family_name: QLineEdit
    family_name_error: QLabel
    address1_label: QLabel
    address1: QLineEdit
    address1_error: QLabel
    address2_label: QLabel
    address2: QLineEdit
    address2_error: QLabel
    town_label: QLabel
    town: QLineEdit
    town_error: QLabel
    postcode_label: QLabel
    postcode: QLineEdit
    postcode_error: QLabel
    left_spacer: QSpacerItem
    right: QVBoxLayout
    adults_section: QLabel
    adults: QTableWidget
    adult_buttons: QHBoxLayout
    add_adult: QPushButton
    remove_adult: QPushButton
    adult_spacer: QSpacerItem
    adults_error: QLabel
    referral_section: QLabel
    referral_form: QFormLayout
    referred_by_label: QLabel
    referred_by: QLineEdit
    referred_by_error: QLabel
    received_label: QLabel
    received: QDateEdit
    received_error: QLabel
    reason_label: QLabel
    reason: QPlainTextEdit
    reason_error: QLabel
    right_spacer: QSpacerItem
    duplicates_box: QFrame
    duplicates_layout: QVBoxLayout
    duplicates_text: QLabel
    duplicates: QListWidget
    duplicate_actions: QHBoxLayout
    open_case: QPushButton
    why_new_label: QLabel
    why_new: QLineEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, ReferralDialog: QDialog) -> None: ...
    def retranslateUi(self, ReferralDialog: QDialog) -> None: ...
