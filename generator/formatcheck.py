"""Checks of the format's own rules across items: targets that contradict a KPI's direction,
duplicate items, and items out of the order the format asks for (oldest first).

Each check has a stable id (its key in FORMAT_CHECKS, merged into crosscheck.CHECKS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .load import Loc
from .messages import current, say
from .model.fiscal import format_fiscal_year
from .model.kpi import Direction, Kpi
from .model.text import Text
from .render.format import quantity

if TYPE_CHECKING:
    from .crosscheck import Context


def _fy(year: int) -> str:
    return format_fiscal_year(year, current())


def _qty(kpi: Kpi, value: float) -> str:
    return quantity(value, kpi.precision, kpi.unit, current())


def _contradiction(kpi: Kpi) -> Iterator[tuple[int, str]]:
    """(target index, message) for each numeric target that goes against the KPI's direction
    from the value before it (the baseline, then the previous target)."""
    if kpi.direction is Direction.MAINTAIN:
        return
    previous = (kpi.baseline.value, kpi.baseline.year, "baseline") if kpi.baseline else None
    for n, target in sorted(enumerate(kpi.targets), key=lambda t: t[1].year):
        if target.value is None:
            continue
        if previous is not None:
            value, year, what = previous
            wrong = (
                target.value < value
                if kpi.direction is Direction.INCREASE
                else value < target.value
            )
            if wrong:
                yield (
                    n,
                    say(
                        f"format.target_{kpi.direction.value}",
                        target=_qty(kpi, target.value),
                        year=_fy(target.year),
                        what=say(f"format.{what}"),
                        value=_qty(kpi, value),
                        since=_fy(year),
                    ),
                )
        previous = (target.value, target.year, "previous_target")


def check_target_direction(ctx: Context) -> Iterator[Diagnostic]:
    """A target below the baseline (or the previous target) of a KPI that should increase, or
    above it for one that should decrease, is a warning."""
    for i, kpi in enumerate(ctx.project.kpis.kpis):
        for n, message in _contradiction(kpi):
            yield ctx.warning(("kpis", "kpis", i, "targets", n, "value"), message, "direction")


def _years_in_order(
    ctx: Context, loc: Loc, years: list[int], what: str, *, unique: bool
) -> Iterator[Diagnostic]:
    """Duplicate years (an error when `unique`) and years out of order (a warning)."""
    seen: set[int] = set()
    latest: int | None = None
    for n, year in enumerate(years):
        if unique and year in seen:
            yield ctx.error(
                (*loc, n, "year"), say("format.year_twice", year=_fy(year), what=say(what)), "order"
            )
        elif latest is not None and year < latest:
            message = say("format.year_order", year=_fy(year), latest=_fy(latest), what=say(what))
            yield ctx.warning((*loc, n, "year"), message, "order")
        seen.add(year)
        latest = year if latest is None else max(latest, year)


def check_order(ctx: Context) -> Iterator[Diagnostic]:
    """Targets and actuals of a KPI, evaluations and revisions are listed oldest first, each
    target year and each version once."""
    for i, kpi in enumerate(ctx.project.kpis.kpis):
        loc: Loc = ("kpis", "kpis", i)
        targets = [t.year for t in kpi.targets]
        yield from _years_in_order(ctx, (*loc, "targets"), targets, "format.targets", unique=True)
        actuals = [a.year for a in kpi.actuals]
        yield from _years_in_order(ctx, (*loc, "actuals"), actuals, "format.actuals", unique=False)
    evaluations = [e.year for e in ctx.project.evaluations.evaluations]
    yield from _years_in_order(
        ctx, ("evaluations", "evaluations"), evaluations, "format.evaluations", unique=False
    )
    versions: set[str] = set()
    latest = ""
    for n, revision in enumerate(ctx.project.plan.revisions):
        loc = ("plan", "revisions", n)
        if revision.version in versions:
            message = say("format.version_twice", version=revision.version)
            yield ctx.error((*loc, "version"), message, "order")
        versions.add(revision.version)
        if revision.date and latest and revision.date < latest:
            message = say("format.revision_order", date=revision.date, latest=latest)
            yield ctx.warning((*loc, "date"), message, "order")
        latest = max(latest, revision.date or "")


def _lists(ctx: Context) -> Iterator[tuple[Loc, Sequence[Text | str]]]:
    """Every list of the plan whose items should each be written once."""
    project = ctx.project
    for i, s in enumerate(project.strategies.strategies):
        yield ("strategies", "strategies", i, "keywords"), s.keywords
        for j, m in enumerate(s.measures):
            for k, a in enumerate(m.actions):
                if a.schedule:
                    where: Loc = ("strategies", "strategies", i, "measures", j, "actions", k)
                    yield (*where, "schedule", "periods"), a.schedule.periods
    for i, body in enumerate(project.governance.bodies):
        for name in ("deputies", "members", "duties"):
            yield ("governance", "bodies", i, name), getattr(body, name)
    for i, kpi in enumerate(project.kpis.kpis):
        yield ("kpis", "kpis", i, "rationale"), kpi.rationale


def _key(item: Text | str) -> str:
    return item if isinstance(item, str) else " ".join(item.ja.split())


def check_duplicates(ctx: Context) -> Iterator[Diagnostic]:
    """An item written twice in a list (a member, a keyword, a period of a schedule, a way to
    submit a comment) is a warning, at the second one."""
    for loc, items in _lists(ctx):
        first: dict[str, int] = {}
        for n, item in enumerate(items):
            key = _key(item)
            if key in first:
                message = say("format.item_twice", item=key, first=first[key] + 1)
                yield ctx.warning((*loc, n), message, "duplicate")
            first.setdefault(key, n)
    for i, milestone in enumerate(ctx.project.timeline.milestones):
        channels: set[tuple[str, str | None]] = set()
        for n, channel in enumerate(milestone.submit):
            written = (channel.method.value, channel.url)
            if written in channels:
                message = say("format.channel_twice", method=channel.method.value)
                yield ctx.warning(("timeline", "milestones", i, "submit", n), message, "duplicate")
            channels.add(written)


FORMAT_CHECKS: dict[str, Callable[[Context], Iterator[Diagnostic]]] = {
    "target-direction": check_target_direction,
    "order": check_order,
    "duplicates": check_duplicates,
}
"""The format's checks across items, by their stable ids."""
