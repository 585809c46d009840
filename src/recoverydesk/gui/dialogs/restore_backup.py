"""Settings → *Restore from a backup…*: pick a backup (from the folder's list or any file),
confirm with the owner's PIN, and restore it in a worker (SPEC §9).

``services.restore`` backs the current file up first, writes the backup in place, opens and
checks it, and puts the previous file back if the check fails. The business is closed while
it runs and reopened here afterwards; the window then sends everyone to sign-in.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from pathlib import Path

from babel.dates import format_datetime
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.errors import AuthenticationError, RecoveryDeskError, StorageError
from recoverydesk.gui import clock
from recoverydesk.gui.messages import show_message
from recoverydesk.gui.workers import ServiceWorker, start, wait_for_workers
from recoverydesk.services import auth, backups, business
from recoverydesk.services.restore import restore
from recoverydesk.services.types import BackupInfo, BusinessInfo, RestoreResult


def backup_time(made: BackupInfo, locale: str, zone: tzinfo) -> str:
    """When a backup was made, on the business's clock like every other time on screen
    (its file name keeps the UTC stamp)."""
    return format_datetime(made.at.replace(tzinfo=UTC), "medium", tzinfo=zone, locale=locale)


class RestoreDialog(QDialog):
    """Accepted once the backup is restored and the business reopened (:attr:`info`)."""

    starting = Signal()  # the business is about to close: nothing may read it until done

    def __init__(self, owner_id: int, found: list[BackupInfo], locale: str, zone: tzinfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RestoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(620)
        self.owner_id = owner_id
        self.info: BusinessInfo | None = None
        self.result_info: RestoreResult | None = None
        self.worker: ServiceWorker | None = None
        self.target: Path | None = None
        self.chosen_file: Path | None = None

        intro = QLabel(self.tr(
            "The business goes back to the chosen backup. The current file is backed up "
            "first, so nothing is thrown away; everyone signs in again afterwards."))
        intro.setWordWrap(True)
        self.backups_list = QListWidget()
        self.backups_list.setObjectName("backups_list")
        for made in found:
            item = QListWidgetItem(self.tr("%s · %s · %d KB") % (
                backup_time(made, locale, zone), made.path.name, max(1, made.size // 1024)))
            item.setData(Qt.ItemDataRole.UserRole, str(made.path))
            self.backups_list.addItem(item)
        if found:
            self.backups_list.setCurrentRow(0)
        self.file_button = QPushButton(self.tr("Choose a &file…"))
        self.file_label = QLabel()
        self.source_message = QLabel()
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("owner_pin_edit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setPlaceholderText(self.tr("to confirm"))
        pin_label = QLabel(self.tr("&Your PIN"))
        pin_label.setBuddy(self.pin_edit)
        self.pin_message = QLabel()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status_message = QLabel()
        for label in (self.source_message, self.pin_message, self.status_message,
                      self.file_label):
            label.setWordWrap(True)
            show_message(label, "")
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_button)
        file_row.addWidget(self.file_label, 1)
        file_row.addStretch(0)  # keeps the button its own size while no file is chosen
        pin_row = QGridLayout()
        pin_row.addWidget(pin_label, 0, 0)
        pin_row.addWidget(self.pin_edit, 0, 1)
        pin_row.addWidget(self.pin_message, 1, 1)
        pin_row.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Backups in the backup folder, newest first:")))
        layout.addWidget(self.backups_list, 1)
        layout.addLayout(file_row)
        layout.addWidget(self.source_message)
        layout.addLayout(pin_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_message)
        layout.addLayout(buttons)

        self.file_button.clicked.connect(self.choose_file)
        self.backups_list.currentRowChanged.connect(self._on_list_pick)
        self.restore_button.clicked.connect(self.start_restore)
        self.cancel_button.clicked.connect(self.reject)
        self.pin_edit.returnPressed.connect(self.start_restore)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore which file?"), "",
            self.tr("RecoveryDesk databases (*.db);;All files (*)"))
        if name:
            self.chosen_file = Path(name)
            self.backups_list.clearSelection()
            self.backups_list.setCurrentRow(-1)
            self.file_label.setText(name)
            self.file_label.setVisible(True)
            show_message(self.source_message, "")

    def _on_list_pick(self, row: int) -> None:
        if row >= 0:
            self.chosen_file = None
            self.file_label.setVisible(False)

    def source(self) -> Path | None:
        if self.chosen_file is not None:
            return self.chosen_file
        item = self.backups_list.currentItem()
        return None if item is None else Path(str(item.data(Qt.ItemDataRole.UserRole)))

    def start_restore(self) -> None:
        """Check the file and the PIN (each refusal said in place), then restore in a worker."""
        for label in (self.source_message, self.pin_message, self.status_message):
            show_message(label, "")
        source = self.source()
        if source is None:
            show_message(self.source_message, self.tr("Pick a backup, or choose a file."))
            return
        try:
            backups.inspect_file(source)
        except StorageError as exc:  # not ours, damaged, newer: nothing is touched
            show_message(self.source_message, str(exc))
            return
        try:
            auth.confirm_owner(self.owner_id, self.pin_edit.text(), now=clock.now())
        except AuthenticationError as exc:
            self.pin_edit.clear()
            show_message(self.pin_message, str(exc))
            self.pin_edit.setFocus()
            return
        except RecoveryDeskError as exc:
            show_message(self.pin_message, str(exc))
            return
        self.starting.emit()
        for widget in (self.restore_button, self.cancel_button, self.file_button,
                       self.backups_list, self.pin_edit):
            widget.setEnabled(False)
        self.progress.setRange(0, 0)  # busy: the restore reports no fraction
        self.progress.setVisible(True)
        show_message(self.status_message, self.tr("Restoring %s…") % source.name, "hint")
        wait_for_workers()  # e.g. the daily backup: done before the file is replaced
        self.target = backups.open_file_path()
        business.close_business()
        owner = self.owner_id
        target = self.target
        self.worker = ServiceWorker(lambda _progress: restore(target, source, owner))
        self.worker.signals.finished.connect(self._restored)
        self.worker.signals.failed.connect(self._failed)
        start(self.worker)

    def _reopen(self) -> BusinessInfo | None:
        assert self.target is not None
        try:
            return business.open_business(self.target)
        except RecoveryDeskError as exc:
            show_message(self.status_message, self.tr("The business could not be reopened: "
                                                      "%s") % exc)
            return None

    def _restored(self, result: RestoreResult) -> None:
        self.result_info = result
        self.progress.setVisible(False)
        self.info = self._reopen()
        if self.info is not None:
            self.accept()

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        reopened = self._reopen()  # the previous file was put back
        if reopened is not None:
            show_message(self.status_message, self.tr("The restore failed, nothing changed: "
                                                      "%s") % exc)
        self.cancel_button.setEnabled(True)
