# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_StageDialog(object):
    def setupUi(self, StageDialog):
        if not StageDialog.objectName():
            StageDialog.setObjectName(u"StageDialog")
        StageDialog.setMinimumSize(QSize(560, 0))
        StageDialog.setMaximumSize(QSize(1366, 728))
        self.layout = QVBoxLayout(StageDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(StageDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.stages_label = QLabel(StageDialog)
        self.stages_label.setObjectName(u"stages_label")
        self.stages_label.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.stages_label)

        self.stages = QListWidget(StageDialog)
        self.stages.setObjectName(u"stages")
        self.stages.setWordWrap(True)
        self.stages.setMinimumSize(QSize(0, 200))
        self.stages.setMaximumSize(QSize(16777215, 320))

        self.layout.addWidget(self.stages)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.supervisor_label = QLabel(StageDialog)
        self.supervisor_label.setObjectName(u"supervisor_label")
        self.supervisor_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supervisor_label)

        self.supervisor = QComboBox(StageDialog)
        self.supervisor.setObjectName(u"supervisor")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supervisor)

        self.reason_label = QLabel(StageDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QPlainTextEdit(StageDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMinimumSize(QSize(0, 90))
        self.reason.setMaximumSize(QSize(16777215, 90))
        self.reason.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.message = QLabel(StageDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(StageDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.stages_label.setBuddy(self.stages)
        self.supervisor_label.setBuddy(self.supervisor)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StageDialog)

        QMetaObject.connectSlotsByName(StageDialog)
    # setupUi

    def retranslateUi(self, StageDialog):
        StageDialog.setWindowTitle(QCoreApplication.translate("StageDialog", u"Move case on", None))
        self.stages_label.setText(QCoreApplication.translate("StageDialog", u"&Stage to move to", None))
#if QT_CONFIG(accessibility)
        self.stages.setAccessibleName(QCoreApplication.translate("StageDialog", u"Stages", None))
#endif // QT_CONFIG(accessibility)
        self.supervisor_label.setText(QCoreApplication.translate("StageDialog", u"Authorised &by", None))
#if QT_CONFIG(accessibility)
        self.supervisor.setAccessibleName(QCoreApplication.translate("StageDialog", u"Supervisor who authorised it", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("StageDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("StageDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

