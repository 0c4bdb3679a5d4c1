"""strategies.yaml: basic strategies (基本戦略) → measures (施策) → actions (取組)."""

from __future__ import annotations

import enum

from pydantic import Field, model_validator

from ..messages import say
from .base import Choice, Id, Model
from .fiscal import FiscalYear
from .text import Text


class ActionStatus(enum.StrEnum):
    """How far an action has come: 予定, 実施中, 完了, 延期, 休止, 中止."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    POSTPONED = "postponed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)
"""Statuses after which an action is no longer expected to run."""


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
            raise ValueError(say("model.schedule_both"))
        if not self.periods and (self.start is None or self.end is None):
            raise ValueError(say("model.schedule_neither"))
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(
                say("model.end_before_start", end=f"FY{self.end}", start=f"FY{self.start}")
            )
        return self


class Budget(Model):
    """A budget attached to an action."""

    amount: int = Field(ge=0)
    """The amount in yen (e.g. 2480000 for 248万円)."""
    year: FiscalYear
    """The fiscal year of the budget."""
    note: Text | None = None
    """What the money is for."""


class StatusRecord(Model):
    """An action's status in one fiscal year (進捗状況), as the DX office recorded it."""

    year: FiscalYear
    """The fiscal year, e.g. 令和6年度."""
    status: Choice[ActionStatus]
    """planned, in-progress, done, postponed, suspended or cancelled."""
    note: Text | None = None
    """What happened that year, e.g. why it was postponed."""


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
    """The status when it is not recorded per year (use progress for that); leave out when not
    stated."""
    progress: list[StatusRecord] = []
    """The status per fiscal year, oldest first; the latest is the action's current status."""
    budget: Budget | None = None
    """A budget, if published."""
    national_priority: Choice[NationalPriority] | None = None
    """The national 重点取組事項 this action serves."""

    @model_validator(mode="after")
    def _status_or_progress(self) -> Action:
        if self.status is not None and self.progress:
            raise ValueError(say("model.status_twice", status=self.status.value))
        return self

    @property
    def current(self) -> StatusRecord | None:
        """The latest status record (None when only `status` or nothing is given)."""
        return max(self.progress, key=lambda r: r.year) if self.progress else None

    @property
    def current_status(self) -> ActionStatus | None:
        """The action's status now: the latest record's, else `status`."""
        latest = self.current
        return latest.status if latest else self.status

    def status_in(self, year: int) -> StatusRecord | None:
        """The latest record up to and including the fiscal year `year`."""
        known = [r for r in self.progress if r.year <= year]
        return max(known, key=lambda r: r.year) if known else None


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
