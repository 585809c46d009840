"""A realistic demo business (SPEC §8 ``recoverydesk demo``), written only through the services.

Everything goes through the same public services as the app, so the audit chain, the money
checks and ``services.check.run_check()`` pass on the result. Events are generated day by day;
anything that happens "later" (a resolution, a follow-up, a return visit, a void) goes into a
queue ordered by moment and runs strictly in time order, so audit times never go backwards.

**The demo moment.** Nothing is in the future: every ``now`` handed to a service is at or before
the demo moment, and events that would fall after it are dropped (so recent follow-ups stay
open and recent customers are still pending). The demo moment is the end of ``end_month``
(local midnight at the start of the next month, minus one second) when ``end_month`` is before
the month of ``today``; otherwise the start (00:00 local) of ``today``.

**Determinism.** One ``random.Random(seed)`` drives every choice and the clock is read only
when ``today`` is not given, so the same seed, end month and today give the same content (ids
included: SQLite assigns them in insertion order). PIN hashes and the owner's recovery key are
salted or random and differ between builds; the audit chain does not contain them.
"""

from __future__ import annotations

import heapq
import itertools
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import TypeAlias, TypeVar, cast
from zoneinfo import ZoneInfo

from recoverydesk.core import pins
from recoverydesk.core.budget import SpendCheck
from recoverydesk.core.domain import FOLLOWUP_OUTCOMES, REACTIONS, SEVERITIES
from recoverydesk.core.months import Month
from recoverydesk.errors import OverLimit, ValidationError
from recoverydesk.services import business, catalog, customers, incidents, recoveries, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.recoveries import IncidentInput
from recoverydesk.services.types import Approval, GestureInput, GestureLogged
from recoverydesk.store import db
from recoverydesk.store.files import remove_database_files

DEMO_PIN_COST: int = pins.DEFAULT_PIN_COST
BUSINESS_NAME = "Hotel Fjordlys"
CURRENCY, LOCALE, TIMEZONE = "EUR", "nb_NO", "Europe/Oslo"
MAX_MONTHS = 60
# What a returning guest spends in a year (a couple of nights and a dinner): set, so the
# report shows the value kept and the return on spend the product exists to prove.
AVG_CUSTOMER_VALUE_MINOR = 48_000


@dataclass(frozen=True)
class DemoPerson:
    """A demo sign-in: the name to pick, the role (``owner``/``staff``) and the PIN to type."""

    name: str
    role: str
    pin: str


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`build_demo` wrote. ``gestures`` counts voided ones too; ``escalations`` are
    gestures an owner approved past a limit; ``followups`` are those scheduled (done or open)."""

    path: str
    business: str
    months: int
    end_month: str
    employees: int
    customers: int
    incidents: int
    gestures: int
    voids: int
    escalations: int
    return_visits: int
    followups: int


# name, role, PIN, monthly allowance and per-incident limit in cents (None: no limit), weight
# of their share of the incidents. The first is the owner, the second the manager (an owner).
_TEAM: tuple[tuple[str, str, str, int | None, int | None, int], ...] = (
    ("Ingrid Fjeld", "owner", "1111", None, None, 1),
    ("Magnus Øberg", "owner", "2222", 40000, 10000, 3),
    ("Łucja Zażółć", "staff", "3333", 20000, 5000, 6),
    ("Иван Петров", "staff", "4444", 15000, 4000, 6),
    ("王小明", "staff", "5555", 12000, 3000, 5),
    ("Siobhán O'Brien", "staff", "6666", 25000, 6000, 7),
    ("François Müller", "staff", "7777", 15000, 3500, 5),
    ("Amira Haddad", "staff", "8888", 10000, 2500, 4),
)
DEMO_PEOPLE: tuple[DemoPerson, ...] = tuple(DemoPerson(t[0], t[1], t[2]) for t in _TEAM)
_RAISES = ((4, 16000, 4000), (7, 15000, 3500))  # mid-period raises: team index, budget

_PRESETS = (  # label, kind, cost and value to the guest in cents
    ("Free coffee", "free_item", 350, None), ("Free dessert", "free_item", 700, None),
    ("Drink at the bar", "free_item", 900, None),
    ("Breakfast on the house", "free_item", 1800, 2200),
    ("Late checkout", "other", 0, 4000), ("Room upgrade", "upgrade", 0, 8000),
    ("10 % off next stay", "discount", 1500, 1500), ("Laundry refund", "refund", 2500, None),
    ("Parking fee refunded", "refund", 2000, None), ("Taxi voucher", "gift", 2000, None),
    ("Flowers and chocolates", "gift", 1800, 2500),
    ("Replacement toiletries kit", "replacement", 800, None),
)
_Custom: TypeAlias = tuple[str, str, int, int]  # kind, description, lowest and highest euros
_Option: TypeAlias = str | _Custom  # a preset label or a custom gesture
# category, weight, what happened ("|" between stories), usual gestures, big gestures (past a
# staff limit; for major and critical incidents)
_STORIES: tuple[tuple[str, int, str, tuple[_Option, ...], tuple[_Custom, ...]], ...] = (
    ("Room", 5, "The air conditioning failed in room {room}.|Shower drain blocked in room {room}."
     "|Room {room} was not ready at check-in; the guest waited {n} minutes.|Broken blind in "
     "room {room}; the sun woke the guest at five.", ("Room upgrade", "Late checkout",
     "Drink at the bar", "Free dessert"), (("refund", "Refunded one night", 89, 149),)),
    ("Cleanliness", 3, "Hair found in the bathroom of room {room}.|Room {room} was not cleaned "
     "on the second day.|Stain on the bed linen in room {room}.", ("Flowers and chocolates",
     "Replacement toiletries kit", "Free dessert", "10 % off next stay"), ()),
    ("Noise", 3, "Noisy neighbours in room {room} after midnight.|Street works started at 7:00 "
     "under the guest's window.|A wedding party in the hall kept guests awake.", (
         "Room upgrade", "Late checkout", "Breakfast on the house",
         ("replacement", "Earplugs and a sleep kit", 6, 12)), ()),
    ("Food & drink", 5, "Main course served cold.|Room service took {n} minutes.|Breakfast ran "
     "out of gluten-free bread.|Corked wine at dinner.|Wrong dish served; the guest had told "
     "us about a nut allergy.", ("Free dessert", "Free coffee", "Drink at the bar",
     "Breakfast on the house", ("refund", "Took the dish off the bill", 14, 32)),
     (("free_item", "Dinner for two on the house", 70, 110),)),
    ("Laundry", 2, "A silk blouse came back from the laundry with a scorch mark.|A wool jumper "
     "shrank in the hotel laundry.|Laundry came back a day late; the guest needed the suit.",
     ("Laundry refund", "Drink at the bar", ("refund", "Paid the dry cleaner in town", 15, 30)),
     (("replacement", "Bought a new blouse to replace the damaged one", 80, 180),)),
    ("Valet & parking", 2, "The valet locked the guest's keys in the car.|Scratch on the bumper "
     "found after valet parking.|The guest waited {n} minutes for the car at check-out.",
     ("Parking fee refunded", "Taxi voucher", "Free coffee"),
     (("other", "Paid the locksmith to open the car", 70, 120),
      ("refund", "Paid the body shop for the scratch", 90, 200))),
    ("Booking", 3, "Room overbooked; the guest slept at our partner hotel.|Booking made for the "
     "wrong dates; no room on arrival.|Twin room booked, double room given.", ("Room upgrade",
     "10 % off next stay", "Taxi voucher", "Breakfast on the house"),
     (("refund", "Paid the night at the partner hotel", 110, 180),)),
    ("Billing", 2, "Minibar charged for drinks not taken.|Card charged twice for one night.|"
     "Invoice issued to the wrong company name.", ("10 % off next stay", "Free coffee",
     "Drink at the bar", ("discount", "Goodwill discount on the bill", 10, 30)), ()),
    ("Communications", 3, "Wi-Fi down on the third floor all evening.|Room phone dead; the "
     "wake-up call was missed.|Wi-Fi too slow for the guest's video call.", ("Free coffee",
     "Drink at the bar", "Late checkout", ("discount", "Room discount for the outage", 15, 40)),
     ()),
    ("Facilities", 2, "The lift was out of order for {n} minutes.|The sauna was cold.|Hot water "
     "ran out in the morning.", ("Free coffee", "Drink at the bar", "Taxi voucher"), ()),
)
CATEGORIES = (*(story[0] for story in _STORIES), "Other")
_EXTRAS = ("Free coffee", "Free dessert", "Drink at the bar", "Flowers and chocolates")
_VOID_REASONS = ("Charged to the wrong incident", "Entered twice",
                 "The guest declined the gesture", "Covered by the booking platform instead")
_NOTES = {"happy": ("Thanked us for the call.", "Will be back in the spring.", ""),
          "neutral": ("Fine, nothing more to add.", ""),
          "unhappy": ("Still upset about the stay.", "Says the gesture was not enough."),
          "unreachable": ("No answer; left a voicemail.", "E-mail bounced.")}
_DELIGHTS = ("Always orders oat milk.", "Collects antique phones.", "Loves a fjord view.",
             "Allergic to feathers: hypoallergenic pillows.", "Runs at dawn; early breakfast.",
             "Celebrates their anniversary here every June.", "Travels with a dog called Bamse.",
             "Prefers a quiet room away from the lift.", "Fan of local craft beer.",
             "Vegan; loves the berry porridge.", "Birdwatcher: ask about the sea eagles.")
# given names, family names, phone prefix, weight; "family-first" names have no space
# (Chinese), and only Latin-script names get a made-up e-mail address.
_CULTURES: tuple[tuple[str, str, str, int], ...] = (
    ("Sigrid Bjørn Åse Håkon Solveig Eirik", "Ødegård Hansen Bakke Løvås Sæther Lie", "+47", 3),
    ("Jürgen Anneliese Günther Käthe Lukas", "Schäfer Weiß Groß Köhler Becker Hoffmann", "+49", 2),
    ("Agnieszka Tomasz Małgorzata Krzysztof Zofia", "Nowak Wójcik Mazur Krawczyk Zając", "+48", 2),
    ("Aoife Ciarán Niamh Seán Róisín Pádraig", "Murphy Kelly O'Connor Byrne O'Sullivan", "+353", 1),
    ("Amélie Benoît Chloé Étienne Hélène", "Lefèvre Dubois Moreau Girard Bonnet Laurent", "+33", 1),
    ("Ольга Дмитро Анна Сергій Наталія", "Шевченко Коваленко Бондаренко Мельник", "+380", 1),
    ("伟 芳 静 磊 婷 明辉", "李 王 张 刘 陈 杨", "+86", 1),
    ("محمد فاطمة أحمد ليلى عمر نور", "الحسن منصور خليل يوسف حداد العلي", "+971", 1),
    ("José María Begoña Íñigo Lucía Álvaro", "Núñez García Peña Muñoz Ibáñez Castaño", "+34", 1),
    ("प्रिया आरव अनन्या विहान दिव्या अर्जुन", "शर्मा वर्मा गुप्ता पटेल सिंह क्षत्रिय", "+91", 1),
    ("สมชาย สุดา วิชัย มาลี ประเสริฐ นภา", "ใจดี ศรีสุข วงศ์ไทย บุญมา แสงทอง", "+66", 1),
)
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss"})
_POOL, _REGULARS = 100, 15  # customers a year, of which regulars added at set-up
_MAX_POOL = 300  # of the 345 names _CULTURES can make
_SEASON = (0.8, 0.8, 0.9, 1.0, 1.0, 1.25, 1.35, 1.25, 1.0, 0.95, 0.85, 1.1)
_T = TypeVar("_T")
_Action: TypeAlias = Callable[[datetime], None]


def demo_moment(end_month: Month, today: date) -> datetime:
    """The latest moment the demo may contain (aware, UTC); see the module docstring."""
    tz = ZoneInfo(TIMEZONE)
    if end_month < Month.of(today):
        start = end_month.next().first_day()
        return datetime.combine(start, time(), tzinfo=tz).astimezone(UTC) - timedelta(seconds=1)
    return datetime.combine(today, time(), tzinfo=tz).astimezone(UTC)


def build_demo(target: str | Path, *, months: int = 12, seed: int = 1,
               end_month: Month | None = None, today: date | None = None,
               pin_cost: int = pins.DEFAULT_PIN_COST,
               progress: Callable[[int, int, str], None] | None = None) -> DemoSummary:
    """Write a demo hotel with ``months`` months of recoveries ending with ``end_month``.

    Args:
        target: a new SQLite file (an existing one is refused with StorageError).
        end_month: defaults to the month of ``today``, which defaults to the local date now.
        progress: called once per generated day with (days done, days in all, the date).

    The business is closed at the end; on any failure the half-made file is removed.

    Raises:
        ValidationError: ``months`` outside 1 to 60, or an end month after this one.
        StorageError: ``target`` already holds a database.
    """
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise ValidationError(f"A demo covers 1 to {MAX_MONTHS} months.", "months")
    tz = ZoneInfo(TIMEZONE)
    today = today or datetime.now(tz).date()
    end_month = end_month or Month.of(today)
    if end_month > Month.of(today):
        raise ValidationError(f"The demo's end month {end_month} is in the future; use "
                              f"{Month.of(today)} or earlier.", "end_month")
    moment = demo_moment(end_month, today)
    start = end_month
    try:
        for _ in range(months - 1):
            start = start.previous()
    except ValidationError:  # would name a month nobody typed
        raise ValidationError(f"A {months}-month demo ending {end_month} would start before "
                              "1900-01; choose a later end month.", "end_month") from None
    first, last = start.first_day(), (moment - timedelta(seconds=1)).astimezone(tz).date()
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    setup_at = min(datetime.combine(first, time(6, 30), tzinfo=tz).astimezone(UTC),
                   moment - timedelta(hours=1))
    owner = _TEAM[0]
    result = business.setup_business(
        target, name=BUSINESS_NAME, currency=CURRENCY, locale=LOCALE, timezone=TIMEZONE,
        owner_name=owner[0], owner_pin=owner[2], pin_cost=pin_cost, categories=CATEGORIES,
        now=setup_at)
    done = False
    try:
        demo = _Demo(random.Random(seed), tz, moment, days, months)
        demo.furnish(result.owner_id, start, setup_at)
        demo.run(progress)
        summary = DemoSummary(
            path=str(target), business=BUSINESS_NAME, months=months, end_month=str(end_month),
            employees=len(_TEAM), customers=len(demo.customers), incidents=demo.incidents,
            gestures=demo.gestures, voids=demo.voids, escalations=demo.escalations,
            return_visits=demo.return_visits, followups=demo.followups)
        done = True
    finally:
        business.close_business()
        if not done and not db.is_postgres_url(target):
            remove_database_files(Path(target))
    return summary


class _Demo:
    """The generator: one random stream, the ids made so far, and a queue of later actions."""

    def __init__(self, rng: random.Random, tz: ZoneInfo, moment: datetime, days: list[date],
                 months: int) -> None:
        self.rng, self.tz, self.moment, self.days = rng, tz, moment, days
        self.queue: list[tuple[datetime, int, _Action]] = []
        self.order = itertools.count()
        self.last = datetime.min.replace(tzinfo=UTC)
        self.ids: list[int] = []
        self.categories: dict[str, int] = {}
        self.customers: list[int] = []
        self.gone: set[int] = set()  # lost or erased: no new incidents or visits
        self.names: set[str] = set()
        self.day_index = 0
        self.max_approvals, self.max_lost = min(40, 3 * months), max(1, months // 3)
        # New guests keep coming year after year, up to what the name lists can tell apart.
        self.pool = min(max(_POOL, _POOL * months // 12), _MAX_POOL)
        self.incidents = self.gestures = self.voids = self.escalations = 0
        self.return_visits = self.followups = self.approvals = self.lost = 0

    def local(self, day: date, minute: int) -> datetime:
        return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=self.tz).astimezone(
            UTC)

    def later(self, at: datetime, action: _Action) -> None:
        """Queue ``action`` for ``at``; anything after the demo moment is dropped."""
        if at <= self.moment:
            heapq.heappush(self.queue, (at, next(self.order), action))

    def run_until(self, limit: datetime) -> None:
        while self.queue and self.queue[0][0] <= limit:
            at, _, action = heapq.heappop(self.queue)
            assert at >= self.last, "demo events must run in time order"
            self.last = at
            action(at)

    def run(self, progress: Callable[[int, int, str], None] | None) -> None:
        rng = self.rng
        for index, day in enumerate(self.days):
            self.day_index = index
            rate = _SEASON[day.month - 1] * (1.25 if day.weekday() in (4, 5) else 1.0)
            count = sum(rng.random() < rate / 4 for _ in range(4))
            for minute in sorted(rng.randint(7 * 60, 22 * 60 + 30) for _ in range(count)):
                self.later(self.local(day, minute), self.incident)
            self.run_until(min(self.local(day + timedelta(days=1), 0), self.moment))
            if progress is not None:
                progress(index + 1, len(self.days), day.isoformat())
        self.run_until(self.moment)

    def furnish(self, owner_id: int, start: Month, at: datetime) -> None:
        """The owner adds the team, budgets, presets and regular guests before opening."""
        self.ids.append(owner_id)
        ticks = (at + timedelta(seconds=5 * i) for i in itertools.count(1))
        business.update_settings(owner_id, now=next(ticks),
                                 avg_customer_value_minor=AVG_CUSTOMER_VALUE_MINOR)
        for name, role, pin, _, _, _ in _TEAM[1:]:
            self.ids.append(team.add_employee(owner_id, name, role, pin, now=next(ticks)).id)
        for index, member in enumerate(_TEAM):
            team.set_budget(owner_id, self.ids[index], start, member[3], member[4],
                            now=next(ticks))
        for label, kind, cost, value in _PRESETS:
            catalog.add_preset(owner_id, label, kind, cost, value, now=next(ticks))
        self.categories = {c.name: c.id for c in catalog.list_categories()}
        for _ in range(_REGULARS):
            self.new_customer(0, next(ticks), regular=True)
        if len(self.days) > 90:  # mid-period raises, from the month they start in
            month = Month.of(self.days[len(self.days) // 2])
            month_start = self.local(month.first_day(), 6 * 60 + 45)
            for index, allowance, limit in _RAISES:  # called with now=the month's start
                self.later(month_start, partial(team.set_budget, owner_id, self.ids[index],
                                                month, allowance, limit))
        if len(self.days) > 30:
            self.later(self.local(self.days[len(self.days) * 2 // 3], 10 * 60), self.erase)

    def new_customer(self, actor: int, at: datetime, regular: bool = False) -> int:
        rng = self.rng
        # A name no guest has yet; a culture whose names are all taken gives way to another.
        free = {c: _free_names(c, self.names) for c in _CULTURES}
        open_cultures = [c for c in _CULTURES if free[c]] or list(_CULTURES)
        culture = rng.choices(open_cultures, weights=[c[3] for c in open_cultures])[0]
        givens, _, prefix, _ = culture
        given, family, name = rng.choice(free[culture] or _names(culture))
        latin = bool(_ascii(givens))
        self.names.add(name)
        phone = f"{prefix} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(100, 999)}"
        email = f"{_ascii(given)}.{_ascii(family)}@example.{rng.choice(('com', 'org', 'net'))}"
        contact = rng.random()
        if not latin or contact > 0.75:
            email = ""
        elif contact > 0.45:
            phone = ""
        notes = rng.choice(_DELIGHTS) if rng.random() < (0.7 if regular else 0.3) else ""
        customer = customers.add_customer(self.ids[actor], CustomerInput(name, phone, email, notes),
                                          now=at)
        self.customers.append(customer)
        return customer

    def pick_customer(self, actor: int, at: datetime) -> int | None:
        rng = self.rng
        known = [c for c in self.customers if c not in self.gone]
        days_left = len(self.days) - self.day_index
        p_new = min(0.8, (self.pool - len(self.customers)) / max(1.0, days_left * 0.8))
        if len(self.customers) < self.pool and (not known or rng.random() < p_new):
            return self.new_customer(actor, at)
        regulars = [c for c in self.customers[:_REGULARS] if c not in self.gone]
        # The regulars' share shrinks with each one lost: over five years the last one left
        # would otherwise have taken it all (350 incidents for one guest).
        if regulars and rng.random() < 0.35 * len(regulars) / _REGULARS:
            return rng.choice(regulars)
        return rng.choice(known) if known else None

    def incident(self, at: datetime) -> None:
        rng = self.rng
        actor = rng.choices(range(len(_TEAM)), weights=[t[5] for t in _TEAM])[0]
        category, _, texts, options, bigs = rng.choices(
            _STORIES, weights=[s[1] for s in _STORIES])[0]
        severity = rng.choices(SEVERITIES, weights=(60, 32, 8))[0]
        room, minutes = rng.randint(1, 4) * 100 + rng.randint(1, 24), rng.randint(15, 55)
        text = rng.choice(texts.split("|")).format(room=room, n=minutes)
        data = IncidentInput(self.categories[category], text, severity, rng.random() < 0.3)
        customer = self.pick_customer(actor, at) if rng.random() < 0.75 else None
        gesture = None
        if rng.random() < 0.9:
            big = bigs and severity != "minor" and rng.random() < 0.2
            gesture = _gesture(rng, rng.choice(bigs if big else options))
        logged = self.spend(actor, gesture, lambda g, a: recoveries.log_recovery(
            self.ids[actor], data, customer_id=customer, gesture=g, approval=a, now=at))
        self.incidents += 1
        incident_id = logged.incident_id
        self.note_gesture(actor, logged.gesture, incident_id, at)
        if logged.gesture is not None and rng.random() < 0.12:
            self.later(at + timedelta(minutes=rng.randint(20, 180)),
                       partial(self.extra_gesture, rng.randrange(len(_TEAM)), incident_id))
        if rng.random() < 0.92:
            delay = (rng.randint(2, 45) if rng.random() < 0.7 else rng.randint(60, 480)
                     if rng.random() < 0.65 else rng.randint(1440, 4320))
            self.later(at + timedelta(minutes=delay),
                       partial(self.resolve, incident_id, actor, logged.gesture is not None))
        if customer is not None and logged.followup_id is not None:
            self.plan_customer(customer, logged.followup_id, at)

    def spend(self, actor: int, gesture: GestureInput | None,
              attempt: Callable[[GestureInput | None, Approval | None], _T]) -> _T:
        """Try a spend; past a limit an owner approves it or staff lower it (or give none)."""
        if gesture is None:
            return attempt(None, None)
        try:
            return attempt(gesture, None)
        except OverLimit as err:
            over = max(o.over_by for o in cast(SpendCheck, err.check).overages)
        if self.approvals < self.max_approvals and self.rng.random() < 0.65:
            self.approvals += 1
            approver = 0 if actor == 1 else self.rng.choice((0, 1))
            return attempt(gesture, Approval(self.ids[approver], _TEAM[approver][2]))
        lower = (gesture.cost_minor - over) // 100 * 100
        return attempt(replace(gesture, cost_minor=lower) if lower > 0 else None, None)

    def note_gesture(self, actor: int, logged: GestureLogged | None, incident_id: int,
                     at: datetime) -> None:
        """Count a gesture and maybe plan its void: a typo by its author, or an owner later."""
        if logged is None:
            return
        self.gestures += 1
        self.escalations += logged.approved_by is not None
        rng, gesture_id = self.rng, logged.gesture_id
        roll = rng.random()
        if roll < 0.035:
            self.later(at + timedelta(minutes=rng.randint(2, 8)), partial(
                self.void, actor, gesture_id, "Typo: picked the wrong preset", incident_id))
        elif roll < 0.055:
            self.later(at + timedelta(days=rng.randint(1, 5), minutes=rng.randint(0, 300)),
                       partial(self.void, rng.choice((0, 1)), gesture_id,
                               rng.choice(_VOID_REASONS), None))

    def void(self, actor: int, gesture_id: int, reason: str, redo: int | None,
             at: datetime) -> None:
        """Void a gesture; after a typo its author logs the right one (on incident ``redo``)."""
        recoveries.void_gesture(self.ids[actor], gesture_id, reason, now=at)
        self.voids += 1
        if redo is not None:
            self.later(at + timedelta(seconds=45), partial(self.extra_gesture, actor, redo))

    def extra_gesture(self, actor: int, incident_id: int, at: datetime) -> None:
        gesture = _gesture(self.rng, self.rng.choice(_EXTRAS))
        logged = self.spend(actor, gesture, lambda g, a: None if g is None else
                            recoveries.add_gesture(self.ids[actor], incident_id, g, a, now=at))
        self.note_gesture(actor, logged, incident_id, at)

    def resolve(self, incident_id: int, actor: int, gesture: bool, at: datetime) -> None:
        who = actor if self.rng.random() < 0.8 else self.rng.randrange(len(_TEAM))
        reaction = self.rng.choices(REACTIONS, weights=(45, 40, 15) if gesture else (25, 45, 30))
        incidents.resolve_incident(self.ids[who], incident_id, reaction[0], now=at)

    def plan_customer(self, customer: int, followup_id: int, at: datetime) -> None:
        """Plan the follow-up and whether (and when) the guest comes back (SPEC §5)."""
        rng = self.rng
        self.followups += 1
        day = at.astimezone(self.tz).date()
        roll, came_back = rng.random(), False
        visit_after = 0
        if roll < 0.15:
            came_back = True  # told at the follow-up call
        elif roll < 0.60:
            visit_after = rng.randint(4, 85)  # within the 90-day window: retained
        elif roll < 0.67:
            visit_after = rng.randint(95, 150)  # too late: lost
        if rng.random() < 0.85:
            delay = rng.choices((0, 1, 2, 4), weights=(60, 20, 12, 8))[0]
            due = day + timedelta(days=3 + delay)
            self.later(self.local(due, rng.randint(9 * 60, 18 * 60)),
                       partial(self.followup, followup_id, customer, came_back))
        else:  # nobody called in time: most are called late, the latest are still open
            if came_back:
                visit_after = rng.randint(4, 40)
            late = day + timedelta(days=3 + rng.randint(8, 30))
            self.later(self.local(late, rng.randint(9 * 60, 18 * 60)),
                       partial(self.followup, followup_id, customer, False))
        if visit_after:
            visited = day + timedelta(days=visit_after)
            self.later(self.local(visited, rng.randint(10 * 60, 20 * 60)),
                       partial(self.visit, customer, visited))
        earlier = day - timedelta(days=rng.randint(10, 60))
        if rng.random() < 0.07 and earlier >= self.days[0]:  # a stay before this incident
            self.later(at + timedelta(minutes=3), partial(self.visit, customer, earlier))

    def visit(self, customer: int, visited_on: date, at: datetime) -> None:
        if customer not in self.gone:
            customers.record_return_visit(self.ids[self.rng.randrange(2, len(_TEAM))], customer,
                                          visited_on, now=at)
            self.return_visits += 1

    def followup(self, followup_id: int, customer: int, came_back: bool, at: datetime) -> None:
        rng = self.rng
        back = came_back and customer not in self.gone
        outcome = "happy" if back else rng.choices(FOLLOWUP_OUTCOMES, weights=(45, 25, 10, 20))[0]
        actor = self.ids[rng.randrange(1, len(_TEAM))]
        visit = incidents.complete_followup(actor, followup_id, outcome, rng.choice(
            _NOTES[outcome]), came_back=back, now=at)
        self.return_visits += visit is not None
        if (outcome == "unhappy" and customer not in self.gone and self.lost < self.max_lost
                and rng.random() < 0.5):
            customers.mark_lost(actor, customer, now=at)
            self.gone.add(customer)
            self.lost += 1

    def erase(self, at: datetime) -> None:
        """A guest asks to be forgotten: the owner erases their personal data."""
        candidates = [c for c in self.customers[_REGULARS:] if c not in self.gone]
        if candidates:
            customer = self.rng.choice(candidates)
            customers.erase_customer(self.ids[0], customer, now=at)
            self.gone.add(customer)


def _names(culture: tuple[str, str, str, int]) -> list[tuple[str, str, str]]:
    """Every ``(given, family, full name)`` of a culture (Chinese: family name first)."""
    givens, families, prefix, _ = culture
    return [(given, family, family + given if prefix == "+86" else f"{given} {family}")
            for given in givens.split() for family in families.split()]


def _free_names(culture: tuple[str, str, str, int],
                taken: set[str]) -> list[tuple[str, str, str]]:
    return [entry for entry in _names(culture) if entry[2] not in taken]


def _gesture(rng: random.Random, option: _Option) -> GestureInput:
    if isinstance(option, str):
        _, kind, cost, value = next(p for p in _PRESETS if p[0] == option)
        return GestureInput(kind, cost, value, option)
    kind, description, low, high = option
    cost = rng.randint(low * 2, high * 2) * 50
    return GestureInput(kind, cost, cost if rng.random() < 0.5 else None, description)


def _ascii(text: str) -> str:
    """A name as it would appear in an e-mail address: ASCII letters, lower case."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum()).lower()
