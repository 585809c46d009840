"""Light and dark through the theme setting: Fusion plus an explicit palette (the
offscreen platform reports no system colour scheme, see RECIPES.md)."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recoverydesk.gui import theme
from recoverydesk.services import business
from tests.conftest import OWNER_PIN, Shop
from tests.gui.conftest import make_window, sign_in


def _window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_dark_and_light_apply_a_palette_and_the_style_sheet(qapp: QApplication) -> None:
    """"dark" gives a dark window colour with light text and the dark style-sheet colours;
    "light" the reverse; "system" here (no platform scheme) is light."""
    assert theme.apply_theme(qapp, "dark") == "dark"
    assert qapp.styleSheet()
    qapp.setStyleSheet("")  # a style sheet wraps the style: look at the style itself
    assert qapp.style().name() == "fusion"
    theme.apply_theme(qapp, "dark")
    assert _window_lightness(qapp) < 60
    assert qapp.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    assert "#ff8a80" in qapp.styleSheet() and "@error@" not in qapp.styleSheet()
    assert theme.apply_theme(qapp, "light") == "light"
    assert _window_lightness(qapp) > 200
    assert "#b00020" in qapp.styleSheet()
    assert theme.apply_theme(qapp, "system") == "light"


def test_a_dark_window_grab_is_dark(qtbot: QtBot, qapp: QApplication, shop: Shop) -> None:
    """What is painted follows the palette: a grab of the start page in dark is dark."""
    theme.apply_theme(qapp, "dark")
    window = make_window(qtbot)
    image = window.grab().toImage()
    assert image.pixelColor(5, image.height() // 2).lightness() < 60


def test_an_owner_sets_the_theme_from_the_view_menu_and_it_is_kept(
        qtbot: QtBot, qapp: QApplication, shop: Shop) -> None:
    """View → Theme → Dark is stored in the business settings and applied at once; staff
    cannot change it (the menu is disabled for them)."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    assert not window.theme_actions["dark"].isEnabled()
    window.sign_out()
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    window.theme_actions["dark"].trigger()
    assert business.get_settings().theme == "dark"
    assert _window_lightness(qapp) < 60


def test_the_sign_in_window_does_not_import_reportlab() -> None:
    """Starting the window stays fast: the report code and reportlab load only when used."""
    code = ("import sys; import recoverydesk.gui.app, recoverydesk.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab' "
            "or m.startswith('recoverydesk.reports')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.strip() == "[]"


def test_hindi_and_thai_names_have_a_font(qapp: QApplication) -> None:
    """The system fonts the README installs have no Devanagari or Thai, so Qt's per-script
    fallback would draw a Hindi or Thai name as boxes; with the shipped Noto fonts
    registered, each script has a font with every letter of such a name."""
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    systems = QFontDatabase.WritingSystem
    for name, system in (("प्रिया शर्मा", systems.Devanagari), ("สมชาย ใจดี", systems.Thai)):
        families = QFontDatabase.families(system)
        assert families, system
        raw = QRawFont.fromFont(QFont(families[0]), system)
        assert all(raw.supportsCharacter(ord(ch)) for ch in name), name


def test_a_typable_drop_down_has_a_visible_frame_in_dark(qtbot: QtBot,
                                                        qapp: QApplication) -> None:
    """The wizard's and Settings' currency and time zone boxes (typable drop-downs) had no
    frame in dark: their field is drawn frameless inside them, the same colour as the page.
    Their edge is now the input border colour, as a plain field's is."""
    from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

    theme.apply_theme(qapp, "dark")
    page = QWidget()
    qtbot.addWidget(page)
    box = QComboBox()
    box.setEditable(True)
    box.addItems(["EUR — Euro", "PLN — Polish Zloty"])
    QVBoxLayout(page).addWidget(box)
    page.resize(300, 60)
    page.show()
    qtbot.waitExposed(page)
    image = box.grab().toImage()
    edge = image.pixelColor(image.width() // 3, 0)  # the top edge, left of the arrow
    assert edge.name() == theme.colour("input_border")
