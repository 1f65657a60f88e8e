# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reason_dialog.ui'
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

class Ui_ReasonDialog(object):
    def setupUi(self, ReasonDialog):
        if not ReasonDialog.objectName():
            ReasonDialog.setObjectName(u"ReasonDialog")
        ReasonDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(ReasonDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ReasonDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.on_label = QLabel(ReasonDialog)
        self.on_label.setObjectName(u"on_label")
        self.on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on = QDateEdit(ReasonDialog)
        self.on.setObjectName(u"on")
        self.on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.on)

        self.choices_label = QLabel(ReasonDialog)
        self.choices_label.setObjectName(u"choices_label")
        self.choices_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.choices_label)

        self.choices = QComboBox(ReasonDialog)
        self.choices.setObjectName(u"choices")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.choices)

        self.reason_label = QLabel(ReasonDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QPlainTextEdit(ReasonDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMinimumSize(QSize(0, 80))
        self.reason.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(ReasonDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.on_label.setBuddy(self.on)
        self.choices_label.setBuddy(self.choices)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReasonDialog)

        QMetaObject.connectSlotsByName(ReasonDialog)
    # setupUi

    def retranslateUi(self, ReasonDialog):
        ReasonDialog.setWindowTitle(QCoreApplication.translate("ReasonDialog", u"A reason", None))
        self.on_label.setText(QCoreApplication.translate("ReasonDialog", u"&Date", None))
        self.on.setDisplayFormat(QCoreApplication.translate("ReasonDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.on.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.choices_label.setText(QCoreApplication.translate("ReasonDialog", u"&Common", None))
#if QT_CONFIG(accessibility)
        self.choices.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Common reasons", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("ReasonDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

