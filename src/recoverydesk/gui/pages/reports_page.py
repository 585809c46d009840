"""The Reports page (SPEC §6, §7; owners only): a month's key figures, charts and tables on
screen, its escalations, and *Save PDF*, *Print* and *Export CSV*.

Figures are computed in a worker (:class:`gui.workers.Task`), so the window never waits for
a large month; the charts paint the same ``Figures`` the PDF is drawn from. Saving the PDF
and exporting run in a worker with a progress bar and a *Cancel* that leaves no file (the
services write through a temporary file and replace the target only when done).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel import Locale
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from recoverydesk.core.months import Month, month_of
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import clock
from recoverydesk.gui.errors import show_error
from recoverydesk.gui.forms.ui_reports_page import Ui_ReportsPage
from recoverydesk.gui.messages import show_message
from recoverydesk.gui.pages import report_views
from recoverydesk.gui.pages.report_print import print_report
from recoverydesk.gui.widgets.report_charts import ChartWidget
from recoverydesk.gui.workers import Task
from recoverydesk.reports.figures import Figures
from recoverydesk.services import business, escalations, reports
from recoverydesk.services._base import utcnow
from recoverydesk.services.escalations import Escalations
from recoverydesk.services.types import SignedIn

MIN_MONTHS_LISTED = 36
FIGURE_COLUMNS = 3  # caption/value pairs per row of the key figures
LETTER_TERRITORIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"}


class ReportsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.figures: Figures | None = None
        self.escalations: list[Escalations] = []
        self.figures_task: Task | None = None
        self.file_task: Task | None = None
        self._generation = 0
        self.figure_labels: dict[str, QLabel] = {}
        self.ui = ui = Ui_ReportsPage()
        ui.setupUi(self)
        self.setObjectName("reports_page")
        self.employee_chart = ChartWidget("employees")
        self.series_chart = ChartWidget("months")
        ui.charts_row.addWidget(self.employee_chart, 1)
        ui.charts_row.addWidget(self.series_chart, 1)
        ui.breakdowns_layout.addStretch(0)  # takes what the fitted tables leave over
        self._build_figure_grid()
        ui.paper_combo.addItem(self.tr("A4"), "a4")
        ui.paper_combo.addItem(self.tr("US Letter"), "letter")
        territory = Locale.parse(self.settings.locale).territory or ""
        ui.paper_combo.setCurrentIndex(1 if territory in LETTER_TERRITORIES else 0)
        self._set_busy(None)
        show_message(ui.message_label, "")
        ui.month_combo.activated.connect(lambda _index: self.load())
        ui.save_pdf_button.clicked.connect(self.save_pdf)
        ui.print_button.clicked.connect(self.print_report)
        ui.export_csv_button.clicked.connect(self.export_csv)
        ui.cancel_button.clicked.connect(self.cancel)

    def _build_figure_grid(self) -> None:
        grid = self.ui.figures_grid
        for column in range(FIGURE_COLUMNS):
            grid.setColumnStretch(column * 2, 3)
            grid.setColumnStretch(column * 2 + 1, 2)
        for index, (key, caption) in enumerate(report_views.key_figure_captions()):
            row, column = divmod(index, FIGURE_COLUMNS)
            caption_label = QLabel(caption)
            caption_label.setProperty("role", "hint")
            value_label = QLabel("…")
            value_label.setObjectName("figure_value")
            grid.addWidget(caption_label, row, column * 2)
            grid.addWidget(value_label, row, column * 2 + 1)
            self.figure_labels[key] = value_label

    # --- choosing and loading a month ------------------------------------------------------

    def show_person(self, person: SignedIn) -> None:
        """Fill the months (this one first, back to the business's first) and load."""
        self.person = person
        this_month = month_of(utcnow(clock.now()), self.settings.tz)
        first = month_of(business.business_info().created_at, self.settings.tz)
        self.ui.month_combo.clear()
        month, listed = this_month, 0
        while listed < MIN_MONTHS_LISTED or month.key() >= first.key():
            self.ui.month_combo.addItem(self._month_name(month), str(month))
            month, listed = month.previous(), listed + 1
        self.ui.month_combo.setCurrentIndex(0)
        self.load()

    def _month_name(self, month: Month) -> str:
        return report_views.month_name(str(month), self.settings.locale)

    def refresh(self) -> None:
        self.load()

    def selected_month(self) -> Month:
        return Month.parse(self.ui.month_combo.currentData())

    def select_month(self, month: Month) -> None:
        index = self.ui.month_combo.findData(str(month))
        if index >= 0:
            self.ui.month_combo.setCurrentIndex(index)
            self.load()

    def load(self) -> None:
        """Compute the chosen month's figures and escalations in a worker, as of now."""
        if self.person is None or self.ui.month_combo.currentData() is None:
            return
        if self.figures_task is not None:
            self.figures_task.cancel()  # its result would be stale
        self._generation += 1
        generation, month, viewer, now = (self._generation, self.selected_month(),
                                          self.person.employee_id, clock.now())

        def compute(progress: Callable[[int, int, str], None]) -> tuple[Figures,
                                                                        list[Escalations]]:
            figures = reports.month_figures(month, now=now, progress=progress)
            return figures, escalations.escalations_in_month(viewer, month)

        task = Task(compute)
        task.signals.finished.connect(lambda result: self._on_figures(generation, result))
        task.signals.failed.connect(lambda exc: self._on_failed(generation, exc))
        task.signals.progress.connect(lambda done, total, _label: self._progress(done, total))
        task.signals.cancelled.connect(lambda: self._on_cancelled(generation))
        self.figures_task = task
        self._set_busy(self.tr("Computing the figures…"))
        task.start()

    def _on_figures(self, generation: int, result: tuple[Figures, list[Escalations]]) -> None:
        if generation != self._generation:
            return
        self.figures_task = None
        self.figures, self.escalations = result
        self._set_busy(None)
        self._show_figures()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.figures_task = None
            self._clear_figures()  # the month picked has none: show no other month's
            self._set_busy(None)
            self._show_failure(exc)

    def _clear_figures(self) -> None:
        self.figures, self.escalations = None, []
        for label in self.figure_labels.values():
            label.setText("–")
        self.ui.as_of_label.clear()
        for chart in (self.employee_chart, self.series_chart):
            chart.show_figures(None, str, {})
        for table in (self.ui.employees_table, self.ui.category_table, self.ui.kind_table,
                      self.ui.severity_table, self.ui.escalations_table):
            table.clear()
            table.setRowCount(0)
        self.ui.escalations_hint.clear()

    def _on_cancelled(self, generation: int) -> None:
        if generation == self._generation:
            self.figures_task = None
            self._set_busy(None)
            if self.figures is not None:  # the picker goes back to the month shown
                self.ui.month_combo.setCurrentIndex(
                    max(self.ui.month_combo.findData(self.figures.month), 0))

    def _show_figures(self) -> None:
        f = self.figures
        assert f is not None
        fmt = report_views.Formats(f)
        for key, value in report_views.key_figure_values(f).items():
            self.figure_labels[key].setText(value)
        as_of = self.tr("As of %s (%s)") % (fmt.as_of(), f.timezone)
        if f.provisional:
            as_of += " · " + self.tr("provisional: %d still inside the %d-day window") % (
                f.outcomes.pending, f.retention_days)
        show_message(self.ui.as_of_label, as_of, "warning" if f.provisional else "hint")
        self.employee_chart.show_figures(f, fmt.money, {
            "title": self.tr("Spend against allowance"), "spent": self.tr("Spent"),
            "allowance": self.tr("Allowance"), "no_limit": self.tr("no limit"),
            "none": self.tr("No employees this month.")})
        self.series_chart.show_figures(f, fmt.money, {
            "title": self.tr("The last twelve months"), "spend": self.tr("Spend"),
            "budget": self.tr("Budget"), "rate": self.tr("Retention rate")}, fmt.short_month)
        report_views.fill_table(self.ui.employees_table, *report_views.employee_rows(f))
        for index, (table, (header, rows)) in enumerate(zip(
                (self.ui.category_table, self.ui.kind_table, self.ui.severity_table),
                report_views.all_breakdowns(f), strict=True)):
            report_views.fill_table(table, header, rows)
            report_views.fit_height(table)
            # Room shared by row count, so a short table does not leave a long one scrolling.
            self.ui.breakdowns_layout.setStretch(index, max(len(rows), 1))
        report_views.fill_table(self.ui.escalations_table,
                                *report_views.escalation_rows(f, self.escalations),
                                numeric=range(1, 4))
        self.ui.escalations_hint.setText(
            self.tr("Spends past an employee's limit that an owner approved at the counter. "
                    "Someone who often needs approval may need a bigger budget.")
            if self.escalations else self.tr("No over-limit spends were approved in %s.")
            % fmt.month_name(f.month))

    # --- files and printing ---------------------------------------------------------------

    @staticmethod
    def ask_save_path(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
        """A file name from the save dialog ("" when cancelled); tests replace this."""
        path, _chosen = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path

    @staticmethod
    def ask_printer(parent: QWidget, paper: str) -> QPrinter | None:
        """A printer set up in the print dialog (``None`` when cancelled); tests replace
        this with a printer that writes a PDF file."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if paper == "letter"
                                      else QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, parent)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_path(self, caption: str, suffix: str, filters: str) -> Path | None:
        month = self.selected_month()
        text = self.ask_save_path(self, caption, f"recoverydesk-{month}{suffix}", filters)
        if not text:
            return None
        path = Path(text)
        return path if path.suffix else path.with_suffix(suffix)

    def save_pdf(self) -> None:
        """Ask where, then write the month's PDF in a worker (cancellable)."""
        if self.person is None or self.file_task is not None:
            return
        path = self._ask_path(self.tr("Save the report as PDF"), ".pdf",
                              self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        month, paper, now = self.selected_month(), self.ui.paper_combo.currentData(), clock.now()
        self._run_file_task(
            self.tr("Writing the PDF…"),
            lambda progress: reports.save_pdf(month, path, paper, now=now, progress=progress),
            lambda _figures: self.tr("Report saved: %s") % path)

    def export_csv(self) -> None:
        """Ask where, then write the month's gestures as CSV in a worker (cancellable)."""
        if self.person is None or self.file_task is not None:
            return
        path = self._ask_path(self.tr("Export the month's gestures as CSV"), ".csv",
                              self.tr("CSV files (*.csv)"))
        if path is None:
            return
        month = self.selected_month()
        self._run_file_task(
            self.tr("Exporting…"),
            lambda progress: reports.export_csv(month, path, progress),
            lambda rows: self.tr("%d gestures exported to %s") % (rows, path))

    def print_report(self) -> None:
        """The figures, charts and tables on screen, through the print dialog."""
        if self.figures is None:
            return
        printer = self.ask_printer(self, self.ui.paper_combo.currentData())
        if printer is None:
            return
        print_report(printer, self.figures, self.escalations,
                     (self.employee_chart, self.series_chart))
        show_message(self.ui.message_label, self.tr("Sent to the printer."), "ok")

    def _run_file_task(self, label: str, call: Callable[[Any], Any],
                       done: Callable[[Any], str]) -> None:
        task = Task(call)
        task.signals.progress.connect(lambda n, total, _label: self._progress(n, total))
        task.signals.finished.connect(lambda result: self._file_done(done(result)))
        task.signals.failed.connect(self._file_failed)
        task.signals.cancelled.connect(lambda: self._file_done(
            self.tr("Cancelled: no file was written."), "warning"))
        self.file_task = task
        show_message(self.ui.message_label, "")
        self._set_busy(label)
        task.start()

    def _file_done(self, text: str, role: str = "ok") -> None:
        self.file_task = None
        self._set_busy(None)
        show_message(self.ui.message_label, text, role)

    def _file_failed(self, exc: BaseException) -> None:
        self.file_task = None
        self._set_busy(None)
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, RecoveryDeskError):
            show_message(self.ui.message_label, str(exc))
        else:
            show_error(self, exc)

    def cancel(self) -> None:
        for task in (self.file_task, self.figures_task):
            if task is not None:
                task.cancel()
        self.ui.progress_label.setText(self.tr("Cancelling…"))

    # --- progress -------------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        self.ui.progress_bar.setMaximum(max(total, 1))
        self.ui.progress_bar.setValue(min(done, max(total, 1)))

    def _set_busy(self, label: str | None) -> None:
        busy = label is not None
        for widget in (self.ui.progress_label, self.ui.progress_bar, self.ui.cancel_button):
            widget.setVisible(busy)
        if label is not None:
            self.ui.progress_label.setText(label)
            self.ui.progress_bar.setValue(0)
        idle_files = self.file_task is None
        for button in (self.ui.save_pdf_button, self.ui.export_csv_button):
            button.setEnabled(idle_files)
        # Print lays out the figures on screen: not while another month's are on their way.
        self.ui.print_button.setEnabled(idle_files and self.figures is not None
                                        and self.figures_task is None)
