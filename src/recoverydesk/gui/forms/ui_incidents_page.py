# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incidents_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_IncidentsPage(object):
    def setupUi(self, IncidentsPage):
        if not IncidentsPage.objectName():
            IncidentsPage.setObjectName(u"IncidentsPage")
        IncidentsPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(IncidentsPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 12, 16, 12)
        self.filter_row = QHBoxLayout()
        self.filter_row.setObjectName(u"filter_row")
        self.month_caption = QLabel(IncidentsPage)
        self.month_caption.setObjectName(u"month_caption")

        self.filter_row.addWidget(self.month_caption)

        self.month_combo = QComboBox(IncidentsPage)
        self.month_combo.setObjectName(u"month_combo")

        self.filter_row.addWidget(self.month_combo)

        self.employee_caption = QLabel(IncidentsPage)
        self.employee_caption.setObjectName(u"employee_caption")

        self.filter_row.addWidget(self.employee_caption)

        self.employee_combo = QComboBox(IncidentsPage)
        self.employee_combo.setObjectName(u"employee_combo")

        self.filter_row.addWidget(self.employee_combo)

        self.category_caption = QLabel(IncidentsPage)
        self.category_caption.setObjectName(u"category_caption")

        self.filter_row.addWidget(self.category_caption)

        self.category_combo = QComboBox(IncidentsPage)
        self.category_combo.setObjectName(u"category_combo")

        self.filter_row.addWidget(self.category_combo)

        self.status_caption = QLabel(IncidentsPage)
        self.status_caption.setObjectName(u"status_caption")

        self.filter_row.addWidget(self.status_caption)

        self.status_combo = QComboBox(IncidentsPage)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_row.addWidget(self.status_combo)

        self.text_edit = QLineEdit(IncidentsPage)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setClearButtonEnabled(True)

        self.filter_row.addWidget(self.text_edit)

        self.count_label = QLabel(IncidentsPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_row.addWidget(self.count_label)

        self.filter_row.setStretch(8, 1)

        self.page_layout.addLayout(self.filter_row)

        self.filter_error = QLabel(IncidentsPage)
        self.filter_error.setObjectName(u"filter_error")

        self.page_layout.addWidget(self.filter_error)

        self.splitter = QSplitter(IncidentsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.incidents_table = QTableView(self.splitter)
        self.incidents_table.setObjectName(u"incidents_table")
        self.incidents_table.setAlternatingRowColors(True)
        self.incidents_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.incidents_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.incidents_table.setWordWrap(False)
        self.splitter.addWidget(self.incidents_table)
        self.incidents_table.horizontalHeader().setStretchLastSection(True)
        self.incidents_table.verticalHeader().setVisible(False)
        self.detail_container = QWidget(self.splitter)
        self.detail_container.setObjectName(u"detail_container")
        self.detail_layout = QVBoxLayout(self.detail_container)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.detail_container)

        self.page_layout.addWidget(self.splitter)

        self.page_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.month_caption.setBuddy(self.month_combo)
        self.employee_caption.setBuddy(self.employee_combo)
        self.category_caption.setBuddy(self.category_combo)
        self.status_caption.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.month_combo, self.employee_combo)
        QWidget.setTabOrder(self.employee_combo, self.category_combo)
        QWidget.setTabOrder(self.category_combo, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.text_edit)
        QWidget.setTabOrder(self.text_edit, self.incidents_table)

        self.retranslateUi(IncidentsPage)

        QMetaObject.connectSlotsByName(IncidentsPage)
    # setupUi

    def retranslateUi(self, IncidentsPage):
        self.month_caption.setText(QCoreApplication.translate("IncidentsPage", u"&Month", None))
        self.employee_caption.setText(QCoreApplication.translate("IncidentsPage", u"&Employee", None))
        self.category_caption.setText(QCoreApplication.translate("IncidentsPage", u"C&ategory", None))
        self.status_caption.setText(QCoreApplication.translate("IncidentsPage", u"S&tatus", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("IncidentsPage", u"Search what happened, or a customer's name, phone or e-mail", None))
        pass
    # retranslateUi

