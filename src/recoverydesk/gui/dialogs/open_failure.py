"""The recovery dialog: the database could not be opened; offer the latest backup."""

from __future__ import annotations

from pathlib import Path

from babel.dates import format_datetime
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.errors import SchemaTooNew, StorageError, UnreadableDatabase
from recoverydesk.gui.workers import ServiceWorker, start
from recoverydesk.services import backups
from recoverydesk.services.restore import restore
from recoverydesk.services.types import BackupInfo, RestoreResult


def offered_backup(exc: StorageError, target: str) -> BackupInfo | None:
    """The backup to offer: for a damaged, foreign or missing file, the newest one found in
    the default backup folder (a damaged file cannot tell us its own folder setting)."""
    if isinstance(exc, SchemaTooNew) or target.startswith(("postgresql:", "postgres:")):
        return None
    missing = not Path(target).expanduser().exists()
    if not isinstance(exc, UnreadableDatabase) and not missing:
        return None
    return backups.latest_backup(Path(target).expanduser())


class OpenFailureDialog(QDialog):
    """Says why the file cannot be opened; restores the latest backup if the user asks.

    Accepted after a successful restore (the caller then opens the file); rejected on Quit.
    """

    def __init__(self, exc: StorageError, target: str, backup: BackupInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("RecoveryDesk")
        self.setMinimumWidth(560)
        self._target, self._backup = target, backup
        self.worker: ServiceWorker | None = None
        self.result_info: RestoreResult | None = None

        heading = QLabel(self.tr("RecoveryDesk cannot open this database"))
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)
        self.reason_label = QLabel(str(exc))
        self.reason_label.setObjectName("reason_label")
        self.advice_label = QLabel(self._advice(exc))
        self.advice_label.setObjectName("advice_label")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        for label in (self.reason_label, self.advice_label, self.status_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.restore_button = QPushButton(self.tr("Restore the latest backup"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setVisible(backup is not None)
        self.restore_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setObjectName("quit_button")
        for button in (self.restore_button, self.quit_button):
            button.setMinimumHeight(40)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.restore_button.clicked.connect(self._restore)
        self.quit_button.clicked.connect(self.reject)

    def _advice(self, exc: StorageError) -> str:
        if isinstance(exc, SchemaTooNew):
            return self.tr("It was saved by a newer RecoveryDesk. Install that version (or a "
                           "newer one) to open it; nothing was changed.")
        if self._backup is not None:
            when = format_datetime(self._backup.at.replace(tzinfo=None), "medium")
            return self.tr("The latest backup is from %s (UTC): %s. Restoring it keeps the "
                           "current file next to it, so nothing is thrown away.") % (
                when, self._backup.path)
        if isinstance(exc, UnreadableDatabase):
            return self.tr("No backup of this file was found in %s. Open another file with "
                           "'recoverydesk --db FILE', or restore one with 'recoverydesk "
                           "restore FILE'.") % backups.folder_for(None)
        return ""

    def _restore(self) -> None:
        assert self._backup is not None
        backup = self._backup.path
        self.restore_button.setEnabled(False)
        self.quit_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy: the copy reports no useful fraction here
        self.progress.setVisible(True)
        self.status_label.setText(self.tr("Restoring %s…") % backup.name)
        target = Path(self._target).expanduser()
        self.worker = ServiceWorker(lambda _progress: restore(target, backup))
        self.worker.signals.finished.connect(self._restored)
        self.worker.signals.failed.connect(self._failed)
        start(self.worker)  # connected first: a quick failure must not be missed

    def _restored(self, result: RestoreResult) -> None:
        self.result_info = result
        self.progress.setVisible(False)
        self.status_label.setText(self.tr("Restored '%s' (check passed).") % result.business)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.status_label.setText(self.tr("The restore failed: %s") % exc)
        self.quit_button.setEnabled(True)


def show_open_failure(exc: StorageError, target: str, parent: QWidget | None = None) -> int:
    """Show the dialog; 0 when a backup was restored (open the file again), else 1."""
    dialog = OpenFailureDialog(exc, target, offered_backup(exc, target), parent)
    return 0 if dialog.exec() == QDialog.DialogCode.Accepted else 1
