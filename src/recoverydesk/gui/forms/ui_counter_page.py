# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'counter_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout

class Ui_CounterPage(object):
    def setupUi(self, CounterPage):
        if not CounterPage.objectName():
            CounterPage.setObjectName(u"CounterPage")
        CounterPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(CounterPage)
        self.page_layout.setSpacing(10)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(32, 18, 32, 18)
        self.heading_layout = QHBoxLayout()
        self.heading_layout.setObjectName(u"heading_layout")
        self.greeting_label = QLabel(CounterPage)
        self.greeting_label.setObjectName(u"greeting_label")

        self.heading_layout.addWidget(self.greeting_label)

        self.heading_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.heading_layout.addItem(self.heading_spacer)

        self.month_label = QLabel(CounterPage)
        self.month_label.setObjectName(u"month_label")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.heading_layout.addWidget(self.month_label)


        self.page_layout.addLayout(self.heading_layout)

        self.budget_bar = QProgressBar(CounterPage)
        self.budget_bar.setObjectName(u"budget_bar")
        self.budget_bar.setMaximum(100)
        self.budget_bar.setValue(0)
        self.budget_bar.setTextVisible(False)

        self.page_layout.addWidget(self.budget_bar)

        self.budget_layout = QHBoxLayout()
        self.budget_layout.setObjectName(u"budget_layout")
        self.budget_label = QLabel(CounterPage)
        self.budget_label.setObjectName(u"budget_label")
        self.budget_label.setWordWrap(True)

        self.budget_layout.addWidget(self.budget_label)

        self.limit_label = QLabel(CounterPage)
        self.limit_label.setObjectName(u"limit_label")
        self.limit_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.budget_layout.addWidget(self.limit_label)


        self.page_layout.addLayout(self.budget_layout)

        self.log_button = QPushButton(CounterPage)
        self.log_button.setObjectName(u"log_button")
        icon = QIcon()
        icon.addFile(u"icons:log_recovery.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.log_button.setIcon(icon)
        self.log_button.setIconSize(QSize(36, 36))

        self.page_layout.addWidget(self.log_button)

        self.gap_spacer = QSpacerItem(0, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.page_layout.addItem(self.gap_spacer)

        self.lists_layout = QHBoxLayout()
        self.lists_layout.setSpacing(18)
        self.lists_layout.setObjectName(u"lists_layout")
        self.entries_group = QGroupBox(CounterPage)
        self.entries_group.setObjectName(u"entries_group")
        self.entries_layout = QVBoxLayout(self.entries_group)
        self.entries_layout.setObjectName(u"entries_layout")
        self.entries_tree = QTreeWidget(self.entries_group)
        self.entries_tree.setObjectName(u"entries_tree")
        self.entries_tree.setRootIsDecorated(False)
        self.entries_tree.setUniformRowHeights(True)
        self.entries_tree.setAlternatingRowColors(True)

        self.entries_layout.addWidget(self.entries_tree)


        self.lists_layout.addWidget(self.entries_group)

        self.followups_group = QGroupBox(CounterPage)
        self.followups_group.setObjectName(u"followups_group")
        self.followups_layout = QVBoxLayout(self.followups_group)
        self.followups_layout.setObjectName(u"followups_layout")
        self.followups_label = QLabel(self.followups_group)
        self.followups_label.setObjectName(u"followups_label")

        self.followups_layout.addWidget(self.followups_label)

        self.followups_tree = QTreeWidget(self.followups_group)
        self.followups_tree.setObjectName(u"followups_tree")
        self.followups_tree.setRootIsDecorated(False)
        self.followups_tree.setUniformRowHeights(True)
        self.followups_tree.setAlternatingRowColors(True)

        self.followups_layout.addWidget(self.followups_tree)


        self.lists_layout.addWidget(self.followups_group)

        self.lists_layout.setStretch(0, 2)
        self.lists_layout.setStretch(1, 3)

        self.page_layout.addLayout(self.lists_layout)

        self.page_layout.setStretch(5, 1)

        self.retranslateUi(CounterPage)

        QMetaObject.connectSlotsByName(CounterPage)
    # setupUi

    def retranslateUi(self, CounterPage):
        self.log_button.setText(QCoreApplication.translate("CounterPage", u"Log a recovery   (Ctrl+N)", None))
        self.entries_group.setTitle(QCoreApplication.translate("CounterPage", u"My entries today", None))
        ___qtreewidgetitem = self.entries_tree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CounterPage", u"Spent", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CounterPage", u"Customer", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CounterPage", u"What happened", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CounterPage", u"Time", None))
        self.followups_group.setTitle(QCoreApplication.translate("CounterPage", u"Follow-ups due", None))
        ___qtreewidgetitem1 = self.followups_tree.headerItem()
        ___qtreewidgetitem1.setText(3, QCoreApplication.translate("CounterPage", u"What happened", None))
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("CounterPage", u"Phone", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("CounterPage", u"Customer", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("CounterPage", u"Due", None))
        pass
    # retranslateUi

