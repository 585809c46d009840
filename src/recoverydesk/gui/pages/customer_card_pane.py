"""The customer card (SPEC §7 Customers): details and "what delights them" notes to edit,
incident history with spend, return visits, "came back today", merge, and the owner's
data export and erasure (hidden for staff)."""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.dialogs import customer_dialogs
from recoverydesk.gui.messages import show_message
from recoverydesk.services import customer_records, customers
from recoverydesk.services._base import Settings
from recoverydesk.services.customer_records import CustomerCard
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import SignedIn


class CustomerCardPane(QWidget):
    """Shows :attr:`card`; emits :attr:`changed` with the customer id after any change."""

    changed = Signal(int)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_card")
        self.settings = settings
        self.person: SignedIn | None = None
        self.card: CustomerCard | None = None
        self.dialog: QDialog | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("card_title")
        self.name_edit, self.phone_edit, self.email_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("What delights them, e.g. always orders "
                                                   "oat milk"))
        self.notes_edit.setMaximumHeight(70)
        self.field_errors = {f: QLabel() for f in ("customer_name", "phone", "email", "notes")}
        form = QFormLayout()
        form.addRow(self.tr("Name"), self._with_error(self.name_edit, "customer_name"))
        form.addRow(self.tr("Phone"), self._with_error(self.phone_edit, "phone"))
        form.addRow(self.tr("E-mail"), self._with_error(self.email_edit, "email"))
        form.addRow(self.tr("Delighted by"), self._with_error(self.notes_edit, "notes"))
        self.save_button = QPushButton(self.tr("Save details"))
        self.came_back_button = QPushButton(self.tr("Came back today"))
        self.came_back_button.setObjectName("came_back_button")
        self.merge_button = QPushButton(self.tr("Merge with…"))
        self.export_button = QPushButton(self.tr("Export data…"))
        self.erase_button = QPushButton(self.tr("Erase personal data…"))
        self.erase_button.setObjectName("erase_button")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.history_tree = QTreeWidget()
        self.history_tree.setHeaderLabels([self.tr("Reported"), self.tr("Category"),
                                           self.tr("Status"), self.tr("Spent"),
                                           self.tr("Worth to them"), self.tr("What happened")])
        self.history_tree.setRootIsDecorated(False)
        self.visits_label = QLabel()
        self.visits_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.came_back_button, self.merge_button,
                       self.export_button, self.erase_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.history_tree, 1)
        layout.addWidget(self.visits_label)
        self.save_button.clicked.connect(self.save_details)
        self.came_back_button.clicked.connect(self.came_back_today)
        self.merge_button.clicked.connect(self.open_merge)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.open_erase)
        self.show_customer(None)

    def _with_error(self, field: QWidget, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.field_errors[name])
        show_message(self.field_errors[name], "")
        return box

    def set_person(self, person: SignedIn) -> None:
        """Owner-only actions are hidden for staff (the services refuse them too)."""
        self.person = person
        self.export_button.setVisible(person.is_owner)
        self.erase_button.setVisible(person.is_owner)

    # --- showing --------------------------------------------------------------------------

    def show_customer(self, customer_id: int | None) -> None:
        self.card = None
        show_message(self.message_label, "")
        for label in self.field_errors.values():
            show_message(label, "")
        if customer_id is not None:
            try:
                self.card = customer_records.customer_card(customer_id)
            except RecoveryDeskError as exc:
                show_message(self.message_label, str(exc))
        self._fill()

    def _fill(self) -> None:
        card = self.card
        editable = card is not None and not card.customer.erased
        for widget in (self.name_edit, self.phone_edit, self.email_edit, self.notes_edit,
                       self.save_button, self.came_back_button, self.merge_button,
                       self.erase_button):
            widget.setEnabled(editable)
        self.export_button.setEnabled(card is not None)
        self.history_tree.clear()
        if card is None:
            self.title_label.setText(self.tr("Pick a customer in the list."))
            for edit in (self.name_edit, self.phone_edit, self.email_edit):
                edit.clear()
            self.notes_edit.clear()
            self.summary_label.clear()
            self.visits_label.clear()
            return
        c = card.customer
        self.title_label.setText(
            self.tr("<b>Customer %d</b>: personal data erased") % c.id if c.erased
            else f"<div dir='ltr'><b>{self._html(c.name or c.phone or c.email)}</b></div>")
        self.name_edit.setText(c.name)
        self.phone_edit.setText(c.phone)
        self.email_edit.setText(c.email)
        self.notes_edit.setPlainText(c.notes)
        money, locale = self.settings.money, self.settings.locale
        self.summary_label.setText(self.tr("%d incidents, %s spent on them") % (
            len(card.incidents), money(card.spent_minor)))
        status = {"open": self.tr("open"), "resolved": self.tr("resolved")}
        for incident in card.incidents:
            self.history_tree.addTopLevelItem(QTreeWidgetItem([
                format_date(incident.reported_on, "medium", locale=locale), incident.category,
                status.get(incident.status, incident.status), money(incident.cost_minor),
                money(incident.value_minor) if incident.value_minor else "",
                " ".join(incident.description.split())[:120]]))
        for column in range(5):
            self.history_tree.resizeColumnToContents(column)
        visits = ", ".join(format_date(v, "medium", locale=locale) for v in card.visits[:12])
        more = len(card.visits) - 12
        self.visits_label.setText(
            self.tr("Return visits: %s") % (visits + (self.tr(" and %d more") % more
                                                      if more > 0 else ""))
            if card.visits else self.tr("No return visit recorded yet."))

    @staticmethod
    def _html(text: str) -> str:
        from html import escape

        return escape(text)

    # --- actions --------------------------------------------------------------------------

    def save_details(self) -> None:
        if self.card is None or self.person is None:
            return
        for label in self.field_errors.values():
            show_message(label, "")
        data = CustomerInput(self.name_edit.text(), self.phone_edit.text(),
                             self.email_edit.text(), self.notes_edit.toPlainText())
        try:
            changed = customer_records.update_customer(
                self.person.employee_id, self.card.customer.id, data, now=clock.now())
        except ValidationError as exc:
            label = self.field_errors.get(exc.field or "", self.message_label)
            show_message(label, str(exc))
            return
        except RecoveryDeskError as exc:
            show_message(self.message_label, str(exc))
            return
        self._done(self.tr("Saved.") if changed else self.tr("Nothing changed."))

    def came_back_today(self) -> None:
        if self.card is None or self.person is None:
            return
        try:
            customers.record_return_visit(self.person.employee_id, self.card.customer.id,
                                          now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.message_label, str(exc))
            return
        self._done(self.tr("Return visit recorded for today."))

    def _done(self, message: str) -> None:
        assert self.card is not None
        customer_id = self.card.customer.id
        self.show_customer(customer_id)
        show_message(self.message_label, message, "ok")
        self.changed.emit(customer_id)

    def _open(self, dialog: QDialog, message: str) -> None:
        assert self.card is not None
        customer_id = self.card.customer.id
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_dialog(customer_id, message))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _after_dialog(self, customer_id: int, message: str) -> None:
        self.dialog = None
        self.show_customer(customer_id)
        show_message(self.message_label, message, "ok")
        self.changed.emit(customer_id)

    def open_merge(self) -> None:
        if self.card is not None and self.person is not None:
            self._open(customer_dialogs.MergeCustomerDialog(self.person, self.card.customer,
                                                            self), self.tr("Cards merged."))

    def open_erase(self) -> None:
        if self.card is not None and self.person is not None and self.person.is_owner:
            self._open(customer_dialogs.EraseCustomerDialog(self.person, self.card.customer,
                                                            self),
                       self.tr("Personal data erased; incidents and money stay."))

    def export(self) -> None:
        """Save everything held about this person to a JSON file (owners)."""
        if self.card is None or self.person is None:
            return
        path = customer_dialogs.ask_export_path(
            self, f"customer-{self.card.customer.id}.json")
        if path is None:
            return
        try:
            customer_records.export_customer_data(self.person.employee_id,
                                                  self.card.customer.id, path, now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.message_label, str(exc))
            return
        show_message(self.message_label, self.tr("Saved to %s.") % path, "ok")
