"""Wizard pages 3–4: the first owner with their PIN, and their recovery key shown once."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core import pins
from recoverydesk.core.domain import MAX_NAME, clean_text
from recoverydesk.errors import StorageError, ValidationError
from recoverydesk.gui.first_run.fields import error_label, pin_edit
from recoverydesk.gui.first_run.step import Step
from recoverydesk.gui.messages import show_message
from recoverydesk.services import first_run

if TYPE_CHECKING:
    from recoverydesk.gui.first_run.wizard import SetupWizard


def check_pins(page: QWidget, first: QLineEdit, again: QLineEdit, first_error: QLabel,
               again_error: QLabel) -> str | None:
    """The PIN if it is valid and typed the same twice; else a message beside the field."""
    show_message(first_error, "")
    show_message(again_error, "")
    try:
        pin = pins.validate_pin(first.text())
    except ValidationError as exc:
        show_message(first_error, str(exc))
        first.setFocus()
        return None
    if again.text() != pin:
        show_message(again_error, page.tr("The two PINs differ; type the same PIN twice."))
        again.clear()
        again.setFocus()
        return None
    return pin


class OwnerPage(Step):
    """The first owner: name and PIN typed twice (4–8 digits)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("The owner"))
        self.setSubTitle(self.tr("You sign in with your name and PIN. Owners set budgets, "
                                 "approve spends past a limit and read the reports."))
        self.name_edit = QLineEdit()
        self.first_field = self.name_edit
        self.name_edit.setObjectName("owner_name_edit")
        self.name_error = error_label("owner_name_error")
        self.pin_edit = pin_edit("owner_pin_edit")
        self.pin_error = error_label("owner_pin_error")
        self.pin_again_edit = pin_edit("owner_pin_again_edit")
        self.pin_again_error = error_label("owner_pin_again_error")
        form = QFormLayout(self)
        form.addRow(self.tr("Your &name"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&PIN (4 to 8 digits)"), self.pin_edit)
        form.addRow("", self.pin_error)
        form.addRow(self.tr("PIN &again"), self.pin_again_edit)
        form.addRow("", self.pin_again_error)

    def validatePage(self) -> bool:
        try:
            name = clean_text(self.name_edit.text(), "owner_name", max_len=MAX_NAME,
                              label="name")
        except ValidationError as exc:
            show_message(self.name_error, str(exc))
            self.name_edit.setFocus()
            return False
        show_message(self.name_error, "")
        pin = check_pins(self, self.pin_edit, self.pin_again_edit, self.pin_error,
                         self.pin_again_error)
        if pin is None:
            return False
        self.setup.owner_name, self.setup.owner_pin = name, pin
        return True


class RecoveryKeyPage(Step):
    """The owner's recovery key, made now and shown this once: print it or save it, and
    tick that it is stored before going on. Nothing is written to the database yet."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("If you forget your PIN, this key lets you choose a new one. "
                                 "It is shown only now: print it or save it, and keep it "
                                 "away from the till."))
        self.key_label = QLabel()
        self.key_label.setObjectName("recovery_key_label")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_key_button")
        self.save_button = QPushButton(self.tr("&Save to file…"))
        self.save_button.setObjectName("save_key_button")
        self.status_label = error_label("key_status_label")
        self.stored_check = QCheckBox(self.tr("I have &stored my recovery key safely"))
        self.stored_check.setObjectName("key_stored_check")
        self.first_field = self.stored_check
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.key_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(self.stored_check)
        self.print_button.clicked.connect(self.print_key)
        self.save_button.clicked.connect(self.save_key)
        self.stored_check.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:
        if self.setup.recovery_key is None:  # one key per wizard: Back and Next keep it
            self.setup.recovery_key = first_run.new_recovery_key()
        self.key_label.setText(self.setup.recovery_key)

    def isComplete(self) -> bool:
        return self.stored_check.isChecked()

    def _sheet(self) -> str:
        assert self.setup.recovery_key is not None
        return first_run.recovery_key_sheet(self.setup.business_name, self.setup.owner_name,
                                            self.setup.recovery_key)

    @staticmethod
    def ask_printer(parent: QWidget) -> QPrinter | None:
        """The print dialog (tests replace this with a printer writing a PDF file)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_key(self) -> None:
        printer = self.ask_printer(self)
        if printer is None:
            return
        self.print_sheet(printer)
        show_message(self.status_label, self.tr("Sent to the printer."), "ok")

    def print_sheet(self, printer: QPrinter) -> None:
        """The key sheet as a page: a heading, the key large in a fixed-width font, the
        command to type as it must be typed."""
        assert self.setup.recovery_key is not None
        blocks: list[str] = []
        prose: list[str] = []  # the sheet's wrapped lines, joined again into paragraphs

        def end_prose() -> None:
            if prose:
                blocks.append(f"<p>{html.escape(' '.join(prose))}</p>")
                prose.clear()

        for number, line in enumerate(self._sheet().splitlines()):
            text = html.escape(line.strip())
            if number == 0:
                blocks.append(f"<h2>{text}</h2>")
            elif line.strip() == self.setup.recovery_key:
                end_prose()
                blocks.append('<p style="font-family: monospace; font-size: 26pt; '
                              f'font-weight: bold; margin: 18px 0">{text}</p>')
            elif line.startswith("    "):  # a command: fixed width, no typographic dashes
                end_prose()
                blocks.append(f'<pre style="font-size: 12pt">{text}</pre>')
            elif text:
                prose.append(line.strip())
            else:
                end_prose()
        end_prose()
        document = QTextDocument()
        font = document.defaultFont()
        font.setPointSize(12)
        document.setDefaultFont(font)
        document.setHtml("".join(blocks))
        document.print_(printer)

    def save_key(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key"), "recoverydesk-recovery-key.txt",
            self.tr("Text files (*.txt)"))
        if not path:
            return
        assert self.setup.recovery_key is not None
        try:
            first_run.save_recovery_key(path, self.setup.business_name, self.setup.owner_name,
                                        self.setup.recovery_key)
        except StorageError as exc:
            show_message(self.status_label, str(exc))
            return
        show_message(self.status_label, self.tr("Saved to %s.") % path, "ok")
