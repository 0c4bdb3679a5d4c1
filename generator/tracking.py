"""Where the plan stands in a fiscal year: every KPI's assessment, the actions' statuses, and
what needs attention (overdue actions, unreported KPIs, past-due milestones).

Computed once from the validated plan and the current fiscal year; the pages, the data files
and the checks read it, so the counts on the home page, the attention page and `dxsite check`
always agree.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import clock
from .model.fiscal import fiscal_year_of
from .model.kpi import Grade, Kpi, Outcome
from .model.plan import PlanFile
from .model.project import Project
from .model.strategy import CLOSED, Action, ActionStatus, Measure, Schedule, Strategy
from .model.timeline import Milestone
from .progress import Assessment, assess

if TYPE_CHECKING:
    from .report import Report

NOT_RECORDED = "not-recorded"
"""The status bucket of an action whose status is not recorded."""


@dataclass(frozen=True)
class Placed:
    """An action with the strategy and measure it belongs to."""

    strategy: Strategy
    measure: Measure
    action: Action


def span(schedule: Schedule | None, plan: PlanFile) -> tuple[int, int] | None:
    """The fiscal years an action runs: its start and end, or the span of its periods."""
    if schedule is None:
        return None
    if schedule.start is not None and schedule.end is not None:
        return schedule.start, schedule.end
    found = [p for p in plan.periods if p.id in schedule.periods]
    if not found:
        return None
    return min(p.start for p in found), max(p.end for p in found)


def is_overdue(action: Action, plan: PlanFile, year: int, status: str | None = None) -> bool:
    """Its schedule ended before `year` and it is neither done nor cancelled (its current
    status, or `status` when given)."""
    when = span(action.schedule, plan)
    shown = action.current_status if status is None else status
    return when is not None and when[1] < year and shown not in CLOSED


def last_day(partial: str) -> datetime.date:
    """The last day a date means: 2022-12 → 2022-12-31, 2022-12-06 → itself."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return datetime.date(parts[0], parts[1], parts[2])
    following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def milestone_past_due(milestone: Milestone, today: datetime.date) -> bool:
    """A milestone still marked planned whose date (its last day) has passed."""
    return milestone.planned and last_day(milestone.end or milestone.day) < today


@dataclass
class Tracking:
    """The plan's progress as of `today` (current fiscal year `year`)."""

    project: Project
    today: datetime.date
    year: int
    assessments: dict[str, Assessment] = field(default_factory=dict)
    reports: dict[int, Report] = field(default_factory=dict, repr=False, compare=False)
    """The yearly reports computed so far, by fiscal year (see report.yearly_report)."""

    @classmethod
    def of(cls, project: Project, today: datetime.date, year: int) -> Tracking:
        """Assess every KPI: the fiscal years before `year` have ended."""
        scale = project.kpis.scale
        found = {k.id: assess(k, scale, year - 1) for k in project.kpis.kpis}
        return cls(project, today, year, found)

    @classmethod
    def now(cls, project: Project) -> Tracking:
        """As of the build's today (SOURCE_DATE_EPOCH when set)."""
        today = clock.today()
        return cls.of(project, today, fiscal_year_of(today))

    @functools.cached_property
    def scale(self) -> list[Grade]:
        """The plan's grade scale (computed once: every yearly report grades every KPI)."""
        return self.project.kpis.scale

    def placed(self, strategies: Iterable[Strategy] | None = None) -> Iterator[Placed]:
        """Every action of the strategies (all by default), with its place."""
        for s in self.project.strategies.strategies if strategies is None else strategies:
            for m in s.measures:
                for a in m.actions:
                    yield Placed(s, m, a)

    def kpis_of(self, strategy: Strategy | None = None) -> list[Kpi]:
        """The KPIs of a strategy (its own and its measures'), or all."""
        if strategy is None:
            return list(self.project.kpis.kpis)
        return list(self._kpis_by_strategy.get(strategy.id, []))

    @functools.cached_property
    def _kpis_by_strategy(self) -> dict[str, list[Kpi]]:
        """The KPIs of each strategy by its id, in the plan's order (grouped once: a plan of a
        hundred strategies asks for each one's several times)."""
        owners = {
            ident: s.id
            for s in self.project.strategies.strategies
            for ident in (s.id, *(m.id for m in s.measures))
        }
        found: dict[str, list[Kpi]] = {}
        for k in self.project.kpis.kpis:
            if k.measures in owners:
                found.setdefault(owners[k.measures], []).append(k)
        return found

    def by_grade(self, kpis: Iterable[Kpi]) -> list[tuple[Grade, list[Kpi]]]:
        """`kpis` grouped by grade, in scale order (grades with none left out)."""
        found: dict[str, list[Kpi]] = {}
        for k in kpis:
            found.setdefault(self.assessments[k.id].grade.id, []).append(k)
        return [(g, found[g.id]) for g in self.scale if g.id in found]

    def grade_counts(self, kpis: Iterable[Kpi]) -> list[tuple[Grade, int]]:
        """How many of `kpis` have each grade, in scale order (grades with none left out)."""
        return [(g, len(members)) for g, members in self.by_grade(kpis)]

    def by_status(self, placed: Iterable[Placed]) -> list[tuple[str, list[Placed]]]:
        """Actions grouped by their status now, in status order (statuses with none left out)."""
        found: dict[str, list[Placed]] = {}
        for p in placed:
            status = p.action.current_status
            found.setdefault(str(status) if status else NOT_RECORDED, []).append(p)
        order = [*(s.value for s in ActionStatus), NOT_RECORDED]
        return [(s, found[s]) for s in order if s in found]

    def status_counts(self, placed: Iterable[Placed]) -> list[tuple[str, int]]:
        """How many actions have each status now (statuses with none left out)."""
        return [(s, len(members)) for s, members in self.by_status(placed)]

    def overdue(self, strategies: Iterable[Strategy] | None = None) -> list[Placed]:
        """Actions whose schedule has ended that are neither done nor cancelled."""
        plan = self.project.plan
        return [p for p in self.placed(strategies) if is_overdue(p.action, plan, self.year)]

    def unreported(self, strategy: Strategy | None = None) -> list[Kpi]:
        """KPIs whose target year has ended without an actual."""
        return [
            k
            for k in self.kpis_of(strategy)
            if self.assessments[k.id].outcome is Outcome.NOT_REPORTED
        ]

    def past_due(self) -> list[Milestone]:
        """Milestones still marked planned whose date has passed."""
        return [m for m in self.project.timeline.milestones if milestone_past_due(m, self.today)]

    @property
    def period_ended(self) -> bool:
        """The plan period ended before the current fiscal year."""
        return self.project.plan.period.end < self.year
