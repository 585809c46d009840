"""First run without Qt: the business-kind templates, the locale/currency/zone choices, and
setting up a whole business in one all-or-nothing call (SPEC §7 First run)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from recoverydesk.core import money, pins, regions
from recoverydesk.core.domain import GESTURE_KINDS
from recoverydesk.core.months import Month
from recoverydesk.errors import AuthenticationError, StorageError, ValidationError
from recoverydesk.services import auth, business, catalog, check, first_run, setup_templates, team
from recoverydesk.services.types import PresetPlan, SetupPlan, StaffPlan
from recoverydesk.store.models import AuditEntry
from tests.conftest import TEST_PIN_COST

NOW = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)


def leftovers(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def plan(**changes: object) -> SetupPlan:
    base = SetupPlan(
        name="Kawiarnia Zażółć 咖啡", currency="PLN", locale="pl_PL", timezone="Europe/Warsaw",
        owner_name="Łucja Żak", owner_pin="2468", recovery_key=first_run.new_recovery_key(),
        categories=("Kawa", "Czekanie", "Inne"),
        presets=(PresetPlan("Darmowa kawa", "free_item", 1400),
                 PresetPlan("Deser gratis", "free_item", 1800, 2500)),
        staff=(StaffPlan("Иван Петров", "staff", "1357", 60000, 20000),
               StaffPlan("王小明", "owner", "9753", None, None, first_run.new_recovery_key())))
    return SetupPlan(**{**base.__dict__, **changes})  # type: ignore[arg-type]


# --- templates ------------------------------------------------------------------------------

def test_every_template_has_usable_lists() -> None:
    """Each business kind has distinct non-empty categories ending with "Other" and presets
    of known kinds, and a café, shop, salon and hotel are all offered."""
    assert [t.key for t in setup_templates.TEMPLATES] == ["cafe", "shop", "salon", "hotel"]
    for template in setup_templates.TEMPLATES:
        assert first_run.check_categories(template.categories) == template.categories
        assert template.categories[-1] == "Other"
        assert template.presets and all(p.kind in GESTURE_KINDS for p in template.presets)


@pytest.mark.parametrize(("currency", "coffee"), [("EUR", 350), ("USD", 350), ("JPY", 530),
                                                  ("INR", 28000), ("KWD", 1100),
                                                  ("PLN", 1400)])
def test_preset_amounts_follow_the_currency(currency: str, coffee: int) -> None:
    """A free coffee of 3.50 at the euro level becomes a round amount at the currency's
    price level in its own minor units (530 yen, 280 rupees, 1.100 dinar)."""
    presets = setup_templates.presets_for("hotel", currency)
    assert presets[0].label == "Free coffee" and presets[0].cost_minor == coffee
    for preset in presets:
        assert preset.cost_minor >= 0
        assert preset.cost_minor <= money.max_minor(currency)


def test_scaled_amounts_have_no_more_decimals_than_the_currency() -> None:
    """Yen amounts are whole yen; zero stays zero."""
    assert setup_templates.scaled_amount("3.50", "JPY") == 530
    assert setup_templates.scaled_amount("0.00", "JPY") == 0
    assert setup_templates.scaled_amount("18.00", "KRW") == 23000


# --- region choices -------------------------------------------------------------------------

def test_locale_choices_are_many_named_and_searchable() -> None:
    """Over 700 locales, each labelled with its English name and its code."""
    choices = {code: label for label, code in regions.locale_choices("en")}
    assert len(choices) > 700
    assert choices["de_DE"] == "German (Germany) — de_DE"
    assert choices["hi_IN"] == "Hindi (India) — hi_IN"
    assert "zh_Hant_TW" in choices and "Traditional" in choices["zh_Hant_TW"]


def test_system_locale_and_its_currency() -> None:
    """The desktop's locale is taken in any spelling; a bare language gets its likely
    country; the country's legal tender is the currency."""
    assert regions.system_locale(["de-AT"]) == "de_AT"
    assert regions.system_locale(["C", "pl_PL.UTF-8"]) == "pl_PL"
    assert regions.system_locale(["fr"]) == "fr_FR"
    assert regions.system_locale(["C", ""]) == regions.FALLBACK_LOCALE
    assert regions.currency_for_locale("de_AT") == "EUR"
    assert regions.currency_for_locale("hi_IN") == "INR"
    assert regions.currency_for_locale("de") is None
    codes = [code for _label, code in regions.currency_choices("en")]
    assert "EUR" in codes and "JPY" in codes and "DEM" not in codes


def test_timezone_choices() -> None:
    """IANA zones, the system's preselected when known, UTC otherwise."""
    zones = regions.timezone_choices()
    assert "Europe/Warsaw" in zones and "UTC" in zones and "Etc/GMT+5" not in zones
    assert regions.system_timezone("Asia/Kolkata") == "Asia/Kolkata"
    assert regions.system_timezone("Etc/UTC") == "UTC"
    assert regions.system_timezone(None) == "UTC"


# --- all-or-nothing set-up ------------------------------------------------------------------

def test_create_business_writes_everything_and_audits_each_step(db_target: str) -> None:
    """One call creates the business, owner (with the key shown beforehand), staff with
    budgets from this month, a second owner with no limit, categories and presets; every
    step is in the audit chain and the file passes ``check``."""
    wanted = plan()
    steps: list[tuple[int, int]] = []
    result = first_run.create_business(db_target, wanted, pin_cost=TEST_PIN_COST, now=NOW,
                                       progress=lambda done, total: steps.append((done, total)))
    assert steps[0] == (0, 4) and steps[-1] == (4, 4)
    info = business.open_business(db_target)
    try:
        assert (info.name, info.currency, info.locale, info.timezone) == (
            "Kawiarnia Zażółć 咖啡", "PLN", "pl_PL", "Europe/Warsaw")
        people = {p.name: p for p in team.list_employees()}
        assert {n: p.role for n, p in people.items()} == {
            "Łucja Żak": "owner", "Иван Петров": "staff", "王小明": "owner"}
        assert people["Łucja Żak"].id == result.owner_id
        ivan = team.budget_for(people["Иван Петров"].id, Month(2026, 3))
        assert (ivan.allowance, ivan.per_incident_limit) == (60000, 20000)
        wang = team.budget_for(people["王小明"].id, Month(2026, 3))
        assert (wang.allowance, wang.per_incident_limit) == (None, None)
        assert [c.name for c in catalog.list_categories()] == ["Kawa", "Czekanie", "Inne"]
        assert [(p.label, p.cost_minor, p.value_minor) for p in catalog.list_presets()] == [
            ("Darmowa kawa", 1400, None), ("Deser gratis", 1800, 2500)]
        assert auth.sign_in(result.owner_id, "2468").name == "Łucja Żak"
        assert auth.sign_in(people["Иван Петров"].id, "1357").role == "staff"
        actions = Counter(row.action for row in AuditEntry.select())
        assert actions == Counter({"business.setup": 1, "employee.add": 3, "budget.set": 2,
                                   "category.add": 3, "preset.add": 2})
        setup_row = AuditEntry.get(AuditEntry.action == "business.setup")
        assert json.loads(setup_row.details)["name"] == "Kawiarnia Zażółć 咖啡"
        assert check.run_check() == []
        # the keys made up front are the ones that work; the second owner's too
        assert auth.reset_pin_with_key("王小明", wanted.staff[1].recovery_key or "", "1111")
        assert result.recovery_key == wanted.recovery_key
        assert auth.reset_pin_with_key("Łucja Żak", wanted.recovery_key.lower(), "8642")
    finally:
        business.close_business()


@pytest.mark.parametrize("broken", [
    {"staff": (StaffPlan("Anna", "staff", "12", 1000, 500),)},  # PIN too short
    {"staff": (StaffPlan("Anna", "staff", "1234", 1000, 500),
               StaffPlan("anna", "staff", "4321", 1000, 500))},  # the same name twice
    {"staff": (StaffPlan("Anna", "staff", "1234", None, 500),)},  # no limit for staff
    {"presets": (PresetPlan("Free coffee", "free_item", -5),)},  # a negative cost
    {"presets": (PresetPlan("Free coffee", "magic", 350),)},  # an unknown kind
    {"categories": ("Coffee", "coffee")},  # a category twice
    {"categories": ()},  # none at all
])
def test_a_bad_row_anywhere_leaves_no_file(tmp_path: Path, broken: dict[str, object]) -> None:
    """Whatever part of the plan is wrong, the call fails with a ValidationError and no
    database file (nor -wal/-shm, nor the folder made for it) is left: nothing half-made."""
    path = tmp_path / "new" / "shop.db"
    with pytest.raises(ValidationError):
        first_run.create_business(path, plan(**broken), pin_cost=TEST_PIN_COST, now=NOW)
    assert leftovers(path) == [] and not path.parent.exists()
    first_run.create_business(path, plan(), pin_cost=TEST_PIN_COST, now=NOW)  # can retry
    assert path.exists()


def test_a_malformed_recovery_key_is_refused_before_anything_is_written(
        tmp_path: Path) -> None:
    """Only keys as the app makes them are accepted as the owner's key."""
    path = tmp_path / "shop.db"
    for bad in ("", "ABCDE-FGHIJ", "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ0",
                "abcde-fghjk-lmnpq-rstuv-wxyz2"):
        with pytest.raises(ValidationError):
            first_run.create_business(path, plan(recovery_key=bad), pin_cost=TEST_PIN_COST)
        assert leftovers(path) == []
    assert pins.check_recovery_key("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2")


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    """Setting up over an existing business is refused and the business stays."""
    path = tmp_path / "shop.db"
    first_run.create_business(path, plan(), pin_cost=TEST_PIN_COST, now=NOW)
    with pytest.raises(StorageError):
        first_run.create_business(path, plan(name="Other"), pin_cost=TEST_PIN_COST, now=NOW)
    assert business.open_business(path).name == "Kawiarnia Zażółć 咖啡"
    business.close_business()


def test_the_key_sheet_names_the_owner_and_the_key(tmp_path: Path) -> None:
    """The saved sheet holds the key, the owner and how to use it, in UTF-8."""
    key = first_run.new_recovery_key()
    sheet = tmp_path / "key.txt"
    first_run.save_recovery_key(sheet, "Café Zażółć", "王小明", key)
    text = sheet.read_text(encoding="utf-8")
    assert key in text and "王小明" in text and "Café Zażółć" in text
    assert 'reset-pin --employee "王小明"' in text


def test_ensure_demo_builds_once_and_cancel_leaves_nothing(tmp_path: Path) -> None:
    """The demo is built when missing and opened as it is when present; a build stopped
    from its progress callback leaves no file."""
    path = tmp_path / "demo.db"

    def stop(done: int, total: int) -> None:
        if done >= 3:
            raise KeyboardInterrupt  # what the chooser's Cancel does (another exception)

    with pytest.raises(KeyboardInterrupt):
        first_run.ensure_demo(path, stop, pin_cost=TEST_PIN_COST, months=1)
    assert leftovers(path) == []
    seen: list[int] = []
    assert first_run.ensure_demo(path, lambda d, t: seen.append(d), pin_cost=TEST_PIN_COST,
                                 months=1) == path
    assert seen and business.open_business(path).name == "Hotel Fjordlys"
    business.close_business()
    stamp = path.stat().st_mtime_ns
    first_run.ensure_demo(path, pin_cost=TEST_PIN_COST, months=1)
    assert path.stat().st_mtime_ns == stamp


def test_wrong_key_does_not_reset(tmp_path: Path) -> None:
    """A key other than the one shown is refused (the hash is of the shown key)."""
    path = tmp_path / "shop.db"
    first_run.create_business(path, plan(), pin_cost=TEST_PIN_COST, now=NOW)
    business.open_business(path)
    try:
        with pytest.raises(AuthenticationError):
            auth.reset_pin_with_key("Łucja Żak", first_run.new_recovery_key(), "1111")
    finally:
        business.close_business()
