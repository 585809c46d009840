"""The first-run chooser: "Set up my business" (the wizard) or "Open the demo".

Shown when the app starts on an SQLite file that does not exist yet. It writes nothing by
itself: the wizard writes the business only on Finish, and the demo is built in a worker
(with a progress bar and Cancel; a half-built demo file is removed) into the demo file next
to the default database. :meth:`choose` returns the file to open, or ``None`` on Quit.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core import pins
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui.errors import show_error
from recoverydesk.gui.first_run.fields import error_label
from recoverydesk.gui.first_run.wizard import SetupWizard
from recoverydesk.gui.messages import show_message
from recoverydesk.gui.workers import ServiceWorker, start, wait_for_workers
from recoverydesk.services import first_run
from recoverydesk.services.demo import DEMO_PEOPLE


class DemoCancelled(Exception):
    """Raised from the demo's progress callback after Cancel; the generator then removes
    its half-built file."""


class FirstRunChooser(QDialog):
    """``target``: where a new business goes; ``demo``: where the demo is (built if absent).
    ``pin_cost`` and ``demo_months`` let tests make both quickly."""

    def __init__(self, target: Path, demo: Path, parent: QWidget | None = None,
                 pin_cost: int = pins.DEFAULT_PIN_COST, demo_months: int = 12) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunChooser")
        self.target, self.demo = target, demo
        self.pin_cost, self.demo_months = pin_cost, demo_months
        self.chosen: Path | None = None
        self.wizard: SetupWizard | None = None
        self._cancel = threading.Event()
        self._building = False
        self.worker: ServiceWorker | None = None
        self.setWindowTitle(self.tr("Welcome to RecoveryDesk"))
        self.resize(760, 520)

        title = QLabel(self.tr("Welcome to RecoveryDesk"))
        title.setObjectName("business_label")
        tagline = QLabel(self.tr("Fix it at the counter. Prove it paid off."))
        tagline.setObjectName("tagline_label")
        self.setup_button = self._big_button(
            "setup_button", "counter.svg", self.tr("Set up my business"),
            self.tr("A few steps: your business, money format, you as the owner, your team "
                    "and budgets. Nothing is saved until you finish."))
        self.demo_button = self._big_button(
            "demo_button", "incidents.svg", self.tr("Open the demo"),
            self.tr("A sample hotel with a year of recoveries, to look around first. "
                    "Sign in as %s, PIN %s.") % (DEMO_PEOPLE[0].name, DEMO_PEOPLE[0].pin))
        self.where_label = QLabel(self.tr("Your business will be kept in %s") % target)
        self.where_label.setObjectName("where_label")
        self.where_label.setProperty("role", "hint")
        self.where_label.setWordWrap(True)
        self.where_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("demo_progress")
        self.progress_bar.setFormat(self.tr("Building the demo… %p%"))
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_demo_button")
        self.cancel_button.hide()
        self.message_label = error_label("chooser_message_label")
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quit_button")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 24)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addSpacing(20)
        layout.addWidget(self.setup_button)
        layout.addWidget(self.demo_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(self.where_label)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)
        layout.addLayout(bottom)

        self.setup_button.clicked.connect(self.open_wizard)
        self.demo_button.clicked.connect(self.open_demo)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.quit_button.clicked.connect(self.reject)

    def _big_button(self, name: str, icon: str, text: str,
                    detail: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, detail)
        button.setObjectName(name)
        button.setIcon(QIcon(f"icons:{icon}"))  # the default arrow is dark on dark
        button.setIconSize(QSize(28, 28))
        button.setMinimumSize(QSize(0, 84))
        return button

    def choose(self) -> Path | None:
        """Run modally; the file to open next, or ``None`` if the user quit."""
        self.exec()
        return self.chosen

    # --- the wizard ------------------------------------------------------------------------

    def open_wizard(self) -> SetupWizard:
        wizard = SetupWizard(self.target, self, pin_cost=self.pin_cost)
        wizard.finished.connect(self._on_wizard_finished)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _on_wizard_finished(self, _result: int) -> None:
        wizard = self.wizard
        self.wizard = None
        if wizard is not None and wizard.created is not None:
            self.chosen = self.target
            self.accept()
        if wizard is not None:
            wizard.deleteLater()

    # --- the demo --------------------------------------------------------------------------

    def open_demo(self) -> None:
        """Build the demo in a worker (unless it exists), then choose it."""
        self._cancel.clear()
        show_message(self.message_label, "")
        months, cost, path, cancel = self.demo_months, self.pin_cost, self.demo, self._cancel

        def build(progress: object) -> Path:
            def report(done: int, total: int) -> None:
                if cancel.is_set():
                    raise DemoCancelled
                progress(done, total)  # type: ignore[operator]

            return first_run.ensure_demo(path, report, pin_cost=cost, months=months)

        worker = ServiceWorker(build)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_demo_ready)
        worker.signals.failed.connect(self._on_demo_failed)
        self._set_building(True)
        self.worker = start(worker)  # keeps its signals alive until it reports

    def _set_building(self, building: bool) -> None:
        self._building = building
        self.progress_bar.setVisible(building)
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setVisible(building)
        for button in (self.setup_button, self.demo_button, self.quit_button):
            button.setEnabled(not building)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _on_demo_ready(self, path: Path) -> None:
        self._set_building(False)
        self.chosen = path
        self.accept()

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._set_building(False)
        if isinstance(exc, DemoCancelled):
            show_message(self.message_label, self.tr("The demo was not built."), "hint")
        elif isinstance(exc, RecoveryDeskError):
            show_message(self.message_label, str(exc))
        else:
            show_error(self, exc)

    def reject(self) -> None:
        """Quit (or Esc, or closing the window): a demo being built is cancelled and its
        half-built file removed before the dialog goes."""
        if self._building:
            self._cancel.set()
            wait_for_workers()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()
