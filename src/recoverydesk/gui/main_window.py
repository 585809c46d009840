"""The main window: the start page until someone signs in, then their page."""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core.months import Month, month_of
from recoverydesk.gui.start_page import StartPage
from recoverydesk.services import business, team
from recoverydesk.services._base import utcnow
from recoverydesk.services.types import BusinessInfo, SignedIn


class SignedInPage(QWidget):
    """Who is signed in and their budget this month; the counter screens build on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting_label = QLabel()
        self.greeting_label.setObjectName("greeting_label")
        self.budget_label = QLabel()
        self.budget_label.setObjectName("budget_label")
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("sign_out_button")
        for label, extra, bold in ((self.greeting_label, 8, True), (self.budget_label, 4, False)):
            font = QFont(label.font())
            font.setPointSize(font.pointSize() + extra)
            font.setBold(bold)
            label.setFont(font)
        self.sign_out_button.setMinimumSize(160, 44)
        top = QHBoxLayout()
        top.addWidget(self.greeting_label, 1)
        top.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addWidget(self.budget_label)
        layout.addStretch(1)

    def show_person(self, person: SignedIn) -> None:
        settings = business.get_settings()
        month: Month = month_of(utcnow(), settings.tz)
        status = team.budget_status(person.employee_id, month)
        month_label = format_date(month.first_day(), "LLLL y", locale=settings.locale)
        self.greeting_label.setText(person.name)
        if status.allowance_minor is None:
            text = self.tr("%s: no monthly limit, %s spent") % (
                month_label, settings.money(status.spent_minor))
        else:
            text = self.tr("Recovery budget for %s: %s spent of %s, %s left") % (
                month_label, settings.money(status.spent_minor),
                settings.money(status.allowance_minor),
                settings.money(status.remaining_minor or 0))
        self.budget_label.setText(text)


class MainWindow(QMainWindow):
    def __init__(self, info: BusinessInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"RecoveryDesk — {info.name}")
        self.resize(1024, 700)
        self.pages = QStackedWidget()
        self.start_page = StartPage(info.name)
        self.signed_in_page = SignedInPage()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.signed_in_page)
        self.setCentralWidget(self.pages)
        self.start_page.signed_in.connect(self._on_signed_in)
        self.signed_in_page.sign_out_button.clicked.connect(self.sign_out)
        self.statusBar().showMessage(self.tr("Signed out"))

    def _on_signed_in(self, person: SignedIn) -> None:
        self.signed_in_page.show_person(person)
        self.pages.setCurrentWidget(self.signed_in_page)
        self.statusBar().showMessage(self.tr("Signed in: %s") % person.name)

    def sign_out(self) -> None:
        self.start_page.reload()
        self.pages.setCurrentWidget(self.start_page)
        self.statusBar().showMessage(self.tr("Signed out"))
        self.start_page.pin_edit.setFocus()
