"""The Settings page (owners only): every business setting saved and audited, bad input
refused in place, the theme applied at once, the categories and presets editor as the counter
sees it, and backups made and restored from the window without freezing it."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from recoverydesk.core import money
from recoverydesk.gui.dialogs.restore_backup import RestoreDialog
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.pages.settings_page import SettingsPage
from recoverydesk.services import backups, business, catalog, team
from recoverydesk.store.models import AuditEntry
from tests.conftest import OWNER_PIN, Shop
from tests.gui.conftest import make_window, sign_in

pytestmark = pytest.mark.sqlite_only


def owner_settings_page(qtbot: QtBot) -> tuple[MainWindow, SettingsPage]:
    window = make_window(qtbot)
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    qtbot.mouseClick(window.settings_nav_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.settings_page
    return window, window.settings_page


def backups_tab(page: SettingsPage) -> SettingsPage:
    page.ui.tabs.setCurrentWidget(page.ui.backups_tab)
    return page


def last_entry(action: str) -> AuditEntry:
    return (AuditEntry.select().where(AuditEntry.action == action)
            .order_by(AuditEntry.seq.desc()).get())


def test_every_business_setting_is_saved_and_audited(qtbot: QtBot, shop: Shop) -> None:
    """Name, currency, locale, time zone, retention, follow-up delay, sign-out, average
    customer value and rollover are saved through the service, one audit entry old → new."""
    window, page = owner_settings_page(qtbot)
    window.show_customers()  # built with the old locale: rebuilt after the change
    window.show_settings()
    ui = page.ui
    ui.name_edit.setText("Café Nord")
    ui.currency_combo.setCurrentText("chf")
    ui.locale_combo.setCurrentText("de_CH")
    ui.timezone_combo.setCurrentText("Europe/Zurich")
    ui.retention_spin.setValue(60)
    ui.followup_spin.setValue(5)
    ui.signout_spin.setValue(10)
    ui.avg_value_edit.setText("1’250.50")
    ui.rollover_check.setChecked(True)
    qtbot.mouseClick(ui.save_settings_button, Qt.MouseButton.LeftButton)
    assert ui.settings_message.text() == "Settings saved."
    saved = business.get_settings()
    assert (saved.name, saved.currency, saved.locale, saved.timezone, saved.retention_days,
            saved.followup_delay_days, saved.auto_signout_minutes,
            saved.avg_customer_value_minor, saved.rollover) == (
        "Café Nord", "CHF", "de_CH", "Europe/Zurich", 60, 5, 10, 125050, True)
    details = json.loads(last_entry("settings.change").details)
    assert set(details) == {"name", "currency", "locale", "timezone", "retention_days",
                            "followup_delay_days", "auto_signout_minutes",
                            "avg_customer_value_minor", "rollover"}
    assert details["retention_days"] == {"old": 90, "new": 60}
    assert ui.avg_value_edit.text() == money.format_amount(125050, "CHF", "de_CH")
    assert window.windowTitle() == "RecoveryDesk — Café Nord"
    window.show_customers()
    assert window.customers_page.settings.locale == "de_CH"


@pytest.mark.parametrize(("field", "value", "message", "says"), [
    ("name_edit", "   ", "name_message", "name"),
    ("currency_combo", "XYZ", "currency_message", "ISO 4217"),
    ("locale_combo", "xx_NOPE", "locale_message", "not a known locale"),
    ("timezone_combo", "Mars/Olympus", "timezone_message", "Unknown time zone"),
    ("avg_value_edit", "-5", "avg_value_message", "negative"),
    ("avg_value_edit", "12,345", "avg_value_message", "decimal"),
])
def test_bad_settings_are_refused_next_to_the_field(
        qtbot: QtBot, shop: Shop, field: str, value: str, message: str, says: str) -> None:
    """A bad value is said under its own field and nothing at all is saved (also with an
    average customer value typed, which is read in the currency and locale being saved)."""
    before = business.get_settings()
    entries = AuditEntry.select().count()
    _window, page = owner_settings_page(qtbot)
    page.ui.retention_spin.setValue(30)  # a good change alongside: not saved either
    page.ui.avg_value_edit.setText("10")
    widget = getattr(page.ui, field)
    (widget.setCurrentText if hasattr(widget, "setCurrentText") else widget.setText)(value)
    qtbot.mouseClick(page.ui.save_settings_button, Qt.MouseButton.LeftButton)
    label = getattr(page.ui, message)
    assert label.isVisible() and says.lower() in label.text().lower(), label.text()
    assert label.property("role") == "error"
    assert business.get_settings() == before
    assert AuditEntry.select().count() == entries


def test_currency_is_locked_once_money_is_recorded(qtbot: QtBot, shop: Shop) -> None:
    """With a budget recorded, a currency change is refused under the currency field."""
    shop.staff("Anna", 10000, 4000)
    _window, page = owner_settings_page(qtbot)
    page.ui.currency_combo.setCurrentText("USD")
    qtbot.mouseClick(page.ui.save_settings_button, Qt.MouseButton.LeftButton)
    assert "cannot change from EUR to USD" in page.ui.currency_message.text()
    assert business.get_settings().currency == "EUR"


def test_the_theme_applies_at_once_and_is_saved(qtbot: QtBot, qapp: QApplication,
                                                shop: Shop) -> None:
    """Picking Dark saves the setting (audited), paints the window dark and ticks View →
    Theme → Dark; Light brings the light palette back."""
    window, page = owner_settings_page(qtbot)
    combo = page.ui.theme_combo
    combo.setCurrentIndex(combo.findData("dark"))
    combo.activated.emit(combo.currentIndex())
    assert business.get_settings().theme == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert window.theme_actions["dark"].isChecked()
    assert json.loads(last_entry("settings.change").details) == {
        "theme": {"old": "system", "new": "dark"}}
    combo.setCurrentIndex(combo.findData("light"))
    combo.activated.emit(combo.currentIndex())
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_categories_and_presets_edited_here_reach_the_log_dialog(
        qtbot: QtBot, shop: Shop) -> None:
    """Add, rename, deactivate and reorder categories and presets (each audited); the
    Log-a-recovery dialog then offers exactly the active ones in the new order."""
    window, page = owner_settings_page(qtbot)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.catalog_tab)
    ui.category_name_edit.setText("Noise")
    qtbot.mouseClick(ui.add_category_button, Qt.MouseButton.LeftButton)
    assert ui.category_message.text() == "Category added."
    ui.category_name_edit.setText("Noise at night")
    qtbot.mouseClick(ui.rename_category_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.category_up_button, Qt.MouseButton.LeftButton)  # above "Other"
    ui.categories_list.setCurrentRow(0)  # "Food & drink"
    qtbot.mouseClick(ui.category_active_button, Qt.MouseButton.LeftButton)
    assert ui.categories_list.item(0).text() == "Food & drink (inactive)"

    for label, kind, cost, value in (("Free coffee", "free_item", "3,50", ""),
                                     ("Dessert", "free_item", "6", "8")):
        ui.preset_label_edit.setText(label)
        ui.preset_kind_combo.setCurrentIndex(ui.preset_kind_combo.findData(kind))
        ui.preset_cost_edit.setText(cost)
        ui.preset_value_edit.setText(value)
        qtbot.mouseClick(ui.add_preset_button, Qt.MouseButton.LeftButton)
        assert ui.preset_message.text() == "Preset added."
    ui.preset_label_edit.setText("Free dessert")  # Dessert is selected after adding it
    qtbot.mouseClick(ui.update_preset_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.preset_up_button, Qt.MouseButton.LeftButton)
    assert [p.label for p in catalog.list_presets()] == ["Free dessert", "Free coffee"]
    assert catalog.list_presets()[0].value_minor == 800
    for action in ("category.add", "category.change", "categories.reorder", "preset.add",
                   "preset.change", "presets.reorder"):
        assert AuditEntry.select().where(AuditEntry.action == action).exists(), action

    window.show_counter()
    dialog = window.open_log_dialog()
    assert dialog is not None
    offered = [dialog.ui.category_combo.itemText(i)
               for i in range(dialog.ui.category_combo.count())]
    assert "Food & drink" not in offered
    assert offered[-2:] == ["Noise at night", "Other"]
    assert [p.label for p in dialog.presets] == ["Free dessert", "Free coffee"]
    assert dialog.ui.preset_list.count() == 2
    assert "Free dessert" in dialog.ui.preset_list.item(0).text()
    dialog.reject()


def test_bad_preset_and_category_input_is_refused_in_place(qtbot: QtBot, shop: Shop) -> None:
    """An empty label, a bad cost or value and a duplicate category name each get a message
    under the field; nothing is added."""
    _window, page = owner_settings_page(qtbot)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.catalog_tab)
    ui.preset_label_edit.setText("")
    ui.preset_cost_edit.setText("abc")
    ui.preset_value_edit.setText("-1")
    qtbot.mouseClick(ui.add_preset_button, Qt.MouseButton.LeftButton)
    assert ui.preset_cost_message.isVisible() and ui.preset_value_message.isVisible()
    ui.preset_cost_edit.setText("2")
    ui.preset_value_edit.setText("")
    qtbot.mouseClick(ui.add_preset_button, Qt.MouseButton.LeftButton)
    assert ui.preset_label_message.isVisible() and ui.preset_label_message.text()
    assert catalog.list_presets(include_inactive=True) == []
    ui.category_name_edit.setText(catalog.list_categories()[1].name)
    qtbot.mouseClick(ui.add_category_button, Qt.MouseButton.LeftButton)
    assert "already a category" in ui.category_message.text()


def _fill(path: Path, megabytes: int) -> None:
    """Make the business file bigger, so the backup copies many steps of pages."""
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE filler (data BLOB)")
        con.executemany("INSERT INTO filler VALUES (?)",
                        [(bytes(1024 * 1024),) for _ in range(megabytes)])


def test_back_up_now_runs_in_a_worker_and_the_window_keeps_working(
        qtbot: QtBot, shop: Shop) -> None:
    """*Back up now* returns at once; the event loop keeps turning while the worker copies
    (a timer on the window's thread keeps firing between progress reports); the backup
    passes the database check, is listed and audited."""
    _fill(shop.path, 24)
    page = backups_tab(owner_settings_page(qtbot)[1])
    ticks: list[int] = []
    ticks_at_progress: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.mouseClick(page.ui.backup_now_button, Qt.MouseButton.LeftButton)
    worker = page.backup_worker
    assert worker is not None and not page.ui.backup_now_button.isEnabled()
    worker.signals.progress.connect(lambda *_: ticks_at_progress.append(len(ticks)))
    with qtbot.waitSignal(worker.signals.finished, timeout=20_000) as finished:
        pass
    timer.stop()
    made = finished.args[0]
    assert backups.inspect_file(made.path)[1] == business.business_info().name
    assert page.ui.backups_tree.topLevelItemCount() == 1
    assert page.ui.backup_now_button.isEnabled()
    assert "Backup saved" in page.ui.backup_message.text()
    assert len(ticks) > 0 and ticks_at_progress and ticks_at_progress[-1] > 0
    assert last_entry("backup.create").actor == shop.owner_id


def test_backup_folder_and_count_are_saved_and_a_file_is_not_a_folder(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """The folder and the count are saved (audited); a path to a file is refused in place."""
    page = backups_tab(owner_settings_page(qtbot)[1])
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    page.ui.folder_edit.setText(str(a_file))
    qtbot.mouseClick(page.ui.save_backup_settings_button, Qt.MouseButton.LeftButton)
    assert "is a file, not a folder" in page.ui.folder_message.text()
    folder = tmp_path / "my backups"
    page.ui.folder_edit.setText(str(folder))
    page.ui.keep_spin.setValue(3)
    qtbot.mouseClick(page.ui.save_backup_settings_button, Qt.MouseButton.LeftButton)
    saved = business.get_settings()
    assert (saved.backup_folder, saved.backup_keep) == (str(folder), 3)
    assert set(json.loads(last_entry("settings.change").details)) == {"backup_folder",
                                                                     "backup_keep"}


def _open_restore(qtbot: QtBot, page: SettingsPage) -> RestoreDialog:
    qtbot.mouseClick(page.ui.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    return dialog


def test_restore_from_settings_brings_back_the_earlier_data(qtbot: QtBot, shop: Shop) -> None:
    """After a backup, Zed is added; restoring that backup (owner PIN asked, a wrong one
    refused in place) removes Zed, reopens the business and sends everyone to sign-in."""
    made = backups.make_backup(actor_id=shop.owner_id)
    team.add_employee(shop.owner_id, "Zed", "staff", "1357")
    window, page = owner_settings_page(qtbot)
    backups_tab(page)
    dialog = _open_restore(qtbot, page)
    assert dialog.backups_list.count() == 1
    dialog.pin_edit.setText("0000")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.pin_message.text().startswith("Wrong PIN.")
    assert dialog.isVisible() and window.person is not None
    dialog.pin_edit.setText(OWNER_PIN)
    with qtbot.waitSignal(page.restored, timeout=20_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.person is None and window.pages.currentWidget() is window.start_page
    people = [window.start_page.people_list.item(i).text()
              for i in range(window.start_page.people_list.count())]
    assert people == ["Olga Owner"]
    assert last_entry("backup.restore").actor == shop.owner_id
    assert json.loads(last_entry("backup.restore").details)["from"] == made.path.name
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    window.show_team()
    assert window.team_page.ui.team_tree.topLevelItemCount() == 1


def test_backup_times_are_on_the_business_clock(qtbot: QtBot, shop: Shop) -> None:
    """Both lists showed the file name's UTC stamp ("(UTC)" in the dialog), while every
    other time on screen is the business's: 23:30 UTC on 1 March is 00:30 on 2 March in
    Berlin."""
    backups.make_backup(actor_id=shop.owner_id, now=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    _window, page = owner_settings_page(qtbot)
    backups_tab(page)
    assert page.ui.backups_tree.topLevelItem(0).text(1) == "02.03.2026, 00:30:00"
    assert page.ui.backups_tree.headerItem().text(1) == "Made"
    dialog = _open_restore(qtbot, page)
    shown = dialog.backups_list.item(0).text()
    assert shown.startswith("02.03.2026, 00:30:00 · ") and "UTC" not in shown
    dialog.reject()


def test_restore_refuses_a_file_that_is_not_a_recoverydesk_database(
        qtbot: QtBot, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text file renamed .db is refused in the dialog before anything closes."""
    fake = tmp_path / "holiday.db"
    fake.write_text("not a database at all\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_args, **_kw: (str(fake), "")))
    window, page = owner_settings_page(qtbot)
    backups_tab(page)
    dialog = _open_restore(qtbot, page)
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    dialog.pin_edit.setText(OWNER_PIN)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.source_message.isVisible()
    assert "holiday.db" in dialog.source_message.text()
    assert window.person is not None and business.business_info().name == "Café Zażółć"
    dialog.reject()


def test_a_backup_that_fails_its_check_is_not_restored(qtbot: QtBot, shop: Shop) -> None:
    """A backup whose audit chain was edited behind the app's back passes the file check
    but fails the restored-file check: the previous file is put back and reopened, the
    owner stays signed in, and the dialog says the restore failed."""
    made = backups.make_backup(actor_id=shop.owner_id)
    with sqlite3.connect(made.path) as raw:
        raw.execute("UPDATE audit_entry SET action = 'x' WHERE seq = 1")
    team.add_employee(shop.owner_id, "Zed", "staff", "1357")
    window, page = owner_settings_page(qtbot)
    backups_tab(page)
    dialog = _open_restore(qtbot, page)
    dialog.pin_edit.setText(OWNER_PIN)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_message.isVisible()
                    and "failed" in dialog.status_message.text(), timeout=20_000)
    assert "audit chain" in dialog.status_message.text()
    assert dialog.isVisible() and dialog.cancel_button.isEnabled()
    assert window.person is not None
    assert "Zed" in [e.name for e in team.list_employees()]  # the business is open again
    dialog.reject()


def test_a_deactivated_preset_is_no_longer_offered(qtbot: QtBot, shop: Shop) -> None:
    """Deactivating a preset on the Settings page takes it out of the Log-a-recovery
    dialog; the other keeps key 1."""
    catalog.add_preset(shop.owner_id, "Free coffee", "free_item", 350)
    catalog.add_preset(shop.owner_id, "Dessert", "free_item", 600)
    window, page = owner_settings_page(qtbot)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.catalog_tab)
    ui.presets_tree.setCurrentItem(ui.presets_tree.topLevelItem(0))
    qtbot.mouseClick(ui.preset_active_button, Qt.MouseButton.LeftButton)
    assert ui.presets_tree.topLevelItem(0).text(5) == "no"
    assert ui.presets_tree.topLevelItem(1).text(0) == "1"
    window.show_counter()
    dialog = window.open_log_dialog()
    assert dialog is not None
    assert [p.label for p in dialog.presets] == ["Dessert"]
    dialog.reject()


def test_the_pickers_show_names_and_find_by_any_part(qtbot: QtBot, shop: Shop) -> None:
    """Currency, locale and time zone are the wizard's searchable pickers: the stored codes
    show as names, and a choice picked by its name is saved as its code."""
    _window, page = owner_settings_page(qtbot)
    ui = page.ui
    assert ui.currency_combo.currentText() == "EUR — Euro"
    assert ui.locale_combo.currentText() == "German (Germany) — de_DE"
    assert ui.timezone_combo.currentText() == "Europe/Berlin"
    ui.locale_combo.lineEdit().clear()
    qtbot.keyClicks(ui.locale_combo.lineEdit(), "fr_CH")  # a code typed in full counts
    ui.currency_combo.setCurrentIndex(ui.currency_combo.findText("CHF — Swiss Franc"))
    qtbot.mouseClick(ui.save_settings_button, Qt.MouseButton.LeftButton)
    assert ui.settings_message.text() == "Settings saved."
    saved = business.get_settings()
    assert (saved.locale, saved.currency) == ("fr_CH", "CHF")
