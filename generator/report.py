"""The yearly progress report (進捗状況の公表): the plan as it stood at the end of one fiscal
year, computed from the data known for that year only.

Each fiscal year of the plan period up to the current one has a report. A closed year's report
reads only what is dated in or before that year (actuals, status records, that year's
evaluation), so adding later years' data never changes it; the current year's report is the
site's present state.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from .model.evaluation import Evaluation, EvaluationItem
from .model.kpi import Actual, Grade, Kpi, Outcome
from .model.project import Project
from .model.strategy import ActionStatus
from .progress import Assessment, assess
from .tracking import NOT_RECORDED, Placed, Tracking, is_overdue

RANK = {Outcome.ACHIEVED: 3, Outcome.ON_TRACK: 2, Outcome.BEHIND: 1}
"""How grades compare: a move between these is up or down; any other move is a change."""


class Change(enum.StrEnum):
    """What changed against the previous year's report."""

    UP = "up"
    DOWN = "down"
    CHANGED = "changed"
    COMPLETED = "completed"
    STARTED = "started"
    DELAYED = "delayed"
    STOPPED = "stopped"


STOPPING = (ActionStatus.SUSPENDED, ActionStatus.CANCELLED)


@dataclass(frozen=True)
class KpiLine:
    """A KPI in a year's report: its actual for the year, its grade then and the year before."""

    kpi: Kpi
    actual: Actual | None
    assessment: Assessment
    previous: Assessment | None
    change: Change | None

    def computed_from(self) -> tuple[Kpi]:
        """What the line is computed from besides its report's year and the plan less its KPIs'
        figures (see generator/render/memo.py): its KPI."""
        return (self.kpi,)


@dataclass(frozen=True)
class ActionLine:
    """An action in a year's report: its status that year (and since when), its note."""

    placed: Placed
    status: str
    since: int | None
    note_year: bool
    overdue: bool
    previous: str | None
    change: Change | None

    def computed_from(self) -> tuple[str]:
        """What the line is computed from besides its report's year, today and the plan less its
        KPIs' figures (see generator/render/memo.py): the action it is about, by its id."""
        return (self.placed.action.id,)


@dataclass(frozen=True)
class Report:
    """One fiscal year's report."""

    year: int
    closed: bool
    kpis: list[KpiLine]
    actions: list[ActionLine]
    evaluation: Evaluation | None
    scale: list[Grade]

    def grade_counts(self) -> list[tuple[Grade, int]]:
        """How many KPIs have each grade, in scale order (none left out)."""
        counts = {g.id: 0 for g in self.scale}
        for line in self.kpis:
            counts[line.assessment.grade.id] += 1
        return [(g, counts[g.id]) for g in self.scale if counts[g.id]]

    def status_counts(self) -> list[tuple[str, int]]:
        """How many actions have each status that year (none left out)."""
        order = [*(s.value for s in ActionStatus), NOT_RECORDED]
        return [(s, n) for s in order if (n := sum(1 for a in self.actions if a.status == s))]

    def changed(self, change: Change) -> list[KpiLine] | list[ActionLine]:
        """The KPIs or actions whose change against the previous year is `change`."""
        if change in (Change.UP, Change.DOWN, Change.CHANGED):
            return list(self._changes[0].get(change, []))
        return list(self._changes[1].get(change, []))

    @functools.cached_property
    def _changes(
        self,
    ) -> tuple[dict[Change | None, list[KpiLine]], dict[Change | None, list[ActionLine]]]:
        """The KPIs and the actions by their change (grouped once: a report lists each kind)."""
        kpis: dict[Change | None, list[KpiLine]] = {}
        for k in self.kpis:
            kpis.setdefault(k.change, []).append(k)
        actions: dict[Change | None, list[ActionLine]] = {}
        for a in self.actions:
            actions.setdefault(a.change, []).append(a)
        return kpis, actions

    def evaluation_of(self, target: str) -> EvaluationItem | None:
        """The year's evaluation of a strategy or measure."""
        if self.evaluation is None:
            return None
        return next((i for i in self.evaluation.items if i.target == target), None)


def report_years(tracking: Tracking) -> list[int]:
    """The fiscal years that have a report: the plan period up to the current year."""
    period = tracking.project.plan.period
    return list(range(period.start, min(period.end, tracking.year) + 1))


def _assess(kpi: Kpi, tracking: Tracking, year: int) -> Assessment:
    """The grade as of `year`: a closed year's actual is due; the current year's is not yet."""
    closed = year if year < tracking.year else year - 1
    return assess(kpi, tracking.scale, closed, upto=year)


def _grade_change(now: Assessment, before: Assessment | None) -> Change | None:
    if before is None or before.grade.id == now.grade.id:
        return None
    a, b = RANK.get(now.outcome), RANK.get(before.outcome)
    if a is None or b is None or now.manual or before.manual:
        return Change.CHANGED
    return Change.UP if a > b else Change.DOWN


def _status(placed: Placed, tracking: Tracking, year: int) -> tuple[str, int | None, bool]:
    """The status in `year`, the year it was recorded, and whether its note is that year's."""
    action = placed.action
    record = action.status_in(year)
    if record is not None:
        return record.status.value, record.year, record.year == year
    if not action.progress and action.status is not None and year == tracking.year:
        return action.status.value, None, False  # an undated status is the present one
    return NOT_RECORDED, None, False


def _overdue(placed: Placed, tracking: Tracking, year: int, status: str) -> bool:
    """Its schedule had ended by the end of `year` (before it, for the current year) and it is
    neither done nor cancelled."""
    last = year if year < tracking.year else year - 1
    return is_overdue(placed.action, tracking.project.plan, last + 1, status)


def _action_change(
    status: str, overdue: bool, before: str | None, was_overdue: bool
) -> Change | None:
    if before is None or (status == before and overdue == was_overdue):
        return None
    if status == ActionStatus.DONE:
        return Change.COMPLETED
    if status in STOPPING and before != status:
        return Change.STOPPED
    if (status == ActionStatus.POSTPONED and before != status) or (overdue and not was_overdue):
        return Change.DELAYED
    if status == ActionStatus.IN_PROGRESS and before in (ActionStatus.PLANNED, NOT_RECORDED):
        return Change.STARTED
    return None


def _action_line(
    placed: Placed, tracking: Tracking, year: int, before: ActionLine | None
) -> ActionLine:
    """An action's line in the report of `year`, compared with its line the year `before`."""
    status, since, note_year = _status(placed, tracking, year)
    overdue = _overdue(placed, tracking, year, status)
    if before is None:
        return ActionLine(placed, status, since, note_year, overdue, None, None)
    change = _action_change(status, overdue, before.status, before.overdue)
    return ActionLine(placed, status, since, note_year, overdue, before.status, change)


def yearly_report(tracking: Tracking, year: int) -> Report:
    """The report of fiscal year `year` (a year of the plan period, not after the current),
    computed once per Tracking: both languages' pages read the same report."""
    if year not in tracking.reports:
        tracking.reports[year] = _report(tracking, year)
    return tracking.reports[year]


def _report(tracking: Tracking, year: int) -> Report:
    """The report of `year`, compared with the year before's report (the grades and statuses
    as of the year before are that report's own)."""
    project: Project = tracking.project
    previous = None if year <= project.plan.period.start else yearly_report(tracking, year - 1)
    kpis = []
    for i, kpi in enumerate(project.kpis.kpis):
        now = _assess(kpi, tracking, year)
        before = previous.kpis[i].assessment if previous else None
        actual = next((a for a in kpi.actuals if a.year == year), None)
        kpis.append(KpiLine(kpi, actual, now, before, _grade_change(now, before)))
    actions = [
        _action_line(p, tracking, year, previous.actions[i] if previous else None)
        for i, p in enumerate(tracking.placed())
    ]
    evaluation = next((e for e in project.evaluations.evaluations if e.year == year), None)
    return Report(year, year < tracking.year, kpis, actions, evaluation, tracking.scale)
