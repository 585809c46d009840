"""Figures as JSON-ready data with stable snake-case keys, and as a plain-text summary.

Money stays in minor units next to the currency code; rates are numbers 0..1 or ``None``.
Every retention rate comes with its 95 % Wilson bounds and its sample size.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC
from typing import Any

from recoverydesk.core.months import zone
from recoverydesk.core.retention import Rate
from recoverydesk.reports.figures import Breakdown, Figures, Outcomes
from recoverydesk.reports.formatting import FigureFormats


def _rate(rate: Rate, prefix: str = "retention_rate") -> dict[str, Any]:
    return {prefix: rate.value, f"{prefix}_low": rate.low, f"{prefix}_high": rate.high,
            f"{prefix}_sample_size": rate.n}


def _outcomes(outcomes: Outcomes) -> dict[str, Any]:
    return {"incidents": outcomes.incidents, "retained": outcomes.retained,
            "lost": outcomes.lost, "pending": outcomes.pending,
            "anonymous": outcomes.anonymous, **_rate(outcomes.retention)}


def _breakdown(row: Breakdown) -> dict[str, Any]:
    return {"key": row.key, "spend_minor": row.spend_minor, "value_minor": row.value_minor,
            **_outcomes(row.outcomes)}


def to_dict(f: Figures) -> dict[str, Any]:
    """The figures as plain data (``json.dumps`` ready)."""
    return {
        "business": f.business, "currency": f.currency, "month": f.month,
        "as_of": f.as_of.isoformat(timespec="seconds") + "Z",
        "provisional": f.provisional, "retention_window_days": f.retention_days,
        "incidents": f.incidents, "gestures": f.gestures,
        "spend_minor": f.spend_minor, "budget_minor": f.budget_minor,
        "retained": f.outcomes.retained, "lost": f.outcomes.lost,
        "pending": f.outcomes.pending, "anonymous": f.outcomes.anonymous,
        **_rate(f.outcomes.retention),
        "retained_customers": f.retained_customers,
        "cost_per_retained_minor": f.cost_per_retained_minor,
        "value_kept_minor": f.value_kept_minor, "roi": f.roi,
        "escalations": f.escalations, "front_line_share": f.front_line_share,
        "median_resolution_minutes": f.median_resolution_minutes,
        "proactive_share": f.proactive_share,
        "followups_counted": f.followups_counted,
        "followups_on_time": f.followups_on_time,
        "followups_on_time_share": f.followups_on_time_share,
        "employees": [{
            "name": e.name, "role": e.role, "active": e.active,
            "allowance_minor": e.allowance_minor, "carry_minor": e.carry_minor,
            "spent_minor": e.spent_minor, "remaining_minor": e.remaining_minor,
            "incidents": e.incidents, "gestures": e.gestures,
            "escalations": e.escalations, "retained": e.retained} for e in f.employees],
        "by_category": [_breakdown(b) for b in f.by_category],
        "by_kind": [_breakdown(b) for b in f.by_kind],
        "by_severity": [_breakdown(b) for b in f.by_severity],
        "months": [{"month": p.month, "spend_minor": p.spend_minor,
                    "budget_minor": p.budget_minor, **_outcomes(p.outcomes)}
                   for p in f.months],
    }


def _cell(text: str, width: int) -> str:
    """``text`` cut and padded to ``width`` terminal columns (CJK characters take two)."""
    out, used = [], 0
    for ch in text:
        size = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + size > width:
            break
        out.append(ch)
        used += size
    return "".join(out) + " " * (width - used)


def to_text(f: Figures) -> str:
    """A short plain-text summary of the key figures for the terminal."""
    fmt = FigureFormats(f)
    money, percent = fmt.money, fmt.pct
    minutes = f.median_resolution_minutes
    # The business's own clock, as the PDF and the Reports page give it.
    local = f.as_of.replace(tzinfo=UTC).astimezone(zone(f.timezone))
    lines = [
        f"{f.business} — {f.month} (as of {local:%Y-%m-%d %H:%M} {f.timezone}"
        + (f"; provisional: {f.outcomes.pending} pending)" if f.provisional else ")"),
        f"Incidents            {f.incidents}",
        f"Gestures             {f.gestures}",
        f"Spend / budget       {money(f.spend_minor)} / {money(f.budget_minor)}",
        f"Retained             {f.outcomes.retained}",
        f"Lost                 {f.outcomes.lost}",
        f"Pending              {f.outcomes.pending}",
        f"Anonymous            {f.outcomes.anonymous}",
        f"Retention rate       {fmt.rate(f.outcomes.retention)}",
        f"Cost per retained    {money(f.cost_per_retained_minor)}",
        f"Value kept           {money(f.value_kept_minor)}",
        f"ROI                  {percent(f.roi)}",
        f"Front line           {percent(f.front_line_share)} (goal > {percent(0.95)})",
        f"Median resolution    {'–' if minutes is None else f'{minutes:.0f} min'}",
        f"Proactive            {percent(f.proactive_share)}",
        f"Follow-ups on time   {percent(f.followups_on_time_share)} "
        f"({f.followups_on_time} of {f.followups_counted})",
        "",
        f"{'Employee':<24} {'Allowance':>12} {'Spent':>12} {'Left':>12} "
        f"{'Inc.':>5} {'Gest.':>5} {'Esc.':>5} {'Ret.':>5}",
    ]
    for e in f.employees:
        allowance = "no limit" if e.allowance_minor is None else money(e.allowance_minor)
        lines.append(f"{_cell(e.name, 24)} {allowance:>12} {money(e.spent_minor):>12} "
                     f"{money(e.remaining_minor):>12} {e.incidents:>5} {e.gestures:>5} "
                     f"{e.escalations:>5} {e.retained:>5}")
    return "\n".join(lines)
