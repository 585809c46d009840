"""Messages shown next to the field they concern, coloured by the theme's style sheet,
and counts of things in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QWidget


def show_message(label: QLabel, text: str, role: str = "error") -> None:
    """Show ``text`` in ``label`` with a style-sheet role ("error", "ok", "warning", "hint");
    an empty text hides the label so it takes no room."""
    if label.property("role") != role:
        label.setProperty("role", role)
        restyle(label)
    label.setText(_in_reading_order(text))
    label.setVisible(bool(text))


_LEFT_TO_RIGHT_MARK = "\u200e"


def _in_reading_order(text: str) -> str:
    """``text`` that reads in the window's direction even when it starts with a name in a
    right-to-left script: Qt takes a paragraph's direction from its first letter, so
    "أميرة was added." showed right-aligned as ".was added أميرة"."""
    import unicodedata  # here, not at start-up: the sign-in window shows no message

    if (QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
            and any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)):
        return _LEFT_TO_RIGHT_MARK + text
    return text


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def counted(number: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with ``number`` in it ("1 incident", "3 incidents").
    Both come translated (``self.tr("1 incident")``, ``self.tr("%d incidents")``), so each
    form stays a literal a translator can find."""
    return one if number == 1 else many % number


def failure_line(layout: QLayout | None, index: int = 0) -> QLabel:
    """A hidden, wrapping message line put into ``layout`` at ``index``: where a list says
    why it is empty (a row that cannot be read), shown with :func:`show_message`."""
    assert isinstance(layout, QBoxLayout)
    label = QLabel()
    label.setWordWrap(True)
    label.hide()
    layout.insertWidget(index, label)
    return label
