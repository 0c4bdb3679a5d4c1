"""KPI progress: one rule, used by the grade, the trend chart and the methodology page.

The expected path runs straight from the baseline to the first target, then from target to
target (interim targets included), in fiscal-year order. The latest actual known is compared
with the path's value for its year:

- 達成 / achieved: the actual reaches the final target (for `decrease`, falls to it);
- 順調 / on track: it reaches the path's value for its year;
- 遅れ / behind: it does not;
- 未測定 / not yet measured: no actual yet, and no target year has ended;
- 未報告 / not reported: a target year has ended without an actual for it or later;
- 評価対象外 / not assessed: the KPI has only qualitative targets, or no baseline and no actual
  from its first target year on (without a baseline the path starts at the first target, so a
  KPI without one is graded from that year on, never "on track" by default).

`maintain` KPIs hold a level: the path is the level to hold, and 達成 means the final level is
held. 進捗率 (progress) is how far the actual has come from the path's start to the final target.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass

from .model.kpi import Actual, Direction, Grade, Kpi, Outcome, Target

Point = tuple[int, float]
"""A fiscal year and a value."""


class Reason(enum.StrEnum):
    """Why a KPI gets no computed grade, or how its grade was found."""

    QUALITATIVE = "qualitative"
    NO_BASELINE = "no-baseline"
    NOT_REPORTED = "not-reported"


@dataclass(frozen=True)
class Assessment:
    """Where a KPI stands as of a fiscal year, and why."""

    latest: Actual | None
    """The latest actual known."""
    target: Target | None
    """The final numeric target."""
    path: tuple[Point, ...]
    """The expected path: the baseline and every numeric target, by year."""
    expected: float | None
    """The path's value for the latest actual's year."""
    progress: float | None
    """Progress from the path's start to the final target, in % (None when not computed)."""
    expected_progress: float | None
    """The progress the path expects by the latest actual's year, in %."""
    outcome: Outcome
    grade: Grade
    manual: bool
    """True when the grade was set by hand (kpi.grade)."""
    reason: Reason | None = None
    missing: int | None = None
    """For 未報告: the target year whose actual is missing."""


def expected_path(kpi: Kpi) -> tuple[Point, ...]:
    """The baseline (when there is one) and every numeric target, ordered by fiscal year."""
    points: dict[int, float] = {}
    if kpi.baseline is not None:
        points[kpi.baseline.year] = kpi.baseline.value
    for t in sorted(kpi.targets, key=lambda t: t.year):
        if t.value is not None and (kpi.baseline is None or t.year > kpi.baseline.year):
            points[t.year] = t.value
    return tuple(sorted(points.items()))


def path_value(path: tuple[Point, ...], year: int) -> float | None:
    """The path's value in a fiscal year: linear between its points, flat after the last,
    None before the first."""
    if not path or year < path[0][0]:
        return None
    for (y0, v0), (y1, v1) in itertools.pairwise(path):
        if y0 <= year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return path[-1][1]


def _at_least(kpi: Kpi, value: float, level: float) -> bool:
    """Whether `value` is as good as `level` in the KPI's direction."""
    return value <= level if kpi.direction is Direction.DECREASE else value >= level


def _share(kpi: Kpi, value: float, start: float, final: float) -> float | None:
    """How far `value` has come from `start` to `final`, in %."""
    if kpi.direction is Direction.MAINTAIN:
        if value >= final:
            return 100.0
        return 100.0 * value / final if final > 0 else 0.0
    if final == start:
        return None
    return 100.0 * (value - start) / (final - start)


def _missing(kpi: Kpi, latest: Actual | None, closed: int) -> int | None:
    """The last target year that has ended with no actual for it or a later year."""
    ended = [t.year for t in kpi.targets if t.year <= closed]
    if not ended:
        return None
    due = max(ended)
    return due if latest is None or latest.year < due else None


def _computed(
    kpi: Kpi, latest: Actual | None, closed: int
) -> tuple[Outcome, Reason | None, float | None, float | None, float | None]:
    """The outcome, its reason, the expected value, the progress and the expected progress."""
    path = expected_path(kpi)
    numeric = [t for t in kpi.targets if t.value is not None]
    if not numeric:
        return Outcome.NOT_ASSESSABLE, Reason.QUALITATIVE, None, None, None
    if _missing(kpi, latest, closed) is not None:
        return Outcome.NOT_REPORTED, Reason.NOT_REPORTED, None, None, None
    if latest is None:
        return Outcome.NOT_MEASURED, None, None, None, None
    final = path[-1][1]
    start = path[0][1]
    expected = path_value(path, latest.year)
    progress = _share(kpi, latest.value, start, final) if kpi.baseline else None
    due = None if expected is None or not kpi.baseline else _share(kpi, expected, start, final)
    if _at_least(kpi, latest.value, final):
        return Outcome.ACHIEVED, None, expected, progress, due
    if expected is None:
        return Outcome.NOT_ASSESSABLE, Reason.NO_BASELINE, None, None, None
    if _at_least(kpi, latest.value, expected):
        return Outcome.ON_TRACK, None, expected, progress, due
    return Outcome.BEHIND, None, expected, progress, due


def assess(kpi: Kpi, scale: list[Grade], closed: int, *, upto: int | None = None) -> Assessment:
    """Assess one KPI: `closed` is the last fiscal year that has ended (its actual is due);
    only actuals up to `upto` are known (all when None). A manual grade overrides."""
    known = [a for a in kpi.actuals if upto is None or a.year <= upto]
    latest = max(known, key=lambda a: a.year) if known else None
    outcome, reason, expected, progress, due = _computed(kpi, latest, closed)
    path = expected_path(kpi)
    numeric = sorted((t for t in kpi.targets if t.value is not None), key=lambda t: t.year)
    target = numeric[-1] if numeric else None
    missing = _missing(kpi, latest, closed) if reason is Reason.NOT_REPORTED else None
    if kpi.grade is not None:
        grade = next(g for g in scale if g.id == kpi.grade.grade)
        manual = True
    else:
        grade = next(g for g in scale if g.outcome is outcome)
        manual = False
    return Assessment(
        latest, target, path, expected, progress, due, outcome, grade, manual, reason, missing
    )
