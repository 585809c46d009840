"""The recovery dialog for a file that cannot be opened, and the daily backup worker."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recoverydesk.errors import StorageError
from recoverydesk.gui.daily_backup import start_daily_backup
from recoverydesk.gui.dialogs.open_failure import OpenFailureDialog, offered_backup
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import backups, business
from recoverydesk.services.check import run_check
from tests.conftest import Shop

pytestmark = pytest.mark.sqlite_only
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GRABS = os.environ.get("RECOVERYDESK_GRABS")  # a folder: save widget grabs to look at


def _damage(path: Path, kind: str) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes({"truncated": data[: len(data) // 2], "zero-byte": b"",
                      "text": b"shopping list\n",
                      "png": (FIXTURES / "tiny.png").read_bytes()}[kind])


def _open_error(path: Path) -> StorageError:
    with pytest.raises(StorageError) as caught:
        business.open_business(path)
    return caught.value


def _dialog(qtbot: QtBot, exc: StorageError, path: Path, name: str) -> OpenFailureDialog:
    dialog = OpenFailureDialog(exc, str(path), offered_backup(exc, str(path)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if GRABS:
        dialog.grab().save(str(Path(GRABS) / f"open_failure_{name}.png"))
    return dialog


@pytest.mark.parametrize(("kind", "says"), [
    ("truncated", "cut short"), ("zero-byte", "is empty"), ("text", "is a text file"),
    ("png", "is a PNG image"),
])
def test_a_damaged_file_offers_the_latest_backup_and_restores_it(
        qtbot: QtBot, shop: Shop, kind: str, says: str) -> None:
    """The dialog names the problem, offers the newest backup, and restoring it works."""
    backups.make_backup(reason="daily")
    business.close_business()
    _damage(shop.path, kind)
    dialog = _dialog(qtbot, _open_error(shop.path), shop.path, kind)
    assert says in dialog.reason_label.text()
    assert dialog.restore_button.isVisible() and "latest backup" in dialog.advice_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result_info is not None and dialog.result_info.business == "Café Zażółć"
    business.open_business(shop.path)
    assert run_check() == []


def test_without_a_backup_the_dialog_says_where_it_looked(qtbot: QtBot, shop: Shop) -> None:
    business.close_business()
    _damage(shop.path, "text")
    dialog = _dialog(qtbot, _open_error(shop.path), shop.path, "no_backup")
    assert not dialog.restore_button.isVisible()
    assert str(backups.folder_for(None)) in dialog.advice_label.text()


def test_a_newer_file_is_not_offered_a_restore(qtbot: QtBot, shop: Shop) -> None:
    """A newer schema is not damage: the dialog names both versions and offers no restore."""
    backups.make_backup(reason="daily")
    business.close_business()
    with closing(sqlite3.connect(shop.path)) as con, con:
        con.execute("INSERT INTO schema_version (version, applied_at) VALUES (9, '2030-01-01')")
    dialog = _dialog(qtbot, _open_error(shop.path), shop.path, "newer")
    assert "schema version 9" in dialog.reason_label.text()
    assert "newer RecoveryDesk" in dialog.advice_label.text()
    assert not dialog.restore_button.isVisible()


def test_a_failed_restore_says_so_and_lets_the_user_quit(
        qtbot: QtBot, shop: Shop) -> None:
    made = backups.make_backup(reason="daily")
    business.close_business()
    _damage(shop.path, "zero-byte")
    dialog = _dialog(qtbot, _open_error(shop.path), shop.path, "failed")
    made.path.write_bytes(b"overwritten by mistake\n")  # the backup itself went bad meanwhile
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "The restore failed" in dialog.status_label.text(), timeout=20_000)
    assert "is a text file" in dialog.status_label.text()
    assert dialog.quit_button.isEnabled()


def test_the_daily_backup_runs_in_a_worker_after_the_first_paint(
        qtbot: QtBot, shop: Shop) -> None:
    """Nothing starts before the window is painted; then one backup, shown in the status bar."""
    window = MainWindow(business.business_info())
    qtbot.addWidget(window)
    start_daily_backup(window)
    assert not window.property("daily_backup_started")
    window.show()
    qtbot.waitUntil(lambda: bool(window.property("daily_backup_started")), timeout=5_000)
    qtbot.waitUntil(lambda: "Backup saved" in window.statusBar().currentMessage(),
                    timeout=20_000)
    if GRABS:
        window.grab().save(str(Path(GRABS) / "daily_backup_status.png"))
    assert len(backups.list_backups(shop.path)) == 1
    assert not backups.backup_due()
