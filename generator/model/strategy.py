"""strategies.yaml: basic strategies (基本戦略) → measures (施策) → actions (取組)."""

from __future__ import annotations

import enum

from pydantic import Field, model_validator

from ..messages import current, say
from .base import Choice, Id, Model
from .fiscal import FiscalYear, format_fiscal_year
from .text import Text


class ActionStatus(enum.StrEnum):
    """How far an action has come: 予定, 実施中, 完了, 延期, 休止, 中止.

    ja: 取組の進み具合: 予定、実施中、完了、延期、休止、中止。"""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    POSTPONED = "postponed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)
"""Statuses after which an action is no longer expected to run."""


class NationalPriority(enum.StrEnum):
    """The 重点取組事項 of the national Municipal DX Promotion Plan an action serves.

    ja: 取組が当たる、国の自治体DX推進計画の重点取組事項。"""

    FRONTYARD = "frontyard"
    STANDARDIZATION = "standardization"
    ELTAX = "eltax"
    MY_NUMBER_CARD = "my-number-card"
    SECURITY = "security"
    AI_RPA = "ai-rpa"
    TELEWORK = "telework"
    ONLINE_PROCEDURES = "online-procedures"


class Schedule(Model):
    """When an action runs: a span of fiscal years, or the ids of periods (期).

    ja: 取組の実施時期: 年度の範囲か、期の ID で書きます。"""

    start: FiscalYear | None = None
    """The first fiscal year.

    ja: 最初の年度。"""
    end: FiscalYear | None = None
    """The last fiscal year, included.

    ja: 最後の年度（この年度を含みます）。"""
    periods: list[Id] = []
    """Period ids from plan.yaml, instead of start and end.

    ja: start と end の代わりに、plan.yaml の期の ID。"""

    @model_validator(mode="after")
    def _one_way(self) -> Schedule:
        if self.periods and (self.start is not None or self.end is not None):
            raise ValueError(say("model.schedule_both"))
        if not self.periods and (self.start is None or self.end is None):
            raise ValueError(say("model.schedule_neither"))
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(
                say(
                    "model.end_before_start",
                    end=format_fiscal_year(self.end, current()),
                    start=format_fiscal_year(self.start, current()),
                )
            )
        return self


class Budget(Model):
    """A budget attached to an action.

    ja: 取組の予算。"""

    amount: int = Field(ge=0)
    """The amount in yen (e.g. 2480000 for 248万円).

    ja: 金額（円）（例: 248万円なら 2480000）。"""
    year: FiscalYear
    """The fiscal year of the budget.

    ja: 予算の年度。"""
    note: Text | None = None
    """What the money is for.

    ja: 何に使うお金か。"""


class StatusRecord(Model):
    """An action's status in one fiscal year (進捗状況), as the DX office recorded it.

    ja: ある年度の取組の状況（進捗状況）。DX推進担当が記録したもの。"""

    year: FiscalYear
    """The fiscal year, e.g. 令和6年度.

    ja: 年度（例: 令和6年度）。"""
    status: Choice[ActionStatus]
    """planned, in-progress, done, postponed, suspended or cancelled.

    ja: planned、in-progress、done、postponed、suspended、cancelled のいずれか。"""
    note: Text | None = None
    """What happened that year, e.g. why it was postponed.

    ja: その年度にあったこと（例: 延期した理由）。"""


class Action(Model):
    """An action (取組 / 取組指標): who does what, when.

    ja: 取組（取組指標）: だれが、何を、いつ行うか。"""

    id: Id
    """The action's id, unique in the plan.

    ja: 取組の ID。計画の中で重ならないようにします。"""
    name: Text
    """Its name.

    ja: 名前。"""
    description: Text | None = None
    """What is done.

    ja: 行うこと。"""
    owner: Text | None = None
    """The department in charge (担当課).

    ja: 担当課。"""
    schedule: Schedule | None = None
    """When it runs.

    ja: 実施時期。"""
    status: Choice[ActionStatus] | None = None
    """The status when it is not recorded per year (use progress for that); leave out when not
    stated.

    ja: 年度ごとに記録しないときの状況（年度ごとなら progress に書きます）。
    書かれていなければ省きます。"""
    progress: list[StatusRecord] = []
    """The status per fiscal year, oldest first; the latest is the action's current status.

    ja: 年度ごとの状況。古い順に書き、最後のものが今の状況になります。"""
    budget: Budget | None = None
    """A budget, if published.

    ja: 公表されていれば予算。"""
    national_priority: Choice[NationalPriority] | None = None
    """The national 重点取組事項 this action serves.

    ja: この取組が当たる国の重点取組事項。"""

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
    """A measure (施策 / 重点施策) under a strategy.

    ja: 基本戦略の下の施策（重点施策）。"""

    id: Id
    """The measure's id, unique in the plan.

    ja: 施策の ID。計画の中で重ならないようにします。"""
    name: Text
    """Its name.

    ja: 名前。"""
    description: Text | None = None
    """What it does.

    ja: 施策の内容。"""
    actions: list[Action] = []
    """Its actions.

    ja: この施策の取組。"""


class Strategy(Model):
    """A basic strategy (基本戦略 / 柱).

    ja: 基本戦略（柱）。"""

    id: Id
    """The strategy's id; its page is /strategies/ID/.

    ja: 基本戦略の ID。そのページは /strategies/ID/ になります。"""
    name: Text
    """Its name, e.g. 暮らしのDX.

    ja: 名前（例: 暮らしのDX）。"""
    summary: Text | None = None
    """One sentence: what this strategy is.

    ja: この基本戦略が何かを一文で。"""
    description: list[Text] = []
    """Paragraphs describing the strategy.

    ja: 基本戦略を説明する段落。"""
    keywords: list[Text] = []
    """Its 推進キーワード.

    ja: 推進キーワード。"""
    measures: list[Measure] = []
    """Its measures.

    ja: この基本戦略の施策。"""


class StrategiesFile(Model):
    """strategies.yaml: the plan's basic strategies.

    ja: strategies.yaml: 計画の基本戦略。"""

    introduction: list[Text] = []
    """Paragraphs introducing the strategies as a whole.

    ja: 基本戦略全体の前文（段落ごとに一項目）。"""
    strategies: list[Strategy] = Field(min_length=1)
    """The basic strategies, in the plan's order.

    ja: 基本戦略。計画の順に書きます。"""
