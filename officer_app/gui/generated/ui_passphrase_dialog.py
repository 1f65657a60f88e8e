# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'passphrase_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PassphraseDialog(object):
    def setupUi(self, PassphraseDialog):
        if not PassphraseDialog.objectName():
            PassphraseDialog.setObjectName(u"PassphraseDialog")
        PassphraseDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(PassphraseDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PassphraseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.old_label = QLabel(PassphraseDialog)
        self.old_label.setObjectName(u"old_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.old_label)

        self.old = QLineEdit(PassphraseDialog)
        self.old.setObjectName(u"old")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.old)

        self.new_label = QLabel(PassphraseDialog)
        self.new_label.setObjectName(u"new_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_label)

        self.new = QLineEdit(PassphraseDialog)
        self.new.setObjectName(u"new")
        self.new.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new)

        self.again_label = QLabel(PassphraseDialog)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(PassphraseDialog)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.again)


        self.layout.addLayout(self.form)

        self.message = QLabel(PassphraseDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(PassphraseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.old_label.setBuddy(self.old)
        self.new_label.setBuddy(self.new)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.old, self.new)
        QWidget.setTabOrder(self.new, self.again)

        self.retranslateUi(PassphraseDialog)

        QMetaObject.connectSlotsByName(PassphraseDialog)
    # setupUi

    def retranslateUi(self, PassphraseDialog):
        PassphraseDialog.setWindowTitle(QCoreApplication.translate("PassphraseDialog", u"Change passphrase", None))
        self.old_label.setText(QCoreApplication.translate("PassphraseDialog", u"&Current", None))
#if QT_CONFIG(accessibility)
        self.old.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"Current passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.new_label.setText(QCoreApplication.translate("PassphraseDialog", u"&New", None))
#if QT_CONFIG(accessibility)
        self.new.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.again_label.setText(QCoreApplication.translate("PassphraseDialog", u"&Again", None))
#if QT_CONFIG(accessibility)
        self.again.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"New passphrase again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

