"""The customer card (SPEC §7 Customers): details and "what delights them" notes to edit,
incident history with spend, return visits, "came back today", merge, and the owner's
data export and erasure (hidden for staff)."""

from __future__ import annotations

from html import escape

from babel.dates import format_date
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTreeWidgetItem, QWidget

from recoverydesk.core.months import local_date
from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.dialogs import customer_dialogs
from recoverydesk.gui.forms.ui_customer_card import Ui_CustomerCard
from recoverydesk.gui.messages import counted, show_message
from recoverydesk.services import customer_records, customers
from recoverydesk.services._base import Settings, utcnow
from recoverydesk.services.customer_records import CustomerCard
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import SignedIn


class CustomerCardPane(QWidget):
    """Shows :attr:`card`; emits :attr:`changed` with the customer id after any change."""

    changed = Signal(int)
    dialog_opened = Signal(object)  # the QDialog: the window watches it for activity

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.person: SignedIn | None = None
        self.card: CustomerCard | None = None
        self.dialog: QDialog | None = None
        self.ui = ui = Ui_CustomerCard()
        ui.setupUi(self)
        self.setObjectName("customer_card")
        self.field_errors = {"customer_name": ui.name_error, "phone": ui.phone_error,
                             "email": ui.email_error, "notes": ui.notes_error}
        for label in self.field_errors.values():
            show_message(label, "")
        self.ui.save_details_button.clicked.connect(self.save_details)
        self.ui.came_back_button.clicked.connect(self.came_back_today)
        self.ui.merge_button.clicked.connect(self.open_merge)
        self.ui.export_button.clicked.connect(self.export)
        self.ui.erase_button.clicked.connect(self.open_erase)
        self.show_customer(None)

    def set_person(self, person: SignedIn) -> None:
        """Owner-only actions are hidden for staff (the services refuse them too)."""
        self.person = person
        self.ui.export_button.setVisible(person.is_owner)
        self.ui.erase_button.setVisible(person.is_owner)

    # --- showing --------------------------------------------------------------------------

    def show_customer(self, customer_id: int | None) -> None:
        self.card = None
        show_message(self.ui.message_label, "")
        for label in self.field_errors.values():
            show_message(label, "")
        if customer_id is not None:
            try:
                self.card = customer_records.customer_card(customer_id)
            except RecoveryDeskError as exc:
                show_message(self.ui.message_label, str(exc))
        self._fill()
        if customer_id is not None and self.card is None:
            self.ui.title_label.setText(self.tr("This customer cannot be shown."))

    def _fill(self) -> None:
        card = self.card
        editable = card is not None and not card.customer.erased
        ui = self.ui
        for widget in (ui.name_edit, ui.phone_edit, ui.email_edit, ui.notes_edit,
                       ui.save_details_button, ui.came_back_button, ui.merge_button,
                       ui.erase_button):
            widget.setEnabled(editable)
        self.ui.export_button.setEnabled(card is not None)
        self.ui.history_tree.clear()
        if card is None:
            self.ui.title_label.setText(self.tr("Pick a customer in the list."))
            for edit in (self.ui.name_edit, self.ui.phone_edit, self.ui.email_edit):
                edit.clear()
            self.ui.notes_edit.clear()
            self.ui.summary_label.clear()
            self.ui.visits_label.clear()
            return
        c = card.customer
        self.ui.title_label.setText(
            self.tr("<b>Customer %d</b>: personal data erased") % c.id if c.erased
            else f"<div dir='ltr'><b>{escape(c.name or c.phone or c.email)}</b></div>")
        self.ui.name_edit.setText(c.name)
        self.ui.phone_edit.setText(c.phone)
        self.ui.email_edit.setText(c.email)
        self.ui.notes_edit.setPlainText(c.notes)
        money, locale = self.settings.money, self.settings.locale
        incidents = counted(len(card.incidents), self.tr("1 incident"), self.tr("%d incidents"))
        self.ui.summary_label.setText(self.tr("%s, %s spent on them") % (
            incidents, money(card.spent_minor)))
        status = {"open": self.tr("open"), "resolved": self.tr("resolved")}
        for incident in card.incidents:
            self.ui.history_tree.addTopLevelItem(QTreeWidgetItem([
                format_date(incident.reported_on, "medium", locale=locale), incident.category,
                status.get(incident.status, incident.status), money(incident.cost_minor),
                money(incident.value_minor) if incident.value_minor else "",
                " ".join(incident.description.split())[:120]]))
        for column in range(5):
            self.ui.history_tree.resizeColumnToContents(column)
        visits = ", ".join(format_date(v, "medium", locale=locale) for v in card.visits[:12])
        more = len(card.visits) - 12
        self.ui.visits_label.setText(
            self.tr("Return visits: %s") % (visits + (self.tr(" and %d more") % more
                                                      if more > 0 else ""))
            if card.visits else self.tr("No return visit recorded yet."))

    # --- actions --------------------------------------------------------------------------

    def save_details(self) -> None:
        if self.card is None or self.person is None:
            return
        for label in self.field_errors.values():
            show_message(label, "")
        data = CustomerInput(self.ui.name_edit.text(), self.ui.phone_edit.text(),
                             self.ui.email_edit.text(), self.ui.notes_edit.toPlainText())
        try:
            changed = customer_records.update_customer(
                self.person.employee_id, self.card.customer.id, data, now=clock.now())
        except ValidationError as exc:
            label = self.field_errors.get(exc.field or "", self.ui.message_label)
            show_message(label, str(exc))
            return
        except RecoveryDeskError as exc:
            show_message(self.ui.message_label, str(exc))
            return
        self._done(self.tr("Saved.") if changed else self.tr("Nothing changed."))

    def came_back_today(self) -> None:
        if self.card is None or self.person is None:
            return
        try:
            # A second click (or another till) the same day would count the day twice on
            # the card: one visit a day is what "came back today" means.
            today = local_date(utcnow(clock.now()), self.settings.tz)
            if today in customer_records.customer_card(self.card.customer.id).visits:
                show_message(self.ui.message_label,
                             self.tr("Their return today is already recorded."), "hint")
                return
            customers.record_return_visit(self.person.employee_id, self.card.customer.id,
                                          now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.ui.message_label, str(exc))
            return
        self._done(self.tr("Return visit recorded for today."))

    def _done(self, message: str) -> None:
        assert self.card is not None
        customer_id = self.card.customer.id
        self.show_customer(customer_id)
        show_message(self.ui.message_label, message, "ok")
        self.changed.emit(customer_id)

    def _open(self, dialog: QDialog, message: str) -> None:
        assert self.card is not None
        customer_id = self.card.customer.id
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_dialog(customer_id, message))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _after_dialog(self, customer_id: int, message: str) -> None:
        self.dialog = None
        self.show_customer(customer_id)
        show_message(self.ui.message_label, message, "ok")
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
            show_message(self.ui.message_label, str(exc))
            return
        show_message(self.ui.message_label, self.tr("Saved to %s.") % path, "ok")
