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
    """Which way is better.

    ja: どちらの向きが良いか。"""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Outcome(enum.StrEnum):
    """What the build computes for a KPI; each grade of the scale names its outcome.

    ja: 数値目標についてビルドが計算する結果。評価の段階はそれぞれ、どの結果を表すかを書きます。"""

    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    BEHIND = "behind"
    NOT_MEASURED = "not-measured"
    NOT_REPORTED = "not-reported"
    NOT_ASSESSABLE = "not-assessable"


REQUIRED_OUTCOMES = (Outcome.ACHIEVED, Outcome.ON_TRACK, Outcome.BEHIND, Outcome.NOT_MEASURED)
"""Outcomes every grade scale names; a scale without the others gets dxsite's own grades."""


class Baseline(Model):
    """The baseline (基準値): a value in a fiscal year.

    ja: 基準値: ある年度の値。"""

    value: float
    """The value, a number without its unit.

    ja: 値。単位を付けずに数値だけを書きます。"""
    year: FiscalYear
    """The fiscal year it was measured (平成30年 → 2018).

    ja: 測った年度（平成30年 → 2018）。"""


class Target(Model):
    """A target (目標値): a number, or a qualitative target as text, for a fiscal year.

    ja: 目標値: ある年度までの数値、または文章で書く定性的な目標。"""

    year: FiscalYear
    """The fiscal year by which it should be reached.

    ja: 達成を目指す年度。"""
    value: float | None = None
    """The target value, a number without its unit.

    ja: 目標値。単位を付けずに数値だけを書きます。"""
    text: Text | None = None
    """A qualitative target, e.g. 2025年度末を目途に20業務を標準化.

    ja: 定性的な目標（例: 2025年度末を目途に20業務を標準化）。"""

    @model_validator(mode="after")
    def _value_or_text(self) -> Target:
        if self.value is None and self.text is None:
            raise ValueError(say("model.target_needs_value"))
        return self


class Actual(Model):
    """A measured value (実績値) for a fiscal year.

    ja: ある年度に測った値（実績値）。"""

    year: FiscalYear
    """The fiscal year.

    ja: 年度。"""
    value: float
    """The value, a number without its unit.

    ja: 値。単位を付けずに数値だけを書きます。"""
    note: Text | None = None
    """A remark on this value.

    ja: この値についての補足。"""


class ManualGrade(Model):
    """A grade set by hand, overriding the computed one.

    ja: 計算による評価に代えて、手で付けた評価。"""

    grade: Id
    """The id of a grade from the scale.

    ja: 評価の段階の ID。"""
    reason: Text
    """Why the grade was set by hand.

    ja: 手で評価を付けた理由。"""


class Kpi(Model):
    """A KPI: what is measured, where it starts, where it should go, and what was measured.

    ja: 数値目標: 何を測り、どこから始まり、どこを目指し、何が測られたか。"""

    id: Id
    """The KPI's id; its page is /kpis/ID/.

    ja: 数値目標の ID。そのページは /kpis/ID/ になります。"""
    name: Text
    """Its name, e.g. 行政手続きのオンライン化割合.

    ja: 名前（例: 行政手続きのオンライン化割合）。"""
    unit: Text
    """The unit: %, 百万円, 件, 人 …

    ja: 単位: %、百万円、件、人など。"""
    direction: Choice[Direction] = Direction.INCREASE
    """increase, decrease or maintain.

    ja: increase（増やす）、decrease（減らす）、maintain（保つ）のいずれか。"""
    precision: int = Field(default=0, ge=0, le=6)
    """Digits shown after the decimal point.

    ja: 小数点以下に表示する桁数。"""
    measures: Id
    """The id of the strategy or measure this KPI measures.

    ja: この数値目標が測る基本戦略・施策の ID。"""
    owner: Text | None = None
    """The department that reports its actuals (担当課); `dxsite collect` puts the KPI in that
    department's workbook.

    ja: 実績値を報告する担当課。`dxsite collect`
    はこの数値目標をこの課の Excel ファイルに入れます。"""
    baseline: Baseline | None = None
    """The baseline; leave out when there is none.

    ja: 基準値。ないときは書きません。"""
    targets: list[Target] = Field(min_length=1)
    """One or more targets.

    ja: 一つ以上の目標値。"""
    actuals: list[Actual] = []
    """Yearly measured values.

    ja: 年度ごとに測った値（実績値）。"""
    source: Text | None = None
    """Where the figures come from.

    ja: 数値の出典。"""
    source_url: Url | None = None
    """A link to the source.

    ja: 出典へのリンク。"""
    rationale: list[Text] = []
    """目標設定の考え方: why this KPI and target, one paragraph per item.

    ja: 目標設定の考え方: この数値目標と目標値にした理由（段落ごとに一項目）。"""
    grade: ManualGrade | None = None
    """A manual grade that overrides the computed one.

    ja: 計算による評価に代えて、手で付ける評価。"""


class Grade(Model):
    """One grade of the scale.

    ja: 評価の段階の一つ。"""

    id: Id
    """Its id, e.g. a, b, achieved.

    ja: 段階の ID（例: a、b、achieved）。"""
    label: Text
    """What readers see, e.g. A 目標より進んでいる.

    ja: 読む人に見える表示（例: A 目標より進んでいる）。"""
    outcome: Choice[Outcome] | None = None
    """The computed outcome it stands for; a grade without one is only given by hand.

    ja: この段階が表す、計算で決まる結果。結果のない段階は手で付けるときだけ使います。"""
    definition: Text | None = None
    """What the grade means, for the methodology page (dxsite explains the rule when left out).

    ja: 段階の意味。評価方法のページに載せます（書かなければ dxsite が決まりを説明します）。"""


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
    """kpis.yaml: every KPI of the plan, and the grade scale.

    ja: kpis.yaml: 計画のすべての数値目標と、評価の段階。"""

    grades: list[Grade] = Field(default_factory=_default_grades)
    """The grade scale, best first; every outcome needs exactly one grade.

    ja: 評価の段階。良いものから順に書きます。どの結果（outcome）
    にもちょうど一つの段階が必要です。"""
    kpis: list[Kpi] = []
    """The KPIs.

    ja: 数値目標。"""

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
