"""Several tills at once, and a till killed mid-work (SPEC §4 and §9), on both engines."""

from __future__ import annotations

import random

import pytest

from recoverydesk.services import business
from recoverydesk.services.check import run_check
from tests.conftest import Shop
from tests.workloads import (
    RACE_COST,
    RACE_LEFT,
    kill_once,
    missing_incidents,
    prepare_race,
    race_violations,
    run_race,
)

RACE_ROUNDS = 50
RACE_PROCESSES = 8
KILLS = 20

pytestmark = pytest.mark.slow


def test_eight_processes_racing_for_one_budget_never_pass_the_allowance(shop: Shop) -> None:
    """Each round 8 processes spend at once against one budget with a little left: exactly as
    many spends as fit are accepted, unapproved spend never passes the allowance, and the
    audit chain (one head, locked by each writer) verifies."""
    employees = prepare_race(shop.owner_id, shop.category_id, RACE_ROUNDS)
    business.close_business()  # never let a child inherit the parent's connection
    outcomes = run_race(shop.target, employees, shop.category_id, RACE_PROCESSES)
    business.open_business(shop.target)
    fit = RACE_LEFT // RACE_COST
    assert {e: o.count("spent") for e, o in outcomes.items()} == dict.fromkeys(employees, fit)
    assert race_violations(employees) == []


def test_a_till_killed_at_random_moments_loses_no_confirmed_recovery(shop: Shop) -> None:
    """20 times: a child logs recoveries, printing each id once committed, and is killed with
    SIGKILL at a random moment; every printed id is in the database and check passes."""
    employee = shop.staff("Kim Killed", 10_000_000, 10_000_000)
    business.close_business()
    rng = random.Random(20261127)
    confirmed: list[int] = []
    for _ in range(KILLS):
        confirmed += kill_once(shop.target, employee, shop.category_id, rng)
    business.open_business(shop.target)
    assert confirmed, "the children confirmed nothing: the test would prove nothing"
    assert missing_incidents(confirmed) == []
    assert run_check() == []
