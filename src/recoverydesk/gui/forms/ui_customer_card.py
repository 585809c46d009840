# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_card.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout, QWidget

class Ui_CustomerCard(object):
    def setupUi(self, CustomerCard):
        if not CustomerCard.objectName():
            CustomerCard.setObjectName(u"CustomerCard")
        CustomerCard.resize(720, 640)
        self.card_layout = QVBoxLayout(CustomerCard)
        self.card_layout.setObjectName(u"card_layout")
        self.card_layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(CustomerCard)
        self.title_label.setObjectName(u"title_label")

        self.card_layout.addWidget(self.title_label)

        self.details_form = QFormLayout()
        self.details_form.setObjectName(u"details_form")
        self.name_caption = QLabel(CustomerCard)
        self.name_caption.setObjectName(u"name_caption")

        self.details_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_caption)

        self.name_box = QVBoxLayout()
        self.name_box.setSpacing(2)
        self.name_box.setObjectName(u"name_box")
        self.name_edit = QLineEdit(CustomerCard)
        self.name_edit.setObjectName(u"name_edit")

        self.name_box.addWidget(self.name_edit)

        self.name_error = QLabel(CustomerCard)
        self.name_error.setObjectName(u"name_error")

        self.name_box.addWidget(self.name_error)


        self.details_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.name_box)

        self.phone_caption = QLabel(CustomerCard)
        self.phone_caption.setObjectName(u"phone_caption")

        self.details_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phone_caption)

        self.phone_box = QVBoxLayout()
        self.phone_box.setSpacing(2)
        self.phone_box.setObjectName(u"phone_box")
        self.phone_edit = QLineEdit(CustomerCard)
        self.phone_edit.setObjectName(u"phone_edit")

        self.phone_box.addWidget(self.phone_edit)

        self.phone_error = QLabel(CustomerCard)
        self.phone_error.setObjectName(u"phone_error")

        self.phone_box.addWidget(self.phone_error)


        self.details_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.phone_box)

        self.email_caption = QLabel(CustomerCard)
        self.email_caption.setObjectName(u"email_caption")

        self.details_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.email_caption)

        self.email_box = QVBoxLayout()
        self.email_box.setSpacing(2)
        self.email_box.setObjectName(u"email_box")
        self.email_edit = QLineEdit(CustomerCard)
        self.email_edit.setObjectName(u"email_edit")

        self.email_box.addWidget(self.email_edit)

        self.email_error = QLabel(CustomerCard)
        self.email_error.setObjectName(u"email_error")

        self.email_box.addWidget(self.email_error)


        self.details_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.email_box)

        self.notes_caption = QLabel(CustomerCard)
        self.notes_caption.setObjectName(u"notes_caption")

        self.details_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notes_caption)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_edit = QPlainTextEdit(CustomerCard)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumSize(QSize(16777215, 70))

        self.notes_box.addWidget(self.notes_edit)

        self.notes_error = QLabel(CustomerCard)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_box.addWidget(self.notes_error)


        self.details_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.card_layout.addLayout(self.details_form)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.save_details_button = QPushButton(CustomerCard)
        self.save_details_button.setObjectName(u"save_details_button")

        self.buttons_row.addWidget(self.save_details_button)

        self.came_back_button = QPushButton(CustomerCard)
        self.came_back_button.setObjectName(u"came_back_button")

        self.buttons_row.addWidget(self.came_back_button)

        self.merge_button = QPushButton(CustomerCard)
        self.merge_button.setObjectName(u"merge_button")

        self.buttons_row.addWidget(self.merge_button)

        self.export_button = QPushButton(CustomerCard)
        self.export_button.setObjectName(u"export_button")

        self.buttons_row.addWidget(self.export_button)

        self.erase_button = QPushButton(CustomerCard)
        self.erase_button.setObjectName(u"erase_button")

        self.buttons_row.addWidget(self.erase_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)


        self.card_layout.addLayout(self.buttons_row)

        self.message_label = QLabel(CustomerCard)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.card_layout.addWidget(self.message_label)

        self.summary_label = QLabel(CustomerCard)
        self.summary_label.setObjectName(u"summary_label")

        self.card_layout.addWidget(self.summary_label)

        self.history_tree = QTreeWidget(CustomerCard)
        self.history_tree.setObjectName(u"history_tree")
        self.history_tree.setRootIsDecorated(False)

        self.card_layout.addWidget(self.history_tree)

        self.visits_label = QLabel(CustomerCard)
        self.visits_label.setObjectName(u"visits_label")
        self.visits_label.setWordWrap(True)

        self.card_layout.addWidget(self.visits_label)

        self.card_layout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.name_caption.setBuddy(self.name_edit)
        self.phone_caption.setBuddy(self.phone_edit)
        self.email_caption.setBuddy(self.email_edit)
        self.notes_caption.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.save_details_button)
        QWidget.setTabOrder(self.save_details_button, self.came_back_button)
        QWidget.setTabOrder(self.came_back_button, self.merge_button)
        QWidget.setTabOrder(self.merge_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.erase_button)
        QWidget.setTabOrder(self.erase_button, self.history_tree)

        self.retranslateUi(CustomerCard)

        QMetaObject.connectSlotsByName(CustomerCard)
    # setupUi

    def retranslateUi(self, CustomerCard):
        self.name_caption.setText(QCoreApplication.translate("CustomerCard", u"&Name", None))
        self.phone_caption.setText(QCoreApplication.translate("CustomerCard", u"&Phone", None))
        self.email_caption.setText(QCoreApplication.translate("CustomerCard", u"E-&mail", None))
        self.notes_caption.setText(QCoreApplication.translate("CustomerCard", u"&Delighted by", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("CustomerCard", u"What delights them, e.g. always orders oat milk", None))
        self.save_details_button.setText(QCoreApplication.translate("CustomerCard", u"&Save details", None))
        self.came_back_button.setText(QCoreApplication.translate("CustomerCard", u"Came &back today", None))
        self.merge_button.setText(QCoreApplication.translate("CustomerCard", u"Mer&ge with\u2026", None))
        self.export_button.setText(QCoreApplication.translate("CustomerCard", u"E&xport data\u2026", None))
        self.erase_button.setText(QCoreApplication.translate("CustomerCard", u"Erase personal data\u2026", None))
        ___qtreewidgetitem = self.history_tree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("CustomerCard", u"What happened", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("CustomerCard", u"Worth to them", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CustomerCard", u"Spent", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CustomerCard", u"Status", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CustomerCard", u"Category", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CustomerCard", u"Reported", None))
        pass
    # retranslateUi

