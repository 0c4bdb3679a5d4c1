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
    """The evaluation of one strategy or measure in a fiscal year."""

    target: Id
    """The id of the strategy or measure evaluated."""
    grade: Text | None = None
    """The grade the evaluating body gave, as it writes it (A, B …, 順調 …)."""
    comment: Text | None = None
    """What the evaluating body said."""

    @model_validator(mode="after")
    def _something(self) -> EvaluationItem:
        if self.grade is None and self.comment is None:
            raise ValueError(say("model.grade_or_comment"))
        return self


class Evaluation(Model):
    """The evaluation of one fiscal year: who evaluated, when, overall and item by item."""

    year: FiscalYear
    """The fiscal year evaluated."""
    by: Text
    """Who evaluated (DX推進本部, 外部評価委員会 …)."""
    date: PartialDate | None = None
    """When the evaluation was made (YYYY-MM-DD or YYYY-MM)."""
    summary: Text | None = None
    """The overall comment on the year."""
    items: list[EvaluationItem] = []
    """The evaluation of each strategy or measure."""


class EvaluationsFile(Model):
    """plan/evaluations.yaml: the yearly evaluations, oldest first."""

    evaluations: list[Evaluation] = []
    """One entry per fiscal year evaluated."""
