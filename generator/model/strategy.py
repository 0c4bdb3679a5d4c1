"""strategies.yaml: basic strategies (基本戦略) → measures (施策) → actions (取組)."""

from __future__ import annotations

import enum

from pydantic import Field, model_validator

from .base import Choice, Id, Model
from .fiscal import FiscalYear
from .text import Text


class ActionStatus(enum.StrEnum):
    """How far an action has come."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    SUSPENDED = "suspended"


class NationalPriority(enum.StrEnum):
    """The 重点取組事項 of the national Municipal DX Promotion Plan an action serves."""

    FRONTYARD = "frontyard"
    STANDARDIZATION = "standardization"
    ELTAX = "eltax"
    MY_NUMBER_CARD = "my-number-card"
    SECURITY = "security"
    AI_RPA = "ai-rpa"
    TELEWORK = "telework"
    ONLINE_PROCEDURES = "online-procedures"


class Schedule(Model):
    """When an action runs: a span of fiscal years, or the ids of periods (期)."""

    start: FiscalYear | None = None
    """The first fiscal year."""
    end: FiscalYear | None = None
    """The last fiscal year, included."""
    periods: list[Id] = []
    """Period ids from plan.yaml, instead of start and end."""

    @model_validator(mode="after")
    def _one_way(self) -> Schedule:
        if self.periods and (self.start is not None or self.end is not None):
            raise ValueError("give either start and end, or periods, not both")
        if not self.periods and (self.start is None or self.end is None):
            raise ValueError("give both start and end (fiscal years), or periods")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"the end (FY{self.end}) is before the start (FY{self.start})")
        return self


class Budget(Model):
    """A budget attached to an action."""

    amount: int = Field(ge=0)
    """The amount in yen (e.g. 2480000 for 248万円)."""
    year: FiscalYear
    """The fiscal year of the budget."""
    note: Text | None = None
    """What the money is for."""


class Action(Model):
    """An action (取組 / 取組指標): who does what, when."""

    id: Id
    """The action's id, unique in the plan."""
    name: Text
    """Its name."""
    description: Text | None = None
    """What is done."""
    owner: Text | None = None
    """The department in charge (担当課)."""
    schedule: Schedule | None = None
    """When it runs."""
    status: Choice[ActionStatus] | None = None
    """planned, in-progress, done or suspended; leave out when not stated."""
    budget: Budget | None = None
    """A budget, if published."""
    national_priority: Choice[NationalPriority] | None = None
    """The national 重点取組事項 this action serves."""


class Measure(Model):
    """A measure (施策 / 重点施策) under a strategy."""

    id: Id
    """The measure's id, unique in the plan."""
    name: Text
    """Its name."""
    description: Text | None = None
    """What it does."""
    actions: list[Action] = []
    """Its actions."""


class Strategy(Model):
    """A basic strategy (基本戦略 / 柱)."""

    id: Id
    """The strategy's id; its page is /strategies/ID/."""
    name: Text
    """Its name, e.g. 暮らしのDX."""
    summary: Text | None = None
    """One sentence: what this strategy is."""
    description: list[Text] = []
    """Paragraphs describing the strategy."""
    keywords: list[Text] = []
    """Its 推進キーワード."""
    measures: list[Measure] = []
    """Its measures."""


class StrategiesFile(Model):
    """strategies.yaml: the plan's basic strategies."""

    introduction: list[Text] = []
    """Paragraphs introducing the strategies as a whole."""
    strategies: list[Strategy] = Field(min_length=1)
    """The basic strategies, in the plan's order."""
