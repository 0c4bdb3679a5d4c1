"""kpis.yaml: KPIs (数値目標 / 評価指標) and the grade scale used to report their progress."""

from __future__ import annotations

import enum

from pydantic import Field, model_validator

from ..messages import say
from .base import Choice, Id, Model
from .fiscal import FiscalYear
from .plan import Url
from .text import Text


class Direction(enum.StrEnum):
    """Which way is better."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Outcome(enum.StrEnum):
    """What the build computes for a KPI; each grade of the scale names its outcome."""

    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    BEHIND = "behind"
    NOT_MEASURED = "not-measured"
    NOT_REPORTED = "not-reported"
    NOT_ASSESSABLE = "not-assessable"


REQUIRED_OUTCOMES = (Outcome.ACHIEVED, Outcome.ON_TRACK, Outcome.BEHIND, Outcome.NOT_MEASURED)
"""Outcomes every grade scale names; a scale without the others gets dxsite's own grades."""


class Baseline(Model):
    """The baseline (基準値): a value in a fiscal year."""

    value: float
    """The value, a number without its unit."""
    year: FiscalYear
    """The fiscal year it was measured (平成30年 → 2018)."""


class Target(Model):
    """A target (目標値): a number, or a qualitative target as text, for a fiscal year."""

    year: FiscalYear
    """The fiscal year by which it should be reached."""
    value: float | None = None
    """The target value, a number without its unit."""
    text: Text | None = None
    """A qualitative target, e.g. 2025年度末を目途に20業務を標準化."""

    @model_validator(mode="after")
    def _value_or_text(self) -> Target:
        if self.value is None and self.text is None:
            raise ValueError(say("model.target_needs_value"))
        return self


class Actual(Model):
    """A measured value (実績値) for a fiscal year."""

    year: FiscalYear
    """The fiscal year."""
    value: float
    """The value, a number without its unit."""
    note: Text | None = None
    """A remark on this value."""


class ManualGrade(Model):
    """A grade set by hand, overriding the computed one."""

    grade: Id
    """The id of a grade from the scale."""
    reason: Text
    """Why the grade was set by hand."""


class Kpi(Model):
    """A KPI: what is measured, where it starts, where it should go, and what was measured."""

    id: Id
    """The KPI's id; its page is /kpis/ID/."""
    name: Text
    """Its name, e.g. 行政手続きのオンライン化割合."""
    unit: Text
    """The unit: %, 百万円, 件, 人 …"""
    direction: Choice[Direction] = Direction.INCREASE
    """increase, decrease or maintain."""
    precision: int = Field(default=0, ge=0, le=6)
    """Digits shown after the decimal point."""
    measures: Id
    """The id of the strategy or measure this KPI measures."""
    owner: Text | None = None
    """The department that reports its actuals (担当課); `dxsite collect` puts the KPI in that
    department's workbook."""
    baseline: Baseline | None = None
    """The baseline; leave out when there is none."""
    targets: list[Target] = Field(min_length=1)
    """One or more targets."""
    actuals: list[Actual] = []
    """Yearly measured values."""
    source: Text | None = None
    """Where the figures come from."""
    source_url: Url | None = None
    """A link to the source."""
    rationale: list[Text] = []
    """目標設定の考え方: why this KPI and target, one paragraph per item."""
    grade: ManualGrade | None = None
    """A manual grade that overrides the computed one."""


class Grade(Model):
    """One grade of the scale."""

    id: Id
    """Its id, e.g. a, b, achieved."""
    label: Text
    """What readers see, e.g. A 目標より進んでいる."""
    outcome: Choice[Outcome] | None = None
    """The computed outcome it stands for; a grade without one is only given by hand."""
    definition: Text | None = None
    """What the grade means, for the methodology page (dxsite explains the rule when left out)."""


def _default_grades() -> list[Grade]:
    return [
        Grade(id="achieved", label=Text(ja="達成", en="Achieved"), outcome=Outcome.ACHIEVED),
        Grade(id="on-track", label=Text(ja="順調", en="On track"), outcome=Outcome.ON_TRACK),
        Grade(id="behind", label=Text(ja="遅れ", en="Behind"), outcome=Outcome.BEHIND),
        Grade(
            id="not-measured",
            label=Text(ja="未測定", en="Not yet measured"),
            outcome=Outcome.NOT_MEASURED,
        ),
        *_extra_grades(),
    ]


def _extra_grades() -> list[Grade]:
    """dxsite's grades for the outcomes a scale may leave out (未報告, 評価対象外)."""
    return [
        Grade(
            id="not-reported",
            label=Text(ja="未報告", en="Not reported"),
            outcome=Outcome.NOT_REPORTED,
        ),
        Grade(
            id="not-assessable",
            label=Text(ja="評価対象外", en="Not assessed"),
            outcome=Outcome.NOT_ASSESSABLE,
        ),
    ]


class KpisFile(Model):
    """kpis.yaml: every KPI of the plan, and the grade scale."""

    grades: list[Grade] = Field(default_factory=_default_grades)
    """The grade scale, best first; every outcome needs exactly one grade."""
    kpis: list[Kpi] = []
    """The KPIs."""

    @model_validator(mode="after")
    def _scale_covers_outcomes(self) -> KpisFile:
        for outcome in Outcome:
            count = sum(g.outcome is outcome for g in self.grades)
            if outcome in REQUIRED_OUTCOMES and count != 1:
                raise ValueError(
                    say("model.grade_missing_outcome", outcome=outcome.value, count=count)
                )
            if count > 1:
                raise ValueError(
                    say("model.grade_twice_outcome", outcome=outcome.value, count=count)
                )
        return self

    @property
    def scale(self) -> list[Grade]:
        """The grades as written, then dxsite's own for the outcomes the scale leaves out."""
        named = {g.outcome for g in self.grades}
        ids = {g.id for g in self.grades}
        extra = [
            g if g.id not in ids else g.model_copy(update={"id": f"{g.id}-dxsite"})
            for g in _extra_grades()
            if g.outcome not in named
        ]
        return [*self.grades, *extra]
