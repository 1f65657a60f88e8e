# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referral_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ReferralDialog(object):
    def setupUi(self, ReferralDialog):
        if not ReferralDialog.objectName():
            ReferralDialog.setObjectName(u"ReferralDialog")
        self.layout = QVBoxLayout(ReferralDialog)
        self.layout.setObjectName(u"layout")
        self.scroll = QScrollArea(ReferralDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.columns = QHBoxLayout(self.body)
        self.columns.setObjectName(u"columns")
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.child_section = QLabel(self.body)
        self.child_section.setObjectName(u"child_section")
        self.child_section.setTextFormat(Qt.TextFormat.PlainText)
        self.child_section.setWordWrap(True)
        self.child_section.setProperty(u"role", u"section")

        self.left.addWidget(self.child_section)

        self.child_form = QFormLayout()
        self.child_form.setObjectName(u"child_form")
        self.forename_label = QLabel(self.body)
        self.forename_label.setObjectName(u"forename_label")
        self.forename_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.forename_label)

        self.forename = QLineEdit(self.body)
        self.forename.setObjectName(u"forename")
        self.forename.setMaxLength(80)

        self.child_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.forename)

        self.forename_error = QLabel(self.body)
        self.forename_error.setObjectName(u"forename_error")
        self.forename_error.setTextFormat(Qt.TextFormat.PlainText)
        self.forename_error.setWordWrap(True)
        self.forename_error.setProperty(u"role", u"error")

        self.child_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.forename_error)

        self.surname_label = QLabel(self.body)
        self.surname_label.setObjectName(u"surname_label")
        self.surname_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.surname_label)

        self.surname = QLineEdit(self.body)
        self.surname.setObjectName(u"surname")
        self.surname.setMaxLength(80)

        self.child_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.surname)

        self.surname_error = QLabel(self.body)
        self.surname_error.setObjectName(u"surname_error")
        self.surname_error.setTextFormat(Qt.TextFormat.PlainText)
        self.surname_error.setWordWrap(True)
        self.surname_error.setProperty(u"role", u"error")

        self.child_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.surname_error)

        self.dob_label = QLabel(self.body)
        self.dob_label.setObjectName(u"dob_label")
        self.dob_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dob_label)

        self.dob = QDateEdit(self.body)
        self.dob.setObjectName(u"dob")
        self.dob.setCalendarPopup(True)
        self.dob.setDisplayFormat(u"dd/MM/yyyy")

        self.child_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dob)

        self.dob_error = QLabel(self.body)
        self.dob_error.setObjectName(u"dob_error")
        self.dob_error.setTextFormat(Qt.TextFormat.PlainText)
        self.dob_error.setWordWrap(True)
        self.dob_error.setProperty(u"role", u"error")

        self.child_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dob_error)

        self.gender_label = QLabel(self.body)
        self.gender_label.setObjectName(u"gender_label")
        self.gender_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender = QComboBox(self.body)
        self.gender.setObjectName(u"gender")

        self.child_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.gender)

        self.gender_error = QLabel(self.body)
        self.gender_error.setObjectName(u"gender_error")
        self.gender_error.setTextFormat(Qt.TextFormat.PlainText)
        self.gender_error.setWordWrap(True)
        self.gender_error.setProperty(u"role", u"error")

        self.child_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.gender_error)

        self.upn_label = QLabel(self.body)
        self.upn_label.setObjectName(u"upn_label")
        self.upn_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.upn_label)

        self.upn = QLineEdit(self.body)
        self.upn.setObjectName(u"upn")
        self.upn.setMaxLength(16)

        self.child_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.upn)

        self.upn_error = QLabel(self.body)
        self.upn_error.setObjectName(u"upn_error")
        self.upn_error.setTextFormat(Qt.TextFormat.PlainText)
        self.upn_error.setWordWrap(True)
        self.upn_error.setProperty(u"role", u"error")

        self.child_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.upn_error)

        self.school_label = QLabel(self.body)
        self.school_label.setObjectName(u"school_label")
        self.school_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.school_label)

        self.school = QLineEdit(self.body)
        self.school.setObjectName(u"school")

        self.child_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.school)

        self.school_error = QLabel(self.body)
        self.school_error.setObjectName(u"school_error")
        self.school_error.setTextFormat(Qt.TextFormat.PlainText)
        self.school_error.setWordWrap(True)
        self.school_error.setProperty(u"role", u"error")

        self.child_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.school_error)

        self.new_school_label = QLabel(self.body)
        self.new_school_label.setObjectName(u"new_school_label")
        self.new_school_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.new_school_label)

        self.new_school_box = QWidget(self.body)
        self.new_school_box.setObjectName(u"new_school_box")
        self.new_school_row = QHBoxLayout(self.new_school_box)
        self.new_school_row.setObjectName(u"new_school_row")
        self.new_school_row.setContentsMargins(0, 0, 0, 0)
        self.new_school_name = QLineEdit(self.new_school_box)
        self.new_school_name.setObjectName(u"new_school_name")
        self.new_school_name.setMaxLength(160)

        self.new_school_row.addWidget(self.new_school_name)

        self.new_school_phase = QComboBox(self.new_school_box)
        self.new_school_phase.setObjectName(u"new_school_phase")

        self.new_school_row.addWidget(self.new_school_phase)


        self.child_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.new_school_box)

        self.year_group_label = QLabel(self.body)
        self.year_group_label.setObjectName(u"year_group_label")
        self.year_group_label.setTextFormat(Qt.TextFormat.PlainText)

        self.child_form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.year_group_label)

        self.year_group = QComboBox(self.body)
        self.year_group.setObjectName(u"year_group")

        self.child_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.year_group)

        self.year_group_error = QLabel(self.body)
        self.year_group_error.setObjectName(u"year_group_error")
        self.year_group_error.setTextFormat(Qt.TextFormat.PlainText)
        self.year_group_error.setWordWrap(True)
        self.year_group_error.setProperty(u"role", u"error")

        self.child_form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.year_group_error)


        self.left.addLayout(self.child_form)

        self.family_section = QLabel(self.body)
        self.family_section.setObjectName(u"family_section")
        self.family_section.setTextFormat(Qt.TextFormat.PlainText)
        self.family_section.setWordWrap(True)
        self.family_section.setProperty(u"role", u"section")

        self.left.addWidget(self.family_section)

        self.family_form = QFormLayout()
        self.family_form.setObjectName(u"family_form")
        self.family_link_label = QLabel(self.body)
        self.family_link_label.setObjectName(u"family_link_label")
        self.family_link_label.setTextFormat(Qt.TextFormat.PlainText)

        self.family_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.family_link_label)

        self.family_link = QComboBox(self.body)
        self.family_link.setObjectName(u"family_link")
        self.family_link.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.family_link.setMinimumContentsLength(20)

        self.family_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.family_link)

        self.family_name_label = QLabel(self.body)
        self.family_name_label.setObjectName(u"family_name_label")
        self.family_name_label.setTextFormat(Qt.TextFormat.PlainText)

        self.family_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.family_name_label)

        self.family_name = QLineEdit(self.body)
        self.family_name.setObjectName(u"family_name")
        self.family_name.setMaxLength(120)

        self.family_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.family_name)

        self.family_name_error = QLabel(self.body)
        self.family_name_error.setObjectName(u"family_name_error")
        self.family_name_error.setTextFormat(Qt.TextFormat.PlainText)
        self.family_name_error.setWordWrap(True)
        self.family_name_error.setProperty(u"role", u"error")

        self.family_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.family_name_error)

        self.address1_label = QLabel(self.body)
        self.address1_label.setObjectName(u"address1_label")
        self.address1_label.setTextFormat(Qt.TextFormat.PlainText)

        self.family_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.address1_label)

        self.address1 = QLineEdit(self.body)
        self.address1.setObjectName(u"address1")
        self.address1.setMaxLength(160)

        self.family_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.address1)

        self.address1_error = QLabel(self.body)
        self.address1_error.setObjectName(u"address1_error")
        self.address1_error.setTextFormat(Qt.TextFormat.PlainText)
        self.address1_error.setWordWrap(True)
        self.address1_error.setProperty(u"role", u"error")

        self.family_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.address1_error)

        self.address2_label = QLabel(self.body)
        self.address2_label.setObjectName(u"address2_label")
        self.address2_label.setTextFormat(Qt.TextFormat.PlainText)

        self.family_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.address2_label)

        self.address2 = QLineEdit(self.body)
        self.address2.setObjectName(u"address2")
        self.address2.setMaxLength(160)

        self.family_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.address2)

        self.address2_error = QLabel(self.body)
        self.address2_error.setObjectName(u"address2_error")
        self.address2_error.setTextFormat(Qt.TextFormat.PlainText)
        self.address2_error.setWordWrap(True)
        self.address2_error.setProperty(u"role", u"error")

        self.family_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.address2_error)

        self.town_label = QLabel(self.body)
        self.town_label.setObjectName(u"town_label")
        self.town_label.setTextFormat(Qt.TextFormat.PlainText)

        self.family_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.town_label)

        self.town = QLineEdit(self.body)
        self.town.setObjectName(u"town")
        self.town.setMaxLength(80)

        self.family_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.town)

        self.town_error = QLabel(self.body)
        self.town_error.setObjectName(u"town_error")
        self.town_error.setTextFormat(Qt.TextFormat.PlainText)
        self.town_error.setWordWrap(True)
        self.town_error.setProperty(u"role", u"error")

        self.family_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.town_error)

        self.postcode_label = QLabel(self.body)
        self.postcode_label.setObjectName(u"postcode_label")
        self.postcode_label.setTextFormat(Qt.TextFormat.PlainText)

        self.family_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.postcode_label)

        self.postcode = QLineEdit(self.body)
        self.postcode.setObjectName(u"postcode")
        self.postcode.setMaxLength(10)

        self.family_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.postcode)

        self.postcode_error = QLabel(self.body)
        self.postcode_error.setObjectName(u"postcode_error")
        self.postcode_error.setTextFormat(Qt.TextFormat.PlainText)
        self.postcode_error.setWordWrap(True)
        self.postcode_error.setProperty(u"role", u"error")

        self.family_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.postcode_error)


        self.left.addLayout(self.family_form)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left.addItem(self.left_spacer)


        self.columns.addLayout(self.left)

        self.right = QVBoxLayout()
        self.right.setObjectName(u"right")
        self.adults_section = QLabel(self.body)
        self.adults_section.setObjectName(u"adults_section")
        self.adults_section.setTextFormat(Qt.TextFormat.PlainText)
        self.adults_section.setWordWrap(True)
        self.adults_section.setProperty(u"role", u"section")

        self.right.addWidget(self.adults_section)

        self.adults = QTableWidget(self.body)
        self.adults.setObjectName(u"adults")
        self.adults.setMinimumSize(QSize(0, 150))

        self.right.addWidget(self.adults)

        self.adult_buttons = QHBoxLayout()
        self.adult_buttons.setObjectName(u"adult_buttons")
        self.add_adult = QPushButton(self.body)
        self.add_adult.setObjectName(u"add_adult")

        self.adult_buttons.addWidget(self.add_adult)

        self.remove_adult = QPushButton(self.body)
        self.remove_adult.setObjectName(u"remove_adult")

        self.adult_buttons.addWidget(self.remove_adult)

        self.adult_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.adult_buttons.addItem(self.adult_spacer)


        self.right.addLayout(self.adult_buttons)

        self.adults_error = QLabel(self.body)
        self.adults_error.setObjectName(u"adults_error")
        self.adults_error.setTextFormat(Qt.TextFormat.PlainText)
        self.adults_error.setWordWrap(True)
        self.adults_error.setProperty(u"role", u"error")

        self.right.addWidget(self.adults_error)

        self.referral_section = QLabel(self.body)
        self.referral_section.setObjectName(u"referral_section")
        self.referral_section.setTextFormat(Qt.TextFormat.PlainText)
        self.referral_section.setWordWrap(True)
        self.referral_section.setProperty(u"role", u"section")

        self.right.addWidget(self.referral_section)

        self.referral_form = QFormLayout()
        self.referral_form.setObjectName(u"referral_form")
        self.referred_by_label = QLabel(self.body)
        self.referred_by_label.setObjectName(u"referred_by_label")
        self.referred_by_label.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referred_by_label)

        self.referred_by = QLineEdit(self.body)
        self.referred_by.setObjectName(u"referred_by")
        self.referred_by.setMaxLength(120)

        self.referral_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referred_by)

        self.referred_by_error = QLabel(self.body)
        self.referred_by_error.setObjectName(u"referred_by_error")
        self.referred_by_error.setTextFormat(Qt.TextFormat.PlainText)
        self.referred_by_error.setWordWrap(True)
        self.referred_by_error.setProperty(u"role", u"error")

        self.referral_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.referred_by_error)

        self.received_label = QLabel(self.body)
        self.received_label.setObjectName(u"received_label")
        self.received_label.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.received_label)

        self.received = QDateEdit(self.body)
        self.received.setObjectName(u"received")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(u"dd/MM/yyyy")

        self.referral_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.received)

        self.received_error = QLabel(self.body)
        self.received_error.setObjectName(u"received_error")
        self.received_error.setTextFormat(Qt.TextFormat.PlainText)
        self.received_error.setWordWrap(True)
        self.received_error.setProperty(u"role", u"error")

        self.referral_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.received_error)

        self.reason_label = QLabel(self.body)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QPlainTextEdit(self.body)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.referral_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reason)

        self.reason_error = QLabel(self.body)
        self.reason_error.setObjectName(u"reason_error")
        self.reason_error.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_error.setWordWrap(True)
        self.reason_error.setProperty(u"role", u"error")

        self.referral_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reason_error)


        self.right.addLayout(self.referral_form)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right.addItem(self.right_spacer)


        self.columns.addLayout(self.right)

        self.scroll.setWidget(self.body)

        self.layout.addWidget(self.scroll)

        self.duplicates_box = QFrame(ReferralDialog)
        self.duplicates_box.setObjectName(u"duplicates_box")
        self.duplicates_box.setProperty(u"role", u"card")
        self.duplicates_layout = QVBoxLayout(self.duplicates_box)
        self.duplicates_layout.setObjectName(u"duplicates_layout")
        self.duplicates_text = QLabel(self.duplicates_box)
        self.duplicates_text.setObjectName(u"duplicates_text")
        self.duplicates_text.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicates_text.setWordWrap(True)

        self.duplicates_layout.addWidget(self.duplicates_text)

        self.duplicates = QListWidget(self.duplicates_box)
        self.duplicates.setObjectName(u"duplicates")
        self.duplicates.setMaximumSize(QSize(16777215, 90))

        self.duplicates_layout.addWidget(self.duplicates)

        self.duplicate_actions = QHBoxLayout()
        self.duplicate_actions.setObjectName(u"duplicate_actions")
        self.open_case = QPushButton(self.duplicates_box)
        self.open_case.setObjectName(u"open_case")

        self.duplicate_actions.addWidget(self.open_case)

        self.why_new_label = QLabel(self.duplicates_box)
        self.why_new_label.setObjectName(u"why_new_label")
        self.why_new_label.setTextFormat(Qt.TextFormat.PlainText)

        self.duplicate_actions.addWidget(self.why_new_label)

        self.why_new = QLineEdit(self.duplicates_box)
        self.why_new.setObjectName(u"why_new")
        self.why_new.setMaxLength(400)

        self.duplicate_actions.addWidget(self.why_new)


        self.duplicates_layout.addLayout(self.duplicate_actions)


        self.layout.addWidget(self.duplicates_box)

        self.message = QLabel(ReferralDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ReferralDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.forename_label.setBuddy(self.forename)
        self.surname_label.setBuddy(self.surname)
        self.dob_label.setBuddy(self.dob)
        self.gender_label.setBuddy(self.gender)
        self.upn_label.setBuddy(self.upn)
        self.school_label.setBuddy(self.school)
        self.new_school_label.setBuddy(self.new_school_name)
        self.year_group_label.setBuddy(self.year_group)
        self.family_link_label.setBuddy(self.family_link)
        self.family_name_label.setBuddy(self.family_name)
        self.address1_label.setBuddy(self.address1)
        self.address2_label.setBuddy(self.address2)
        self.town_label.setBuddy(self.town)
        self.postcode_label.setBuddy(self.postcode)
        self.referred_by_label.setBuddy(self.referred_by)
        self.received_label.setBuddy(self.received)
        self.reason_label.setBuddy(self.reason)
        self.why_new_label.setBuddy(self.why_new)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReferralDialog)

        QMetaObject.connectSlotsByName(ReferralDialog)
    # setupUi

    def retranslateUi(self, ReferralDialog):
        ReferralDialog.setWindowTitle(QCoreApplication.translate("ReferralDialog", u"New referral", None))
        self.child_section.setText(QCoreApplication.translate("ReferralDialog", u"Child", None))
        self.forename_label.setText(QCoreApplication.translate("ReferralDialog", u"&Forename", None))
#if QT_CONFIG(accessibility)
        self.forename.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Child's forename", None))
#endif // QT_CONFIG(accessibility)
        self.surname_label.setText(QCoreApplication.translate("ReferralDialog", u"&Surname", None))
#if QT_CONFIG(accessibility)
        self.surname.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Child's surname", None))
#endif // QT_CONFIG(accessibility)
        self.dob_label.setText(QCoreApplication.translate("ReferralDialog", u"Date of &birth", None))
#if QT_CONFIG(accessibility)
        self.dob.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.gender_label.setText(QCoreApplication.translate("ReferralDialog", u"&Gender", None))
#if QT_CONFIG(accessibility)
        self.gender.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Gender", None))
#endif // QT_CONFIG(accessibility)
        self.upn_label.setText(QCoreApplication.translate("ReferralDialog", u"&UPN", None))
#if QT_CONFIG(accessibility)
        self.upn.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Unique pupil number", None))
#endif // QT_CONFIG(accessibility)
        self.upn.setPlaceholderText(QCoreApplication.translate("ReferralDialog", u"13 characters: a check letter, then 12", None))
        self.school_label.setText(QCoreApplication.translate("ReferralDialog", u"Sc&hool", None))
#if QT_CONFIG(accessibility)
        self.school.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"School", None))
#endif // QT_CONFIG(accessibility)
        self.school.setPlaceholderText(QCoreApplication.translate("ReferralDialog", u"name or URN", None))
        self.new_school_label.setText(QCoreApplication.translate("ReferralDialog", u"New sc&hool", None))
#if QT_CONFIG(accessibility)
        self.new_school_name.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"New school's name", None))
#endif // QT_CONFIG(accessibility)
        self.new_school_name.setPlaceholderText(QCoreApplication.translate("ReferralDialog", u"the school's name (the URN is not in this profile yet)", None))
#if QT_CONFIG(accessibility)
        self.new_school_phase.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"New school's phase", None))
#endif // QT_CONFIG(accessibility)
        self.year_group_label.setText(QCoreApplication.translate("ReferralDialog", u"&Year group", None))
#if QT_CONFIG(accessibility)
        self.year_group.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Year group", None))
#endif // QT_CONFIG(accessibility)
        self.family_section.setText(QCoreApplication.translate("ReferralDialog", u"Family and address", None))
        self.family_link_label.setText(QCoreApplication.translate("ReferralDialog", u"Fa&mily", None))
#if QT_CONFIG(accessibility)
        self.family_link.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Family: a new one or a sibling's", None))
#endif // QT_CONFIG(accessibility)
        self.family_name_label.setText(QCoreApplication.translate("ReferralDialog", u"Family &name", None))
#if QT_CONFIG(accessibility)
        self.family_name.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Family name", None))
#endif // QT_CONFIG(accessibility)
        self.family_name.setPlaceholderText(QCoreApplication.translate("ReferralDialog", u"the child's surname if empty", None))
        self.address1_label.setText(QCoreApplication.translate("ReferralDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.address1.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Address line 1", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.address2.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Address line 2", None))
#endif // QT_CONFIG(accessibility)
        self.town_label.setText(QCoreApplication.translate("ReferralDialog", u"&Town", None))
#if QT_CONFIG(accessibility)
        self.town.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Town", None))
#endif // QT_CONFIG(accessibility)
        self.postcode_label.setText(QCoreApplication.translate("ReferralDialog", u"&Postcode", None))
#if QT_CONFIG(accessibility)
        self.postcode.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Postcode", None))
#endif // QT_CONFIG(accessibility)
        self.adults_section.setText(QCoreApplication.translate("ReferralDialog", u"Adults", None))
#if QT_CONFIG(accessibility)
        self.adults.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Adults", None))
#endif // QT_CONFIG(accessibility)
        self.add_adult.setText(QCoreApplication.translate("ReferralDialog", u"A&dd adult", None))
        self.remove_adult.setText(QCoreApplication.translate("ReferralDialog", u"Re&move adult", None))
        self.referral_section.setText(QCoreApplication.translate("ReferralDialog", u"Referral", None))
        self.referred_by_label.setText(QCoreApplication.translate("ReferralDialog", u"&Referred by", None))
#if QT_CONFIG(accessibility)
        self.referred_by.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Who referred", None))
#endif // QT_CONFIG(accessibility)
        self.referred_by.setPlaceholderText(QCoreApplication.translate("ReferralDialog", u"e.g. Oakfield Academy attendance lead", None))
        self.received_label.setText(QCoreApplication.translate("ReferralDialog", u"Date &received", None))
#if QT_CONFIG(accessibility)
        self.received.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Date received", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("ReferralDialog", u"&Why", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Why the child is referred", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.duplicates.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"The same child's cases", None))
#endif // QT_CONFIG(accessibility)
        self.open_case.setText(QCoreApplication.translate("ReferralDialog", u"&Open that case", None))
        self.why_new_label.setText(QCoreApplication.translate("ReferralDialog", u"This is a new case &because", None))
#if QT_CONFIG(accessibility)
        self.why_new.setAccessibleName(QCoreApplication.translate("ReferralDialog", u"Why this is a new case", None))
#endif // QT_CONFIG(accessibility)
        self.why_new.setPlaceholderText(QCoreApplication.translate("ReferralDialog", u"required to save a new case", None))
    # retranslateUi

