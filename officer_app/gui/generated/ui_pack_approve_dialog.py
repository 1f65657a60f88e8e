# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pack_approve_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PackApproveDialog(object):
    def setupUi(self, PackApproveDialog):
        if not PackApproveDialog.objectName():
            PackApproveDialog.setObjectName(u"PackApproveDialog")
        PackApproveDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(PackApproveDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PackApproveDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.approver_label = QLabel(PackApproveDialog)
        self.approver_label.setObjectName(u"approver_label")
        self.approver_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.approver_label)

        self.approver = QComboBox(PackApproveDialog)
        self.approver.setObjectName(u"approver")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.approver)

        self.approver_note = QLabel(PackApproveDialog)
        self.approver_note.setObjectName(u"approver_note")
        self.approver_note.setTextFormat(Qt.TextFormat.PlainText)
        self.approver_note.setWordWrap(True)
        self.approver_note.setProperty(u"role", u"muted")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.approver_note)


        self.layout.addLayout(self.form)

        self.message = QLabel(PackApproveDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(PackApproveDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.approver_label.setBuddy(self.approver)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackApproveDialog)

        QMetaObject.connectSlotsByName(PackApproveDialog)
    # setupUi

    def retranslateUi(self, PackApproveDialog):
        PackApproveDialog.setWindowTitle(QCoreApplication.translate("PackApproveDialog", u"Approve an evidence pack for service", None))
        self.approver_label.setText(QCoreApplication.translate("PackApproveDialog", u"Approved &by", None))
#if QT_CONFIG(accessibility)
        self.approver.setAccessibleName(QCoreApplication.translate("PackApproveDialog", u"Approved by", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

