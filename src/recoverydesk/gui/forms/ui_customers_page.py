# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_CustomersPage(object):
    def setupUi(self, CustomersPage):
        if not CustomersPage.objectName():
            CustomersPage.setObjectName(u"CustomersPage")
        CustomersPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(CustomersPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 12, 16, 12)
        self.splitter = QSplitter(CustomersPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.list_side = QWidget(self.splitter)
        self.list_side.setObjectName(u"list_side")
        self.list_layout = QVBoxLayout(self.list_side)
        self.list_layout.setObjectName(u"list_layout")
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.search_row = QHBoxLayout()
        self.search_row.setObjectName(u"search_row")
        self.search_edit = QLineEdit(self.list_side)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.search_row.addWidget(self.search_edit)

        self.count_label = QLabel(self.list_side)
        self.count_label.setObjectName(u"count_label")

        self.search_row.addWidget(self.count_label)

        self.search_row.setStretch(0, 1)

        self.list_layout.addLayout(self.search_row)

        self.search_error = QLabel(self.list_side)
        self.search_error.setObjectName(u"search_error")

        self.list_layout.addWidget(self.search_error)

        self.customers_table = QTableView(self.list_side)
        self.customers_table.setObjectName(u"customers_table")
        self.customers_table.setAlternatingRowColors(True)
        self.customers_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.customers_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customers_table.horizontalHeader().setStretchLastSection(True)
        self.customers_table.verticalHeader().setVisible(False)

        self.list_layout.addWidget(self.customers_table)

        self.list_layout.setStretch(2, 1)
        self.splitter.addWidget(self.list_side)
        self.card_container = QWidget(self.splitter)
        self.card_container.setObjectName(u"card_container")
        self.card_layout = QVBoxLayout(self.card_container)
        self.card_layout.setObjectName(u"card_layout")
        self.card_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.card_container)

        self.page_layout.addWidget(self.splitter)


        self.retranslateUi(CustomersPage)

        QMetaObject.connectSlotsByName(CustomersPage)
    # setupUi

    def retranslateUi(self, CustomersPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("CustomersPage", u"Find a customer: name, phone or e-mail", None))
        pass
    # retranslateUi

