# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'confirm_sent_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ConfirmSentDialog(object):
    def setupUi(self, ConfirmSentDialog):
        if not ConfirmSentDialog.objectName():
            ConfirmSentDialog.setObjectName(u"ConfirmSentDialog")
        ConfirmSentDialog.setMinimumSize(QSize(440, 0))
        self.layout = QVBoxLayout(ConfirmSentDialog)
        self.layout.setObjectName(u"layout")
        self.question = QLabel(ConfirmSentDialog)
        self.question.setObjectName(u"question")
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)

        self.layout.addWidget(self.question)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.sent_on_label = QLabel(ConfirmSentDialog)
        self.sent_on_label.setObjectName(u"sent_on_label")
        self.sent_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sent_on_label)

        self.sent_on = QDateEdit(ConfirmSentDialog)
        self.sent_on.setObjectName(u"sent_on")
        self.sent_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sent_on)

        self.method_label = QLabel(ConfirmSentDialog)
        self.method_label.setObjectName(u"method_label")
        self.method_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method = QComboBox(ConfirmSentDialog)
        self.method.setObjectName(u"method")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.method)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(ConfirmSentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.sent_on_label.setBuddy(self.sent_on)
        self.method_label.setBuddy(self.method)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConfirmSentDialog)

        QMetaObject.connectSlotsByName(ConfirmSentDialog)
    # setupUi

    def retranslateUi(self, ConfirmSentDialog):
        ConfirmSentDialog.setWindowTitle(QCoreApplication.translate("ConfirmSentDialog", u"Did the letters go out?", None))
        self.sent_on_label.setText(QCoreApplication.translate("ConfirmSentDialog", u"&Sent on", None))
        self.sent_on.setDisplayFormat(QCoreApplication.translate("ConfirmSentDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.sent_on.setAccessibleName(QCoreApplication.translate("ConfirmSentDialog", u"Sent on", None))
#endif // QT_CONFIG(accessibility)
        self.method_label.setText(QCoreApplication.translate("ConfirmSentDialog", u"&How", None))
#if QT_CONFIG(accessibility)
        self.method.setAccessibleName(QCoreApplication.translate("ConfirmSentDialog", u"How the letters were sent", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

