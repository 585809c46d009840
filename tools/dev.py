#!/usr/bin/env python3
"""Set up a development environment for RecoveryDesk and run the app or the tests.

    python3 tools/dev.py demo [-- APP-ARGS...]    open the app on a demo database
    python3 tools/dev.py test [PYTEST-ARGS...]    ruff, mypy, then pytest (offscreen Qt)

Options (before or right after the command):
    --no-system    do not check or install Debian/Ubuntu system packages

Both commands first bootstrap whatever is missing: the system packages Qt needs (apt, on
Debian/Ubuntu only), the virtual environment `.venv` at the repository root, and
`pip install -e '.[test]'` (repeated only when pyproject.toml changes).

This file runs before any virtual environment exists: standard library only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
EXE = ".exe" if os.name == "nt" else ""
VENV_PYTHON = BIN / f"python{EXE}"
STAMP = VENV / ".recoverydesk-install-stamp"
DEMO_DB = "var/demo.db"  # relative to ROOT
LINT_DIRS = ("src", "tests", "tools", "benchmarks")
MIN_PYTHON = (3, 11)

# Debian 12 package names. What each group is for: RECIPES.md, "Install on a fresh machine".
SYSTEM_PACKAGES = (
    # the virtual environment (Debian's python3 has no venv/ensurepip) and HTTPS for pip
    "python3-venv",
    "ca-certificates",
    # import PySide6 and widgets with QT_QPA_PLATFORM=offscreen
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxkbcommon0",
    # a real window through the xcb platform plugin
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    # a virtual X server (xvfb-run needs xauth)
    "xvfb",
    "xauth",
    # reading PDFs back (pdftotext, pdftoppm)
    "poppler-utils",
    # fonts: Latin/Cyrillic plus one CJK font
    "fonts-dejavu-core",
    "fonts-wqy-microhei",
    # a throw-away PostgreSQL server for the tests on the second engine (RECIPES.md)
    "postgresql",
)

USAGE = """\
usage: python3 tools/dev.py [--no-system] demo [-- APP-ARGS...]
       python3 tools/dev.py [--no-system] test [PYTEST-ARGS...]

  demo   set up what is missing, create var/demo.db if it is not there, open the app on it
  test   set up what is missing, then run ruff, mypy and pytest (QT_QPA_PLATFORM=offscreen)

  --no-system   skip the check/installation of Debian/Ubuntu system packages
"""


class StepFailed(Exception):
    """An expected failure: report it in one line, exit with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(cmd: list[str], what: str, *, quiet: bool = False, **kwargs: Any) -> None:
    """Run a command; raise StepFailed with a one-line message when it fails.

    quiet: keep the command's output unless it fails (then show its last lines).
    """
    if quiet:
        kwargs.update(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    try:
        result = subprocess.run(cmd, check=False, **kwargs)
    except OSError as exc:
        raise StepFailed(f"{what} failed: cannot run {cmd[0]}: {exc.strerror}") from None
    if result.returncode != 0:
        if quiet and result.stdout:
            print("\n".join(result.stdout.rstrip().splitlines()[-25:]), file=sys.stderr)
        raise StepFailed(f"{what} failed (exit code {result.returncode})", result.returncode)


# --------------------------------------------------------------------------- system packages


def missing_system_packages(packages: tuple[str, ...]) -> list[str]:
    """Names from `packages` that dpkg does not list as installed (nor as provided)."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", *packages],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    installed = {
        name
        for name, _, status in (line.partition(" ") for line in out.splitlines())
        if status.strip() == "installed"
    }
    missing = [p for p in packages if p not in installed]
    if missing:
        # Renamed libraries (e.g. Ubuntu 24.04's libglib2.0-0t64) are installed under a new
        # name that "Provides" the old one; count those as present.
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${db:Status-Status}\t${Provides}\n"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        provided = set()
        for line in out.splitlines():
            status, _, provides = line.partition("\t")
            if status == "installed" and provides:
                provided.update(item.split()[0] for item in provides.split(",") if item.strip())
        missing = [p for p in missing if p not in provided]
    return missing


def ensure_system_packages() -> None:
    if not (
        sys.platform.startswith("linux") and shutil.which("dpkg-query") and shutil.which("apt-get")
    ):
        say(
            "system packages: not a Debian/Ubuntu system (no dpkg-query/apt-get), skipping; "
            "Qt needs OpenGL/EGL, fontconfig, dbus, glib, xkbcommon and the xcb libraries"
        )
        return
    missing = missing_system_packages(SYSTEM_PACKAGES)
    if not missing:
        say("system packages: all present")
        return
    say(f"system packages: installing {len(missing)} missing (apt-get): {' '.join(missing)}")
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo"):
        prefix = ["sudo"]
    else:
        raise StepFailed(
            "cannot install system packages: not root and no sudo; as root run "
            f"'apt-get install {' '.join(missing)}', or pass --no-system to skip this step"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    started = time.monotonic()
    run([*prefix, "apt-get", "update"], "apt-get update", quiet=True, env=env)
    run(
        [
            *prefix,
            "env",
            "DEBIAN_FRONTEND=noninteractive",
            "apt-get",
            "install",
            "-y",
            "--no-install-recommends",
            *missing,
        ],
        "apt-get install",
        quiet=True,
        env=env,
    )
    say(f"system packages: done in {time.monotonic() - started:.0f} s")


# --------------------------------------------------------------------------- venv and pip


def venv_is_usable() -> bool:
    """True when .venv's python runs, is new enough and has pip, and .venv was not moved."""
    if not VENV_PYTHON.exists():
        return False
    pip_script = BIN / "pip"
    if os.name != "nt" and pip_script.exists():
        # Scripts in a venv name its python by absolute path: after the repository is moved
        # or copied elsewhere they point at the old place.
        with pip_script.open("rb") as f:
            if os.fsencode(BIN) not in f.read(512):
                return False
    check = f"import sys, pip; sys.exit(0 if sys.version_info[:2] >= {MIN_PYTHON!r} else 1)"
    try:
        result = subprocess.run(
            [str(VENV_PYTHON), "-c", check], capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def ensure_venv() -> None:
    if venv_is_usable():
        return
    if VENV.exists():
        say(f"virtual environment {VENV.name}: broken or made for another path, re-creating it")
        shutil.rmtree(VENV)
    else:
        say(f"virtual environment {VENV.name}: creating it")
    if find_spec("venv") is None or find_spec("ensurepip") is None:
        raise StepFailed(
            f"{sys.executable} has no venv/ensurepip module; on Debian/Ubuntu install the "
            "'python3-venv' package (run without --no-system, or: apt-get install python3-venv)"
        )
    run([sys.executable, "-m", "venv", str(VENV)], "creating the virtual environment")
    if not venv_is_usable():
        raise StepFailed(f"the new virtual environment {VENV} does not work (no python or pip)")


def ensure_installed() -> None:
    """pip install -e '.[test]' when pyproject.toml changed since the last install."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text(encoding="utf-8").strip() == digest:
        return
    if STAMP.exists():
        say("pyproject.toml changed: pip install -e '.[test]'")
    else:
        say("pip install -e '.[test]' (the first time this downloads ~150 MB)")
    started = time.monotonic()
    run(
        [
            str(VENV_PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--editable",
            ".[test]",
        ],
        "pip install",
        cwd=ROOT,
    )
    STAMP.write_text(digest + "\n", encoding="utf-8")
    say(f"pip install: done in {time.monotonic() - started:.0f} s")


def bootstrap(system: bool) -> None:
    if system:
        ensure_system_packages()
    ensure_venv()
    ensure_installed()


# --------------------------------------------------------------------------- commands


def tool(name: str) -> str:
    path = BIN / f"{name}{EXE}"
    if not path.exists():
        raise StepFailed(f"{path.relative_to(ROOT)} is missing; is the package installed?")
    return str(path)


def cmd_demo(app_args: list[str]) -> int:
    db = ROOT / DEMO_DB
    app = tool("recoverydesk")
    if db.exists():
        say(f"demo database: {DEMO_DB} exists, using it")
    else:
        say(f"demo database: creating {DEMO_DB}")
        db.parent.mkdir(parents=True, exist_ok=True)
        try:
            run([app, "demo", "--db", DEMO_DB], "creating the demo database", cwd=ROOT)
        except StepFailed:
            for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                leftover.unlink(missing_ok=True)  # don't open a half-made database next time
            raise
    argv = [app, "--db", DEMO_DB, *app_args]
    say("starting the app: " + " ".join(["recoverydesk", *argv[1:]]))
    sys.stdout.flush()
    os.chdir(ROOT)
    if os.name == "nt":
        return subprocess.call(argv)
    os.execv(app, argv)
    return 0  # not reached


def cmd_test(pytest_args: list[str]) -> int:
    lint_dirs = [d for d in LINT_DIRS if (ROOT / d).is_dir()]
    say("ruff")
    run([tool("ruff"), "check", *lint_dirs], "ruff", cwd=ROOT)
    say("mypy")
    run([tool("mypy")], "mypy", cwd=ROOT)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with TestPostgres() as pg_url:
        if pg_url:
            env[PG_ENV] = pg_url
        say("pytest")
        code = subprocess.call([str(VENV_PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT,
                               env=env)
    if code == 5:
        raise StepFailed("pytest collected no tests (exit code 5): counted as a failure", 5)
    if code != 0:
        raise StepFailed(f"pytest failed (exit code {code})", code)
    return 0


# --------------------------------------------------------------------------- PostgreSQL

PG_ENV = "RECOVERYDESK_TEST_PG"  # the tests read the server's URL from here


class TestPostgres:
    """A throw-away PostgreSQL server on 127.0.0.1 for one test run (RECIPES.md).

    Entered: initdb into a temporary folder, start with fsync off (test data only), create a
    role and a database, give their URL. Exited, also after a failure: stop it, delete it.
    Without PostgreSQL installed the URL is None and the PostgreSQL tests skip.
    """

    def __init__(self) -> None:
        self.data: Path | None = None
        self.bin: Path | None = None
        self.prefix: list[str] = []

    def _find_bin(self) -> Path | None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                       key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                       else 0)
        if found:
            return found[-1].parent
        initdb = shutil.which("initdb")
        return Path(initdb).parent if initdb else None

    def __enter__(self) -> str | None:
        try:
            return self._start()
        except BaseException:
            self.__exit__()  # a half-started server is stopped and removed too
            raise

    def _start(self) -> str | None:
        if os.environ.get(PG_ENV):
            say(f"PostgreSQL: using {PG_ENV} from the environment")
            return os.environ[PG_ENV]
        self.bin = self._find_bin()
        if self.bin is None:
            say("PostgreSQL: not installed, so the PostgreSQL tests will skip")
            return None
        import secrets
        import socket
        import tempfile

        started = time.monotonic()
        self.data = Path(tempfile.mkdtemp(prefix="recoverydesk-pg-"))
        if os.name != "nt" and os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.data, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        password = secrets.token_hex(12)
        run([*self.prefix, str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
             "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], "initdb", quiet=True)
        hba = self.data / "pg_hba.conf"
        hba.write_text("local all postgres trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
                       encoding="utf-8")
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {self.data} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
             str(self.data / "server.log"), "-w", "-o", options, "start"],
            "starting PostgreSQL", quiet=True)
        run([*self.prefix, str(self.bin / "psql"), "-h", str(self.data), "-p", str(port), "-U",
             "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q",
             "-c", f"CREATE ROLE recoverydesk LOGIN PASSWORD '{password}'",
             "-c", "CREATE DATABASE recoverydesk_test OWNER recoverydesk"],
            "creating the PostgreSQL test database", quiet=True)
        say(f"PostgreSQL: throw-away server on 127.0.0.1:{port} "
            f"({time.monotonic() - started:.1f} s)")
        return f"postgresql://recoverydesk:{password}@127.0.0.1:{port}/recoverydesk_test"

    def __exit__(self, *_exc: object) -> None:
        if self.data is None or self.bin is None:
            return
        subprocess.run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m",
                        "immediate", "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.data, ignore_errors=True)
        say("PostgreSQL: stopped and removed")


def parse(argv: list[str]) -> tuple[str, bool, list[str]]:
    """Return (command, system, rest). Our options go before or right after the command."""
    system = True
    command = ""
    rest: list[str] = []
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--no-system":
            system = False
        elif arg in ("-h", "--help"):
            print(USAGE, end="")
            sys.exit(0)
        elif not command and arg in ("demo", "test"):
            command = arg
        elif command:
            rest = [arg, *args]
            break
        else:
            print(f"dev.py: unknown command or option {arg!r}\n\n{USAGE}", end="", file=sys.stderr)
            sys.exit(2)
    if not command:
        print(USAGE, end="", file=sys.stderr)
        sys.exit(2)
    if rest[:1] == ["--"]:
        rest = rest[1:]
    return command, system, rest


def main(argv: list[str]) -> int:
    if sys.version_info[:2] < MIN_PYTHON:
        print(
            f"dev.py: Python {'.'.join(map(str, MIN_PYTHON))} or newer is needed, "
            f"this is {sys.version.split()[0]}",
            file=sys.stderr,
        )
        return 1
    command, system, rest = parse(argv)
    try:
        bootstrap(system)
        return cmd_demo(rest) if command == "demo" else cmd_test(rest)
    except StepFailed as exc:
        print(f"dev.py: {exc}", file=sys.stderr, flush=True)
        return exc.code
    except KeyboardInterrupt:
        print("dev.py: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
