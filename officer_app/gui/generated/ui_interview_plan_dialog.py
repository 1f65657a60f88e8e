# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'interview_plan_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox,
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QListWidgetItem, QPlainTextEdit, QPushButton,
    QRadioButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from officer_app.gui.short_list import ShortList

class Ui_InterviewPlanDialog(object):
    def setupUi(self, InterviewPlanDialog):
        if not InterviewPlanDialog.objectName():
            InterviewPlanDialog.setObjectName(u"InterviewPlanDialog")
        InterviewPlanDialog.setMinimumSize(QSize(900, 0))
        self.layout = QVBoxLayout(InterviewPlanDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(InterviewPlanDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.intro.setProperty(u"role", u"muted")

        self.layout.addWidget(self.intro)

        self.scroll = QScrollArea(InterviewPlanDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.columns = QHBoxLayout(self.body)
        self.columns.setObjectName(u"columns")
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.interview_section = QLabel(self.body)
        self.interview_section.setObjectName(u"interview_section")
        self.interview_section.setTextFormat(Qt.TextFormat.PlainText)
        self.interview_section.setProperty(u"role", u"section")

        self.left.addWidget(self.interview_section)

        self.interview_form = QFormLayout()
        self.interview_form.setObjectName(u"interview_form")
        self.offence_label = QLabel(self.body)
        self.offence_label.setObjectName(u"offence_label")
        self.offence_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.offence_label)

        self.offence = QComboBox(self.body)
        self.offence.setObjectName(u"offence")

        self.interview_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.offence)

        self.person_label = QLabel(self.body)
        self.person_label.setObjectName(u"person_label")
        self.person_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.person_label)

        self.person = QComboBox(self.body)
        self.person.setObjectName(u"person")

        self.interview_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.person)

        self.person_detail = QLabel(self.body)
        self.person_detail.setObjectName(u"person_detail")
        self.person_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.person_detail.setWordWrap(True)
        self.person_detail.setProperty(u"role", u"muted")

        self.interview_form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.person_detail)

        self.period_from_label = QLabel(self.body)
        self.period_from_label.setObjectName(u"period_from_label")
        self.period_from_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.period_from_label)

        self.period_box = QWidget(self.body)
        self.period_box.setObjectName(u"period_box")
        self.period_box_row = QHBoxLayout(self.period_box)
        self.period_box_row.setObjectName(u"period_box_row")
        self.period_box_row.setContentsMargins(0, 0, 0, 0)
        self.period_from = QDateEdit(self.period_box)
        self.period_from.setObjectName(u"period_from")
        self.period_from.setCalendarPopup(True)

        self.period_box_row.addWidget(self.period_from)

        self.period_to_label = QLabel(self.period_box)
        self.period_to_label.setObjectName(u"period_to_label")
        self.period_to_label.setTextFormat(Qt.TextFormat.PlainText)

        self.period_box_row.addWidget(self.period_to_label)

        self.period_to = QDateEdit(self.period_box)
        self.period_to.setObjectName(u"period_to")
        self.period_to.setCalendarPopup(True)

        self.period_box_row.addWidget(self.period_to)

        self.period_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.period_box_row.addItem(self.period_spacer)


        self.interview_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.period_box)

        self.office_label = QLabel(self.body)
        self.office_label.setObjectName(u"office_label")
        self.office_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.place_box = QWidget(self.body)
        self.place_box.setObjectName(u"place_box")
        self.place_box_row = QHBoxLayout(self.place_box)
        self.place_box_row.setObjectName(u"place_box_row")
        self.place_box_row.setContentsMargins(0, 0, 0, 0)
        self.office = QRadioButton(self.place_box)
        self.office.setObjectName(u"office")

        self.place_box_row.addWidget(self.office)

        self.home = QRadioButton(self.place_box)
        self.home.setObjectName(u"home")

        self.place_box_row.addWidget(self.home)

        self.place_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.place_box_row.addItem(self.place_spacer)


        self.interview_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.place_box)

        self.place_label = QLabel(self.body)
        self.place_label.setObjectName(u"place_label")
        self.place_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(self.body)
        self.place.setObjectName(u"place")

        self.interview_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.place)

        self.when_label = QLabel(self.body)
        self.when_label.setObjectName(u"when_label")
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.when_label)

        self.when_box = QWidget(self.body)
        self.when_box.setObjectName(u"when_box")
        self.when_box_row = QHBoxLayout(self.when_box)
        self.when_box_row.setObjectName(u"when_box_row")
        self.when_box_row.setContentsMargins(0, 0, 0, 0)
        self.when = QDateTimeEdit(self.when_box)
        self.when.setObjectName(u"when")
        self.when.setCalendarPopup(True)

        self.when_box_row.addWidget(self.when)

        self.not_arranged = QCheckBox(self.when_box)
        self.not_arranged.setObjectName(u"not_arranged")

        self.when_box_row.addWidget(self.not_arranged)


        self.interview_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.when_box)

        self.second_label = QLabel(self.body)
        self.second_label.setObjectName(u"second_label")
        self.second_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.second_label)

        self.second = QComboBox(self.body)
        self.second.setObjectName(u"second")

        self.interview_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.second)

        self.recording_label = QLabel(self.body)
        self.recording_label.setObjectName(u"recording_label")
        self.recording_label.setTextFormat(Qt.TextFormat.PlainText)

        self.interview_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.recording_label)

        self.recording = QComboBox(self.body)
        self.recording.setObjectName(u"recording")

        self.interview_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.recording)


        self.left.addLayout(self.interview_form)

        self.support_section = QLabel(self.body)
        self.support_section.setObjectName(u"support_section")
        self.support_section.setTextFormat(Qt.TextFormat.PlainText)
        self.support_section.setProperty(u"role", u"section")

        self.left.addWidget(self.support_section)

        self.support_form = QFormLayout()
        self.support_form.setObjectName(u"support_form")
        self.interpreter_language_label = QLabel(self.body)
        self.interpreter_language_label.setObjectName(u"interpreter_language_label")
        self.interpreter_language_label.setTextFormat(Qt.TextFormat.PlainText)

        self.support_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.interpreter_language_label)

        self.interpreter_language = QLineEdit(self.body)
        self.interpreter_language.setObjectName(u"interpreter_language")

        self.support_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.interpreter_language)

        self.interpreter_name_label = QLabel(self.body)
        self.interpreter_name_label.setObjectName(u"interpreter_name_label")
        self.interpreter_name_label.setTextFormat(Qt.TextFormat.PlainText)

        self.support_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.interpreter_name_label)

        self.interpreter_name = QLineEdit(self.body)
        self.interpreter_name.setObjectName(u"interpreter_name")

        self.support_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.interpreter_name)

        self.aa_name_label = QLabel(self.body)
        self.aa_name_label.setObjectName(u"aa_name_label")
        self.aa_name_label.setTextFormat(Qt.TextFormat.PlainText)

        self.support_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.aa_name_label)

        self.aa_name = QLineEdit(self.body)
        self.aa_name.setObjectName(u"aa_name")

        self.support_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.aa_name)

        self.aa_relationship_label = QLabel(self.body)
        self.aa_relationship_label.setObjectName(u"aa_relationship_label")
        self.aa_relationship_label.setTextFormat(Qt.TextFormat.PlainText)

        self.support_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.aa_relationship_label)

        self.aa_relationship = QLineEdit(self.body)
        self.aa_relationship.setObjectName(u"aa_relationship")

        self.support_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.aa_relationship)


        self.left.addLayout(self.support_form)

        self.warnings = QLabel(self.body)
        self.warnings.setObjectName(u"warnings")
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)

        self.left.addWidget(self.warnings)

        self.notes_label = QLabel(self.body)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setProperty(u"role", u"section")

        self.left.addWidget(self.notes_label)

        self.notes = QPlainTextEdit(self.body)
        self.notes.setObjectName(u"notes")
        self.notes.setMaximumSize(QSize(16777215, 64))
        self.notes.setTabChangesFocus(True)

        self.left.addWidget(self.notes)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left.addItem(self.left_spacer)


        self.columns.addLayout(self.left)

        self.right = QVBoxLayout()
        self.right.setObjectName(u"right")
        self.topics_section = QLabel(self.body)
        self.topics_section.setObjectName(u"topics_section")
        self.topics_section.setTextFormat(Qt.TextFormat.PlainText)
        self.topics_section.setProperty(u"role", u"section")

        self.right.addWidget(self.topics_section)

        self.topics_hint = QLabel(self.body)
        self.topics_hint.setObjectName(u"topics_hint")
        self.topics_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.topics_hint.setWordWrap(True)
        self.topics_hint.setProperty(u"role", u"muted")

        self.right.addWidget(self.topics_hint)

        self.topics = ShortList(self.body)
        self.topics.setObjectName(u"topics")
        self.topics.setWordWrap(True)
        self.topics.setAlternatingRowColors(True)

        self.right.addWidget(self.topics)

        self.topic_row = QHBoxLayout()
        self.topic_row.setObjectName(u"topic_row")
        self.new_topic = QLineEdit(self.body)
        self.new_topic.setObjectName(u"new_topic")

        self.topic_row.addWidget(self.new_topic)

        self.add_topic = QPushButton(self.body)
        self.add_topic.setObjectName(u"add_topic")
        self.add_topic.setAutoDefault(False)

        self.topic_row.addWidget(self.add_topic)

        self.remove_topic = QPushButton(self.body)
        self.remove_topic.setObjectName(u"remove_topic")
        self.remove_topic.setAutoDefault(False)

        self.topic_row.addWidget(self.remove_topic)


        self.right.addLayout(self.topic_row)

        self.statements_section = QLabel(self.body)
        self.statements_section.setObjectName(u"statements_section")
        self.statements_section.setTextFormat(Qt.TextFormat.PlainText)
        self.statements_section.setProperty(u"role", u"section")

        self.right.addWidget(self.statements_section)

        self.statements = ShortList(self.body)
        self.statements.setObjectName(u"statements")
        self.statements.setWordWrap(True)
        self.statements.setAlternatingRowColors(True)

        self.right.addWidget(self.statements)

        self.statement_row = QHBoxLayout()
        self.statement_row.setObjectName(u"statement_row")
        self.new_statement = QLineEdit(self.body)
        self.new_statement.setObjectName(u"new_statement")

        self.statement_row.addWidget(self.new_statement)

        self.add_statement = QPushButton(self.body)
        self.add_statement.setObjectName(u"add_statement")
        self.add_statement.setAutoDefault(False)

        self.statement_row.addWidget(self.add_statement)

        self.remove_statement = QPushButton(self.body)
        self.remove_statement.setObjectName(u"remove_statement")
        self.remove_statement.setAutoDefault(False)

        self.statement_row.addWidget(self.remove_statement)


        self.right.addLayout(self.statement_row)

        self.documents_section = QLabel(self.body)
        self.documents_section.setObjectName(u"documents_section")
        self.documents_section.setTextFormat(Qt.TextFormat.PlainText)
        self.documents_section.setProperty(u"role", u"section")

        self.right.addWidget(self.documents_section)

        self.documents_hint = QLabel(self.body)
        self.documents_hint.setObjectName(u"documents_hint")
        self.documents_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.documents_hint.setWordWrap(True)
        self.documents_hint.setProperty(u"role", u"muted")

        self.right.addWidget(self.documents_hint)

        self.documents = ShortList(self.body)
        self.documents.setObjectName(u"documents")
        self.documents.setWordWrap(True)
        self.documents.setAlternatingRowColors(True)

        self.right.addWidget(self.documents)

        self.document_row = QHBoxLayout()
        self.document_row.setObjectName(u"document_row")
        self.document_choice = QComboBox(self.body)
        self.document_choice.setObjectName(u"document_choice")

        self.document_row.addWidget(self.document_choice)

        self.add_document = QPushButton(self.body)
        self.add_document.setObjectName(u"add_document")
        self.add_document.setAutoDefault(False)

        self.document_row.addWidget(self.add_document)


        self.right.addLayout(self.document_row)

        self.typed_document_row = QHBoxLayout()
        self.typed_document_row.setObjectName(u"typed_document_row")
        self.new_document = QLineEdit(self.body)
        self.new_document.setObjectName(u"new_document")

        self.typed_document_row.addWidget(self.new_document)

        self.add_typed_document = QPushButton(self.body)
        self.add_typed_document.setObjectName(u"add_typed_document")
        self.add_typed_document.setAutoDefault(False)

        self.typed_document_row.addWidget(self.add_typed_document)

        self.remove_document = QPushButton(self.body)
        self.remove_document.setObjectName(u"remove_document")
        self.remove_document.setAutoDefault(False)

        self.typed_document_row.addWidget(self.remove_document)


        self.right.addLayout(self.typed_document_row)


        self.columns.addLayout(self.right)

        self.scroll.setWidget(self.body)

        self.layout.addWidget(self.scroll)

        self.status = QLabel(InterviewPlanDialog)
        self.status.setObjectName(u"status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(u"color:#842029; font-weight:bold;")

        self.layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(InterviewPlanDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.offence_label.setBuddy(self.offence)
        self.person_label.setBuddy(self.person)
        self.period_from_label.setBuddy(self.period_from)
        self.period_to_label.setBuddy(self.period_to)
        self.office_label.setBuddy(self.office)
        self.place_label.setBuddy(self.place)
        self.when_label.setBuddy(self.when)
        self.second_label.setBuddy(self.second)
        self.recording_label.setBuddy(self.recording)
        self.interpreter_language_label.setBuddy(self.interpreter_language)
        self.interpreter_name_label.setBuddy(self.interpreter_name)
        self.aa_name_label.setBuddy(self.aa_name)
        self.aa_relationship_label.setBuddy(self.aa_relationship)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InterviewPlanDialog)

        QMetaObject.connectSlotsByName(InterviewPlanDialog)
    # setupUi

    def retranslateUi(self, InterviewPlanDialog):
        InterviewPlanDialog.setWindowTitle(QCoreApplication.translate("InterviewPlanDialog", u"Plan an interview under caution", None))
        self.intro.setText(QCoreApplication.translate("InterviewPlanDialog", u"The plan of a voluntary interview under caution (PACE Codes C and E). Nothing here is evidence: the record is made when the interview is conducted.", None))
        self.interview_section.setText(QCoreApplication.translate("InterviewPlanDialog", u"The interview", None))
        self.offence_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"&Offence", None))
#if QT_CONFIG(accessibility)
        self.offence.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Offence considered", None))
#endif // QT_CONFIG(accessibility)
        self.person_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"&Person", None))
#if QT_CONFIG(accessibility)
        self.person.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Person to be interviewed", None))
#endif // QT_CONFIG(accessibility)
        self.period_from_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"Offence perio&d", None))
        self.period_from.setDisplayFormat(QCoreApplication.translate("InterviewPlanDialog", u"ddd d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_from.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"First day of the offence period", None))
#endif // QT_CONFIG(accessibility)
        self.period_to_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"to", None))
        self.period_to.setDisplayFormat(QCoreApplication.translate("InterviewPlanDialog", u"ddd d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_to.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Last day of the offence period", None))
#endif // QT_CONFIG(accessibility)
        self.office_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"P&lace", None))
        self.office.setText(QCoreApplication.translate("InterviewPlanDialog", u"At the office", None))
#if QT_CONFIG(accessibility)
        self.office.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"At the office", None))
#endif // QT_CONFIG(accessibility)
        self.home.setText(QCoreApplication.translate("InterviewPlanDialog", u"At the family's home", None))
#if QT_CONFIG(accessibility)
        self.home.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"At the family's home", None))
#endif // QT_CONFIG(accessibility)
        self.place_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.place.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Address of the interview", None))
#endif // QT_CONFIG(accessibility)
        self.place.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"e.g. Civic Centre, Market Square, Northam", None))
        self.when_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"&When", None))
        self.when.setDisplayFormat(QCoreApplication.translate("InterviewPlanDialog", u"ddd d MMM yyyy HH:mm", None))
#if QT_CONFIG(accessibility)
        self.when.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Date and time of the interview", None))
#endif // QT_CONFIG(accessibility)
        self.not_arranged.setText(QCoreApplication.translate("InterviewPlanDialog", u"Not arranged yet", None))
#if QT_CONFIG(accessibility)
        self.not_arranged.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Date and time not arranged yet", None))
#endif // QT_CONFIG(accessibility)
        self.second_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"&Second officer", None))
#if QT_CONFIG(accessibility)
        self.second.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Second officer", None))
#endif // QT_CONFIG(accessibility)
        self.recording_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"&Record", None))
#if QT_CONFIG(accessibility)
        self.recording.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"How the interview is recorded", None))
#endif // QT_CONFIG(accessibility)
        self.support_section.setText(QCoreApplication.translate("InterviewPlanDialog", u"Interpreter and appropriate adult", None))
        self.interpreter_language_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"Interpreter's lan&guage", None))
#if QT_CONFIG(accessibility)
        self.interpreter_language.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Interpreter's language", None))
#endif // QT_CONFIG(accessibility)
        self.interpreter_language.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"None planned", None))
        self.interpreter_name_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"Interpreter's &name", None))
#if QT_CONFIG(accessibility)
        self.interpreter_name.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Interpreter's name", None))
#endif // QT_CONFIG(accessibility)
        self.interpreter_name.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"If known", None))
        self.aa_name_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"Appropriate ad&ult", None))
#if QT_CONFIG(accessibility)
        self.aa_name.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Appropriate adult's name", None))
#endif // QT_CONFIG(accessibility)
        self.aa_name.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"None planned", None))
        self.aa_relationship_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"Their relations&hip", None))
#if QT_CONFIG(accessibility)
        self.aa_relationship.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Appropriate adult's relationship to the person", None))
#endif // QT_CONFIG(accessibility)
        self.aa_relationship.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"e.g. social worker, sister", None))
#if QT_CONFIG(accessibility)
        self.warnings.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Warnings about the plan", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("InterviewPlanDialog", u"N&otes for the interview", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Notes for the interview", None))
#endif // QT_CONFIG(accessibility)
        self.topics_section.setText(QCoreApplication.translate("InterviewPlanDialog", u"Topics to cover", None))
        self.topics_hint.setText(QCoreApplication.translate("InterviewPlanDialog", u"One for each statutory defence and one for s447, always; add your own.", None))
#if QT_CONFIG(accessibility)
        self.topics.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Topics to cover", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.new_topic.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"A topic of your own", None))
#endif // QT_CONFIG(accessibility)
        self.new_topic.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"A topic of your own", None))
        self.add_topic.setText(QCoreApplication.translate("InterviewPlanDialog", u"Add &topic", None))
#if QT_CONFIG(accessibility)
        self.add_topic.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Add the topic", None))
#endif // QT_CONFIG(accessibility)
        self.remove_topic.setText(QCoreApplication.translate("InterviewPlanDialog", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.remove_topic.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Remove the selected topic", None))
#endif // QT_CONFIG(accessibility)
        self.statements_section.setText(QCoreApplication.translate("InterviewPlanDialog", u"Significant statements to put", None))
#if QT_CONFIG(accessibility)
        self.statements.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Significant statements to put", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.new_statement.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"A statement to add", None))
#endif // QT_CONFIG(accessibility)
        self.new_statement.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"Another statement the person made, in their words", None))
        self.add_statement.setText(QCoreApplication.translate("InterviewPlanDialog", u"Add sta&tement", None))
#if QT_CONFIG(accessibility)
        self.add_statement.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Add the statement", None))
#endif // QT_CONFIG(accessibility)
        self.remove_statement.setText(QCoreApplication.translate("InterviewPlanDialog", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.remove_statement.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Remove the selected statement", None))
#endif // QT_CONFIG(accessibility)
        self.documents_section.setText(QCoreApplication.translate("InterviewPlanDialog", u"Documents to show", None))
        self.documents_hint.setText(QCoreApplication.translate("InterviewPlanDialog", u"Each becomes an exhibit of yours (like JS/2) when the interview starts.", None))
#if QT_CONFIG(accessibility)
        self.documents.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Documents to show", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.document_choice.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"A document on the case", None))
#endif // QT_CONFIG(accessibility)
        self.add_document.setText(QCoreApplication.translate("InterviewPlanDialog", u"Add &document", None))
#if QT_CONFIG(accessibility)
        self.add_document.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Add the chosen document", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.new_document.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Title of another document", None))
#endif // QT_CONFIG(accessibility)
        self.new_document.setPlaceholderText(QCoreApplication.translate("InterviewPlanDialog", u"Or type the title of another document", None))
        self.add_typed_document.setText(QCoreApplication.translate("InterviewPlanDialog", u"Add t&itle", None))
#if QT_CONFIG(accessibility)
        self.add_typed_document.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Add the typed document", None))
#endif // QT_CONFIG(accessibility)
        self.remove_document.setText(QCoreApplication.translate("InterviewPlanDialog", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.remove_document.setAccessibleName(QCoreApplication.translate("InterviewPlanDialog", u"Remove the selected document", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

