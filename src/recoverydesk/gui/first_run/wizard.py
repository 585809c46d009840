"""The set-up wizard: business, region, owner, recovery key, team, lists, summary.

Nothing is written until Finish: the pages only collect a :class:`SetupPlan` (the recovery
key is made when its page is first shown), so Cancel at any step leaves no file. Finish
creates everything in one transaction in a worker (each PIN takes a slow hash) while a
progress bar runs; on a failure the service has removed the file and the message is shown
on the summary page.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core import money, pins
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui.errors import show_error
from recoverydesk.gui.first_run.business_pages import BusinessPage, RegionPage
from recoverydesk.gui.first_run.fields import error_label
from recoverydesk.gui.first_run.lists_page import ListsPage
from recoverydesk.gui.first_run.owner_pages import OwnerPage, RecoveryKeyPage
from recoverydesk.gui.first_run.staff_page import StaffPage
from recoverydesk.gui.first_run.step import Step
from recoverydesk.gui.messages import show_message
from recoverydesk.gui.workers import ServiceWorker, start
from recoverydesk.services import first_run, setup_templates
from recoverydesk.services.types import PresetPlan, SetupPlan, SetupResult, StaffPlan


class SetupWizard(QDialog):
    """A paged dialog (see :mod:`.step` for why not ``QWizard``) that collects the plan page
    by page; :attr:`created` is set after a successful Finish.

    ``pin_cost`` is the PIN hash cost (tests pass a fast one).
    """

    created_business = Signal(object)  # SetupResult

    def __init__(self, target: Path, parent: QWidget | None = None,
                 pin_cost: int = pins.DEFAULT_PIN_COST) -> None:
        super().__init__(parent)
        self.setObjectName("SetupWizard")
        self.target = target
        self.pin_cost = pin_cost
        self.busy = False
        self.created: SetupResult | None = None
        self.business_name = ""
        self.template_key = setup_templates.DEFAULT_TEMPLATE
        self.locale_code, self.currency, self.timezone = "en_US", "USD", "UTC"
        self.region_text = ""
        self.owner_name = self.owner_pin = ""
        self.recovery_key: str | None = None
        self.staff: tuple[StaffPlan, ...] = ()
        self.categories: tuple[str, ...] = ()
        self.presets: tuple[PresetPlan, ...] = ()
        self.setWindowTitle(self.tr("Set up RecoveryDesk"))
        self.resize(1000, 680)

        header = QWidget()
        header.setObjectName("wizard_header")
        self.title_label = QLabel()
        self.title_label.setObjectName("wizard_title_label")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("wizard_subtitle_label")
        self.subtitle_label.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("wizard_step_label")
        header_layout = QGridLayout(header)
        header_layout.setContentsMargins(24, 14, 24, 14)
        header_layout.addWidget(self.title_label, 0, 0)
        header_layout.addWidget(self.step_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        header_layout.addWidget(self.subtitle_label, 1, 0, 1, 2)

        self.business_page = BusinessPage(self)
        self.region_page = RegionPage(self)
        self.owner_page = OwnerPage(self)
        self.key_page = RecoveryKeyPage(self)
        self.staff_page = StaffPage(self)
        self.lists_page = ListsPage(self)
        self.summary_page = SummaryPage(self)
        self.pages: list[Step] = [self.business_page, self.region_page, self.owner_page,
                                  self.key_page, self.staff_page, self.lists_page,
                                  self.summary_page]
        self.stack = QStackedWidget()
        for page in self.pages:
            page.setContentsMargins(14, 8, 14, 0)
            self.stack.addWidget(page)
            page.completeChanged.connect(self._update_buttons)

        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.setObjectName("back_button")
        self.next_button = QPushButton(self.tr("&Next >"))
        self.next_button.setObjectName("next_button")
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.setObjectName("finish_button")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(24, 10, 24, 14)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button,
                       self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(self.reject)
        self._enter(0)

    def current_page(self) -> Step:
        page = self.stack.currentWidget()
        assert isinstance(page, Step)
        return page

    def next(self) -> None:
        """Validate the page and go on (Next, or Enter in a field)."""
        index = self.stack.currentIndex()
        page = self.current_page()
        if index + 1 < len(self.pages) and page.isComplete() and page.validatePage():
            self._enter(index + 1)

    def back(self) -> None:
        index = self.stack.currentIndex()
        if index > 0 and not self.busy:
            self.stack.setCurrentIndex(index - 1)
            self._show_header()

    def finish(self) -> None:
        if self.current_page() is self.summary_page and self.summary_page.validatePage():
            self.accept()

    def _enter(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.current_page().initializePage()
        self._show_header()
        field = self.current_page().first_field
        if field is not None:
            field.setFocus()

    def _show_header(self) -> None:
        page = self.current_page()
        self.title_label.setText(page.title_text)
        self.subtitle_label.setText(page.subtitle_text)
        self.step_label.setText(self.tr("Step %d of %d") % (self.stack.currentIndex() + 1,
                                                             len(self.pages)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        index, last = self.stack.currentIndex(), len(self.pages) - 1
        self.back_button.setEnabled(index > 0 and not self.busy)
        self.next_button.setVisible(index < last)
        self.next_button.setEnabled(self.current_page().isComplete() and not self.busy)
        self.finish_button.setVisible(index == last)
        self.finish_button.setEnabled(not self.busy)
        self.cancel_button.setEnabled(not self.busy)
        default = self.finish_button if index == last else self.next_button
        default.setDefault(True)

    def plan(self) -> SetupPlan:
        assert self.recovery_key is not None
        return SetupPlan(
            name=self.business_name, currency=self.currency, locale=self.locale_code,
            timezone=self.timezone, owner_name=self.owner_name, owner_pin=self.owner_pin,
            recovery_key=self.recovery_key, categories=self.categories,
            presets=self.presets, staff=self.staff)

    def reject(self) -> None:
        if not self.busy:  # the business is being written: it finishes, all or nothing
            super().reject()


class SummaryPage(Step):
    """What will be created; Finish writes it all (in a worker) and then closes."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Ready to set up"))
        self.setSubTitle(self.tr("Check the summary, then press Finish. Use Back to change "
                                 "anything; nothing is saved before Finish."))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("setup_progress")
        self.progress_bar.hide()
        self.message_label = error_label("summary_message_label")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message_label)
        self.worker: ServiceWorker | None = None

    def initializePage(self) -> None:
        s = self.setup
        fmt = self._money
        people = "".join(
            f"<li>{html.escape(p.name)} ({self.tr(p.role)}): {fmt(p.allowance_minor)} "
            f"{self.tr('a month')}, {fmt(p.per_incident_limit_minor)} "
            f"{self.tr('per incident')}</li>" for p in s.staff) or f"<li>{self.tr('none yet')}</li>"
        presets = ", ".join(f"{html.escape(p.label)} {fmt(p.cost_minor)}" for p in s.presets)
        rows = (
            (self.tr("Business"), html.escape(s.business_name)),
            (self.tr("Number format, currency, time zone"), html.escape(s.region_text)),
            (self.tr("Owner"), html.escape(s.owner_name)),
            (self.tr("Categories"), html.escape(", ".join(s.categories))),
            (self.tr("Gesture presets"), presets or self.tr("none")),
            (self.tr("Saved in"), html.escape(str(s.target))),
        )
        self.summary_label.setText(
            "".join(f"<p><b>{title}:</b> {text}</p>" for title, text in rows)
            + f"<p><b>{self.tr('Team')}:</b></p><ul>{people}</ul>")
        show_message(self.message_label, "")

    def _money(self, minor: int | None) -> str:
        if minor is None:
            return self.tr("no limit")
        return money.format_money(minor, self.setup.currency, self.setup.locale_code)

    def validatePage(self) -> bool:
        if self.setup.created is not None:
            return True
        if not self.setup.busy:
            self._create()
        return False

    def _create(self) -> None:
        s = self.setup
        plan, target, cost = s.plan(), s.target, s.pin_cost
        worker = ServiceWorker(lambda progress: first_run.create_business(
            target, plan, pin_cost=cost, progress=progress))
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_created)
        worker.signals.failed.connect(self._on_failed)
        self._busy(True)
        show_message(self.message_label, self.tr("Setting up %s…") % s.business_name, "hint")
        self.worker = start(worker)  # keeps its signals alive until it reports

    def _busy(self, busy: bool) -> None:
        self.setup.busy = busy
        self.progress_bar.setVisible(busy)
        self.progress_bar.setRange(0, 0)
        self.setup._update_buttons()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _on_created(self, result: SetupResult) -> None:
        self._busy(False)
        self.setup.created = result
        self.setup.created_business.emit(result)
        self.setup.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, RecoveryDeskError):
            show_message(self.message_label,
                         self.tr("Nothing was saved: %s Go back to fix it.") % exc)
        else:
            show_message(self.message_label, self.tr("Nothing was saved."))
            show_error(self, exc)
