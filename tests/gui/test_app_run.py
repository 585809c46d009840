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
from tests.gui.test_open_failure import FIXTURES, _damage

pytestmark = pytest.mark.sqlite_only
SRC = Path(__file__).resolve().parents[2] / "src"

CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from recoverydesk.gui.app import run
from recoverydesk.gui.dialogs.open_failure import OpenFailureDialog
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.store.db import is_open

WAIT_FOR_OPEN = sys.argv[2] == "1"
if sys.argv[3]:  # the file is replaced by these bytes right after the first look
    from pathlib import Path
    import recoverydesk.services.start_snapshot as start_snapshot
    first_look = start_snapshot.peek

    def peek_then_replace(target):
        found = first_look(target)
        Path(target).write_bytes(Path(sys.argv[3]).read_bytes())
        return found

    start_snapshot.peek = peek_then_replace
seen = []

def drive():
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QMessageBox):
        seen.append("message: " + modal.text())
        modal.accept()
        return
    if isinstance(modal, OpenFailureDialog) and modal.restore_button.isEnabled():
        if any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets()):
            seen.append("window built before the dialog")  # from the first look
        seen.append("dialog: " + modal.reason_label.text())
        modal.restore_button.click()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            if WAIT_FOR_OPEN and not is_open():  # shown from the first look, not opened yet
                return
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


def _run_app(path: Path | str, wait_for_open: bool = False,
             after_first_look: Path | None = None,
             cwd: Path | None = None) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(int(wait_for_open)),
                           str(after_first_look or "")], capture_output=True,
                          text=True, timeout=120, env=env, check=False, cwd=cwd)
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


def test_another_servers_address_is_refused_in_a_message_not_set_up_as_a_file(
        tmp_path: Path) -> None:
    """``recoverydesk --db mysql://shop/tills`` once counted as a new file: the first-run
    chooser offered to set up a business in folders called ``mysql:/shop``."""
    result = _run_app("mysql://shop/tills", cwd=tmp_path)
    seen = result["seen"]
    assert result["code"] == 1 and isinstance(seen, list) and len(seen) == 1
    assert seen[0].startswith("message: mysql://shop/tills is neither a file path nor a "
                              "postgresql:// address")
    assert list(tmp_path.iterdir()) == []


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


def test_a_file_damaged_after_the_first_look_gets_the_dialog_after_the_first_paint(
        shop: Shop) -> None:
    """The file is replaced by a picture right after the first look read it (another
    program, a bad copy): the sign-in window shows from the first look, the proper open
    after its first paint finds the damage, the window steps aside for the recovery dialog,
    and after Restore it comes back on the restored business (exit code 0, no traceback);
    the file then checks clean."""
    backups.make_backup(reason="daily")
    business.close_business()
    result = _run_app(shop.path, wait_for_open=True, after_first_look=FIXTURES / "tiny.png")
    assert result["code"] == 0
    seen = result["seen"]
    assert isinstance(seen, list)
    assert seen[0] == "window built before the dialog"  # shown from the first look
    assert seen[1].startswith("dialog: ") and "is a PNG image" in seen[1]
    assert seen[2:] == ["window: RecoveryDesk — Café Zażółć"]
    business.open_business(shop.path)
    assert run_check() == []
