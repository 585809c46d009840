"""Every benchmark still runs to its verdict on a tiny workload (no timing is judged here).

The benchmarks reach into the store and the services (hand-written SQL, bulk loads of the
current schema), so a change there can break one without any other test noticing; this runs
each end to end in a few seconds and checks its last line has the documented form
``name: ... (target ...)``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

TINY = {
    "log_recovery": ["--gestures", "3000", "--rounds", "40"],
    "report": ["--sizes", "3000", "--runs", "1"],
    "incident_list": ["--incidents", "3000", "--repeat", "2"],
    "reports_page": ["--incidents", "3000"],
    "startup": ["--starts", "1", "--saves", "3"],
    "tills": ["--seconds", "0.5"],
    "soak": ["--rounds", "10", "--kills", "3", "--engines", "sqlite"],
}


def test_every_benchmark_script_is_covered() -> None:
    scripts = {p.stem for p in BENCHMARKS.glob("*.py") if not p.stem.startswith("_")}
    assert scripts == set(TINY)


@pytest.mark.parametrize("name", sorted(TINY))
def test_the_benchmark_runs_to_its_verdict(name: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    env.pop("RECOVERYDESK_TEST_PG", None)  # SQLite only: the PostgreSQL parts need a server
    done = subprocess.run([sys.executable, str(BENCHMARKS / f"{name}.py"), *TINY[name]],
                          capture_output=True, text=True, env=env, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(rf"{name}: .+\(target [^)]+\).*", last), last
    assert "Traceback" not in done.stderr
