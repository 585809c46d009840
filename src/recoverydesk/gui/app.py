"""Starting the window: the one place the GUI opens and closes the business."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from recoverydesk.errors import SchemaTooNew, StorageError, UnreadableDatabase
from recoverydesk.gui import theme
from recoverydesk.gui.errors import install_excepthook
from recoverydesk.gui.first_paint import after_first_paint
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.workers import wait_for_workers
from recoverydesk.services import start_snapshot

if TYPE_CHECKING:
    from recoverydesk.services.types import BusinessInfo


def run(target: str) -> int:
    """Open ``target`` and run the window until it is closed; returns the exit code.

    With no database at ``target`` the first-run chooser comes first: set up a business
    there, or open the demo; quitting it leaves nothing behind. An SQLite business file of the
    current schema shows its sign-in window from a first look at the file and is opened
    properly once that window has been painted (benchmarks/startup.py); anything else is
    opened first, with its failure dialogs, as before.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("RecoveryDesk")
    install_excepthook()
    theme.register_resources()
    if start_snapshot.needs_first_run(target):
        from recoverydesk.gui.first_run.chooser import FirstRunChooser
        from recoverydesk.services import first_run

        theme.apply_theme(app, "system")
        chooser = FirstRunChooser(Path(target).expanduser(), first_run.demo_path())
        chosen = chooser.choose()
        chooser.deleteLater()
        if chosen is None:
            return 0
        target = str(chosen)
    try:
        snapshot = start_snapshot.peek(target)  # None: open first, with its failure dialogs
        info = snapshot if snapshot is not None else _open(target)
        if info is None:
            return 1
        theme.apply_theme(app, snapshot.theme if snapshot is not None else _theme_setting())
        window = MainWindow(info)
        window.show()
        if snapshot is not None:  # the business is opened once the window has been painted
            after_first_paint(window.start_page, lambda: _open_after_paint(window, target))
        else:
            after_first_paint(window.start_page, lambda: _finish_start(window))
        return app.exec()
    finally:
        wait_for_workers()  # a backup still running finishes before the business closes
        from recoverydesk.services import business

        business.close_business()


def _theme_setting() -> str:
    from recoverydesk.services import business

    return business.get_settings().theme


def _open(target: str) -> BusinessInfo | None:
    """Open the business, through the recovery dialog if the file is damaged or too new
    (SPEC §9); None when it cannot be opened (the person has been told why)."""
    from recoverydesk.services import business

    try:
        return business.open_business(target)
    except (UnreadableDatabase, SchemaTooNew) as exc:  # the recovery dialog (SPEC §9)
        # Imported on failure only: it brings the check and restore code (start-up time).
        from recoverydesk.gui.dialogs.open_failure import show_open_failure

        if show_open_failure(exc, target) != 0:
            return None
        return business.open_business(target)
    except StorageError as exc:
        from PySide6.QtWidgets import QMessageBox  # on failure only, as gui.errors does

        QMessageBox.critical(None, "RecoveryDesk", _open_failure_text(exc))
        return None


def _open_after_paint(window: MainWindow, target: str) -> None:
    """Open the business shown by the first look, then finish the start. The first look
    read a healthy file of the current schema, so this is normally quick and quiet; if the
    file turns out to be damaged after all, the window steps aside for the recovery dialog
    and the start ends if the business cannot be opened."""
    from recoverydesk.services import business

    try:
        business.open_business(target)
    except StorageError:
        window.hide()
        if _open(target) is None:
            QApplication.exit(1)
            return
        window.start_page.reload()
        window.show()
    _finish_start(window)


def _finish_start(window: MainWindow) -> None:
    """The rest of the start, once the sign-in window has been painted (it must show fast:
    benchmarks/startup.py): the daily backup in its worker, then, on the next turn, the code
    signing in needs, so the first sign-in is not slower for it."""
    from recoverydesk.gui.daily_backup import launch_daily_backup

    launch_daily_backup(window)
    QTimer.singleShot(0, _load_the_counter)


def _load_the_counter() -> None:
    """Import the counter page and *Log a recovery* ahead of the first sign-in, while the
    person at the till finds their name."""
    import recoverydesk.gui.dialogs.log_recovery
    import recoverydesk.gui.pages.counter_page  # noqa: F401
    from recoverydesk.services import business

    business.get_settings().money(0)  # loads Babel and the business locale's number data


def _open_failure_text(exc: StorageError) -> str:
    text = str(exc)
    if text.startswith("There is no RecoveryDesk database"):
        text += ("\n\nTo try RecoveryDesk, create the demo business with "
                 "'recoverydesk demo --db FILE' and open it with 'recoverydesk --db FILE'.")
    return text
