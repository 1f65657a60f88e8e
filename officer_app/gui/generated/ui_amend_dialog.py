# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'amend_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AmendDialog(object):
    def setupUi(self, AmendDialog):
        if not AmendDialog.objectName():
            AmendDialog.setObjectName(u"AmendDialog")
        AmendDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(AmendDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(AmendDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.original_label = QLabel(AmendDialog)
        self.original_label.setObjectName(u"original_label")
        self.original_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.original_label)

        self.original = QPlainTextEdit(AmendDialog)
        self.original.setObjectName(u"original")
        self.original.setMaximumSize(QSize(16777215, 110))
        self.original.setReadOnly(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.original)

        self.reason_label = QLabel(AmendDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QLineEdit(AmendDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)

        self.text_label = QLabel(AmendDialog)
        self.text_label.setObjectName(u"text_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text = QPlainTextEdit(AmendDialog)
        self.text.setObjectName(u"text")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.text)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(AmendDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.original_label.setBuddy(self.original)
        self.reason_label.setBuddy(self.reason)
        self.text_label.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.original, self.reason)
        QWidget.setTabOrder(self.reason, self.text)

        self.retranslateUi(AmendDialog)

        QMetaObject.connectSlotsByName(AmendDialog)
    # setupUi

    def retranslateUi(self, AmendDialog):
        AmendDialog.setWindowTitle(QCoreApplication.translate("AmendDialog", u"Amend a signed entry", None))
        self.intro.setText(QCoreApplication.translate("AmendDialog", u"The signed entry stays exactly as it is. Your correction is signed as a new entry that points at it, and both are shown and exported together.", None))
        self.original_label.setText(QCoreApplication.translate("AmendDialog", u"Original", None))
        self.reason_label.setText(QCoreApplication.translate("AmendDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Reason for the amendment", None))
#endif // QT_CONFIG(accessibility)
        self.reason.setPlaceholderText(QCoreApplication.translate("AmendDialog", u"e.g. Time of visit recorded wrongly", None))
        self.text_label.setText(QCoreApplication.translate("AmendDialog", u"&Correction", None))
#if QT_CONFIG(accessibility)
        self.text.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Corrected text", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

