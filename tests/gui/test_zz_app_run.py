"""End to end through ``gui.app.run``, in a file of its own so it runs after the other GUI
tests: once ``app.exec()`` has run and returned, offscreen window activation no longer works
for windows shown later in the same process, which the other GUI tests wait for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from recoverydesk.gui.dialogs.open_failure import OpenFailureDialog
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import backups, business
from recoverydesk.services.check import run_check
from tests.conftest import Shop
from tests.gui.test_open_failure import _damage

pytestmark = pytest.mark.sqlite_only
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GRABS = os.environ.get("RECOVERYDESK_GRABS")  # a folder: save widget grabs to look at



@pytest.mark.skip(reason="after merging the counter shell, Qt aborts while garbage-collecting "
                  "the windows run() leaves behind; to run in a child process (issue 6)")
def test_the_app_offers_the_backup_then_opens_the_restored_file(
        qtbot: QtBot, shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """``recoverydesk --db damaged.db``: the dialog comes up instead of a traceback; after
    Restore the main window opens on the restored business."""
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from recoverydesk.gui.app import run

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    backups.make_backup(reason="daily")
    business.close_business()
    _damage(shop.path, "png")
    seen: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, OpenFailureDialog) and modal.restore_button.isEnabled():
            seen.append("dialog: " + modal.reason_label.text())
            modal.restore_button.click()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append("window: " + widget.windowTitle())
                widget.close()
                QApplication.exit(0)
                timer.stop()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    assert run(str(shop.path)) == 0
    assert seen[0].startswith("dialog: ") and "is a PNG image" in seen[0]
    assert seen[-1] == "window: RecoveryDesk — Café Zażółć"
    business.open_business(shop.path)
    assert run_check() == []
