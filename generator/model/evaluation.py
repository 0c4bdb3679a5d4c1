"""evaluations.yaml: the yearly evaluation (評価) of strategies and measures by the body that
grades the plan's progress (DX推進本部 …), one entry per fiscal year."""

from __future__ import annotations

from pydantic import model_validator

from ..messages import say
from .base import Id, Model
from .fiscal import FiscalYear
from .plan import PartialDate
from .text import Text


class EvaluationItem(Model):
    """The evaluation of one strategy or measure in a fiscal year.

    ja: ある年度の、一つの基本戦略・施策の評価。"""

    target: Id
    """The id of the strategy or measure evaluated.

    ja: 評価した基本戦略・施策の ID。"""
    grade: Text | None = None
    """The grade the evaluating body gave, as it writes it (A, B …, 順調 …).

    ja: 評価した組織が付けた評価。その組織の書き方で書きます（A、B、順調など）。"""
    comment: Text | None = None
    """What the evaluating body said.

    ja: 評価した組織の意見。"""

    @model_validator(mode="after")
    def _something(self) -> EvaluationItem:
        if self.grade is None and self.comment is None:
            raise ValueError(say("model.grade_or_comment"))
        return self


class Evaluation(Model):
    """The evaluation of one fiscal year: who evaluated, when, overall and item by item.

    ja: ある年度の評価: 評価した組織、評価した日、総評と項目ごとの評価。"""

    year: FiscalYear
    """The fiscal year evaluated.

    ja: 評価した年度。"""
    by: Text
    """Who evaluated (DX推進本部, 外部評価委員会 …).

    ja: 評価した組織（DX推進本部、外部評価委員会など）。"""
    date: PartialDate | None = None
    """When the evaluation was made (YYYY-MM-DD or YYYY-MM).

    ja: 評価した日（YYYY-MM-DD か YYYY-MM）。"""
    summary: Text | None = None
    """The overall comment on the year.

    ja: その年度の総評。"""
    items: list[EvaluationItem] = []
    """The evaluation of each strategy or measure.

    ja: 基本戦略・施策ごとの評価。"""


class EvaluationsFile(Model):
    """plan/evaluations.yaml: the yearly evaluations, oldest first.

    ja: plan/evaluations.yaml: 年度ごとの評価。古い順に書きます。"""

    evaluations: list[Evaluation] = []
    """One entry per fiscal year evaluated.

    ja: 評価した年度ごとに一項目。"""
