"""Which page shows each part of the plan: a large strategy gets one page per measure.

Small plans read as one page per strategy. Above `SPLIT_ACTIONS` actions a strategy's page
keeps its summary, its KPIs and a section per measure (the measure's id stays its anchor), and
each measure's actions move to a page of their own, `strategies/STRATEGY/MEASURE/`, so that no
page grows with the plan. Every link to a measure or an action asks this module where it is.
"""

from __future__ import annotations

from ..model.strategy import Measure, Strategy

SPLIT_ACTIONS = 60
"""A strategy with more actions than this gets one page per measure."""


def is_split(strategy: Strategy) -> bool:
    """Whether the strategy's measures have pages of their own."""
    return sum(len(m.actions) for m in strategy.measures) > SPLIT_ACTIONS


def strategy_page(strategy: Strategy) -> str:
    """The page of a strategy."""
    return f"strategies/{strategy.id}.md"


def has_page(strategy: Strategy, measure: Measure) -> bool:
    """Whether a measure has a page of its own (one with actions, in a split strategy)."""
    return bool(measure.actions) and is_split(strategy)


def measure_page(strategy: Strategy, measure: Measure) -> str:
    """The page that lists a measure's actions (its strategy's page unless it has its own)."""
    if has_page(strategy, measure):
        return f"strategies/{strategy.id}/{measure.id}.md"
    return strategy_page(strategy)


def measure_anchor(strategy: Strategy, measure: Measure) -> str:
    """The fragment of a link to a measure ("" to a measure's own page)."""
    return "" if has_page(strategy, measure) else f"#{measure.id}"


LIST_LIMIT = 200
"""A list longer than this (actions by status, KPIs by grade, overdue actions, a report's
KPIs, actions and changes) moves to pages of this many items, linked from where it stood."""


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: kpis/index.md → kpis/, kpis/a.md → kpis/a/."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_path: str, to_path: str) -> str:
    """A link from one page to another, as the browser resolves it: up to the folder the two
    URLs share, then down (page paths are slugs, so no segment needs normalising)."""
    here = page_url(from_path).split("/")[:-1]
    there = page_url(to_path).split("/")[:-1]
    shared = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        shared += 1
    parts = [".."] * (len(here) - shared) + there[shared:]
    return "/".join(parts) + "/" if parts else "./"


def list_pages(base: str, items: int) -> list[tuple[int, str]]:
    """The pages of a list of `items` under `base`: (1, base/index.md), (2, base/2.md) …;
    none when the list stays where it is."""
    if items <= LIST_LIMIT:
        return []
    count = -(-items // LIST_LIMIT)
    return [(n, f"{base}/index.md" if n == 1 else f"{base}/{n}.md") for n in range(1, count + 1)]
