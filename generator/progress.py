"""KPI progress: the outcome computed from baseline, target, direction and latest actual."""

from __future__ import annotations

from dataclasses import dataclass

from .model.kpi import Actual, Direction, Grade, Kpi, Outcome, Target


@dataclass(frozen=True)
class Assessment:
    """Where a KPI stands: its latest actual, progress toward the target, outcome and grade."""

    latest: Actual | None
    target: Target | None
    progress: float | None
    """Progress from the baseline to the target, in % (None when it cannot be computed)."""
    outcome: Outcome
    grade: Grade
    manual: bool
    """True when the grade was set by hand (kpi.grade)."""


def _target(kpi: Kpi, latest: Actual | None) -> Target | None:
    """The first numeric target not before the latest actual (else the last numeric one)."""
    numeric = sorted((t for t in kpi.targets if t.value is not None), key=lambda t: t.year)
    year = latest.year if latest else 0
    return next((t for t in numeric if t.year >= year), numeric[-1] if numeric else None)


def _progress(kpi: Kpi, latest: Actual, target: Target) -> float | None:
    assert target.value is not None
    if kpi.direction is Direction.MAINTAIN:
        if latest.value >= target.value:
            return 100.0
        return 100.0 * latest.value / target.value if target.value > 0 else 0.0
    start = kpi.baseline.value if kpi.baseline else 0.0
    if target.value == start:
        return None
    return 100.0 * (latest.value - start) / (target.value - start)


def _expected(kpi: Kpi, latest: Actual, target: Target) -> float:
    """The progress in % a straight line from baseline to target expects at the latest year."""
    if kpi.baseline is None or target.year <= kpi.baseline.year:
        return 100.0 if latest.year >= target.year else 0.0
    share = (latest.year - kpi.baseline.year) / (target.year - kpi.baseline.year)
    return 100.0 * min(max(share, 0.0), 1.0)


def _outcome(
    kpi: Kpi, latest: Actual | None, target: Target | None
) -> tuple[Outcome, float | None]:
    if latest is None or target is None:
        return Outcome.NOT_MEASURED, None
    progress = _progress(kpi, latest, target)
    if progress is None:
        return Outcome.NOT_MEASURED, None
    if progress >= 100.0:
        return Outcome.ACHIEVED, progress
    if progress >= _expected(kpi, latest, target):
        return Outcome.ON_TRACK, progress
    return Outcome.BEHIND, progress


def assess(kpi: Kpi, grades: list[Grade]) -> Assessment:
    """Assess one KPI against the grade scale; a manual grade overrides the computed one."""
    latest = max(kpi.actuals, key=lambda a: a.year) if kpi.actuals else None
    target = _target(kpi, latest)
    outcome, progress = _outcome(kpi, latest, target)
    if kpi.grade is not None:
        grade = next(g for g in grades if g.id == kpi.grade.grade)
        return Assessment(latest, target, progress, outcome, grade, True)
    grade = next(g for g in grades if g.outcome is outcome)
    return Assessment(latest, target, progress, outcome, grade, False)
