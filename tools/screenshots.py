"""Grab the app's screens at 1366×768, light and dark, into ``screenshots/`` (git-ignored).

    python tools/screenshots.py [--db var/demo.db] [--out screenshots]

Screens: the first-run chooser and each set-up wizard page (``first-run-*``, see
``tools/first_run_shots.py``), sign-in, counter, the "Log a recovery" dialog within the
budget and needing an owner's approval, then (as an owner) Incidents with a detail and the
*Add a gesture* dialog, Follow-ups, Customers and the erase confirmation, Reports (key
figures and charts, the tables, escalations), Team (with an employee's budget history),
Settings (its three tabs, and the *Restore from a backup* dialog) and the Audit log after a
chain check, each as ``<screen>-<theme>.png``.
The shots are taken on a copy of the database in which two recoveries were just logged
(so the counter has entries today); the database itself is not changed. Runs offscreen
(no display needed) unless QT_QPA_PLATFORM is set, e.g. under Xvfb:
``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshots.py``
grabs the real X screen. The database must exist (``python3 tools/dev.py demo`` or
``recoverydesk demo --db var/demo.db`` makes one); signing in needs the demo's known PINs.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from recoverydesk.core.months import Month  # noqa: E402
from recoverydesk.gui import theme  # noqa: E402
from recoverydesk.gui.main_window import MainWindow  # noqa: E402
from recoverydesk.services import (  # noqa: E402
    auth,
    backups,
    business,
    catalog,
    customers,
    recoveries,
    team,
)
from recoverydesk.services.demo import BUSINESS_NAME, DEMO_PEOPLE, build_demo  # noqa: E402
from recoverydesk.services.escalations import escalations_in_month  # noqa: E402
from recoverydesk.services.types import GestureInput  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from first_run_shots import shoot_first_run  # noqa: E402

SIZE = (1366, 768)
STAFF_NAME = "Łucja Zażółć"  # a staff member with a budget and non-Latin letters


def _settle(app: QApplication) -> None:
    for _ in range(10):  # let a window-manager-less X server map and paint
        app.processEvents()
        time.sleep(0.02)


def _save(app: QApplication, window: MainWindow, path: Path,
          dialog: QWidget | None = None) -> None:
    """Offscreen: the window's rendering with an open dialog painted centred on it, as the
    screen would show it. On a real (e.g. Xvfb) display: the X screen itself."""
    _settle(app)
    if app.platformName() != "offscreen":
        app.primaryScreen().grabWindow(0).save(str(path))
        return
    image: QPixmap = window.grab()
    if dialog is not None:
        shot = dialog.grab()
        painter = QPainter(image)
        painter.fillRect(image.rect(), QColor(0, 0, 0, 90))  # the window behind, dimmed
        painter.drawPixmap(QPoint((image.width() - shot.width()) // 2,
                                  (image.height() - shot.height()) // 2), shot)
        painter.end()
    image.save(str(path))


def _shoot_theme(app: QApplication, info: object, name: str, out: Path) -> None:
    theme.apply_theme(app, name)
    window = MainWindow(info)  # type: ignore[arg-type]
    window.resize(*SIZE)
    window.show()
    _save(app, window, out / f"sign-in-{name}.png")
    demo = {p.name: p for p in DEMO_PEOPLE}
    if getattr(info, "name", None) != BUSINESS_NAME or STAFF_NAME not in demo:
        window.close()
        return
    employee = team.employee_by_name(STAFF_NAME)
    window.start_page.signed_in.emit(auth.sign_in(employee.id, demo[STAFF_NAME].pin))
    _save(app, window, out / f"counter-{name}.png")

    dialog = window.open_log_dialog()
    assert dialog is not None
    dialog.ui.description_edit.setPlainText("The coffee machine was broken for ten minutes.")
    dialog.pick_preset(0)
    _save(app, window, out / f"dialog-within-{name}.png", dialog)

    dialog.ui.description_edit.setPlainText("Laundry shrank a wool jumper; replace it.")
    if customers.search_customers("Sigrid"):
        dialog.ui.customer_edit.setText("Sigrid")
        dialog.customers.search("Sigrid")
        dialog.customers.pick(dialog.ui.customer_matches_list.item(0))
    dialog.ui.proactive_check.setChecked(True)
    dialog.ui.kind_combo.setCurrentIndex(dialog.ui.kind_combo.findData("replacement"))
    dialog.ui.gesture_note_edit.setText("A new wool jumper")
    dialog.ui.cost_edit.setText("120")
    dialog.ui.cost_edit.textEdited.emit("120")
    _save(app, window, out / f"dialog-approval-{name}.png", dialog)
    dialog.reject()
    _shoot_pages(app, window, name, out)
    window.close()


def _shoot_pages(app: QApplication, window: MainWindow, name: str, out: Path) -> None:
    """Incidents (with a detail and an open gesture dialog), Follow-ups and Customers, as an
    owner (so the owner-only actions show)."""
    owner = next(p for p in DEMO_PEOPLE if p.role == "owner")
    window.sign_out()
    employee = team.employee_by_name(owner.name)
    window.start_page.signed_in.emit(auth.sign_in(employee.id, owner.pin))
    window.show_incidents()
    page = window.incidents_page
    with_gestures = next((r for r in range(page.model.rowCount())
                          if (row := page.model.row_at(r)) and row.cost_minor and row.customer),
                         0)
    page.table.selectRow(with_gestures)
    _save(app, window, out / f"incidents-{name}.png")
    page.detail.open_add_gesture()
    if page.detail.dialog is not None:
        _save(app, window, out / f"incident-gesture-{name}.png", page.detail.dialog)
        page.detail.dialog.reject()
    window.show_followups()
    _save(app, window, out / f"followups-{name}.png")
    window.show_customers()
    customers_page = window.customers_page
    busiest = max(range(customers_page.model.rowCount()),
                  key=lambda r: customers_page.model.rows[r].incidents, default=0)
    customers_page.table.selectRow(busiest)
    _save(app, window, out / f"customers-{name}.png")
    customers_page.card.open_erase()  # only shown: nothing is erased
    if customers_page.card.dialog is not None:
        _save(app, window, out / f"customer-erase-{name}.png", customers_page.card.dialog)
        customers_page.card.dialog.reject()
    _shoot_owner_pages(app, window, name, out)


def _wait(app: QApplication, done: Callable[[], bool], seconds: float = 60) -> None:
    """Let a page's worker finish (figures, chain check) before the grab."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _shoot_reports_and_audit(app: QApplication, window: MainWindow, name: str,
                             out: Path) -> None:
    """Reports (key figures and charts, the tables, escalations) of last month and the Audit
    log after a chain check."""
    window.show_reports()
    reports = window.reports_page
    _wait(app, lambda: reports.figures_task is None)
    reports.ui.month_combo.setCurrentIndex(1)  # last month: a whole month of data
    reports.load()
    _wait(app, lambda: reports.figures_task is None)
    for index, shot in enumerate(("reports", "reports-employees", "reports-breakdowns")):
        reports.ui.tabs.setCurrentIndex(index)
        _save(app, window, out / f"{shot}-{name}.png")
    owner_id = window.person.employee_id if window.person else 0
    month = next((reports.ui.month_combo.itemData(i)
                  for i in range(reports.ui.month_combo.count())
                  if escalations_in_month(owner_id, Month.parse(
                      reports.ui.month_combo.itemData(i)))), None)
    if month is not None:  # a month in which someone needed an owner's approval
        reports.select_month(Month.parse(month))
        _wait(app, lambda: reports.figures_task is None)
    reports.ui.tabs.setCurrentIndex(3)
    _save(app, window, out / f"reports-escalations-{name}.png")
    reports.ui.tabs.setCurrentIndex(0)
    window.show_audit()
    audit = window.audit_page
    audit.check_chain()
    _wait(app, lambda: audit.chain_task is None)
    _save(app, window, out / f"audit-{name}.png")


def _shoot_owner_pages(app: QApplication, window: MainWindow, name: str, out: Path) -> None:
    """Reports, Team with the staff member picked, Settings' tabs and the Audit log (still
    signed in as owner)."""
    _shoot_reports_and_audit(app, window, name, out)
    window.show_team()
    window.team_page.select(STAFF_NAME)
    _save(app, window, out / f"team-{name}.png")
    window.show_settings()
    page = window.settings_page
    for tab, shot in ((page.ui.business_tab, "settings"), (page.ui.catalog_tab,
                                                          "settings-catalog"),
                      (page.ui.backups_tab, "settings-backups")):
        page.ui.tabs.setCurrentWidget(tab)
        _save(app, window, out / f"{shot}-{name}.png")
    page.open_restore()
    if page.restore_dialog is not None:
        _save(app, window, out / f"settings-restore-{name}.png", page.restore_dialog)
        page.restore_dialog.reject()


def _back_up_copy(folder: Path) -> None:
    """One backup of the copy, in a folder of its own, for the Backups tab to list."""
    owner = team.employee_by_name(next(p for p in DEMO_PEOPLE if p.role == "owner").name)
    business.update_settings(owner.id, backup_folder=str(folder / "backups"))
    backups.make_backup(actor_id=owner.id)


def _log_two_recoveries() -> None:
    """Today's entries for the counter shot, logged through the services (on the copy)."""
    employee = team.employee_by_name(STAFF_NAME).id
    category = catalog.list_categories()[0].id
    recoveries.log_recovery(employee, recoveries.IncidentInput(
        category, "Room 214 was not cleaned before check-in."),
        gesture=GestureInput("free_item", 900, description="Drink at the bar"))
    found = customers.search_customers("Sigrid")
    recoveries.log_recovery(employee, recoveries.IncidentInput(
        category, "Breakfast ran out of oat milk.", proactive=True),
        customer_id=found[0].id if found else None,
        gesture=GestureInput("free_item", 350, description="Free coffee"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "var" / "demo.db"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    theme.register_resources()
    for name in ("light", "dark"):
        shoot_first_run(app, name, out)
    if not Path(args.db).exists():  # as `tools/dev.py demo` would make it
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        build_demo(args.db)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "screenshots.db"
        with sqlite3.connect(args.db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        info = business.open_business(copy)
        try:
            if info.name == BUSINESS_NAME:
                _log_two_recoveries()
                _back_up_copy(Path(folder))
            for name in ("light", "dark"):
                _shoot_theme(app, info, name, out)
        finally:
            business.close_business()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
