"""The signed-out start page: pick your name, type your PIN, Enter."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.errors import RecoveryDeskError
from recoverydesk.services import auth, team
from recoverydesk.services.types import SignedIn


class StartPage(QWidget):
    """Lists active employees; a right PIN emits :attr:`signed_in`."""

    signed_in = Signal(object)  # SignedIn

    def __init__(self, business_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        title = QLabel(business_name)
        title.setObjectName("business_label")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        title.setFont(font)
        tagline = QLabel(self.tr("Fix it at the counter. Prove it paid off."))
        self.people_list = QListWidget()
        self.people_list.setObjectName("people_list")
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pin_edit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}")))
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("sign_in_button")
        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")

        # Large targets in a centred column: this page is used standing at a counter.
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 5)
        for widget in (self.people_list, self.pin_edit, self.sign_in_button):
            widget.setFont(big)
        self.pin_edit.setMinimumHeight(48)
        self.sign_in_button.setMinimumHeight(48)
        self.people_list.setSpacing(4)
        column = QWidget()
        column.setMaximumWidth(560)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(title)
        inner.addWidget(tagline)
        inner.addSpacing(16)
        inner.addWidget(QLabel(self.tr("Who is at the counter?")))
        inner.addWidget(self.people_list, 1)
        inner.addWidget(self.pin_edit)
        inner.addWidget(self.sign_in_button)
        inner.addWidget(self.message_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(column, 4)
        layout.addStretch(1)

        self.pin_edit.returnPressed.connect(self._sign_in)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.people_list.itemActivated.connect(lambda _item: self.pin_edit.setFocus())
        self.reload()

    def reload(self) -> None:
        """Refill the list of active employees and clear the PIN and message."""
        self.people_list.clear()
        for person in team.list_employees():
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people_list.addItem(item)
        if self.people_list.count():
            self.people_list.setCurrentRow(0)
        self.pin_edit.clear()
        self.message_label.clear()

    def _sign_in(self) -> None:
        item = self.people_list.currentItem()
        if item is None:
            self.message_label.setText(self.tr("Pick your name first."))
            return
        try:
            person: SignedIn = auth.sign_in(int(item.data(Qt.ItemDataRole.UserRole)),
                                            self.pin_edit.text())
        except RecoveryDeskError as exc:
            self.pin_edit.clear()
            self.message_label.setText(str(exc))
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()
        self.message_label.clear()
        self.signed_in.emit(person)
