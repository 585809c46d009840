"""First run through the real widgets: the chooser, the set-up wizard page by page, then
signing in to the new business on the real file (SPEC §7 First run)."""

from __future__ import annotations

import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from recoverydesk.core import pins
from recoverydesk.core.months import month_of
from recoverydesk.gui.first_run.chooser import FirstRunChooser
from recoverydesk.gui.first_run.owner_pages import RecoveryKeyPage
from recoverydesk.gui.first_run.wizard import SetupWizard
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import auth, business, catalog, check, team
from recoverydesk.services.types import BusinessInfo, StaffPlan
from tests.conftest import TEST_PIN_COST
from tests.gui.conftest import sign_in, type_unicode

pytestmark = pytest.mark.sqlite_only
NEXT, BACK, FINISH, CANCEL = "next_button", "back_button", "finish_button", "cancel_button"
BUSINESS, OWNER = "Salon Żaneta 美容", "Żaneta Kowalczyk-李"


def leftovers(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Path]:
    """Where the new business goes: a folder that does not exist yet."""
    yield tmp_path / "data" / "shop.db"
    business.close_business()


@pytest.fixture
def chooser(qtbot: QtBot, target: Path, tmp_path: Path) -> FirstRunChooser:
    dialog = FirstRunChooser(target, tmp_path / "demo" / "demo.db", pin_cost=TEST_PIN_COST,
                             demo_months=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press(wizard: SetupWizard, which: str) -> None:
    button: QPushButton = getattr(wizard, which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} is not clickable"
    button.click()


def open_wizard(qtbot: QtBot, chooser: FirstRunChooser) -> SetupWizard:
    chooser.setup_button.click()
    wizard = chooser.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    return wizard


def fill_business(wizard: SetupWizard) -> None:
    page = wizard.business_page
    type_unicode(page.name_edit, BUSINESS)
    page.type_combo.setCurrentIndex(page.type_combo.findData("salon"))
    press(wizard, NEXT)
    assert wizard.current_page() is wizard.region_page


def fill_region(wizard: SetupWizard) -> None:
    """Poland: picking the locale picks its currency; the zone is typed."""
    page = wizard.region_page
    page.locale_combo.setCurrentIndex(page.locale_combo.codes.index("pl_PL"))
    assert page.currency_combo.code() == "PLN"
    assert page.example_label.text() == "1\xa0234,50\xa0zł"
    page.timezone_combo.setEditText("Europe/Warsaw")
    press(wizard, NEXT)
    assert wizard.current_page() is wizard.owner_page


def fill_owner(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.owner_page
    type_unicode(page.name_edit, OWNER)
    qtbot.keyClicks(page.pin_edit, "2468")
    qtbot.keyClicks(page.pin_again_edit, "2468")
    press(wizard, NEXT)
    assert wizard.current_page() is wizard.key_page


def store_key(wizard: SetupWizard) -> str:
    page = wizard.key_page
    assert not wizard.next_button.isEnabled()  # the key must be stored first
    page.stored_check.setChecked(True)
    key = page.key_label.text()
    press(wizard, NEXT)
    assert wizard.current_page() is wizard.staff_page
    return key


def wizard_at_staff_page(qtbot: QtBot, chooser: FirstRunChooser) -> SetupWizard:
    """The wizard with the business, region, owner and stored key done."""
    wizard = open_wizard(qtbot, chooser)
    fill_business(wizard)
    fill_region(wizard)
    fill_owner(qtbot, wizard)
    store_key(wizard)
    return wizard


def test_chooser_offers_both_ways_and_says_where(chooser: FirstRunChooser,
                                                 target: Path) -> None:
    """The chooser names the two ways and the file the business will be kept in."""
    assert chooser.setup_button.text() == "Set up my business"
    assert chooser.demo_button.text() == "Open the demo"
    assert "Ingrid Fjeld, PIN 1111" in chooser.demo_button.description()
    assert str(target) in chooser.where_label.text()


def test_a_whole_wizard_run_then_the_owner_signs_in(qtbot: QtBot, chooser: FirstRunChooser,
                                                    target: Path) -> None:
    """Business, region, owner, key, one staff member with a budget, edited lists, summary,
    Finish: the file holds exactly that, the chooser picks it, and the new owner signs in
    on the main window's sign-in page."""
    wizard = open_wizard(qtbot, chooser)
    fill_business(wizard)
    fill_region(wizard)
    fill_owner(qtbot, wizard)
    key = store_key(wizard)

    staff = wizard.staff_page
    type_unicode(staff.name_edit, "Иван Петров")
    qtbot.keyClicks(staff.pin_edit, "1357")
    type_unicode(staff.allowance_edit, "1 250,50")
    qtbot.keyClicks(staff.limit_edit, "80")
    staff.add_button.click()
    assert staff.table.rowCount() == 1
    assert staff.table.item(0, 2).text() == "1\xa0250,50\xa0zł"
    press(wizard, NEXT)

    lists = wizard.lists_page
    assert lists.categories_list.item(0).text() == "Result not as wished"  # the salon's
    lists.categories_list.item(0).setText("Fryzura")
    lists.add_category()
    lists.categories_list.item(lists.categories_list.count() - 1).setText("Manicure")
    lists.categories_list.setCurrentRow(1)
    lists.remove_category_button.click()
    assert lists.presets_table.item(0, 0).text() == "Coffee or tea"
    assert lists.presets_table.item(0, 2).text() == "4,00"  # 1.00 at the euro level, in zł
    lists.presets_table.item(0, 0).setText("Kawa lub herbata")
    lists.presets_table.item(0, 2).setText("5,50")
    row = lists.add_preset_row(None)
    lists.presets_table.item(row, 0).setText("Maska gratis")
    lists.presets_table.item(row, 2).setText("12")
    lists.presets_table.item(row, 3).setText("45,00")
    press(wizard, NEXT)

    summary = wizard.summary_page
    assert wizard.current_page() is summary
    for text in (BUSINESS, OWNER, "Иван Петров", "Fryzura", "Manicure",
                 "Polish (Poland) — pl_PL; PLN — Polish Zloty; Europe/Warsaw"):
        assert text in summary.summary_label.text()
    assert not target.exists()  # nothing written before Finish
    press(wizard, FINISH)
    qtbot.waitUntil(lambda: chooser.chosen is not None, timeout=20000)
    assert chooser.chosen == target and chooser.result() == FirstRunChooser.DialogCode.Accepted

    info = business.open_business(target)
    assert (info.name, info.currency, info.locale, info.timezone) == (
        BUSINESS, "PLN", "pl_PL", "Europe/Warsaw")
    categories = [c.name for c in catalog.list_categories()]
    assert categories[0] == "Fryzura" and categories[-1] == "Manicure"
    assert "Waiting time" not in categories and len(categories) == 8
    presets = [(p.label, p.kind, p.cost_minor, p.value_minor) for p in catalog.list_presets()]
    assert presets[0] == ("Kawa lub herbata", "free_item", 550, None)
    assert presets[-1] == ("Maska gratis", "free_item", 1200, 4500)
    ivan = team.employee_by_name("Иван Петров")
    budget = team.budget_status(ivan.id, month_of(datetime.now(UTC), business.get_settings().tz))
    assert (budget.allowance_minor, budget.per_incident_limit_minor) == (125050, 8000)
    assert check.run_check() == []

    window = main_window(qtbot, info)
    assert window.start_page.ui.business_label.text() == BUSINESS
    sign_in(qtbot, window, OWNER, "2468")
    assert window.person is not None and window.person.is_owner
    assert window.person.name == OWNER
    assert window.pages.currentWidget() is window.counter_page
    assert auth.reset_pin_with_key(OWNER, key, "9999")  # the key shown is the one stored


def main_window(qtbot: QtBot, info: BusinessInfo) -> MainWindow:
    window = MainWindow(info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("cancel_on", ["business", "owner", "key", "after_key", "summary"])
def test_cancel_at_any_step_leaves_no_file(qtbot: QtBot, chooser: FirstRunChooser,
                                           target: Path, cancel_on: str) -> None:
    """Cancel on any page, also after the recovery key was shown and marked as stored,
    leaves no database, no -wal/-shm and not even its folder; the chooser stays open."""
    wizard = open_wizard(qtbot, chooser)
    actions = [lambda: fill_business(wizard), lambda: fill_region(wizard),
               lambda: fill_owner(qtbot, wizard), lambda: store_key(wizard),
               lambda: press(wizard, NEXT), lambda: press(wizard, NEXT)]
    pages_reached = {"business": 0, "owner": 2, "key": 3, "after_key": 5, "summary": 6}
    for action in actions[:pages_reached[cancel_on]]:
        action()
    expected = {"business": wizard.business_page, "owner": wizard.owner_page,
                "key": wizard.key_page, "after_key": wizard.lists_page,
                "summary": wizard.summary_page}[cancel_on]
    assert wizard.current_page() is expected
    press(wizard, CANCEL)
    assert not wizard.isVisible() and chooser.isVisible() and chooser.chosen is None
    assert leftovers(target) == [] and not target.parent.exists()
    chooser.quit_button.click()
    assert chooser.chosen is None and leftovers(target) == []


def test_owner_page_says_what_is_wrong_in_place(qtbot: QtBot, chooser: FirstRunChooser) -> None:
    """An empty name, a short PIN and two different PINs each get a message beside the
    field and the wizard stays on the page."""
    wizard = open_wizard(qtbot, chooser)
    press(wizard, NEXT)  # an empty business name first
    assert wizard.current_page() is wizard.business_page
    assert wizard.business_page.name_error.isVisible()
    assert "business name" in wizard.business_page.name_error.text()
    fill_business(wizard)
    fill_region(wizard)
    page = wizard.owner_page
    press(wizard, NEXT)
    assert wizard.current_page() is page and page.name_error.text() == "Enter the name."
    type_unicode(page.name_edit, OWNER)
    qtbot.keyClicks(page.pin_edit, "12")
    press(wizard, NEXT)
    assert wizard.current_page() is page and not page.name_error.isVisible()
    assert page.pin_error.text() == "A PIN has 4 to 8 digits."
    page.pin_edit.clear()
    qtbot.keyClicks(page.pin_edit, "2468")
    qtbot.keyClicks(page.pin_again_edit, "2486")
    press(wizard, NEXT)
    assert wizard.current_page() is page and not page.pin_error.isVisible()
    assert "differ" in page.pin_again_error.text() and page.pin_again_error.isVisible()
    assert page.pin_again_edit.text() == ""
    qtbot.keyClicks(page.pin_again_edit, "2468")
    press(wizard, NEXT)
    assert wizard.current_page() is wizard.key_page


def test_bad_money_and_names_on_the_staff_and_lists_pages(qtbot: QtBot,
                                                          chooser: FirstRunChooser) -> None:
    """A malformed allowance, an empty limit for staff, a name already taken and a bad
    preset cost are each said in place; nothing is added and the wizard does not advance."""
    wizard = wizard_at_staff_page(qtbot, chooser)
    page = wizard.staff_page
    type_unicode(page.name_edit, "Anna")
    qtbot.keyClicks(page.pin_edit, "1234")
    qtbot.keyClicks(page.allowance_edit, "12.50.0")
    press(wizard, NEXT)  # typed but not added: checked like Add
    assert wizard.current_page() is page and page.table.rowCount() == 0
    assert page.errors["allowance"].isVisible() and page.errors["allowance"].text()
    page.allowance_edit.setText("-5")
    page.add_button.click()
    assert "negative" in page.errors["allowance"].text() and page.table.rowCount() == 0
    page.allowance_edit.setText("100")
    page.add_button.click()
    assert not page.errors["allowance"].isVisible()
    assert "0 means" in page.errors["limit"].text() and page.table.rowCount() == 0
    page.name_edit.setText(OWNER.upper())
    page.limit_edit.setText("20")
    page.add_button.click()
    assert "already someone" in page.errors["name"].text() and page.table.rowCount() == 0
    page.name_edit.setText("Anna")
    page.add_button.click()
    assert page.table.rowCount() == 1 and not any(e.isVisible() for e in page.errors.values())
    press(wizard, NEXT)

    lists = wizard.lists_page
    lists.presets_table.item(1, 2).setText("3,5 zł zł")
    press(wizard, NEXT)
    assert wizard.current_page() is lists
    assert lists.preset_error.text().startswith("Preset 2:")
    assert lists.presets_table.currentRow() == 1 and lists.presets_table.currentColumn() == 2
    lists.presets_table.item(1, 2).setText("0")
    lists.categories_list.item(0).setText("  ")
    press(wizard, NEXT)
    assert wizard.current_page() is lists and lists.category_error.text() == "Enter the category."
    lists.categories_list.item(0).setText("Staff & service")
    press(wizard, NEXT)
    assert "twice" in lists.category_error.text()
    lists.categories_list.item(0).setText("Kolor")
    press(wizard, NEXT)
    assert wizard.current_page() is wizard.summary_page


def test_the_recovery_key_prints_and_saves(qtbot: QtBot, chooser: FirstRunChooser,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Print goes through QPrinter (here to a PDF file, read back) and Save writes the key
    sheet where the owner chose; both name the key and the owner."""
    wizard = open_wizard(qtbot, chooser)
    fill_business(wizard)
    fill_region(wizard)
    fill_owner(qtbot, wizard)
    page = wizard.key_page
    key = page.key_label.text()
    pdf = tmp_path / "key.pdf"

    def pdf_printer(_parent: object) -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    monkeypatch.setattr(RecoveryKeyPage, "ask_printer", staticmethod(pdf_printer))
    page.print_button.click()
    assert page.status_label.text() == "Sent to the printer."
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert key in text and BUSINESS in text  # a font change (to CJK) may break the line
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert key in layout and "reset-pin" in layout

    sheet = tmp_path / "my key.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(sheet), "Text files (*.txt)"))
    page.save_button.click()
    assert key in sheet.read_text(encoding="utf-8") and OWNER in sheet.read_text("utf-8")
    assert page.status_label.text() == f"Saved to {sheet}."
    if sys.platform != "win32":
        assert stat.S_IMODE(sheet.stat().st_mode) == 0o600  # for the owner's account only
    nowhere = tmp_path / "no such folder" / "key.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(nowhere), "Text files (*.txt)"))
    page.save_button.click()
    assert page.status_label.text() == (f"Cannot write to {nowhere.parent}: No such file or "
                                        "directory.")
    press(wizard, BACK)  # back and forth keeps the one key
    press(wizard, NEXT)
    assert page.key_label.text() == key


def test_the_locale_picker_finds_by_any_part(qtbot: QtBot, chooser: FirstRunChooser) -> None:
    """Typing part of a name or a code narrows 700+ locales; a typed code is accepted,
    text that matches nothing is refused in place."""
    wizard = open_wizard(qtbot, chooser)
    fill_business(wizard)
    page = wizard.region_page
    assert page.locale_combo.count() > 700
    completer = page.locale_combo.completer()
    completer.setCompletionPrefix("(austria")
    found = [completer.completionModel().index(i, 0).data()
             for i in range(completer.completionCount())]
    assert "German (Austria) — de_AT" in found
    page.locale_combo.setEditText("hi_IN")
    assert page.locale_combo.code() == "hi_IN"
    page.locale_combo.setEditText("Klingon")
    press(wizard, NEXT)
    assert wizard.current_page() is page
    assert page.locale_error.text() == "Pick a number format from the list."


def test_the_demo_is_built_with_progress_and_opened(qtbot: QtBot,
                                                     chooser: FirstRunChooser) -> None:
    """Open the demo: a worker builds it with a progress bar (the window stays live), the
    chooser picks it, and the demo's owner signs in."""
    chooser.demo_button.click()
    assert chooser.progress_bar.isVisible() and not chooser.setup_button.isEnabled()
    qtbot.waitUntil(lambda: chooser.chosen is not None, timeout=60000)
    assert chooser.chosen == chooser.demo and chooser.demo.exists()
    info = business.open_business(chooser.demo)
    window = main_window(qtbot, info)
    assert window.start_page.ui.business_label.text() == "Hotel Fjordlys"
    sign_in(qtbot, window, "Ingrid Fjeld", "1111")
    assert window.person is not None and window.person.name == "Ingrid Fjeld"


def test_cancelling_the_demo_leaves_no_file(qtbot: QtBot, chooser: FirstRunChooser) -> None:
    """Cancel while the demo is built: it stops, says so, and its file is gone."""
    chooser.demo_button.click()
    chooser.cancel_button.click()
    qtbot.waitUntil(lambda: chooser.setup_button.isEnabled(), timeout=60000)
    assert chooser.message_label.text() == "The demo was not built."
    assert chooser.chosen is None and leftovers(chooser.demo) == []


def test_starting_on_a_missing_file_goes_to_the_chooser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``recoverydesk --db NEW.db`` shows the chooser instead of an error; quitting it
    exits 0 and leaves no file."""
    import sys

    from recoverydesk import cli

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    shown: list[Path] = []

    def quit_at_once(self: FirstRunChooser) -> None:
        shown.append(self.target)
        return None

    monkeypatch.setattr(FirstRunChooser, "choose", quit_at_once)
    new = tmp_path / "new.db"
    assert cli.main(["--db", str(new)]) == 0
    assert shown == [new] and leftovers(new) == []


def test_enter_adds_a_person_and_enter_again_goes_on(qtbot: QtBot,
                                                      chooser: FirstRunChooser) -> None:
    """Keyboard first: Enter in a field goes to the next page; on the team page Enter adds
    the typed person and stays, and Enter on the empty fields goes on."""
    wizard = open_wizard(qtbot, chooser)
    type_unicode(wizard.business_page.name_edit, BUSINESS)
    qtbot.keyClick(wizard.business_page.name_edit, Qt.Key.Key_Return)
    assert wizard.current_page() is wizard.region_page
    fill_region(wizard)
    fill_owner(qtbot, wizard)
    store_key(wizard)
    page = wizard.staff_page
    type_unicode(page.name_edit, "Åsa Öberg")
    qtbot.keyClicks(page.pin_edit, "1111")
    qtbot.keyClicks(page.allowance_edit, "200")
    qtbot.keyClicks(page.limit_edit, "50")
    qtbot.keyClick(page.limit_edit, Qt.Key.Key_Return)
    assert wizard.current_page() is page and page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Åsa Öberg" and page.name_edit.text() == ""
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert wizard.current_page() is wizard.lists_page
    assert wizard.staff == (StaffPlan("Åsa Öberg", "staff", "1111", 20000, 5000),)


def test_an_extra_owner_may_have_no_limit_and_gets_a_key(qtbot: QtBot,
                                                         chooser: FirstRunChooser) -> None:
    """An owner added on the team page may leave both amounts empty (no limit); their own
    recovery key is shown in the list. Staff with an empty amount are told what 0 means."""
    wizard = wizard_at_staff_page(qtbot, chooser)
    page = wizard.staff_page
    type_unicode(page.name_edit, "Marek")
    qtbot.keyClicks(page.pin_edit, "5555")
    page.add_button.click()
    assert "0 means" in page.errors["allowance"].text() and page.table.rowCount() == 0
    page.role_combo.setCurrentIndex(page.role_combo.findData("owner"))
    assert page.allowance_edit.placeholderText() == "empty: no limit"
    page.add_button.click()
    assert page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in range(4)] == [
        "Marek", "owner", "no limit", "no limit"]
    assert pins.check_recovery_key(page.table.item(0, 4).text())
    assert wizard.staff[0].recovery_key == page.table.item(0, 4).text()


def test_a_new_currency_drops_amounts_typed_in_the_old_one(qtbot: QtBot,
                                                           chooser: FirstRunChooser) -> None:
    """Going back and changing the currency removes the people whose budgets were typed in
    the old one (their minor units would mean other amounts) and says so; the lists are
    refilled in the new currency."""
    wizard = wizard_at_staff_page(qtbot, chooser)
    page = wizard.staff_page
    page.name_edit.setText("Anna")
    page.pin_edit.setText("1234")
    page.allowance_edit.setText("100")
    page.limit_edit.setText("20")
    page.add_button.click()
    press(wizard, NEXT)
    assert wizard.lists_page.presets_table.item(0, 2).text() == "4,00"
    for _ in range(4):
        press(wizard, BACK)
    assert wizard.current_page() is wizard.region_page
    wizard.region_page.currency_combo.select_code("JPY")
    for _ in range(3):
        press(wizard, NEXT)
    assert wizard.current_page() is page
    assert page.table.rowCount() == 0 and "currency changed" in page.notice_label.text()
    press(wizard, NEXT)
    assert wizard.lists_page.presets_table.item(0, 2).text() == "150"  # ¥, no decimals


def test_finish_refused_says_so_and_keeps_the_other_file(qtbot: QtBot,
                                                         chooser: FirstRunChooser,
                                                         target: Path) -> None:
    """If a database appeared at the target while the wizard was open, Finish is refused
    with the reason on the summary page, that file is left as it was, and the wizard stays
    open so the owner can cancel or go back."""
    wizard = wizard_at_staff_page(qtbot, chooser)
    press(wizard, NEXT)
    press(wizard, NEXT)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"someone else's file")
    press(wizard, FINISH)
    message = wizard.summary_page.message_label
    qtbot.waitUntil(lambda: message.text().startswith("Nothing was saved"), timeout=20000)
    assert "already exists" in message.text() and message.isVisible()
    assert wizard.isVisible() and wizard.finish_button.isEnabled() and chooser.chosen is None
    assert target.read_bytes() == b"someone else's file"
    assert not Path(f"{target}-wal").exists()
