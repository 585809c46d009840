"""The Customers page's dialogs: merge two cards of one person, erase a person's data, and
where to save a person's data export."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import clock
from recoverydesk.gui.messages import show_message
from recoverydesk.services import customer_list, customer_records, customers
from recoverydesk.services.types import CustomerInfo, SignedIn


class MergeCustomerDialog(QDialog):
    """Pick the duplicate card of the same person; its history joins the kept card."""

    def __init__(self, person: SignedIn, keep: CustomerInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge two cards of %s") % (keep.name or keep.id))
        self.person, self.keep = person, keep
        self.intro_label = QLabel(self.tr(
            "Find the other card of the same person. Its incidents and return visits move to "
            "this card, its details fill this card's empty ones, notes are joined, and the "
            "other card is deleted."))
        self.intro_label.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, phone or e-mail"))
        self.matches_list = QListWidget()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        show_message(self.error_label, "")
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for widget in (self.intro_label, self.search_edit, self.matches_list,
                       self.error_label, self.buttons):
            layout.addWidget(widget)
        self.search_edit.textEdited.connect(self.search)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 400)

    def search(self, text: str) -> None:
        self.matches_list.clear()
        try:
            rows = customer_list.find_customers(text, 0, 50).rows if text.strip() else []
        except RecoveryDeskError as exc:
            show_message(self.error_label, str(exc))
            return
        show_message(self.error_label, "")
        for row in rows:
            if row.id == self.keep.id or row.erased:
                continue
            item = QListWidgetItem(" · ".join(p for p in (row.name, row.phone, row.email) if p)
                                   + "  " + self.tr("(%d incidents)") % row.incidents)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.matches_list.addItem(item)
        if self.matches_list.count():
            self.matches_list.setCurrentRow(0)

    def save(self) -> None:
        item = self.matches_list.currentItem()
        if item is None:
            show_message(self.error_label, self.tr("Find and pick the other card first."))
            return
        try:
            customer_records.merge_customers(self.person.employee_id, self.keep.id,
                                             int(item.data(Qt.ItemDataRole.UserRole)),
                                             now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.error_label, str(exc))
            return
        self.accept()


class EraseCustomerDialog(QDialog):
    """Confirm erasing a person's data (owners): blanks name, phone, e-mail and notes."""

    def __init__(self, person: SignedIn, customer: CustomerInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase personal data"))
        self.person, self.customer = person, customer
        self.text_label = QLabel(self.tr(
            "<p><b>Erase the personal data of %s?</b></p>"
            "<p>Their name, phone, e-mail and notes are blanked and cannot be brought back. "
            "Their incidents, gestures and money figures stay, under “Customer %d”.</p>"
            "<p><b>Backups made before now still hold their data</b>; delete or replace "
            "those backups if the person asked for everything to go.</p>")
            % (escape(customer.name or customer.phone or customer.email), customer.id))
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label = QLabel()
        show_message(self.error_label, "")
        self.buttons = QDialogButtonBox()
        self.erase_button = self.buttons.addButton(self.tr("Erase"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button.setAutoDefault(False)  # Enter never erases by accident
        self.cancel_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.erase_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.resize(480, self.sizeHint().height())

    def save(self) -> None:
        try:
            customers.erase_customer(self.person.employee_id, self.customer.id,
                                     now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.error_label, str(exc))
            return
        self.accept()


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save a person's data (a file dialog; tests replace this function)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Save this customer's data"), suggested,
        parent.tr("JSON files (*.json)"))
    return Path(name) if name else None
