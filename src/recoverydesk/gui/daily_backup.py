"""The daily backup: started in a worker once the first window has been painted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from recoverydesk.gui.first_paint import after_first_paint
from recoverydesk.gui.workers import ServiceWorker, start
from recoverydesk.services import backups
from recoverydesk.services.types import BackupInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("DailyBackup", text)


def start_daily_backup(window: QMainWindow) -> None:
    """Back up the business (if due today) after ``window`` is first painted, so a backup
    never delays the first picture of the window; see :func:`launch_daily_backup`."""
    after_first_paint(window.centralWidget() or window, lambda: launch_daily_backup(window))


def launch_daily_backup(window: QMainWindow) -> None:
    """Back up the business now (if due today) in a worker; the status bar shows progress
    and the outcome. The worker is kept on the window as ``daily_backup``."""
    worker = ServiceWorker(lambda progress: backups.backup_if_due(progress))
    worker.signals.progress.connect(lambda done, total: window.statusBar().showMessage(
        _tr("Backing up… %d %%") % (100 * done // max(total, 1))))
    worker.signals.finished.connect(lambda made: _finished(window, made))
    worker.signals.failed.connect(lambda exc: window.statusBar().showMessage(
        _tr("The daily backup failed: %s") % exc))
    window.setProperty("daily_backup_started", True)
    window.daily_backup = start(worker)  # type: ignore[attr-defined]


def _finished(window: QMainWindow, made: BackupInfo | None) -> None:
    if made is not None:
        window.statusBar().showMessage(_tr("Backup saved: %s") % made.path.name, 10_000)
