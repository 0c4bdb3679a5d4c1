"""Cross-checks over the whole plan: ids, references, years, periods, English coverage.

Each check has a stable id (its key in CHECKS) and yields located findings.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .diagnostics import Diagnostic, Severity, did_you_mean
from .formatcheck import FORMAT_CHECKS
from .load import Document, Loc
from .messages import current, say
from .model.fiscal import fiscal_year_of, format_fiscal_year
from .model.project import Project
from .model.strategy import ActionStatus
from .model.text import Text
from .render.format import decimals
from .tracking import is_overdue, milestone_past_due, span
from .wording import where


@dataclass
class Locator:
    """Turns a location in the Project (first part: the file key) into a Diagnostic."""

    docs: dict[str, Document]
    files: dict[str, tuple[str, type[BaseModel], bool]]

    def __call__(self, loc: Loc, severity: Severity, message: str, code: str) -> Diagnostic:
        key, rest = str(loc[0]), loc[1:]
        doc = self.docs.get(key)
        if doc is None:
            return Diagnostic(self.files[key][0], 1, 1, severity, message, code)
        return doc.at(rest, severity, message, code)

    def where(self, loc: Loc) -> str:
        """The item and field at `loc` in the editor's words, the item's id beside its name."""
        doc = self.docs.get(str(loc[0]))
        return where(loc[1:], doc.data if doc else None, ids=True)


@dataclass
class Context:
    """What every check receives."""

    project: Project
    at: Locator
    current_year: int
    today: datetime.date

    def error(self, loc: Loc, message: str, code: str) -> Diagnostic:
        """An error at `loc`, saying which item and field it is about."""
        return self.at(loc, Severity.ERROR, self._about(loc, message), code)

    def warning(self, loc: Loc, message: str, code: str) -> Diagnostic:
        """A warning at `loc`, saying which item and field it is about."""
        return self.at(loc, Severity.WARNING, self._about(loc, message), code)

    def _about(self, loc: Loc, message: str) -> str:
        return say("cross.about", where=self.at.where(loc), problem=message)


Check = Callable[[Context], Iterator[Diagnostic]]


def _fy(year: int) -> str:
    return format_fiscal_year(year, current())


def ids(project: Project) -> dict[str, dict[str, Loc]]:
    """Every id in the plan by kind, with where it was first written."""
    kinds: dict[str, dict[str, Loc]] = {}
    for kind, loc, value in _id_sites(project):
        kinds.setdefault(kind, {}).setdefault(value, loc)
    return kinds


def _id_sites(project: Project) -> Iterator[tuple[str, Loc, str]]:
    for i, s in enumerate(project.strategies.strategies):
        yield "strategy or measure", ("strategies", "strategies", i, "id"), s.id
        for j, m in enumerate(s.measures):
            loc: Loc = ("strategies", "strategies", i, "measures", j)
            yield "strategy or measure", (*loc, "id"), m.id
            for k, a in enumerate(m.actions):
                yield "action", (*loc, "actions", k, "id"), a.id
    for i, kpi in enumerate(project.kpis.kpis):
        yield "KPI", ("kpis", "kpis", i, "id"), kpi.id
    for i, g in enumerate(project.kpis.grades):
        yield "grade", ("kpis", "grades", i, "id"), g.id
    for i, p in enumerate(project.plan.periods):
        yield "period", ("plan", "periods", i, "id"), p.id
    for i, r in enumerate(project.governance.roles):
        yield "role", ("governance", "roles", i, "id"), r.id
    for i, b in enumerate(project.governance.bodies):
        yield "body", ("governance", "bodies", i, "id"), b.id
    for i, c in enumerate(project.guidelines.categories):
        yield "guideline category", ("guidelines", "categories", i, "id"), c.id


def check_unique_ids(ctx: Context) -> Iterator[Diagnostic]:
    """Ids are unique per kind, also when they differ only in case."""
    seen: dict[tuple[str, str], Loc] = {}
    for kind, loc, value in _id_sites(ctx.project):
        first = seen.setdefault((kind, value.lower()), loc)
        if first is not loc:
            line = ctx.at(first, Severity.ERROR, "", "").line
            message = say("cross.duplicate_id", kind=say(f"kind.{kind}"), value=value, line=line)
            yield ctx.error(loc, message, "id")


RESERVED_PREFIXES = ("dx-title", "dx-section-", "dx-gantt", "summary-", "change-")
"""The element ids dxsite gives its own parts of a strategy page (title, sections, chart,
summary, changes)."""


def check_page_ids(ctx: Context) -> Iterator[Diagnostic]:
    """A strategy's page holds its measures' and actions' ids as element ids: an action may not
    take a strategy's or measure's id, nor an id dxsite uses there itself."""
    headings = {
        value: loc for kind, loc, value in _id_sites(ctx.project) if kind == "strategy or measure"
    }
    for kind, loc, value in _id_sites(ctx.project):
        if kind not in ("strategy or measure", "action"):
            continue
        if value.startswith(RESERVED_PREFIXES):
            yield ctx.error(
                loc, say("id.reserved", id=value, prefixes=", ".join(RESERVED_PREFIXES)), "id"
            )
        elif kind == "action" and value in headings:
            line = ctx.at(headings[value], Severity.ERROR, "", "").line
            yield ctx.error(loc, say("id.action_clash", id=value, line=line), "id")


def _reference(
    ctx: Context, loc: Loc, value: str, kind: str, known: dict[str, Loc]
) -> Iterator[Diagnostic]:
    if value not in known:
        near = did_you_mean(value, known)
        message = say("cross.no_such_id", kind=say(f"kind.{kind}"), value=value, near=near)
        yield ctx.error(loc, message, "reference")


def check_references(ctx: Context) -> Iterator[Diagnostic]:
    """Every id a field refers to exists."""
    known = ids(ctx.project)
    for i, kpi in enumerate(ctx.project.kpis.kpis):
        loc: Loc = ("kpis", "kpis", i)
        yield from _reference(
            ctx,
            (*loc, "measures"),
            kpi.measures,
            "strategy or measure",
            known.get("strategy or measure", {}),
        )
        if kpi.grade:
            yield from _reference(
                ctx, (*loc, "grade", "grade"), kpi.grade.grade, "grade", known.get("grade", {})
            )
    for i, body in enumerate(ctx.project.governance.bodies):
        if body.head:
            yield from _reference(
                ctx, ("governance", "bodies", i, "head"), body.head, "role", known.get("role", {})
            )
    for i, milestone in enumerate(ctx.project.timeline.milestones):
        if milestone.body:
            yield from _reference(
                ctx,
                ("timeline", "milestones", i, "body"),
                milestone.body,
                "body",
                known.get("body", {}),
            )
    for loc, action in _actions(ctx.project):
        for n, period in enumerate(action.schedule.periods if action.schedule else []):
            yield from _reference(
                ctx, (*loc, "schedule", "periods", n), period, "period", known.get("period", {})
            )


def _actions(project: Project) -> Iterator[tuple[Loc, Any]]:
    for i, s in enumerate(project.strategies.strategies):
        for j, m in enumerate(s.measures):
            for k, a in enumerate(m.actions):
                yield ("strategies", "strategies", i, "measures", j, "actions", k), a


def check_periods(ctx: Context) -> Iterator[Diagnostic]:
    """Periods (期) are in order, do not overlap, and lie inside the plan period."""
    plan = ctx.project.plan
    previous_end: int | None = None
    for i, period in enumerate(plan.periods):
        loc: Loc = ("plan", "periods", i)
        if period.start < plan.period.start or period.end > plan.period.end:
            yield ctx.error(
                (*loc, "start"),
                say(
                    "cross.period_outside",
                    start=_fy(period.start),
                    end=_fy(period.end),
                    plan_start=_fy(plan.period.start),
                    plan_end=_fy(plan.period.end),
                ),
                "period",
            )
        if previous_end is not None and period.start <= previous_end:
            yield ctx.error(
                (*loc, "start"),
                say("cross.period_overlap", start=_fy(period.start), previous=_fy(previous_end)),
                "period",
            )
        previous_end = period.end


def _in_plan(ctx: Context, loc: Loc, year: int) -> Iterator[Diagnostic]:
    plan = ctx.project.plan.period
    span = say("cross.span", start=_fy(plan.start), end=_fy(plan.end))
    if year < plan.start:
        yield ctx.error(loc, say("cross.before_plan", year=_fy(year), span=span), "plan-period")
    elif year > plan.end:
        yield ctx.warning(loc, say("cross.after_plan", year=_fy(year), span=span), "plan-period")


def check_schedules(ctx: Context) -> Iterator[Diagnostic]:
    """Action schedules lie inside the plan period (a warning when they look beyond it)."""
    for loc, action in _actions(ctx.project):
        schedule = action.schedule
        if schedule and schedule.start is not None and schedule.end is not None:
            yield from _in_plan(ctx, (*loc, "schedule", "start"), schedule.start)
            yield from _in_plan(ctx, (*loc, "schedule", "end"), schedule.end)


def check_kpi_years(ctx: Context) -> Iterator[Diagnostic]:
    """Targets come after the baseline and inside the plan; actuals are not in the future."""
    for i, kpi in enumerate(ctx.project.kpis.kpis):
        loc: Loc = ("kpis", "kpis", i)
        for n, target in enumerate(kpi.targets):
            tloc: Loc = (*loc, "targets", n, "year")
            if kpi.baseline and target.year <= kpi.baseline.year:
                yield ctx.error(
                    tloc,
                    say(
                        "cross.target_before_baseline",
                        target=_fy(target.year),
                        baseline=_fy(kpi.baseline.year),
                    ),
                    "kpi-year",
                )
            yield from _in_plan(ctx, tloc, target.year)
        seen: set[int] = set()
        for n, actual in enumerate(kpi.actuals):
            aloc: Loc = (*loc, "actuals", n, "year")
            if actual.year > ctx.current_year:
                yield ctx.error(
                    aloc,
                    say(
                        "cross.actual_future", year=_fy(actual.year), current=_fy(ctx.current_year)
                    ),
                    "kpi-year",
                )
            if actual.year in seen:
                message = say("cross.actual_twice", year=_fy(actual.year))
                yield ctx.error(aloc, message, "kpi-year")
            seen.add(actual.year)


def check_percentages(ctx: Context) -> Iterator[Diagnostic]:
    """A value in % outside 0–100 is suspicious."""
    for i, kpi in enumerate(ctx.project.kpis.kpis):
        if kpi.unit.ja.strip() not in ("%", "％"):
            continue
        values: list[tuple[Loc, float | None]] = []
        if kpi.baseline:
            values.append((("baseline", "value"), kpi.baseline.value))
        values += [(("targets", n, "value"), t.value) for n, t in enumerate(kpi.targets)]
        values += [(("actuals", n, "value"), a.value) for n, a in enumerate(kpi.actuals)]
        for sub, value in values:
            if value is not None and not 0 <= value <= 100:
                yield ctx.warning(
                    ("kpis", "kpis", i, *sub),
                    say("cross.percent", value=f"{value:g}"),
                    "percent",
                )


def check_precision(ctx: Context) -> Iterator[Diagnostic]:
    """A value with more decimals than its KPI's precision is shown as written: say so."""
    for i, kpi in enumerate(ctx.project.kpis.kpis):
        values: list[tuple[Loc, float | None]] = []
        if kpi.baseline:
            values.append((("baseline", "value"), kpi.baseline.value))
        values += [(("targets", n, "value"), t.value) for n, t in enumerate(kpi.targets)]
        values += [(("actuals", n, "value"), a.value) for n, a in enumerate(kpi.actuals)]
        for sub, value in values:
            if value is not None and decimals(value) > kpi.precision:
                yield ctx.warning(
                    ("kpis", "kpis", i, *sub),
                    say(
                        "cross.precision",
                        value=repr(value),
                        decimals=decimals(value),
                        precision=kpi.precision,
                    ),
                    "precision",
                )


def check_action_progress(ctx: Context) -> Iterator[Diagnostic]:
    """Status records are in year order, once a year, not in the future; an action is not left
    undone after its schedule, nor done before it starts."""
    plan = ctx.project.plan
    for loc, action in _actions(ctx.project):
        years: list[int] = []
        for n, record in enumerate(action.progress):
            rloc: Loc = (*loc, "progress", n, "year")
            if record.year > ctx.current_year:
                yield ctx.error(
                    rloc,
                    say(
                        "cross.status_future", year=_fy(record.year), current=_fy(ctx.current_year)
                    ),
                    "action-status",
                )
            if record.year in years:
                message = say("cross.status_twice", year=_fy(record.year))
                yield ctx.error(rloc, message, "action-status")
            elif years and record.year < years[-1]:
                yield ctx.warning(rloc, say("cross.status_order"), "action-status")
            years.append(record.year)
        when = span(action.schedule, plan)
        status = action.current_status
        if when and is_overdue(action, plan, ctx.current_year) and status is not None:
            yield ctx.warning(
                (*loc, "progress" if action.progress else "status"),
                say("cross.overdue", end=_fy(when[1]), status=status.value),
                "overdue",
            )
        if when and status is ActionStatus.DONE and when[0] > ctx.current_year:
            yield ctx.warning(
                (*loc, "progress" if action.progress else "status"),
                say("cross.done_early", start=_fy(when[0])),
                "action-status",
            )


def check_milestones(ctx: Context) -> Iterator[Diagnostic]:
    """Milestones are in date order, and none is still planned after its date."""
    previous = ""
    for i, milestone in enumerate(ctx.project.timeline.milestones):
        loc: Loc = ("timeline", "milestones", i)
        if previous and milestone.day < previous:
            yield ctx.warning(
                (*loc, "date"),
                say("cross.milestone_order", date=milestone.day, previous=previous),
                "milestone",
            )
        previous = milestone.day
        if milestone_past_due(milestone, ctx.today):
            yield ctx.warning(
                (*loc, "planned"),
                say("cross.milestone_past", date=milestone.end or milestone.day),
                "milestone",
            )


def check_evaluations(ctx: Context) -> Iterator[Diagnostic]:
    """One evaluation a year, for a year of the plan that has begun, of strategies and measures
    that exist, each once."""
    known = ids(ctx.project).get("strategy or measure", {})
    years: list[int] = []
    for i, evaluation in enumerate(ctx.project.evaluations.evaluations):
        loc: Loc = ("evaluations", "evaluations", i)
        year = evaluation.year
        if year > ctx.current_year:
            yield ctx.error(
                (*loc, "year"),
                say("cross.evaluation_future", year=_fy(year), current=_fy(ctx.current_year)),
                "evaluation",
            )
        yield from _in_plan(ctx, (*loc, "year"), year)
        if year in years:
            message = say("cross.evaluated_twice", year=_fy(year))
            yield ctx.error((*loc, "year"), message, "evaluation")
        years.append(year)
        seen: set[str] = set()
        for n, item in enumerate(evaluation.items):
            where: Loc = (*loc, "items", n, "target")
            yield from _reference(ctx, where, item.target, "strategy or measure", known)
            if item.target in seen:
                yield ctx.error(
                    where,
                    say("cross.item_evaluated_twice", target=item.target, year=_fy(year)),
                    "evaluation",
                )
            seen.add(item.target)


def texts(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Text]]:
    """Every Text in a model, with its location."""
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from texts(item, (*loc, n))


def check_english(ctx: Context) -> Iterator[Diagnostic]:
    """A text without English is a warning (an error under --strict)."""
    for loc, text in texts(ctx.project):
        if loc[0] != "chapters" and not text.translated("en"):
            message = say("cross.no_english", text=_short(text.ja))
            yield ctx.warning(loc, message, "english")


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


CHECKS: dict[str, Check] = {
    "unique-ids": check_unique_ids,
    "page-ids": check_page_ids,
    "references": check_references,
    "periods": check_periods,
    "schedules": check_schedules,
    "kpi-years": check_kpi_years,
    "percentages": check_percentages,
    "precision": check_precision,
    "action-progress": check_action_progress,
    "milestones": check_milestones,
    "evaluations": check_evaluations,
    "english": check_english,
    **FORMAT_CHECKS,
}
"""Every cross-check, by its stable id."""


def run(project: Project, at: Locator, today: datetime.date) -> list[Diagnostic]:
    """Run every cross-check and collect what they find."""
    ctx = Context(project, at, fiscal_year_of(today), today)
    return [d for check in CHECKS.values() for d in check(ctx)]
