"""The methodology page's worked example: one KPI of the plan, graded step by step."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.kpi import Kpi, Outcome
from ..progress import Assessment
from ..tracking import Tracking
from . import format as fmt

GRADED = (Outcome.ACHIEVED, Outcome.ON_TRACK, Outcome.BEHIND)


@dataclass(frozen=True)
class Example:
    """A KPI and the numbers of its grading, formatted in one language."""

    kpi: Kpi
    assessment: Assessment
    path: list[tuple[str, str]]
    """The expected path's points: fiscal year and value."""
    latest: tuple[str, str] | None
    """The latest actual: fiscal year and value."""
    expected: str | None
    """The path's value in the latest actual's year."""


def _pick(tracking: Tracking) -> Kpi | None:
    """The first KPI with a computed grade, else the first with a path of two points."""
    kpis = tracking.project.kpis.kpis
    graded = [k for k in kpis if k.baseline and tracking.assessments[k.id].outcome in GRADED]
    with_path = [k for k in kpis if len(tracking.assessments[k.id].path) > 1]
    return next(iter(graded or with_path), None)


def worked_example(tracking: Tracking, lang: str) -> Example | None:
    """The example of the methodology page (None when no KPI has a baseline and a target)."""
    kpi = _pick(tracking)
    if kpi is None:
        return None
    a = tracking.assessments[kpi.id]

    def qty(value: float) -> str:
        return fmt.quantity(value, kpi.precision, kpi.unit, lang)

    path = [(fmt.year(y, lang), qty(v)) for y, v in a.path]
    latest = (fmt.year(a.latest.year, lang), qty(a.latest.value)) if a.latest else None
    expected = (
        qty(round(a.expected, kpi.precision)) if a.expected is not None and a.latest else None
    )
    return Example(kpi, a, path, latest, expected)
