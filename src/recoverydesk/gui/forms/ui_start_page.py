# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_StartPage(object):
    def setupUi(self, StartPage):
        if not StartPage.objectName():
            StartPage.setObjectName(u"StartPage")
        StartPage.resize(1024, 700)
        self.outer_layout = QHBoxLayout(StartPage)
        self.outer_layout.setObjectName(u"outer_layout")
        self.outer_layout.setContentsMargins(32, 24, 32, 24)
        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.left_spacer)

        self.column_widget = QWidget(StartPage)
        self.column_widget.setObjectName(u"column_widget")
        self.column_widget.setMaximumSize(QSize(560, 16777215))
        self.column_layout = QVBoxLayout(self.column_widget)
        self.column_layout.setObjectName(u"column_layout")
        self.column_layout.setContentsMargins(0, 0, 0, 0)
        self.business_label = QLabel(self.column_widget)
        self.business_label.setObjectName(u"business_label")
        self.business_label.setWordWrap(True)

        self.column_layout.addWidget(self.business_label)

        self.tagline_label = QLabel(self.column_widget)
        self.tagline_label.setObjectName(u"tagline_label")

        self.column_layout.addWidget(self.tagline_label)

        self.who_label = QLabel(self.column_widget)
        self.who_label.setObjectName(u"who_label")

        self.column_layout.addWidget(self.who_label)

        self.people_list = QListWidget(self.column_widget)
        self.people_list.setObjectName(u"people_list")
        self.people_list.setSpacing(2)

        self.column_layout.addWidget(self.people_list)

        self.pin_edit = QLineEdit(self.column_widget)
        self.pin_edit.setObjectName(u"pin_edit")
        self.pin_edit.setMinimumSize(QSize(0, 48))
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.column_layout.addWidget(self.pin_edit)

        self.sign_in_button = QPushButton(self.column_widget)
        self.sign_in_button.setObjectName(u"sign_in_button")
        self.sign_in_button.setMinimumSize(QSize(0, 48))
        icon = QIcon()
        icon.addFile(u"icons:sign_in.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.sign_in_button.setIcon(icon)
        self.sign_in_button.setIconSize(QSize(26, 26))

        self.column_layout.addWidget(self.sign_in_button)

        self.message_label = QLabel(self.column_widget)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.column_layout.addWidget(self.message_label)


        self.outer_layout.addWidget(self.column_widget)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_spacer)

        self.outer_layout.setStretch(0, 1)
        self.outer_layout.setStretch(1, 4)
        self.outer_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.who_label.setBuddy(self.people_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.people_list, self.pin_edit)
        QWidget.setTabOrder(self.pin_edit, self.sign_in_button)

        self.retranslateUi(StartPage)

        QMetaObject.connectSlotsByName(StartPage)
    # setupUi

    def retranslateUi(self, StartPage):
        self.tagline_label.setText(QCoreApplication.translate("StartPage", u"Fix it at the counter. Prove it paid off.", None))
        self.who_label.setText(QCoreApplication.translate("StartPage", u"Who is at the counter?", None))
        self.pin_edit.setPlaceholderText(QCoreApplication.translate("StartPage", u"PIN", None))
        self.sign_in_button.setText(QCoreApplication.translate("StartPage", u"Sign in", None))
        pass
    # retranslateUi

