# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'consider_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ConsiderDialog(object):
    def setupUi(self, ConsiderDialog):
        if not ConsiderDialog.objectName():
            ConsiderDialog.setObjectName(u"ConsiderDialog")
        ConsiderDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(ConsiderDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ConsiderDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.first_label = QLabel(ConsiderDialog)
        self.first_label.setObjectName(u"first_label")
        self.first_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.first_label)

        self.first = QDateEdit(ConsiderDialog)
        self.first.setObjectName(u"first")
        self.first.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.first)

        self.last_label = QLabel(ConsiderDialog)
        self.last_label.setObjectName(u"last_label")
        self.last_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.last_label)

        self.last = QDateEdit(ConsiderDialog)
        self.last.setObjectName(u"last")
        self.last.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.last)

        self.evidence_title = QLabel(ConsiderDialog)
        self.evidence_title.setObjectName(u"evidence_title")
        self.evidence_title.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.evidence_title)

        self.evidence_label = QLabel(ConsiderDialog)
        self.evidence_label.setObjectName(u"evidence_label")
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.evidence_label)

        self.parents_label = QLabel(ConsiderDialog)
        self.parents_label.setObjectName(u"parents_label")
        self.parents_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parents_label)

        self.parent_box = QVBoxLayout()
        self.parent_box.setObjectName(u"parent_box")

        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.parent_box)

        self.grounds_label = QLabel(ConsiderDialog)
        self.grounds_label.setObjectName(u"grounds_label")
        self.grounds_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.grounds_label)

        self.grounds = QComboBox(ConsiderDialog)
        self.grounds.setObjectName(u"grounds")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.grounds)

        self.note_label = QLabel(ConsiderDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note = QPlainTextEdit(ConsiderDialog)
        self.note.setObjectName(u"note")
        self.note.setMinimumSize(QSize(0, 60))
        self.note.setMaximumSize(QSize(16777215, 60))

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.note)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(ConsiderDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.first_label.setBuddy(self.first)
        self.last_label.setBuddy(self.last)
        self.grounds_label.setBuddy(self.grounds)
        self.note_label.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConsiderDialog)

        QMetaObject.connectSlotsByName(ConsiderDialog)
    # setupUi

    def retranslateUi(self, ConsiderDialog):
        ConsiderDialog.setWindowTitle(QCoreApplication.translate("ConsiderDialog", u"Consider a penalty notice", None))
        self.intro.setText(QCoreApplication.translate("ConsiderDialog", u"A penalty notice must be considered when the register shows 10 or more sessions of unauthorised absence (G, N, O, U) in a rolling 10 school weeks. A notice goes to one parent for one child: tick each parent it would go to.", None))
        self.first_label.setText(QCoreApplication.translate("ConsiderDialog", u"Register &from", None))
        self.first.setDisplayFormat(QCoreApplication.translate("ConsiderDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.first.setAccessibleName(QCoreApplication.translate("ConsiderDialog", u"Register from", None))
#endif // QT_CONFIG(accessibility)
        self.last_label.setText(QCoreApplication.translate("ConsiderDialog", u"Register &to", None))
        self.last.setDisplayFormat(QCoreApplication.translate("ConsiderDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.last.setAccessibleName(QCoreApplication.translate("ConsiderDialog", u"Register to", None))
#endif // QT_CONFIG(accessibility)
        self.evidence_title.setText(QCoreApplication.translate("ConsiderDialog", u"Evidence", None))
        self.evidence_label.setText(QCoreApplication.translate("ConsiderDialog", u"Reading the register\u2026", None))
#if QT_CONFIG(accessibility)
        self.evidence_label.setAccessibleName(QCoreApplication.translate("ConsiderDialog", u"Threshold evidence", None))
#endif // QT_CONFIG(accessibility)
        self.parents_label.setText(QCoreApplication.translate("ConsiderDialog", u"&Parents", None))
        self.grounds_label.setText(QCoreApplication.translate("ConsiderDialog", u"&Grounds", None))
#if QT_CONFIG(accessibility)
        self.grounds.setAccessibleName(QCoreApplication.translate("ConsiderDialog", u"Grounds", None))
#endif // QT_CONFIG(accessibility)
        self.note_label.setText(QCoreApplication.translate("ConsiderDialog", u"&Note", None))
        self.note.setPlaceholderText(QCoreApplication.translate("ConsiderDialog", u"e.g. Discussed in supervision on 24/11; support refused", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("ConsiderDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

