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
