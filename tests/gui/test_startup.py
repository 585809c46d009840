"""The start shows the sign-in window before it loads what signing in needs, and that later
part still arrives: ``gui.app.run`` in a child process of its own (it owns the event loop),
as in ``test_app_run.py``. The child records what was imported when the sign-in page was
first painted, then signs in and logs a recovery through the real widgets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from recoverydesk.services import business, catalog
from recoverydesk.services.check import run_check
from tests.conftest import Shop

pytestmark = pytest.mark.sqlite_only
SRC = Path(__file__).resolve().parents[2] / "src"

CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import recoverydesk.cli  # the entry point's module, as `recoverydesk` imports it
from recoverydesk.gui.app import run
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.start_page import StartPage

WATCHED = ("babel", "reportlab", "zoneinfo", "recoverydesk.reports", "recoverydesk.gui.pages",
           "recoverydesk.gui.dialogs", "recoverydesk.gui.daily_backup",
           "recoverydesk.services.backups", "recoverydesk.services.work_types",
           "recoverydesk.store.schema_v1", "peewee", "psycopg", "recoverydesk.store.db",
           "recoverydesk.store.models", "recoverydesk.services.business",
           "recoverydesk.services.auth", "recoverydesk.services.team")
seen = {}

def loaded():
    return sorted(m for m in sys.modules if m.startswith(WATCHED) and sys.modules[m])

def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, StartPage):
            app.removeEventFilter(self)
            page = watched
            seen["at_first_paint"] = loaded()
            seen["names"] = [page.people_list.item(i).text()
                             for i in range(page.people_list.count())]
            seen["counter_built"] = window()._counter_page is not None
            timer.start(20)
        return False

def drive():
    win = window()
    if not (win.property("daily_backup_started")
            and "recoverydesk.gui.pages.counter_page" in sys.modules):
        return  # the rest of the start is still on its way
    timer.stop()
    seen["after_start"] = loaded()
    page = win.start_page
    anna = page.people_list.findItems("Anna", Qt.MatchFlag.MatchExactly)[0]
    page.people_list.setCurrentItem(anna)
    QTest.keyClicks(page.pin_edit, "2468")
    QTest.keyClick(page.pin_edit, Qt.Key.Key_Return)
    seen["signed_in"] = win.person.name if win.person else None
    seen["on_counter"] = win.pages.currentWidget() is win.counter_page
    win.activateWindow()
    QTest.qWaitForWindowActive(win)
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    QTest.keyClick(win.counter_page.ui.log_button, Qt.Key.Key_N, ctrl)
    dialog = win.log_dialog
    seen["dialog_opened"] = dialog is not None
    if dialog is not None:
        QTest.keyClicks(dialog.ui.description_edit, "Cold soup")
        QTest.keyClick(dialog.ui.description_edit, Qt.Key.Key_1, alt)
        QTest.keyClick(dialog.ui.description_edit, Qt.Key.Key_Return, ctrl)
        seen["saved"] = win.log_dialog is None and dialog.result_logged is not None
    seen["entries_today"] = win.counter_page.ui.entries_tree.topLevelItemCount()
    win.close()

app = QApplication(sys.argv[:1])
timer = QTimer()
timer.timeout.connect(drive)
spy = FirstPaint()
app.installEventFilter(spy)
code = run(sys.argv[1])
print(json.dumps({"code": code, **seen}), flush=True)
"""


def test_the_sign_in_window_paints_before_the_rest_loads_and_the_rest_still_works(
        shop: Shop) -> None:
    """At the first paint of the sign-in window it lists the real active employees (read by
    the first look) and nothing of peewee, the business services, Babel, reportlab, the
    report code, the pages, the dialogs, the backup code or the work records is loaded yet.
    Right after, the business is opened, the daily backup starts and the counter's code
    loads; signing in shows the counter, Ctrl+N opens *Log a recovery*, Alt+1 with
    Ctrl+Enter saves it, and the counter lists the entry."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    catalog.add_preset(shop.owner_id, "Free coffee", "free_item", 350)
    business.close_business()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", CHILD, str(shop.path)], capture_output=True,
                          text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["code"] == 0
    assert seen["names"] == ["Anna", "Olga Owner"]
    assert seen["at_first_paint"] == []
    assert seen["counter_built"] is False
    after = set(seen["after_start"])
    assert {"peewee", "recoverydesk.services.business", "recoverydesk.gui.daily_backup",
            "recoverydesk.gui.pages.counter_page",
            "recoverydesk.gui.dialogs.log_recovery", "babel.numbers"} <= after
    assert not any(m.startswith(("reportlab", "recoverydesk.reports")) for m in after)
    assert seen["signed_in"] == "Anna" and seen["on_counter"] is True
    assert seen["dialog_opened"] is True and seen["saved"] is True
    assert seen["entries_today"] == 1
    business.open_business(shop.path)
    assert run_check() == []  # the saved recovery left the file whole
