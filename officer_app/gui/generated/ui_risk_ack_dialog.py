# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'risk_ack_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_RiskAcknowledgementDialog(object):
    def setupUi(self, RiskAcknowledgementDialog):
        if not RiskAcknowledgementDialog.objectName():
            RiskAcknowledgementDialog.setObjectName(u"RiskAcknowledgementDialog")
        RiskAcknowledgementDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(RiskAcknowledgementDialog)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(RiskAcknowledgementDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)

        self.layout.addWidget(self.heading)

        self.flags = QLabel(RiskAcknowledgementDialog)
        self.flags.setObjectName(u"flags")
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.flags.setWordWrap(True)

        self.layout.addWidget(self.flags)

        self.lone = QLabel(RiskAcknowledgementDialog)
        self.lone.setObjectName(u"lone")
        self.lone.setTextFormat(Qt.TextFormat.PlainText)
        self.lone.setWordWrap(True)

        self.layout.addWidget(self.lone)

        self.confirm = QCheckBox(RiskAcknowledgementDialog)
        self.confirm.setObjectName(u"confirm")

        self.layout.addWidget(self.confirm)

        self.buttons = QDialogButtonBox(RiskAcknowledgementDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(RiskAcknowledgementDialog)

        QMetaObject.connectSlotsByName(RiskAcknowledgementDialog)
    # setupUi

    def retranslateUi(self, RiskAcknowledgementDialog):
        RiskAcknowledgementDialog.setWindowTitle(QCoreApplication.translate("RiskAcknowledgementDialog", u"Before you visit: risk warnings", None))
#if QT_CONFIG(accessibility)
        self.flags.setAccessibleName(QCoreApplication.translate("RiskAcknowledgementDialog", u"Risk warnings", None))
#endif // QT_CONFIG(accessibility)
        self.lone.setText(QCoreApplication.translate("RiskAcknowledgementDialog", u"Lone working: tell your team where you are going and when you expect to leave, and call in afterwards.", None))
        self.confirm.setText(QCoreApplication.translate("RiskAcknowledgementDialog", u"I have read these warnings and will follow them", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("RiskAcknowledgementDialog", u"Confirm the warnings were read", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

