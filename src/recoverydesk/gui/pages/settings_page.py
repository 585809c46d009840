"""The Settings page (owners, SPEC §3, §7, §9): the business settings, the theme (applied at
once), the categories and presets editor, the backup folder and count, *Back up now* in a
worker, and *Restore from a backup…*. Every change goes through the services, which audit it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QTreeWidgetItem, QWidget

from recoverydesk.core import money, regions
from recoverydesk.errors import RecoveryDeskError, StorageError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.forms.ui_settings_page import Ui_SettingsPage
from recoverydesk.gui.messages import show_message
from recoverydesk.gui.pages.catalog_editor import CatalogEditor
from recoverydesk.gui.searchable_combo import SearchableCombo
from recoverydesk.gui.workers import ServiceWorker, start
from recoverydesk.services import backups, business
from recoverydesk.services.types import BackupInfo, BusinessInfo, SignedIn

_PROGRESS_STEPS = 1000


class SettingsPage(QWidget):
    """``theme_changed(name)`` after the theme setting was saved; ``restore_starting`` just
    before the business closes for a restore; ``restored(info)`` once it is reopened."""

    changed = Signal()
    theme_changed = Signal(str)
    restore_starting = Signal()
    restored = Signal(object)
    dialog_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.backup_worker: ServiceWorker | None = None
        self.restore_dialog: QDialog | None = None
        self.ui = ui = Ui_SettingsPage()
        ui.setupUi(self)
        self.setObjectName("settings_page")
        # The same searchable pickers as the set-up wizard: "Polish (Poland) — pl_PL".
        ui.currency_combo.set_choices(regions.currency_choices())
        ui.locale_combo.set_choices(regions.locale_choices())
        ui.timezone_combo.set_choices([(z.replace("_", " "), z)
                                       for z in regions.timezone_choices()])
        for name, text in (("system", self.tr("Follow the system")),
                           ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            ui.theme_combo.addItem(text, name)
        ui.business_grid.setColumnMinimumWidth(1, 460)
        ui.business_grid.setColumnStretch(2, 1)  # fields keep a readable width
        ui.retention_spin.setToolTip(self.tr(
            "A customer who comes back within this many days of an incident counts as kept."))
        ui.followup_spin.setToolTip(self.tr("A follow-up is due this many days after an "
                                            "incident with a known customer."))
        ui.signout_spin.setToolTip(self.tr("The shared PC signs out after this long without "
                                           "use."))
        ui.backup_progress.setMaximum(_PROGRESS_STEPS)
        ui.backup_progress.setVisible(False)
        header = ui.backups_tree.header()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        self.catalog = CatalogEditor(ui, self.settings, self._owner_id, self)
        for label in self._messages():
            show_message(label, "")
        ui.save_settings_button.clicked.connect(self.save_settings)
        ui.theme_combo.activated.connect(lambda _i: self.save_theme())
        ui.save_backup_settings_button.clicked.connect(self.save_backup_settings)
        ui.browse_button.clicked.connect(self.browse_folder)
        ui.backup_now_button.clicked.connect(self.back_up_now)
        ui.restore_button.clicked.connect(self.open_restore)

    def _owner_id(self) -> int | None:
        return self.person.employee_id if self.person is not None else None

    def _field_messages(self) -> dict[str, QLabel]:
        ui = self.ui
        return {"name": ui.name_message, "currency": ui.currency_message,
                "locale": ui.locale_message, "timezone": ui.timezone_message,
                "avg_customer_value_minor": ui.avg_value_message}

    def _messages(self) -> list[QLabel]:
        ui = self.ui
        return [*self._field_messages().values(), ui.settings_message, ui.folder_message,
                ui.backup_settings_message, ui.backup_message]

    def show_person(self, person: SignedIn) -> None:
        self.person = person
        self.refresh()

    def refresh(self) -> None:
        for label in self._messages():
            show_message(label, "")
        self.catalog.clear_messages()
        self.load_settings()
        self.catalog.reload()
        self.list_backups()

    def load_settings(self) -> None:
        """Fill the fields from the stored settings."""
        self.settings = settings = business.get_settings()
        self.catalog.settings = settings
        ui = self.ui
        ui.name_edit.setText(settings.name)
        for combo, code in ((ui.currency_combo, settings.currency),
                            (ui.locale_combo, settings.locale),
                            (ui.timezone_combo, settings.timezone)):
            if not combo.select_code(code):  # a code Babel knows but the list leaves out
                combo.setEditText(code)
        ui.retention_spin.setValue(settings.retention_days)
        ui.followup_spin.setValue(settings.followup_delay_days)
        ui.signout_spin.setValue(settings.auto_signout_minutes)
        value = settings.avg_customer_value_minor
        ui.avg_value_edit.setText("" if value is None else money.format_amount(
            value, settings.currency, settings.locale))
        ui.avg_value_edit.setPlaceholderText(self.tr("optional, e.g. %s (for the ROI estimate)")
                                             % money.example_amount(settings.currency,
                                                                    settings.locale))
        ui.rollover_check.setChecked(settings.rollover)
        ui.theme_combo.setCurrentIndex(max(0, ui.theme_combo.findData(settings.theme)))
        ui.folder_edit.setText(settings.backup_folder or "")
        ui.folder_edit.setPlaceholderText(str(backups.folder_for(None)))
        ui.keep_spin.setValue(settings.backup_keep)

    def _update(self, message: QLabel, fields: dict[str, QLabel], **changes: Any) -> bool:
        """Save ``changes``; a refusal is shown next to its field (or in ``message``)."""
        owner = self._owner_id()
        if owner is None:
            return False
        try:
            business.update_settings(owner, now=clock.now(), **changes)
        except ValidationError as exc:
            show_message(fields.get(exc.field or "", message), str(exc))
            return False
        except RecoveryDeskError as exc:
            show_message(message, str(exc))
            return False
        return True

    def save_settings(self) -> None:
        """Save the business tab; nothing is saved while any field is refused."""
        ui, fields = self.ui, self._field_messages()
        for label in self._messages():
            show_message(label, "")
        avg: int | None = None
        try:  # the amount is read in the currency and locale being saved: check them first
            currency = business.validate_currency(_typed_code(ui.currency_combo))
            locale = business.validate_locale(_typed_code(ui.locale_combo))
            if ui.avg_value_edit.text().strip():
                avg = money.parse_amount(ui.avg_value_edit.text(), currency, locale,
                                         field="avg_customer_value_minor")
        except ValidationError as exc:
            show_message(fields.get(exc.field or "", ui.avg_value_message), str(exc))
            return
        if self._update(ui.settings_message, fields, name=ui.name_edit.text(),
                        currency=currency, locale=locale,
                        timezone=_typed_code(ui.timezone_combo),
                        retention_days=ui.retention_spin.value(),
                        followup_delay_days=ui.followup_spin.value(),
                        auto_signout_minutes=ui.signout_spin.value(),
                        avg_customer_value_minor=avg, rollover=ui.rollover_check.isChecked()):
            self.load_settings()
            show_message(ui.settings_message, self.tr("Settings saved."), "ok")
            self.changed.emit()

    def save_theme(self) -> None:
        """The theme is saved and applied as soon as it is picked."""
        name = str(self.ui.theme_combo.currentData())
        if self._update(self.ui.settings_message, {}, theme=name):
            self.theme_changed.emit(name)
            show_message(self.ui.settings_message, self.tr("Theme applied."), "ok")

    # --- backups --------------------------------------------------------------------------

    def browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.ui.folder_edit.text())
        if folder:
            self.ui.folder_edit.setText(folder)

    def save_backup_settings(self) -> None:
        ui = self.ui
        for label in (ui.folder_message, ui.backup_settings_message):
            show_message(label, "")
        folder = ui.folder_edit.text().strip() or None
        if self._update(ui.backup_settings_message, {"backup_folder": ui.folder_message},
                        backup_folder=folder, backup_keep=ui.keep_spin.value()):
            self.load_settings()
            self.list_backups()
            show_message(ui.backup_settings_message, self.tr("Saved."), "ok")

    def _backup_folder(self) -> Path:
        return backups.folder_for(business.get_settings().backup_folder)

    def found_backups(self) -> list[BackupInfo]:
        return backups.list_backups(backups.open_file_path(), self._backup_folder())

    def list_backups(self) -> None:
        from recoverydesk.gui.dialogs.restore_backup import backup_time  # with the dialog

        ui = self.ui
        ui.backups_tree.clear()
        try:
            found = self.found_backups()
        except StorageError as exc:  # PostgreSQL: backed up on its server
            for button in (ui.backup_now_button, ui.restore_button):
                button.setEnabled(False)
            show_message(ui.backup_message, str(exc), "hint")
            return
        for made in found:
            when = backup_time(made, self.settings.locale, self.settings.tz)
            ui.backups_tree.addTopLevelItem(QTreeWidgetItem(
                [made.path.name, when, self.tr("%d KB") % max(1, made.size // 1024)]))
        ui.backups_group.setTitle(self.tr("Backups in %s: %d") % (self._backup_folder(),
                                                                  len(found)))

    def back_up_now(self) -> None:
        """Back up in a worker; the bar shows progress and the window stays usable."""
        owner = self._owner_id()
        if owner is None or self.backup_worker is not None:
            return
        ui = self.ui
        ui.backup_now_button.setEnabled(False)
        ui.backup_progress.setValue(0)
        ui.backup_progress.setVisible(True)
        show_message(ui.backup_message, self.tr("Backing up…"), "hint")
        worker = ServiceWorker(lambda progress: backups.make_backup(
            reason="manual", actor_id=owner, progress=progress))
        worker.signals.progress.connect(self._on_backup_progress)
        worker.signals.finished.connect(self._on_backup_done)
        worker.signals.failed.connect(self._on_backup_failed)
        self.backup_worker = start(worker)

    def _on_backup_progress(self, done: int, total: int) -> None:
        self.ui.backup_progress.setValue(_PROGRESS_STEPS * done // max(total, 1))

    def _backup_ended(self) -> None:
        self.backup_worker = None
        self.ui.backup_progress.setVisible(False)
        self.ui.backup_now_button.setEnabled(True)

    def _on_backup_done(self, made: BackupInfo) -> None:
        self._backup_ended()
        self.list_backups()
        show_message(self.ui.backup_message, self.tr("Backup saved: %s") % made.path, "ok")

    def _on_backup_failed(self, exc: Exception) -> None:
        self._backup_ended()
        show_message(self.ui.backup_message, self.tr("The backup failed: %s") % exc)

    def open_restore(self) -> None:
        """Open *Restore from a backup…*; on success the window sends everyone to sign-in."""
        from recoverydesk.gui.dialogs.restore_backup import RestoreDialog

        owner = self._owner_id()
        if owner is None:
            return
        dialog = RestoreDialog(owner, self.found_backups(), self.settings.locale,
                               self.settings.tz, self)
        dialog.starting.connect(self.restore_starting)
        dialog.finished.connect(lambda result: self._restore_finished(dialog, result))
        self.restore_dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _restore_finished(self, dialog: QDialog, result: int) -> None:
        self.restore_dialog = None
        info: BusinessInfo | None = getattr(dialog, "info", None)
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and info is not None:
            self.restored.emit(info)


def _typed_code(combo: SearchableCombo) -> str:
    """The picked choice's code, or what was typed (the service says what is wrong)."""
    return combo.code() or combo.currentText().strip()
