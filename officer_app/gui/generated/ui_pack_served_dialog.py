# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pack_served_dialog.ui'
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

class Ui_PackServedDialog(object):
    def setupUi(self, PackServedDialog):
        if not PackServedDialog.objectName():
            PackServedDialog.setObjectName(u"PackServedDialog")
        PackServedDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(PackServedDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PackServedDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.served_on_label = QLabel(PackServedDialog)
        self.served_on_label.setObjectName(u"served_on_label")
        self.served_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.served_on_label)

        self.served_on = QDateEdit(PackServedDialog)
        self.served_on.setObjectName(u"served_on")
        self.served_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.served_on)

        self.method_label = QLabel(PackServedDialog)
        self.method_label.setObjectName(u"method_label")
        self.method_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method = QComboBox(PackServedDialog)
        self.method.setObjectName(u"method")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.method)


        self.layout.addLayout(self.form)

        self.message = QLabel(PackServedDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(PackServedDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.served_on_label.setBuddy(self.served_on)
        self.method_label.setBuddy(self.method)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackServedDialog)

        QMetaObject.connectSlotsByName(PackServedDialog)
    # setupUi

    def retranslateUi(self, PackServedDialog):
        PackServedDialog.setWindowTitle(QCoreApplication.translate("PackServedDialog", u"Record an evidence pack as served", None))
        self.served_on_label.setText(QCoreApplication.translate("PackServedDialog", u"Served &on", None))
        self.served_on.setDisplayFormat(QCoreApplication.translate("PackServedDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.served_on.setAccessibleName(QCoreApplication.translate("PackServedDialog", u"Date served", None))
#endif // QT_CONFIG(accessibility)
        self.method_label.setText(QCoreApplication.translate("PackServedDialog", u"&How", None))
#if QT_CONFIG(accessibility)
        self.method.setAccessibleName(QCoreApplication.translate("PackServedDialog", u"How it was served", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

