"""The signed-out start page: pick your name, type your PIN, Enter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QListWidgetItem, QWidget

from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui.forms.ui_start_page import Ui_StartPage
from recoverydesk.gui.messages import show_message

if TYPE_CHECKING:
    from recoverydesk.services.types import SignedIn


class StartPage(QWidget):
    """Lists active employees; a right PIN emits :attr:`signed_in`. A wrong PIN or a
    lockout (with the time left) is said under the PIN field.

    ``people`` (``(id, name)`` pairs) fills the first list when the business is not open
    yet (the start's first look, gui.app); later lists come from the services. These are
    imported on first use, so the sign-in window does not wait for them.
    """

    signed_in = Signal(object)  # SignedIn

    def __init__(self, business_name: str, people: Sequence[tuple[int, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartPage()
        self.ui.setupUi(self)
        self.setObjectName("start_page")
        self.ui.business_label.setText(business_name)
        self.people_list = self.ui.people_list
        self.pin_edit = self.ui.pin_edit
        self.sign_in_button = self.ui.sign_in_button
        self.message_label = self.ui.message_label
        self.pin_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}")))
        self.pin_edit.returnPressed.connect(self._sign_in)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.people_list.itemActivated.connect(lambda _item: self.pin_edit.setFocus())
        self.reload(people)

    def reload(self, people: Sequence[tuple[int, str]] | None = None) -> None:
        """Refill the list of active employees and clear the PIN and message."""
        if people is None:
            from recoverydesk.services import team

            people = [(person.id, person.name) for person in team.list_employees()]
        self.people_list.clear()
        for employee_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, employee_id)
            self.people_list.addItem(item)
        if self.people_list.count():
            self.people_list.setCurrentRow(0)
        self.pin_edit.clear()
        show_message(self.message_label, "")

    def _sign_in(self) -> None:
        item = self.people_list.currentItem()
        if item is None:
            show_message(self.message_label, self.tr("Pick your name first."))
            return
        if not self.pin_edit.text():
            show_message(self.message_label, self.tr("Type your PIN, then press Enter."))
            self.pin_edit.setFocus()
            return
        from recoverydesk.services import auth

        try:
            person: SignedIn = auth.sign_in(int(item.data(Qt.ItemDataRole.UserRole)),
                                            self.pin_edit.text())
        except RecoveryDeskError as exc:
            self.pin_edit.clear()
            show_message(self.message_label, str(exc))
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()
        show_message(self.message_label, "")
        self.signed_in.emit(person)
