"""The ``recoverydesk`` command (SPEC §8): opens the app, or runs a headless command.

Exit codes: 0 success, 2 bad arguments or input, 1 any other failure. Errors are one line on
stderr; unexpected ones also go, with their traceback, to the log file. Heavy modules (Qt, the
demo generator) are imported only by the command that needs them, so ``--help`` and ``check``
start fast.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from recoverydesk import __version__
from recoverydesk.crashlog import record_unexpected, unexpected_message
from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.paths import default_database_path

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
# A write that failed for want of room or a working disk (the output behind "> file").
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


class UsageError(Exception):
    """Bad command-line arguments (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line instead of usage + message
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops a failed write of --help or --version and exits 0: the failure is
        # said instead, as for every other output (main's OSError branches).
        if message:
            out = file or sys.stderr
            out.write(message)
            if hasattr(out, "flush"):
                out.flush()


def _positive_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value
    return parse


def _file_name(text: str) -> str:
    """An output file as typed; an empty one (``-o ""``) would mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a file name")
    return text


def _backup_file(text: str) -> Path:
    """A backup is an SQLite file written page by page, so never standard output ("-")."""
    if text.strip() == "-":
        raise argparse.ArgumentTypeError("a backup is a database file: give its name "
                                         "(standard output cannot hold one)")
    return Path(_file_name(text))


def _month(text: str) -> object:
    from recoverydesk.core.months import Month
    try:
        return Month.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    db_help = ("SQLite database file (default: the user data folder) or "
               "postgresql://user:password@host/database")
    parser = _Parser(prog="recoverydesk",
                     description="Fix it at the counter. Prove it paid off.")
    parser.add_argument("--version", action="version", version=f"recoverydesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help=db_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                         help=db_help)
        return sub

    demo = command("demo", "write a realistic demo business into a new database")
    demo.add_argument("--months", type=_positive_int(1, 60), default=12)
    demo.add_argument("--seed", type=_positive_int(0, 2**31), default=1)
    demo.add_argument("--end-month", type=_month, metavar="YYYY-MM",
                      help="last month of demo data (default: this month)")
    command("check", "verify the database: integrity, foreign keys, audit chain, money, "
                     "budgets")
    reset = command("reset-pin", "set a new owner PIN with the owner's recovery key")
    reset.add_argument("--employee", required=True, metavar="NAME")
    stats = command("stats", "the month's key figures as text or JSON")
    stats.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    stats.add_argument("--json", action="store_true", help="JSON with stable snake_case keys")
    report = command("report", "write the monthly PDF report")
    report.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    report.add_argument("-o", "--output", metavar="FILE.pdf", type=_file_name,
                        help="default: recoverydesk-YYYY-MM.pdf in the current folder; "
                             "'-' for standard output")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4")
    export = command("export", "write the month's gestures as CSV, one row each")
    export.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    export.add_argument("-o", "--output", metavar="FILE.csv", type=_file_name,
                        help="default: recoverydesk-YYYY-MM.csv in the current folder; "
                             "'-' for standard output")
    _add_data_safety_commands(command)
    return parser


def _add_data_safety_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    backup = command("backup", "back up the SQLite database now (SQLite online backup)")
    backup.add_argument("-o", "--output", metavar="FILE", type=_backup_file,
                        help="write the backup to FILE (default: the backup folder)")
    restore = command("restore", "replace the database by a backup (the current file is "
                                 "backed up first)")
    restore.add_argument("file", metavar="FILE", type=Path)
    copy = command("copy", "copy a business to a new database, e.g. SQLite to PostgreSQL")
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="dest", required=True, metavar="PATH_OR_URL")


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        _one_database(args_list)
        args = build_parser().parse_args(args_list)
    except UsageError as exc:
        print(f"recoverydesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # --help | head
        return _reader_gone()
    except OSError as exc:  # --help > a full disk
        if _output_failed(exc):
            return EXIT_FAILURE
        raise
    handlers = {None: _open_app, "demo": _demo, "check": _check, "reset-pin": _reset_pin,
                "stats": _stats, "report": _report, "export": _export,
                "backup": _backup, "restore": _restore, "copy": _copy}
    try:
        code = handlers[args.command](args, stdin or sys.stdin)
        sys.stdout.flush()  # a reader that went away shows here, not as a warning at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except ValidationError as exc:
        print(f"recoverydesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RecoveryDeskError as exc:
        print(f"recoverydesk: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("recoverydesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: logged with traceback, one line on screen
        if _output_failed(exc):
            return EXIT_FAILURE
        print(f"recoverydesk: {unexpected_message(exc, record_unexpected(exc, 'cli'))}",
              file=sys.stderr)
        return EXIT_FAILURE


def _one_database(args: list[str]) -> None:
    """``--db`` is accepted before and after the command; given in both places with
    different values, argparse would silently take the second."""
    given = [value for flag, value in pairwise(args)
             if flag == "--db"]
    given += [arg.removeprefix("--db=") for arg in args if arg.startswith("--db=")]
    if len(set(given)) > 1:
        raise UsageError(f"--db is given twice, as {given[0]} and {given[1]}: give one "
                         "database")


def _output_failed(exc: Exception) -> bool:
    """Say so if ``exc`` is our output failing to be written (a full disk behind ``> file``).

    Files the commands write themselves raise errors that name them; printed output is the
    one write without a file name. It is the machine's trouble, not a fault of ours: one line,
    no crash log."""
    if not isinstance(exc, OSError) or exc.filename or exc.errno not in _WRITE_ERRNOS:
        return False
    print(f"recoverydesk: cannot write the output: {exc.strerror}.", file=sys.stderr)
    _drop_further_output()
    return True


def _reader_gone() -> int:
    """The program reading our output stopped early (``| head``): stop quietly, as ``cat``
    does, with no message and no crash log. Any data the command wrote is already committed."""
    _drop_further_output()
    return EXIT_FAILURE


def _drop_further_output() -> None:
    """Point stdout at the null device: what is still buffered would otherwise fail again
    when Python flushes it on the way out (exit code 120 and a second message)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a file descriptor (captured in tests)
        pass


def _target(args: argparse.Namespace) -> str:
    return args.db if args.db else str(default_database_path())


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_app(args: argparse.Namespace, _stdin: TextIO) -> int:
    if _no_display():
        print("recoverydesk: no display is available to open the window; the headless "
              "commands (demo, check, reset-pin, stats, report, export, backup, restore, "
              "copy) work without one: "
              "see 'recoverydesk --help'.",
              file=sys.stderr)
        return EXIT_FAILURE
    from recoverydesk.gui.app import run  # Qt is loaded only for the window

    return run(_target(args))


def _demo(args: argparse.Namespace, _stdin: TextIO) -> int:
    if not args.db:
        raise ValidationError("demo needs a new database file: recoverydesk demo --db PATH")
    from recoverydesk.services.demo import DEMO_PEOPLE, build_demo

    summary = build_demo(args.db, months=args.months, seed=args.seed,  # a path or a URL
                         end_month=args.end_month)
    print(f"Demo business '{summary.business}' written to {summary.path}: "
          f"{summary.months} months to {summary.end_month}, {summary.employees} employees, "
          f"{summary.customers} customers, {summary.incidents} incidents, "
          f"{summary.gestures} gestures.")
    print("Sign in as: " + ", ".join(f"{p.name} ({p.role}) PIN {p.pin}" for p in DEMO_PEOPLE))
    return EXIT_OK


def _check(args: argparse.Namespace, _stdin: TextIO) -> int:
    from recoverydesk.services import audit_log, business
    from recoverydesk.services.check import run_check

    info = business.open_business(_target(args))
    try:
        problems = run_check()
        # Counted only for the all-clear line: on a damaged file the chain may not be readable.
        entries = 0 if problems else audit_log.verify_chain().entries
    finally:
        business.close_business()
    for problem in problems:
        print(f"{problem.check}: {problem.message}")
    if problems:
        print(f"recoverydesk: check found {len(problems)} problem(s) in '{info.name}'",
              file=sys.stderr)
        return EXIT_FAILURE
    print(f"ok: '{info.name}' passed integrity, foreign key, audit chain ({entries} entries), "
          "money, budget, incident, retention and follow-up checks")
    return EXIT_OK


def _ask(stdin: TextIO, prompt: str) -> str:
    """Secret input: hidden on a terminal; one line from stdin otherwise (scripts, tests)."""
    if stdin.isatty():
        import getpass  # only this prompt needs it (and the terminal module it brings)

        return getpass.getpass(prompt)
    line = stdin.readline()
    if not line:
        raise ValidationError(f"No input for: {prompt.strip().rstrip(':')}.")
    return line.rstrip("\r\n")


def _reset_pin(args: argparse.Namespace, stdin: TextIO) -> int:
    from recoverydesk.services import auth, business

    business.open_business(_target(args))
    try:
        auth.owner_for_reset(args.employee)  # a wrong name is said before any typing
        key = _ask(stdin, "Recovery key: ")
        pin = _ask(stdin, "New PIN (4-8 digits): ")
        if _ask(stdin, "New PIN again: ") != pin:
            raise ValidationError("The two PINs differ; nothing was changed.")
        new_key = auth.reset_pin_with_key(args.employee, key, pin)
    finally:
        business.close_business()
    print(f"The PIN of {args.employee} is changed. The old recovery key no longer works; "
          f"the new one, shown only now, is:\n\n    {new_key}\n\nPrint it or write it down "
          "and keep it somewhere safe.")
    return EXIT_OK


def _stats(args: argparse.Namespace, _stdin: TextIO) -> int:
    import json

    from recoverydesk.reports import serialize
    from recoverydesk.services import business, reports

    business.open_business(_target(args))
    try:
        figures = reports.month_figures(args.month)
    finally:
        business.close_business()
    if args.json:
        print(json.dumps(serialize.to_dict(figures), ensure_ascii=False, indent=2))
    else:
        print(serialize.to_text(figures))
    return EXIT_OK


def _report(args: argparse.Namespace, _stdin: TextIO) -> int:
    from recoverydesk.services import business, reports

    to_stdout = args.output == "-"  # as export: a file named "-" is never what was meant
    path = Path(args.output or f"recoverydesk-{args.month}.pdf")
    business.open_business(_target(args))
    try:
        if to_stdout:
            data, figures = reports.build_pdf(args.month, paper=args.paper)
        else:
            figures = reports.save_pdf(args.month, path, paper=args.paper)
    finally:
        business.close_business()
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    note = f", provisional: {figures.outcomes.pending} pending" if figures.provisional else ""
    print(f"Report for {figures.month} written to {path} ({figures.incidents} incidents{note}).")
    return EXIT_OK


def _export(args: argparse.Namespace, _stdin: TextIO) -> int:
    from recoverydesk.services import business, reports

    to_stdout = args.output == "-"
    path = Path(args.output or f"recoverydesk-{args.month}.csv")
    business.open_business(_target(args))
    try:
        if to_stdout:
            sys.stdout.flush()
            rows = reports.export_csv(args.month, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            rows = reports.export_csv(args.month, path)
    finally:
        business.close_business()
    if not to_stdout:
        print(f"{rows} gestures of {args.month} written to {path}.")
    return EXIT_OK


def _backup(args: argparse.Namespace, _stdin: TextIO) -> int:
    from recoverydesk.services import backups, business

    business.open_business(_target(args))
    try:
        made = backups.make_backup(reason="manual", dest=args.output)
    finally:
        business.close_business()
    print(f"Backup written to {made.path} ({made.size:,} bytes).")
    return EXIT_OK


def _restore(args: argparse.Namespace, _stdin: TextIO) -> int:
    from recoverydesk.services.restore import restore

    target = _target(args)
    if is_postgres_target(target):
        raise ValidationError("restore replaces an SQLite file; a PostgreSQL database is "
                              "restored on its server.")
    result = restore(Path(target), args.file)
    kept = f"; the previous file is kept as {result.previous}" if result.previous else ""
    print(f"Restored '{result.business}' from {result.restored_from} into {target} (check "
          f"passed, {result.audit_entries} audit entries){kept}.")
    return EXIT_OK


def _copy(args: argparse.Namespace, _stdin: TextIO) -> int:
    from recoverydesk.services.copy import copy_business

    result = copy_business(args.source, args.dest)
    print(f"Copied {sum(result.rows.values()):,} rows in {len(result.rows)} tables; the audit "
          f"chain verifies at the destination ({result.audit_entries} entries).")
    return EXIT_OK


def is_postgres_target(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


if __name__ == "__main__":
    sys.exit(main())
