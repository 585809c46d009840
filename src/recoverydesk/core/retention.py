"""Retention rates (SPEC §5): retained / (retained + lost) with a 95 % Wilson interval.

Small shops have small samples, so a rate is never shown without its interval and its sample
size; the Wilson score interval stays inside 0..1 and behaves at 0 and n.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95 % normal quantile
OUTCOMES = ("retained", "lost", "pending", "anonymous")


@dataclass(frozen=True)
class Rate:
    """``successes`` out of ``n``; ``value``/``low``/``high`` are ``None`` when ``n == 0``."""

    successes: int
    n: int
    value: float | None
    low: float | None
    high: float | None


def wilson(successes: int, n: int, z: float = Z95) -> Rate:
    """The rate ``successes / n`` and its Wilson score interval."""
    if not 0 <= successes <= n:
        raise ValueError("need 0 <= successes <= n")
    if n == 0:
        return Rate(successes, 0, None, None, None)
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # At 0 and n the bounds are 0 and 1 exactly; floating point misses them by a hair
    # (0.9999999999999999), which would print as "99.9 %" beside a rate of 100 %.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Rate(successes, n, p, low, high)


def retention(retained: int, lost: int) -> Rate:
    """Retention rate over the incidents whose outcome is known (pending ones excluded)."""
    return wilson(retained, retained + lost)


def share(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when there is nothing to divide."""
    return None if whole == 0 else part / whole


def divide_round(numerator: int, denominator: int) -> int:
    """Integer division rounded half up (money stays in whole minor units)."""
    return (2 * numerator + denominator) // (2 * denominator)
