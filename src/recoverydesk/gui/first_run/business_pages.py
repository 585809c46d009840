"""Wizard pages 1–2: the business (name, kind) and its region (locale, currency, zone)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimeZone
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit

from recoverydesk.core import money, regions
from recoverydesk.core.domain import MAX_NAME, clean_text
from recoverydesk.errors import ValidationError
from recoverydesk.gui.first_run.fields import SearchableCombo, error_label
from recoverydesk.gui.first_run.step import Step
from recoverydesk.gui.messages import show_message
from recoverydesk.services import setup_templates

if TYPE_CHECKING:
    from recoverydesk.gui.first_run.wizard import SetupWizard

UI_LANGUAGE = "en"  # the language of the app's own texts (no translation is loaded yet)


class BusinessPage(Step):
    """The business name and what kind of business it is (which fills the lists)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Your business"))
        self.setSubTitle(self.tr("The name appears on the sign-in screen and on every report."))
        self.name_edit = QLineEdit()
        self.first_field = self.name_edit
        self.name_edit.setObjectName("business_name_edit")
        self.name_edit.setMaxLength(MAX_NAME + 20)  # longer text gets a message, not a cut
        self.name_error = error_label("business_name_error")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("business_type_combo")
        labels = {"cafe": self.tr("Café or restaurant"), "shop": self.tr("Shop"),
                  "salon": self.tr("Salon"), "hotel": self.tr("Hotel or B&B")}
        for template in setup_templates.TEMPLATES:
            self.type_combo.addItem(labels.get(template.key, template.label), template.key)
        hint = QLabel(self.tr("Fills in starting categories and gesture presets; you can "
                              "edit them before you finish."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Business &name"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Kind of business"), self.type_combo)
        form.addRow("", hint)

    def validatePage(self) -> bool:
        try:
            self.setup.business_name = clean_text(self.name_edit.text(), "business_name",
                                                  max_len=MAX_NAME, label="business name")
        except ValidationError as exc:
            show_message(self.name_error, str(exc))
            self.name_edit.setFocus()
            return False
        show_message(self.name_error, "")
        self.setup.template_key = str(self.type_combo.currentData())
        return True


class RegionPage(Step):
    """Locale (number and date format), currency and time zone, from Babel's data; the
    desktop's locale and zone come preselected, and the currency of the locale's country."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Money, language and time"))
        self.setSubTitle(self.tr("Type any part of a name or code to find it."))
        self.locale_combo = SearchableCombo(name="locale_combo",
                                            choices=regions.locale_choices(UI_LANGUAGE))
        self.currency_combo = SearchableCombo(name="currency_combo",
                                              choices=regions.currency_choices(UI_LANGUAGE))
        self.first_field = self.locale_combo
        self.timezone_combo = SearchableCombo(
            name="timezone_combo",
            choices=[(z.replace("_", " "), z) for z in regions.timezone_choices()])
        self.locale_error = error_label("locale_error")
        self.currency_error = error_label("currency_error")
        self.timezone_error = error_label("timezone_error")
        self.example_label = QLabel()
        self.example_label.setObjectName("money_example_label")
        form = QFormLayout(self)
        form.addRow(self.tr("&Number format (locale)"), self.locale_combo)
        form.addRow("", self.locale_error)
        form.addRow(self.tr("&Currency"), self.currency_combo)
        form.addRow("", self.currency_error)
        form.addRow(self.tr("&Time zone"), self.timezone_combo)
        form.addRow("", self.timezone_error)
        form.addRow(self.tr("Amounts look like"), self.example_label)

        system = QLocale.system()
        locale = regions.system_locale([system.name(), *system.uiLanguages()])
        self.locale_combo.select_code(locale)
        self.currency_combo.select_code(regions.currency_for_locale(locale) or "EUR")
        zone_id = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
        self.timezone_combo.select_code(regions.system_timezone(zone_id))
        self.locale_combo.currentIndexChanged.connect(self._on_locale_chosen)
        self.currency_combo.currentIndexChanged.connect(self._show_example)
        self._show_example()

    def _on_locale_chosen(self) -> None:
        code = self.locale_combo.code()
        currency = regions.currency_for_locale(code) if code else None
        if currency:
            self.currency_combo.select_code(currency)
        self._show_example()

    def _show_example(self) -> None:
        locale, currency = self.locale_combo.code(), self.currency_combo.code()
        if locale and currency:
            sample = money.from_decimal(
                Decimal("1234.5") if money.currency_digits(currency) else Decimal(1234),
                currency)
            self.example_label.setText(money.format_money(sample, currency, locale))

    def validatePage(self) -> bool:
        picked = {}
        ok = True
        for combo, label, what in (
                (self.locale_combo, self.locale_error, self.tr("number format")),
                (self.currency_combo, self.currency_error, self.tr("currency")),
                (self.timezone_combo, self.timezone_error, self.tr("time zone"))):
            code = combo.code()
            if code is None:
                show_message(label, self.tr("Pick a %s from the list.") % what)
                if ok:
                    combo.setFocus()
                ok = False
            else:
                show_message(label, "")
                picked[combo.objectName()] = code
        if not ok:
            return False
        self.setup.locale_code = picked["locale_combo"]
        self.setup.currency = picked["currency_combo"]
        self.setup.timezone = picked["timezone_combo"]
        self.setup.region_text = "; ".join(  # the names as picked, for the summary
            combo.label_of(picked[combo.objectName()])
            for combo in (self.locale_combo, self.currency_combo, self.timezone_combo))
        return True
