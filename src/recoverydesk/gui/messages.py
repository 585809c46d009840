"""Messages shown next to the field they concern, coloured by the theme's style sheet,
and counts of things in words."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QWidget


def show_message(label: QLabel, text: str, role: str = "error") -> None:
    """Show ``text`` in ``label`` with a style-sheet role ("error", "ok", "warning", "hint");
    an empty text hides the label so it takes no room."""
    if label.property("role") != role:
        label.setProperty("role", role)
        restyle(label)
    label.setText(text)
    label.setVisible(bool(text))


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
