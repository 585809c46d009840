"""Light and dark: the Fusion style, an explicit palette and the style sheet.

Offscreen and under a bare X server there is no platform theme, and
``QStyleHints.colorScheme()`` stays ``Unknown`` whatever is asked of it (RECIPES.md), so the
theme is applied as a palette: "system" follows the platform's scheme when it reports one and
is light otherwise; "light" and "dark" are the business setting.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parent / "resources"
THEMES = ("system", "light", "dark")

# Style-sheet colours per theme (text colours checked for contrast on both backgrounds).
_COLOURS = {
    "light": {
        "error": "#b00020", "ok": "#1b5e20", "warning": "#8a4b00", "muted": "#555c66",
        "border": "#b8bec6", "trough": "#e6e9ed", "bar": "#2e7d32", "accent": "#1565c0",
        "accent_hover": "#0d4f9e", "on_accent": "#ffffff", "focus": "#ffb300",
        "bar_background": "#eef1f5", "ok_background": "#e3f2e5",
        "warning_background": "#fff1dc", "input_border": "#9aa1aa",
        "focus_border": "#1565c0", "check": "#1565c0",
    },
    "dark": {
        "error": "#ff8a80", "ok": "#a5d6a7", "warning": "#ffcc80", "muted": "#aab2bd",
        "border": "#4a5058", "trough": "#2b2f35", "bar": "#43a047", "accent": "#1f6fc5",
        "accent_hover": "#2a80dc", "on_accent": "#ffffff", "focus": "#ffd54f",
        "bar_background": "#25292e", "ok_background": "#1f3522",
        "warning_background": "#3d2e12", "input_border": "#6b727b",
        "focus_border": "#64b5f6", "check": "#1f6fc5",
    },
}


def register_resources() -> None:
    """``icons:<file>`` (what tools/build_ui.py writes for ``:/icons/``) resolves here, and
    Qt knows the shipped fonts of the scripts system fonts may lack (once per process)."""
    QDir.addSearchPath("icons", str(RESOURCES / "icons"))
    _add_script_fonts()


SCRIPT_FONTS = ("NotoSansDevanagari-Regular.ttf", "NotoSansThai-Regular.ttf")
FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


@cache
def _add_script_fonts() -> None:
    # The system fonts the README installs (DejaVu, WenQuanYi) have no Devanagari or Thai:
    # a Hindi or Thai name would be a row of boxes. Qt falls back per script to application
    # fonts, so the PDF's own Noto fonts fill in (regular only: Qt emboldens them where text
    # is bold, and each file costs start-up time).
    for name in SCRIPT_FONTS:
        QFontDatabase.addApplicationFont(str(FONTS / name))


def resolve(theme: str, app: QGuiApplication) -> str:
    """"light" or "dark" for a theme setting."""
    if theme in ("light", "dark"):
        return theme
    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#1e2125"), (roles.WindowText, "#e8eaed"), (roles.Base, "#16181b"),
        (roles.AlternateBase, "#24282d"), (roles.ToolTipBase, "#2b2f35"),
        (roles.ToolTipText, "#e8eaed"), (roles.PlaceholderText, "#8c949e"),
        (roles.Text, "#e8eaed"), (roles.Button, "#2b2f35"), (roles.ButtonText, "#e8eaed"),
        (roles.BrightText, "#ff8a80"), (roles.Link, "#8ab4f8"), (roles.Highlight, "#3d6fb3"),
        (roles.HighlightedText, "#ffffff"), (roles.Light, "#3a3f46"),
        (roles.Midlight, "#31363c"), (roles.Mid, "#24282d"), (roles.Dark, "#111315"),
        (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#6b727b"))
    return palette


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()  # Fusion's own light palette
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b727b"))
    return palette


def style_sheet(resolved: str) -> str:
    text = (RESOURCES / "app.qss").read_text(encoding="utf-8")
    for name, colour in _COLOURS[resolved].items():
        text = text.replace(f"@{name}@", colour)
    return text


def apply_theme(app: QApplication, theme: str) -> str:
    """Fusion + the palette + the style sheet for ``theme``; returns "light" or "dark"."""
    resolved = resolve(theme if theme in THEMES else "system", app)
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if resolved == "dark" else light_palette(app))
    app.setStyleSheet(style_sheet(resolved))
    app.setProperty("recoverydesk_theme", resolved)
    return resolved


def colour(name: str) -> str:
    """A theme colour by name for the running application (for text drawn in code)."""
    app = QApplication.instance()
    resolved = app.property("recoverydesk_theme") if app is not None else None
    return _COLOURS["dark" if resolved == "dark" else "light"][name]
