# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attachment_viewer.ui'
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
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AttachmentViewer(object):
    def setupUi(self, AttachmentViewer):
        if not AttachmentViewer.objectName():
            AttachmentViewer.setObjectName(u"AttachmentViewer")
        AttachmentViewer.resize(820, 640)
        AttachmentViewer.setMinimumSize(QSize(420, 320))
        AttachmentViewer.setMaximumSize(QSize(1366, 728))
        self.layout = QVBoxLayout(AttachmentViewer)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(AttachmentViewer)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setProperty(u"role", u"section")

        self.layout.addWidget(self.title)

        self.details = QLabel(AttachmentViewer)
        self.details.setObjectName(u"details")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setProperty(u"role", u"muted")

        self.layout.addWidget(self.details)

        self.body = QWidget(AttachmentViewer)
        self.body.setObjectName(u"body")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.body.sizePolicy().hasHeightForWidth())
        self.body.setSizePolicy(sizePolicy)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setObjectName(u"body_layout")
        self.body_layout.setContentsMargins(0, 0, 0, 0)

        self.layout.addWidget(self.body)

        self.message = QLabel(AttachmentViewer)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.export_button = QPushButton(AttachmentViewer)
        self.export_button.setObjectName(u"export_button")
        self.export_button.setAutoDefault(False)

        self.actions.addWidget(self.export_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actions_spacer)

        self.buttons = QDialogButtonBox(AttachmentViewer)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.actions.addWidget(self.buttons)


        self.layout.addLayout(self.actions)


        self.retranslateUi(AttachmentViewer)

        QMetaObject.connectSlotsByName(AttachmentViewer)
    # setupUi

    def retranslateUi(self, AttachmentViewer):
        AttachmentViewer.setWindowTitle(QCoreApplication.translate("AttachmentViewer", u"Attachment", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("AttachmentViewer", u"File name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("AttachmentViewer", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.export_button.setText(QCoreApplication.translate("AttachmentViewer", u"&Export\u2026", None))
#if QT_CONFIG(accessibility)
        self.export_button.setAccessibleName(QCoreApplication.translate("AttachmentViewer", u"Export a copy of the attachment", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

