"""End to end through ``gui.app.run``, the function ``recoverydesk --db FILE`` calls.

``run()`` owns the QApplication's event loop, so it runs in a child process of its own: in
this process the pytest-qt application is already running other tests' windows. The child
drives the real dialogs with a timer and prints what it saw; a crash or traceback on the way
out (the user closing the window) fails the test too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from recoverydesk.services import backups, business
from recoverydesk.services.check import run_check
from tests.conftest import Shop
from tests.gui.test_open_failure import _damage

pytestmark = pytest.mark.sqlite_only
SRC = Path(__file__).resolve().parents[2] / "src"

CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from recoverydesk.gui.app import run
from recoverydesk.gui.dialogs.open_failure import OpenFailureDialog
from recoverydesk.gui.main_window import MainWindow

seen = []

def drive():
    modal = QApplication.activeModalWidget()
    if isinstance(modal, OpenFailureDialog) and modal.restore_button.isEnabled():
        seen.append("dialog: " + modal.reason_label.text())
        modal.restore_button.click()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            seen.append("window: " + widget.windowTitle())
            timer.stop()
            widget.close()  # the user closes the window: run() returns

app = QApplication(sys.argv[:1])
timer = QTimer()
timer.timeout.connect(drive)
timer.start(50)
code = run(sys.argv[1])
print(json.dumps({"code": code, "seen": seen}), flush=True)
"""


def _run_app(path: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_app_opens_and_closes_cleanly(shop: Shop) -> None:
    """``recoverydesk --db shop.db``: the window opens on the business and closing it ends
    the process with exit code 0, no traceback and no abort."""
    business.close_business()
    result = _run_app(shop.path)
    assert result == {"code": 0, "seen": ["window: RecoveryDesk — Café Zażółć"]}


def test_the_app_offers_the_backup_then_opens_the_restored_file(shop: Shop) -> None:
    """``recoverydesk --db damaged.db``: the dialog comes up instead of a traceback; after
    Restore the main window opens on the restored business, and the file checks clean."""
    backups.make_backup(reason="daily")
    business.close_business()
    _damage(shop.path, "png")
    result = _run_app(shop.path)
    assert result["code"] == 0
    seen = result["seen"]
    assert isinstance(seen, list)
    assert seen[0].startswith("dialog: ") and "is a PNG image" in seen[0]
    assert seen[-1] == "window: RecoveryDesk — Café Zażółć"
    business.open_business(shop.path)
    assert run_check() == []
