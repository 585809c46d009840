"""First-run screenshots for ``tools/screenshots.py``: the chooser and each wizard page.

Each shot is the dialog centred on a 1366×768 backdrop, as a new owner would see it on a
bare desktop, as ``first-run-<n>-<page>-<theme>.png``. The wizard is filled with sample
answers (non-Latin names, a staff member with a budget) in a temporary folder and never
finished, so nothing is written.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from recoverydesk.gui import theme
from recoverydesk.gui.first_run.chooser import FirstRunChooser
from recoverydesk.gui.first_run.wizard import SetupWizard

SIZE = (1366, 768)


def _settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()
        time.sleep(0.02)


def _save(app: QApplication, dialog: QWidget, path: Path) -> None:
    _settle(app)
    if app.platformName() != "offscreen":
        app.primaryScreen().grabWindow(0).save(str(path))
        return
    image = QPixmap(*SIZE)
    image.fill(app.palette().color(QPalette.ColorRole.Dark))
    shot = dialog.grab()
    painter = QPainter(image)
    painter.drawPixmap(QPoint((SIZE[0] - shot.width()) // 2, (SIZE[1] - shot.height()) // 2),
                       shot)
    painter.end()
    image.save(str(path))


def _fill(wizard: SetupWizard) -> list[tuple[str, Callable[[], None]]]:
    """What to type on each page before its shot, in page order."""

    def business() -> None:
        page = wizard.business_page
        page.name_edit.setText("Kawiarnia Zażółć 咖啡")
        page.type_combo.setCurrentIndex(page.type_combo.findData("cafe"))

    def region() -> None:
        page = wizard.region_page
        page.locale_combo.select_code("pl_PL")
        page.timezone_combo.select_code("Europe/Warsaw")

    def owner() -> None:
        page = wizard.owner_page
        page.name_edit.setText("Łucja Żak")
        page.pin_edit.setText("2468")
        page.pin_again_edit.setText("2486")
        page.validatePage()  # shows the "PINs differ" message in place
        page.pin_again_edit.setText("2468")

    def key() -> None:
        wizard.key_page.stored_check.setChecked(True)

    def staff() -> None:
        page = wizard.staff_page
        for name, pin, allowance, limit in (("Иван Петров", "1357", "600", "150"),
                                            ("王小明", "9753", "450,50", "120")):
            page.name_edit.setText(name)
            page.pin_edit.setText(pin)
            page.allowance_edit.setText(allowance)
            page.limit_edit.setText(limit)
            page.add_person()
        page.name_edit.setText("Anna")
        page.pin_edit.setText("1234")
        page.allowance_edit.setText("12.50.0")
        page.add_person()  # a bad amount, said under its field

    def lists() -> None:
        wizard.lists_page.categories_list.item(0).setText("Kawa i napoje")

    return [("1-business", business), ("2-region", region), ("3-owner", owner),
            ("4-recovery-key", key), ("5-team", staff), ("6-lists", lists),
            ("7-summary", lambda: None)]


def shoot_first_run(app: QApplication, name: str, out: Path) -> None:
    """Write the chooser and every wizard page in theme ``name`` to ``out``."""
    theme.apply_theme(app, name)
    with tempfile.TemporaryDirectory() as folder:
        chooser = FirstRunChooser(Path(folder) / "recoverydesk.db",
                                  Path(folder) / "recoverydesk-demo.db", pin_cost=4)
        chooser.show()
        _save(app, chooser, out / f"first-run-0-chooser-{name}.png")
        chooser._set_building(True)  # the look while the demo is built (no build runs)
        chooser._on_progress(120, 365)
        _save(app, chooser, out / f"first-run-0-demo-progress-{name}.png")
        chooser._set_building(False)
        wizard = chooser.open_wizard()
        for index, (page_name, fill) in enumerate(_fill(wizard)):
            fill()
            _save(app, wizard, out / f"first-run-{page_name}-{name}.png")
            if index == 4:  # the team page's bad entry is not carried on
                page = wizard.staff_page
                for edit in (page.name_edit, page.pin_edit, page.allowance_edit):
                    edit.clear()
            wizard.next()
        wizard.reject()
        chooser.reject()
        chooser.deleteLater()
