# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QTabWidget, QTableWidget, QVBoxLayout, QWidget

class Ui_ReportsPage(object):
    def setupUi(self, ReportsPage):
        if not ReportsPage.objectName():
            ReportsPage.setObjectName(u"ReportsPage")
        ReportsPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(ReportsPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 10, 16, 10)
        self.action_row = QHBoxLayout()
        self.action_row.setObjectName(u"action_row")
        self.month_caption = QLabel(ReportsPage)
        self.month_caption.setObjectName(u"month_caption")

        self.action_row.addWidget(self.month_caption)

        self.month_combo = QComboBox(ReportsPage)
        self.month_combo.setObjectName(u"month_combo")
        self.month_combo.setMinimumWidth(170)

        self.action_row.addWidget(self.month_combo)

        self.as_of_label = QLabel(ReportsPage)
        self.as_of_label.setObjectName(u"as_of_label")

        self.action_row.addWidget(self.as_of_label)

        self.paper_caption = QLabel(ReportsPage)
        self.paper_caption.setObjectName(u"paper_caption")

        self.action_row.addWidget(self.paper_caption)

        self.paper_combo = QComboBox(ReportsPage)
        self.paper_combo.setObjectName(u"paper_combo")

        self.action_row.addWidget(self.paper_combo)

        self.save_pdf_button = QPushButton(ReportsPage)
        self.save_pdf_button.setObjectName(u"save_pdf_button")

        self.action_row.addWidget(self.save_pdf_button)

        self.print_button = QPushButton(ReportsPage)
        self.print_button.setObjectName(u"print_button")

        self.action_row.addWidget(self.print_button)

        self.export_csv_button = QPushButton(ReportsPage)
        self.export_csv_button.setObjectName(u"export_csv_button")

        self.action_row.addWidget(self.export_csv_button)

        self.action_row.setStretch(2, 1)

        self.page_layout.addLayout(self.action_row)

        self.progress_row = QHBoxLayout()
        self.progress_row.setObjectName(u"progress_row")
        self.progress_label = QLabel(ReportsPage)
        self.progress_label.setObjectName(u"progress_label")

        self.progress_row.addWidget(self.progress_label)

        self.progress_bar = QProgressBar(ReportsPage)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setMaximum(10)
        self.progress_bar.setTextVisible(False)

        self.progress_row.addWidget(self.progress_bar)

        self.cancel_button = QPushButton(ReportsPage)
        self.cancel_button.setObjectName(u"cancel_button")

        self.progress_row.addWidget(self.cancel_button)

        self.progress_row.setStretch(1, 1)

        self.page_layout.addLayout(self.progress_row)

        self.message_label = QLabel(ReportsPage)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.page_layout.addWidget(self.message_label)

        self.tabs = QTabWidget(ReportsPage)
        self.tabs.setObjectName(u"tabs")
        self.overview_tab = QWidget()
        self.overview_tab.setObjectName(u"overview_tab")
        self.overview_layout = QVBoxLayout(self.overview_tab)
        self.overview_layout.setObjectName(u"overview_layout")
        self.figures_grid = QGridLayout()
        self.figures_grid.setObjectName(u"figures_grid")
        self.figures_grid.setHorizontalSpacing(14)
        self.figures_grid.setVerticalSpacing(4)

        self.overview_layout.addLayout(self.figures_grid)

        self.charts_row = QHBoxLayout()
        self.charts_row.setObjectName(u"charts_row")

        self.overview_layout.addLayout(self.charts_row)

        self.overview_layout.setStretch(1, 1)
        self.tabs.addTab(self.overview_tab, "")
        self.employees_tab = QWidget()
        self.employees_tab.setObjectName(u"employees_tab")
        self.employees_layout = QVBoxLayout(self.employees_tab)
        self.employees_layout.setObjectName(u"employees_layout")
        self.employees_table = QTableWidget(self.employees_tab)
        self.employees_table.setObjectName(u"employees_table")

        self.employees_layout.addWidget(self.employees_table)

        self.tabs.addTab(self.employees_tab, "")
        self.breakdowns_tab = QWidget()
        self.breakdowns_tab.setObjectName(u"breakdowns_tab")
        self.breakdowns_layout = QVBoxLayout(self.breakdowns_tab)
        self.breakdowns_layout.setObjectName(u"breakdowns_layout")
        self.category_table = QTableWidget(self.breakdowns_tab)
        self.category_table.setObjectName(u"category_table")

        self.breakdowns_layout.addWidget(self.category_table)

        self.kind_table = QTableWidget(self.breakdowns_tab)
        self.kind_table.setObjectName(u"kind_table")

        self.breakdowns_layout.addWidget(self.kind_table)

        self.severity_table = QTableWidget(self.breakdowns_tab)
        self.severity_table.setObjectName(u"severity_table")

        self.breakdowns_layout.addWidget(self.severity_table)

        self.tabs.addTab(self.breakdowns_tab, "")
        self.escalations_tab = QWidget()
        self.escalations_tab.setObjectName(u"escalations_tab")
        self.escalations_layout = QVBoxLayout(self.escalations_tab)
        self.escalations_layout.setObjectName(u"escalations_layout")
        self.escalations_hint = QLabel(self.escalations_tab)
        self.escalations_hint.setObjectName(u"escalations_hint")
        self.escalations_hint.setWordWrap(True)

        self.escalations_layout.addWidget(self.escalations_hint)

        self.escalations_table = QTableWidget(self.escalations_tab)
        self.escalations_table.setObjectName(u"escalations_table")

        self.escalations_layout.addWidget(self.escalations_table)

        self.tabs.addTab(self.escalations_tab, "")

        self.page_layout.addWidget(self.tabs)

        self.page_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.month_caption.setBuddy(self.month_combo)
        self.paper_caption.setBuddy(self.paper_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportsPage)

        QMetaObject.connectSlotsByName(ReportsPage)
    # setupUi

    def retranslateUi(self, ReportsPage):
        self.month_caption.setText(QCoreApplication.translate("ReportsPage", u"&Month", None))
        self.paper_caption.setText(QCoreApplication.translate("ReportsPage", u"Pap&er", None))
        self.save_pdf_button.setText(QCoreApplication.translate("ReportsPage", u"&Save PDF\u2026", None))
        self.print_button.setText(QCoreApplication.translate("ReportsPage", u"&Print\u2026", None))
        self.export_csv_button.setText(QCoreApplication.translate("ReportsPage", u"E&xport CSV\u2026", None))
        self.cancel_button.setText(QCoreApplication.translate("ReportsPage", u"Cancel", None))
        self.tabs.setTabText(self.tabs.indexOf(self.overview_tab), QCoreApplication.translate("ReportsPage", u"Key figures and charts", None))
        self.tabs.setTabText(self.tabs.indexOf(self.employees_tab), QCoreApplication.translate("ReportsPage", u"Per employee", None))
        self.tabs.setTabText(self.tabs.indexOf(self.breakdowns_tab), QCoreApplication.translate("ReportsPage", u"By category, kind and severity", None))
        self.escalations_hint.setText(QCoreApplication.translate("ReportsPage", u"Spends past an employee's limit that an owner approved at the counter. Someone who often needs approval may need a bigger budget.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.escalations_tab), QCoreApplication.translate("ReportsPage", u"Escalations", None))
        pass
    # retranslateUi

