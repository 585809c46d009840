"""The Customers page (SPEC §7): every customer with a type-ahead search on name, phone or
e-mail, and the card of the one picked."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui.forms.ui_customers_page import Ui_CustomersPage
from recoverydesk.gui.messages import counted, show_message
from recoverydesk.gui.pages.customer_card_pane import CustomerCardPane
from recoverydesk.gui.pages.customer_model import CustomerListModel
from recoverydesk.services import business
from recoverydesk.services.types import SignedIn

TYPING_PAUSE_MS = 200


class CustomersPage(QWidget):
    """Emits :attr:`changed` after a card changed (a visit, an edit, a merge, an erasure)."""

    changed = Signal()
    dialog_opened = Signal(object)  # a dialog of the card (merge, erase)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.model = CustomerListModel(self.settings.locale, self)
        self.ui = ui = Ui_CustomersPage()
        ui.setupUi(self)
        self.setObjectName("customers_page")
        show_message(ui.search_error, "")
        self.table = ui.customers_table
        self.table.setModel(self.model)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        for column, width in enumerate((170, 120, 150, 70)):
            self.table.setColumnWidth(column, width)
        self.card = CustomerCardPane(self.settings)
        ui.card_layout.addWidget(self.card)
        ui.splitter.setSizes([620, 720])

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search)
        self.ui.search_edit.textEdited.connect(lambda _text: self._typing.start())
        self.ui.search_edit.returnPressed.connect(self.search)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._after_reset)
        self.model.say_failures_on(self.ui.search_error)
        self.card.changed.connect(self._on_card_changed)
        self.card.dialog_opened.connect(self.dialog_opened)

    def show_person(self, person: SignedIn) -> None:
        if self.person is not None and self.person.employee_id != person.employee_id:
            # The next person at the counter starts from the whole list, not from the last
            # one's search and open card.
            self.ui.search_edit.clear()
            self.card.show_customer(None)
        self.person = person
        self.card.set_person(person)
        self.search()

    def refresh(self) -> None:
        self.model.reload()

    def search(self) -> None:
        """List the customers matching the search text; a bad text is said in place."""
        self._typing.stop()
        try:
            self.model.set_text(self.ui.search_edit.text())
        except RecoveryDeskError as exc:  # a bad search text, or a row that cannot be read
            if not isinstance(exc, ValidationError):
                self.model.clear()
            show_message(self.ui.search_error, str(exc))
            return
        show_message(self.ui.search_error, "")

    def _after_reset(self) -> None:
        total = self.model.total
        self.ui.count_label.setText(counted(total, self.tr("1 customer"),
                                            self.tr("%d customers")))
        shown = self.card.card.customer.id if self.card.card else None
        self.card.show_customer(None)  # re-read below: the card may have changed
        row = self.model.row_of(shown) if shown is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.card.show_customer(None)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            customer_id = self.model.rows[indexes[0].row()].id
            if self.card.card is None or self.card.card.customer.id != customer_id:
                self.card.show_customer(customer_id)

    def select_customer(self, customer_id: int) -> bool:
        row = self.model.row_of(customer_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _on_card_changed(self, customer_id: int) -> None:
        message = self.card.ui.message_label.text()
        role = self.card.ui.message_label.property("role") or "ok"
        self.model.reload()
        if not self.select_customer(customer_id):
            # No longer matching the search (a name changed): the card stays, and no other
            # row stays highlighted beside it, as if the card were that row's.
            self.table.clearSelection()
            self.card.show_customer(customer_id)
        show_message(self.card.ui.message_label, message, str(role))
        self.changed.emit()
