"""The app shell: the start page until someone signs in, then the counter, a top bar with
navigation, the signed-in person and "Switch user", Ctrl+N for *Log a recovery* from
anywhere, and sign-out after the inactivity setting.

The counter page and the recovery dialog are imported when first needed: the sign-in window
must paint fast (benchmarks/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import theme
from recoverydesk.gui.errors import show_error
from recoverydesk.gui.start_page import StartPage
from recoverydesk.services.start_snapshot import StartSnapshot

if TYPE_CHECKING:
    from recoverydesk.gui.dialogs.log_recovery import LogRecoveryDialog
    from recoverydesk.gui.pages.audit_page import AuditPage
    from recoverydesk.gui.pages.counter_page import CounterPage
    from recoverydesk.gui.pages.customers_page import CustomersPage
    from recoverydesk.gui.pages.followups_page import FollowUpsPage
    from recoverydesk.gui.pages.incidents_page import IncidentsPage
    from recoverydesk.gui.pages.reports_page import ReportsPage
    from recoverydesk.gui.pages.settings_page import SettingsPage
    from recoverydesk.gui.pages.team_page import TeamPage
    from recoverydesk.services._base import Settings
    from recoverydesk.services.types import BusinessInfo, SignedIn

PERSON_LABEL_WIDTH = 170  # pixels for the signed-in name in the top bar

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class MainWindow(QMainWindow):
    """``inactivity_ms`` overrides the business's auto sign-out delay (tests use a short
    one)."""

    def __init__(self, info: BusinessInfo | StartSnapshot, parent: QWidget | None = None,
                 inactivity_ms: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"RecoveryDesk — {info.name}")
        self.resize(1366, 768)
        self.person: SignedIn | None = None
        self.log_dialog: LogRecoveryDialog | None = None
        self._inactivity_override = inactivity_ms

        # From a first look (gui.app), the business is opened after the first paint: the
        # names and the theme come with the snapshot.
        snapshot = info if isinstance(info, StartSnapshot) else None
        self.start_page = StartPage(info.name, snapshot.people if snapshot else None)
        self._counter_page: CounterPage | None = None
        self._incidents_page: IncidentsPage | None = None
        self._followups_page: FollowUpsPage | None = None
        self._customers_page: CustomersPage | None = None
        self._team_page: TeamPage | None = None
        self._settings_page: SettingsPage | None = None
        self._reports_page: ReportsPage | None = None
        self._audit_page: AuditPage | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.top_bar = self._build_top_bar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.top_bar.hide()

        self.log_action = QAction(self.tr("Log a recovery"), self)
        self.log_action.setShortcut(QKeySequence.StandardKey.New)  # Ctrl+N
        self.log_action.triggered.connect(self.open_log_dialog)
        self.log_action.setEnabled(False)
        self.addAction(self.log_action)
        self._build_theme_menu(snapshot.theme if snapshot else _settings().theme)

        self.inactivity_timer = QTimer(self)
        self.inactivity_timer.setSingleShot(True)
        self.inactivity_timer.timeout.connect(self.sign_out)

        self.start_page.signed_in.connect(self._on_signed_in)
        self.switch_user_button.clicked.connect(self.sign_out)
        self.status_label = QLabel(self.tr("Signed out"))
        self.status_label.setObjectName("status_label")
        self.statusBar().addWidget(self.status_label, 1)

    def _build_top_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("top_bar")
        self.counter_nav_button = QPushButton(QIcon("icons:counter.svg"), self.tr("Counter"))
        self.counter_nav_button.setCheckable(True)
        self.counter_nav_button.setChecked(True)
        self.counter_nav_button.setIconSize(QSize(22, 22))
        self.counter_nav_button.clicked.connect(self.show_counter)
        self.nav_group = QButtonGroup(bar)  # exclusive: one page at a time
        self.nav_group.addButton(self.counter_nav_button)
        self.incidents_nav_button = self._nav_button("incidents.svg", self.tr("Incidents"),
                                                     "Alt+I", self.show_incidents)
        self.followups_nav_button = self._nav_button("followups.svg", self.tr("Follow-ups"),
                                                     "Alt+F", self.show_followups)
        self.customers_nav_button = self._nav_button("customers.svg", self.tr("Customers"),
                                                     "Alt+U", self.show_customers)
        # Owner-only pages: hidden for staff, shown when an owner signs in.
        self.reports_nav_button = self._nav_button("reports.svg", self.tr("Reports"),
                                                   "Alt+R", self.show_reports)
        self.team_nav_button = self._nav_button("team.svg", self.tr("Team"), "Alt+T",
                                                self.show_team)
        self.settings_nav_button = self._nav_button("settings.svg", self.tr("Settings"),
                                                    "Alt+S", self.show_settings)
        self.audit_nav_button = self._nav_button("audit.svg", self.tr("Audit log"),
                                                 "Alt+L", self.show_audit)
        self.owner_nav_buttons = (self.reports_nav_button, self.team_nav_button,
                                  self.settings_nav_button, self.audit_nav_button)
        self.person_label = QLabel()
        self.person_label.setObjectName("person_label")
        self.switch_user_button = QPushButton(QIcon("icons:switch_user.svg"),
                                              self.tr("Switch user"))
        self.switch_user_button.setObjectName("switch_user_button")
        self.switch_user_button.setIconSize(QSize(22, 22))
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(self.counter_nav_button)
        for button in (self.incidents_nav_button, self.followups_nav_button,
                       self.customers_nav_button, *self.owner_nav_buttons):
            row.addWidget(button)
        for button in self.owner_nav_buttons:
            button.hide()
        row.addStretch(1)
        row.addWidget(self.person_label)
        row.addWidget(self.switch_user_button)
        return bar

    def _nav_button(self, icon: str, text: str, key: str,
                    slot: Callable[[], object]) -> QPushButton:
        """A page's button; ``key`` reaches it from anywhere in the window (an explicit
        shortcut: offscreen and some desktops turn "&" mnemonics off)."""
        button = QPushButton(QIcon(f"icons:{icon}"), text)
        button.setIconSize(QSize(22, 22))
        button.setShortcut(QKeySequence(key))
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{text} ({native})")
        button.setCheckable(True)
        button.clicked.connect(slot)
        self.nav_group.addButton(button)
        return button

    def _build_theme_menu(self, current: str) -> None:
        """View → Theme: the business setting (owners change it; everyone sees it)."""
        menu = self.menuBar().addMenu(self.tr("&View")).addMenu(self.tr("Theme"))
        self.theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        labels = {"system": self.tr("Follow the system"), "light": self.tr("Light"),
                  "dark": self.tr("Dark")}
        for name in theme.THEMES:
            action = menu.addAction(labels[name])
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setEnabled(False)
            action.triggered.connect(lambda _checked=False, name=name: self.set_theme(name))
            group.addAction(action)
            self.theme_actions[name] = action

    @property
    def counter_page(self) -> CounterPage:
        """The counter page, built on first use."""
        if self._counter_page is None:
            from recoverydesk.gui.pages.counter_page import CounterPage

            self._counter_page = CounterPage()
            self._counter_page.ui.log_button.clicked.connect(self.open_log_dialog)
            self.pages.addWidget(self._counter_page)
        return self._counter_page

    @property
    def incidents_page(self) -> IncidentsPage:
        if self._incidents_page is None:
            from recoverydesk.gui.pages.incidents_page import IncidentsPage

            self._incidents_page = IncidentsPage()
            self._incidents_page.changed.connect(self._on_page_changed)
            self._incidents_page.dialog_opened.connect(self._watch_input)
            self.pages.addWidget(self._incidents_page)
        return self._incidents_page

    @property
    def followups_page(self) -> FollowUpsPage:
        if self._followups_page is None:
            from recoverydesk.gui.pages.followups_page import FollowUpsPage

            self._followups_page = FollowUpsPage()
            self._followups_page.changed.connect(self._on_page_changed)
            self.pages.addWidget(self._followups_page)
        return self._followups_page

    @property
    def customers_page(self) -> CustomersPage:
        if self._customers_page is None:
            from recoverydesk.gui.pages.customers_page import CustomersPage

            self._customers_page = CustomersPage()
            self._customers_page.changed.connect(self._on_page_changed)
            self._customers_page.dialog_opened.connect(self._watch_input)
            self.pages.addWidget(self._customers_page)
        return self._customers_page

    @property
    def team_page(self) -> TeamPage:
        if self._team_page is None:
            from recoverydesk.gui.pages.team_page import TeamPage

            self._team_page = TeamPage()
            self._team_page.changed.connect(self._on_page_changed)
            self.pages.addWidget(self._team_page)
        return self._team_page

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from recoverydesk.gui.pages.settings_page import SettingsPage

            self._settings_page = SettingsPage()
            self._settings_page.theme_changed.connect(self._apply_theme)
            self._settings_page.changed.connect(self._on_settings_changed)
            self._settings_page.restore_starting.connect(self.inactivity_timer.stop)
            self._settings_page.restored.connect(self._on_restored)
            self._settings_page.dialog_opened.connect(self._watch_input)
            self.pages.addWidget(self._settings_page)
        return self._settings_page

    @property
    def reports_page(self) -> ReportsPage:
        if self._reports_page is None:
            from recoverydesk.gui.pages.reports_page import ReportsPage

            self._reports_page = ReportsPage()
            self.pages.addWidget(self._reports_page)
        return self._reports_page

    @property
    def audit_page(self) -> AuditPage:
        if self._audit_page is None:
            from recoverydesk.gui.pages.audit_page import AuditPage

            self._audit_page = AuditPage()
            self.pages.addWidget(self._audit_page)
        return self._audit_page

    # --- signing in and out ---------------------------------------------------------------

    def _on_signed_in(self, person: SignedIn) -> None:
        self.person = person
        self.counter_page.show_person(person)
        self.pages.setCurrentWidget(self.counter_page)
        self.counter_nav_button.setChecked(True)
        self._show_person(person.name)
        for button in self.owner_nav_buttons:
            button.setVisible(person.is_owner)
        self.top_bar.show()
        self.log_action.setEnabled(True)
        for action in self.theme_actions.values():
            action.setEnabled(person.is_owner)
        for button in self.owner_nav_buttons:
            button.setVisible(person.is_owner)
        minutes = _settings().auto_signout_minutes
        self.inactivity_timer.setInterval(self._inactivity_override or minutes * 60_000)
        self.inactivity_timer.start()
        self._watch_input(self)
        self.status_label.setText(
            self.tr("Signed in: %s (%s). Signs out after %d minutes without use.")
            % (person.name, self.tr("owner") if person.is_owner else self.tr("staff"), minutes))
        self.counter_page.ui.log_button.setFocus()

    def sign_out(self) -> None:
        """Back to the start page (also "Switch user" and the inactivity timeout); an open
        recovery dialog is closed without saving."""
        self.inactivity_timer.stop()
        if self.log_dialog is not None:
            self.log_dialog.reject()
        for dialog in self.findChildren(QDialog):  # a page's open dialog: nothing saved
            if dialog.isVisible():
                dialog.reject()
        self.person = None
        self.log_action.setEnabled(False)
        for action in self.theme_actions.values():
            action.setEnabled(False)
        for button in self.owner_nav_buttons:
            button.hide()
        self.top_bar.hide()
        self.start_page.reload()
        self.pages.setCurrentWidget(self.start_page)
        self.status_label.setText(self.tr("Signed out"))
        self.start_page.people_list.setFocus()

    def _watch_input(self, window: QWidget) -> None:
        """Restart the inactivity countdown on input to ``window``. The filter sits on the
        native window, which sees input before any widget but not the thousands of paint
        and layout events an application-wide filter would cost in Python."""
        handle = window.windowHandle()
        if handle is not None and not handle.property("recoverydesk_watched"):
            handle.setProperty("recoverydesk_watched", True)
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.person is not None:
            self.inactivity_timer.start()  # restarts the countdown
        return super().eventFilter(watched, event)

    # --- pages and the dialog -------------------------------------------------------------

    def show_counter(self) -> None:
        self.counter_nav_button.setChecked(True)
        if self.person is not None:
            self.counter_page.refresh()
            self.pages.setCurrentWidget(self.counter_page)

    def _show_person(self, name: str) -> None:
        """The signed-in name in the top bar, shortened with "…" past a width so that an
        owner's eight page buttons still fit a 1366-pixel screen (the status line and the
        tooltip keep it whole)."""
        metrics = self.person_label.fontMetrics()
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, PERSON_LABEL_WIDTH)
        self.person_label.setText(shown)
        self.person_label.setToolTip(name if shown != name else "")

    def _show_page(self, page: IncidentsPage | FollowUpsPage | CustomersPage | TeamPage
                   | SettingsPage | ReportsPage | AuditPage, button: QPushButton) -> None:
        button.setChecked(True)
        if self.person is None:
            return
        if page.person != self.person:
            page.show_person(self.person)
        else:
            page.refresh()
        self.pages.setCurrentWidget(page)

    def show_incidents(self) -> None:
        self._show_page(self.incidents_page, self.incidents_nav_button)

    def show_followups(self) -> None:
        self._show_page(self.followups_page, self.followups_nav_button)

    def show_customers(self) -> None:
        self._show_page(self.customers_page, self.customers_nav_button)

    def show_reports(self) -> None:
        if self.person is not None and self.person.is_owner:
            self._show_page(self.reports_page, self.reports_nav_button)

    def show_audit(self) -> None:
        if self.person is not None and self.person.is_owner:
            self._show_page(self.audit_page, self.audit_nav_button)

    def show_team(self) -> None:
        if self.person is not None and self.person.is_owner:  # never for staff
            self._show_page(self.team_page, self.team_nav_button)

    def show_settings(self) -> None:
        if self.person is not None and self.person.is_owner:
            self._show_page(self.settings_page, self.settings_nav_button)

    def _on_restored(self, info: BusinessInfo) -> None:
        """A backup was restored and the business reopened: pages built on the old data are
        dropped (they are rebuilt on use) and everyone signs in again."""
        self.sign_out()
        self._forget_pages("_counter_page", "_settings_page")
        self._show_business_name(info.name)
        self._apply_theme(_settings().theme)
        self.status_label.setText(self.tr("Backup restored: sign in again."))

    def _on_settings_changed(self) -> None:
        """Pages that keep the settings (locale, currency) are rebuilt when next shown."""
        self._forget_pages()
        self._show_business_name(_settings().name)

    def _show_business_name(self, name: str) -> None:
        self.setWindowTitle(f"RecoveryDesk — {name}")
        self.start_page.ui.business_label.setText(name)

    def _forget_pages(self, *more: str) -> None:
        for name in ("_incidents_page", "_followups_page", "_customers_page", "_team_page",
                     "_reports_page", "_audit_page", *more):
            page = getattr(self, name)
            if page is not None:
                self.pages.removeWidget(page)
                page.deleteLater()
                setattr(self, name, None)

    def _on_page_changed(self) -> None:
        """A page changed data the counter shows (a void, a follow-up done)."""
        if self._counter_page is not None:
            self._counter_page.refresh()

    def open_log_dialog(self) -> LogRecoveryDialog | None:
        """Open *Log a recovery* (Ctrl+N, or the big button) for the signed-in person."""
        if self.person is None:
            return None
        if self.log_dialog is not None:
            self.log_dialog.raise_()
            self.log_dialog.activateWindow()
            return self.log_dialog
        from recoverydesk.gui.dialogs.log_recovery import LogRecoveryDialog

        dialog = LogRecoveryDialog(self.person, _settings(), self)
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.log_dialog = dialog
        dialog.open()
        dialog.activateWindow()  # typing goes to the dialog at once, also without a WM
        self._watch_input(dialog)
        return dialog

    def _on_saved(self, _logged: object) -> None:
        self.counter_page.refresh()
        for page in (self._incidents_page, self._followups_page, self._customers_page,
                     self._reports_page, self._audit_page):
            if page is not None and self.pages.currentWidget() is page:
                page.refresh()
        self.statusBar().showMessage(self.tr("Saved."), 5000)

    def _on_dialog_finished(self, _result: int) -> None:
        if self.log_dialog is not None:
            self.log_dialog.deleteLater()
        self.log_dialog = None
        self.activateWindow()  # keys go back to the counter (Ctrl+N again), also without a WM

    def set_theme(self, name: str) -> None:
        """Apply and store the theme setting (owners only; the service checks)."""
        if self.person is None:
            return
        try:
            from recoverydesk.services import business

            business.update_settings(self.person.employee_id, theme=name)
        except RecoveryDeskError as exc:
            show_error(self, exc)
            return
        self._apply_theme(name)
        if self._settings_page is not None:
            self._settings_page.load_settings()

    def _apply_theme(self, name: str) -> None:
        """Apply a theme setting (already stored) and tick it in View → Theme."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)
        if name in self.theme_actions:
            self.theme_actions[name].setChecked(True)


def _settings() -> Settings:
    """The business settings; the services are imported on first use, not at start (the
    sign-in window is shown before the business is opened: gui.app)."""
    from recoverydesk.services import business

    return business.get_settings()
