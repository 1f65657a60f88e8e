# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_UnlockPage(object):
    def setupUi(self, UnlockPage):
        if not UnlockPage.objectName():
            UnlockPage.setObjectName(u"UnlockPage")
        self.outer = QVBoxLayout(UnlockPage)
        self.outer.setObjectName(u"outer")
        self.above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.above)

        self.card = QFrame(UnlockPage)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(440, 0))
        self.card.setMaximumSize(QSize(440, 16777215))
        self.card.setProperty(u"role", u"card")
        self.inner = QVBoxLayout(self.card)
        self.inner.setSpacing(10)
        self.inner.setObjectName(u"inner")
        self.inner.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel(self.card)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setProperty(u"role", u"heading")

        self.inner.addWidget(self.title)

        self.subtitle = QLabel(self.card)
        self.subtitle.setObjectName(u"subtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        self.subtitle.setProperty(u"role", u"muted")

        self.inner.addWidget(self.subtitle)

        self.before_prompt = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.inner.addItem(self.before_prompt)

        self.prompt = QLabel(self.card)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)

        self.inner.addWidget(self.prompt)

        self.row = QHBoxLayout()
        self.row.setObjectName(u"row")
        self.passphrase = QLineEdit(self.card)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.row.addWidget(self.passphrase)

        self.button = QPushButton(self.card)
        self.button.setObjectName(u"button")
        self.button.setProperty(u"primary", True)

        self.row.addWidget(self.button)

        self.row.setStretch(0, 1)

        self.inner.addLayout(self.row)

        self.message = QLabel(self.card)
        self.message.setObjectName(u"message")
        self.message.setStyleSheet(u"color: #842029; font-weight: bold;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.inner.addWidget(self.message)

        self.before_folder = QSpacerItem(0, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.inner.addItem(self.before_folder)

        self.folder = QLabel(self.card)
        self.folder.setObjectName(u"folder")
        self.folder.setTextFormat(Qt.TextFormat.PlainText)
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setProperty(u"role", u"muted")

        self.inner.addWidget(self.folder)


        self.outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)

        self.below = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.below)

        self.outer.setStretch(0, 2)
        self.outer.setStretch(2, 3)
#if QT_CONFIG(shortcut)
        self.prompt.setBuddy(self.passphrase)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnlockPage)

        self.button.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockPage)
    # setupUi

    def retranslateUi(self, UnlockPage):
        self.title.setText(QCoreApplication.translate("UnlockPage", u"Officer App", None))
        self.subtitle.setText(QCoreApplication.translate("UnlockPage", u"School attendance casework, encrypted on this laptop.", None))
        self.prompt.setText(QCoreApplication.translate("UnlockPage", u"&Passphrase", None))
        self.passphrase.setPlaceholderText(QCoreApplication.translate("UnlockPage", u"Your passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphrase.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.button.setText(QCoreApplication.translate("UnlockPage", u"Unlock", None))
#if QT_CONFIG(accessibility)
        self.button.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlock message", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

