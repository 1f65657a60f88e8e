# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reopen_case_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ReopenCaseDialog(object):
    def setupUi(self, ReopenCaseDialog):
        if not ReopenCaseDialog.objectName():
            ReopenCaseDialog.setObjectName(u"ReopenCaseDialog")
        ReopenCaseDialog.setMinimumSize(QSize(480, 0))
        ReopenCaseDialog.setMaximumSize(QSize(1366, 728))
        self.layout = QVBoxLayout(ReopenCaseDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ReopenCaseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reason_label = QLabel(ReopenCaseDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QPlainTextEdit(ReopenCaseDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMinimumSize(QSize(0, 90))
        self.reason.setMaximumSize(QSize(16777215, 90))
        self.reason.setTabChangesFocus(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.message = QLabel(ReopenCaseDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ReopenCaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReopenCaseDialog)

        QMetaObject.connectSlotsByName(ReopenCaseDialog)
    # setupUi

    def retranslateUi(self, ReopenCaseDialog):
        ReopenCaseDialog.setWindowTitle(QCoreApplication.translate("ReopenCaseDialog", u"Reopen case", None))
        self.reason_label.setText(QCoreApplication.translate("ReopenCaseDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("ReopenCaseDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

