"""The customer part of the recovery dialog: type-ahead on name or phone, a known
customer's history line, or a new customer added inline."""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem

from recoverydesk.errors import ValidationError
from recoverydesk.gui.forms.ui_log_recovery_dialog import Ui_LogRecoveryDialog
from recoverydesk.gui.messages import counted, show_message
from recoverydesk.services import customers
from recoverydesk.services._base import Settings
from recoverydesk.services.customers import CustomerInput

CUSTOMER_FIELDS = ("customer", "customer_name", "phone", "email", "notes")


class CustomerPicker(QObject):
    """Owns the customer widgets of :class:`Ui_LogRecoveryDialog`."""

    def __init__(self, ui: Ui_LogRecoveryDialog, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui, self.settings = ui, settings
        self.customer_id: int | None = None
        ui.customer_matches_list.hide()
        ui.new_customer_group.hide()
        show_message(ui.history_label, "", "hint")
        show_message(ui.customer_error, "")
        ui.customer_edit.setPlaceholderText(self.tr("Name or phone, then ↓ to pick"))
        ui.customer_edit.textEdited.connect(self.search)
        ui.customer_edit.installEventFilter(self)
        ui.customer_matches_list.itemClicked.connect(self.pick)
        ui.customer_matches_list.installEventFilter(self)
        ui.new_customer_button.clicked.connect(self.add_new)

    def search(self, text: str) -> None:
        """Type-ahead: list up to eight matches while typing; typing forgets a pick."""
        ui = self.ui
        self.customer_id = None
        show_message(ui.history_label, "", "hint")
        show_message(ui.customer_error, "")
        ui.customer_matches_list.clear()
        matches = customers.search_customers(text) if text.strip() else []
        for match in matches:
            extra = " · ".join(part for part in (match.phone, match.email) if part)
            item = QListWidgetItem(f"{match.name or '—'}   {extra}".rstrip())
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, match.name or match.phone or match.email)
            ui.customer_matches_list.addItem(item)
        ui.customer_matches_list.setVisible(bool(matches))
        if matches:
            ui.customer_matches_list.setCurrentRow(0)
            ui.new_customer_group.hide()
        elif text.strip() and not ui.new_customer_group.isVisible():
            show_message(ui.history_label, self.tr(
                "No customer matches: press New customer to add them."), "hint")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        matches = self.ui.customer_matches_list
        if (watched is self.ui.customer_edit and event.key() == Qt.Key.Key_Down
                and matches.isVisible()):
            matches.setFocus()
            return True
        if (watched is matches and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and matches.currentItem() is not None):
            self.pick(matches.currentItem())
            return True  # Enter picks here; it must not also reach the Save button
        return super().eventFilter(watched, event)

    def pick(self, item: QListWidgetItem) -> None:
        """Take the customer of a match row; show their history; go on to the gesture."""
        ui = self.ui
        self.customer_id = int(item.data(Qt.ItemDataRole.UserRole))
        ui.customer_edit.setText(str(item.data(Qt.ItemDataRole.UserRole + 1)))
        ui.preset_list.setFocus()  # next step: the gesture (before the list hides)
        ui.customer_matches_list.hide()
        ui.new_customer_group.hide()
        show_message(ui.customer_error, "")
        self._show_history(self.customer_id)

    def _show_history(self, customer_id: int) -> None:
        history = customers.customer_history(customer_id)
        if history.incidents == 0:
            text = self.tr("No incidents in %d.") % history.year
        else:
            text = self.tr("%s and %s in %d, costing %s") % (
                counted(history.incidents, self.tr("1 incident"), self.tr("%d incidents")),
                counted(history.gestures, self.tr("1 gesture"), self.tr("%d gestures")),
                history.year, self.settings.money(history.cost_minor))
            if history.last_incident_on is not None:
                text += self.tr("; last on %s") % format_date(
                    history.last_incident_on, "medium", locale=self.settings.locale)
            text += "."
        if history.notes:
            text += " " + self.tr("Delights them: %s") % " ".join(history.notes.split())
        show_message(self.ui.history_label, text, "hint")

    def add_new(self) -> None:
        """Open the inline new-customer fields, prefilled with what was typed."""
        ui = self.ui
        typed = ui.customer_edit.text().strip()
        self.customer_id = None
        ui.customer_matches_list.hide()
        show_message(ui.history_label, "", "hint")
        show_message(ui.customer_error, "")
        ui.new_customer_group.show()
        if typed and not ui.new_name_edit.text() and not ui.new_phone_edit.text():
            looks_like_phone = sum(ch.isdigit() for ch in typed) >= 3 and all(
                ch.isdigit() or ch in " +-()./" for ch in typed)
            (ui.new_phone_edit if looks_like_phone else ui.new_name_edit).setText(typed)
        ui.new_name_edit.setFocus()

    def validate(self) -> bool:
        """False (with a message) if something was typed but no customer picked or added."""
        ui = self.ui
        show_message(ui.customer_error, "")
        if (ui.customer_edit.text().strip() and self.customer_id is None
                and not ui.new_customer_group.isVisible()):
            show_message(ui.customer_error, self.tr(
                "Pick the customer from the list (↓ then Enter), press New customer, "
                "or clear the field."))
            return False
        new_customer = self.choice()[1]
        if new_customer is not None:
            try:  # the service's own rules, now: said with the dialog's other problems
                customers.validate_customer(new_customer)
            except ValidationError as exc:
                self.show_error(exc)
                return False
        return True

    def choice(self) -> tuple[int | None, CustomerInput | None]:
        ui = self.ui
        if ui.new_customer_group.isVisible():
            return None, CustomerInput(name=ui.new_name_edit.text(),
                                       phone=ui.new_phone_edit.text(),
                                       notes=ui.new_notes_edit.text())
        return self.customer_id, None

    def show_error(self, exc: ValidationError) -> bool:
        """Show a service's complaint about the customer in place; False if not ours."""
        if exc.field not in CUSTOMER_FIELDS:
            return False
        show_message(self.ui.customer_error, str(exc))
        return True
