"""Small widgets the wizard pages share: an error label under a field, a searchable picker."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRegularExpression, QStringListModel, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QWidget

from recoverydesk.core.pins import PIN_MAX_DIGITS


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


class SearchableCombo(QComboBox):
    """A combo box of ``(label, code)`` choices one can type into: any part of the label
    or the code finds it, so a list of 1,100 locales stays usable.

    The labels go in as one string-list model rather than an ``addItem`` per choice: one
    call instead of a thousand, and PySide6 6.12 on Python 3.11 loses a reference to
    ``None`` on every call of a void method, so a thousand calls bring a crash nearer.
    """

    def __init__(self, name: str, choices: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.codes = [code for _label, code in choices]
        self._index_of_code = {code: i for i, code in enumerate(self.codes)}
        self.setModel(QStringListModel([label for label, _code in choices], self))
        completer = self.completer()
        assert completer is not None  # an editable combo box always has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def select_code(self, code: str) -> bool:
        index = self._index_of_code.get(code, -1)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def label_of(self, code: str) -> str:
        index = self._index_of_code.get(code, -1)
        return self.itemText(index) if index >= 0 else code

    def code(self) -> str | None:
        """The chosen code: the typed text must be one of the labels or a code itself."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.codes[index]
        return text if text in self._index_of_code else None
