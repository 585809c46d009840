"""A combo box one can type any part of a choice into (locales, currencies, time zones)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class SearchableCombo(QComboBox):
    """A combo box of ``(label, code)`` choices one can type into: any part of the label
    or the code finds it, so a list of 1,100 locales stays usable.

    The labels go in as one string-list model rather than an ``addItem`` per choice: one
    call instead of a thousand.
    """

    def __init__(self, parent: QWidget | None = None, *, name: str = "",
                 choices: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.set_choices(choices)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """Replace the list (a Designer form creates the box empty)."""
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
