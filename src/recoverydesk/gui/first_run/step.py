"""One page of the set-up wizard, with QWizardPage's hooks.

The wizard is a paged dialog rather than a ``QWizard``: with an application style sheet, a
``QWizard`` that still exists (even hidden, awaiting deletion) when the application style is
set again crashes Qt 6.11 and 6.12 inside ``QApplication.setStyle`` — which applying the
business theme after first run does.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Step(QWidget):
    """Override :meth:`initializePage` (each time the page is entered going forward),
    :meth:`validatePage` (Next or Finish; False stays on the page) and :meth:`isComplete`
    (whether Next is enabled; emit :attr:`completeChanged` when it changes)."""

    completeChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title_text = ""
        self.subtitle_text = ""
        self.first_field: QWidget | None = None  # gets the focus when the page is entered

    def setTitle(self, text: str) -> None:
        self.title_text = text

    def setSubTitle(self, text: str) -> None:
        self.subtitle_text = text

    def initializePage(self) -> None:
        """Called when the page is entered going forward."""

    def validatePage(self) -> bool:
        return True

    def isComplete(self) -> bool:
        return True
