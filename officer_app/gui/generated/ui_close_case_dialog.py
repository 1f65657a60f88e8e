# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'close_case_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CloseCaseDialog(object):
    def setupUi(self, CloseCaseDialog):
        if not CloseCaseDialog.objectName():
            CloseCaseDialog.setObjectName(u"CloseCaseDialog")
        CloseCaseDialog.setMinimumSize(QSize(620, 0))
        CloseCaseDialog.setMaximumSize(QSize(1366, 728))
        self.layout = QVBoxLayout(CloseCaseDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(CloseCaseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reason_label = QLabel(CloseCaseDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reasons = QComboBox(CloseCaseDialog)
        self.reasons.setObjectName(u"reasons")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasons)

        self.detail_label = QLabel(CloseCaseDialog)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.detail_label)

        self.detail = QPlainTextEdit(CloseCaseDialog)
        self.detail.setObjectName(u"detail")
        self.detail.setMinimumSize(QSize(0, 70))
        self.detail.setMaximumSize(QSize(16777215, 70))
        self.detail.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.detail)

        self.before_label = QLabel(CloseCaseDialog)
        self.before_label.setObjectName(u"before_label")
        self.before_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.before_label)

        self.before = QDoubleSpinBox(CloseCaseDialog)
        self.before.setObjectName(u"before")
        self.before.setDecimals(1)
        self.before.setMinimum(-1.000000000000000)
        self.before.setMaximum(100.000000000000000)
        self.before.setSingleStep(0.500000000000000)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.before)

        self.before_note = QLabel(CloseCaseDialog)
        self.before_note.setObjectName(u"before_note")
        self.before_note.setTextFormat(Qt.TextFormat.PlainText)
        self.before_note.setWordWrap(True)
        self.before_note.setProperty(u"role", u"muted")

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.before_note)

        self.after_label = QLabel(CloseCaseDialog)
        self.after_label.setObjectName(u"after_label")
        self.after_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.after_label)

        self.after = QDoubleSpinBox(CloseCaseDialog)
        self.after.setObjectName(u"after")
        self.after.setDecimals(1)
        self.after.setMinimum(-1.000000000000000)
        self.after.setMaximum(100.000000000000000)
        self.after.setSingleStep(0.500000000000000)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.after)

        self.after_note = QLabel(CloseCaseDialog)
        self.after_note.setObjectName(u"after_note")
        self.after_note.setTextFormat(Qt.TextFormat.PlainText)
        self.after_note.setWordWrap(True)
        self.after_note.setProperty(u"role", u"muted")

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.after_note)


        self.layout.addLayout(self.form)

        self.signed_label = QLabel(CloseCaseDialog)
        self.signed_label.setObjectName(u"signed_label")
        self.signed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signed_label.setProperty(u"role", u"section")

        self.layout.addWidget(self.signed_label)

        self.signed = QPlainTextEdit(CloseCaseDialog)
        self.signed.setObjectName(u"signed")
        self.signed.setReadOnly(True)
        self.signed.setMinimumSize(QSize(0, 110))
        self.signed.setMaximumSize(QSize(16777215, 160))

        self.layout.addWidget(self.signed)

        self.message = QLabel(CloseCaseDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(CloseCaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reasons)
        self.detail_label.setBuddy(self.detail)
        self.before_label.setBuddy(self.before)
        self.after_label.setBuddy(self.after)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CloseCaseDialog)

        QMetaObject.connectSlotsByName(CloseCaseDialog)
    # setupUi

    def retranslateUi(self, CloseCaseDialog):
        CloseCaseDialog.setWindowTitle(QCoreApplication.translate("CloseCaseDialog", u"Close case", None))
        self.reason_label.setText(QCoreApplication.translate("CloseCaseDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasons.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Closure reason", None))
#endif // QT_CONFIG(accessibility)
        self.detail_label.setText(QCoreApplication.translate("CloseCaseDialog", u"&Detail", None))
#if QT_CONFIG(accessibility)
        self.detail.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Detail", None))
#endif // QT_CONFIG(accessibility)
        self.before_label.setText(QCoreApplication.translate("CloseCaseDialog", u"Attendance &before", None))
#if QT_CONFIG(accessibility)
        self.before.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Attendance before intervention", None))
#endif // QT_CONFIG(accessibility)
        self.before.setSuffix(QCoreApplication.translate("CloseCaseDialog", u"%", None))
        self.before.setSpecialValueText(QCoreApplication.translate("CloseCaseDialog", u"not known", None))
        self.after_label.setText(QCoreApplication.translate("CloseCaseDialog", u"Attendance &after", None))
#if QT_CONFIG(accessibility)
        self.after.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Attendance since the referral", None))
#endif // QT_CONFIG(accessibility)
        self.after.setSuffix(QCoreApplication.translate("CloseCaseDialog", u"%", None))
        self.after.setSpecialValueText(QCoreApplication.translate("CloseCaseDialog", u"not known", None))
        self.signed_label.setText(QCoreApplication.translate("CloseCaseDialog", u"What will be signed into the chronology", None))
#if QT_CONFIG(accessibility)
        self.signed.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"What will be signed", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

