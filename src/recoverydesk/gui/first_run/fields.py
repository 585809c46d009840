"""Small widgets the wizard pages share: an error label under a field, a PIN field (and
the searchable picker, from ``gui.searchable_combo``)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from recoverydesk.core.pins import PIN_MAX_DIGITS
from recoverydesk.gui.searchable_combo import SearchableCombo

__all__ = ["SearchableCombo", "error_label", "pin_edit"]


def error_label(name: str, parent: QWidget | None = None) -> QLabel:
    """A hidden label for a message next to a field (``show_message`` fills it)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("role", "error")  # styled when shown; no restyle before it has a parent
    label.hide()
    return label


def pin_edit(name: str) -> QLineEdit:
    """A masked field that takes digits only, at most the longest PIN."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_DIGITS)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{PIN_MAX_DIGITS}}}")))
    return edit
