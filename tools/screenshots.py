"""Grab the app's screens at 1366×768 into ``screenshots/`` (git-ignored) to look at them.

    python tools/screenshots.py [--db var/demo.db]

Runs offscreen (no display needed) unless QT_QPA_PLATFORM is set, e.g. under Xvfb:
``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshots.py``
grabs the real X screen. The database must exist (``python3 tools/dev.py demo``
or ``recoverydesk demo --db var/demo.db`` makes one).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from recoverydesk.gui.main_window import MainWindow  # noqa: E402
from recoverydesk.services import auth, business, team  # noqa: E402
from recoverydesk.services.demo import BUSINESS_NAME, DEMO_PEOPLE  # noqa: E402

SIZE = (1366, 768)


def _save(app: QApplication, window: MainWindow, path: Path) -> None:
    """Offscreen: the widget's own rendering. On a real (e.g. Xvfb) display: the screen as
    the X server shows it, window frame included."""
    app.processEvents()
    if app.platformName() == "offscreen":
        window.grab().save(str(path))
    else:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "var" / "demo.db"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    info = business.open_business(args.db)
    try:
        window = MainWindow(info)
        window.resize(*SIZE)
        window.show()
        for _ in range(20):  # let the window manager-less X server map and paint it
            app.processEvents()
            time.sleep(0.02)
        _save(app, window, out / "start.png")
        person = next((p for p in DEMO_PEOPLE if p.role == "staff"), None)
        if person is not None and info.name == BUSINESS_NAME:  # the demo: PINs are known
            employee = team.employee_by_name(person.name)
            window.start_page.signed_in.emit(auth.sign_in(employee.id, person.pin))
            _save(app, window, out / "signed_in.png")
    finally:
        business.close_business()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
