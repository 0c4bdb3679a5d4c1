"""accessibility.json, the recorded result of the last `dxsite accessibility` run, and
accessibility-manual.yaml, the results of the checks a person made by hand."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from ..jis import IDS
from ..messages import say
from .base import Model
from .text import Text


class _Recorded(BaseModel):
    """Machine-written, so unknown keys are ignored; the shape is still checked."""

    model_config = ConfigDict(extra="ignore", strict=True)


class PageResult(_Recorded):
    """One tested page."""

    url: str
    violations: int = Field(ge=0)
    rules: list[Any] = []


class AccessibilityReport(_Recorded):
    """What the accessibility policy page states: when, how, which pages, with what result."""

    date: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    tool: str
    tags: list[str]
    schemes: list[str] = []
    browser: str
    pages: list[PageResult]
    violations: int = Field(ge=0)
    rule_criteria: dict[str, list[str]] = {}
    """The success criteria each axe-core rule run tests (from its tags); empty in a file
    recorded before dxsite kept them."""

    @field_validator("date")
    @classmethod
    def _a_real_day(cls, value: str) -> str:
        """2024-13-01 has the shape of a date but is none."""
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(say("model.bad_date", value=value)) from None
        return value


def _day(value: object) -> object:
    """A calendar day written YYYY-MM-DD (YAML may have read it as a date already)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            day = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(say("a11y.manual.day", value=value)) from None
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
            raise ValueError(say("a11y.manual.day", value=value))
        return day.isoformat()
    return value


Day = Annotated[
    str,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]


def _criterion(value: str) -> str:
    """Only the 38 criteria of JIS X 8341-3:2016 at levels A and AA."""
    if value not in IDS:
        raise ValueError(say("a11y.manual.criterion", ids=value))
    return value


CriterionId = Annotated[str, AfterValidator(_criterion)]


class ManualCheck(Model):
    """The result of checking one success criterion by hand.

    ja: 達成基準ひとつを手動で確認した結果。"""

    result: Literal["適合", "不適合", "適用なし"]
    """適合 (met), 不適合 (not met) or 適用なし (the site has no content it applies to).

    ja: 適合、不適合、または適用なし（この達成基準が対象とする内容がサイトにない）。"""
    note: Text | None = None
    """What was checked or found (shown in the checklist).

    ja: 確認したこと、見つかったこと（チェックリストの注記に表示します）。"""


class ManualFile(Model):
    """accessibility-manual.yaml: the checks a person made, which axe-core cannot make.

    ja: accessibility-manual.yaml。自動試験（axe-core）ではできない、人による確認の結果。"""

    tester: Text
    """Who checked (a department, or a contractor by name).

    ja: 確認した人（担当課、または委託先の名前）。"""
    start: Day
    """The first day of the manual check (YYYY-MM-DD).

    ja: 手動確認の開始日（YYYY-MM-DD）。"""
    end: Day
    """The last day of the manual check (YYYY-MM-DD).

    ja: 手動確認の終了日（YYYY-MM-DD）。"""
    method: Text | None = None
    """How the pages checked by hand were chosen and what was done (shown beside the
    automated test's choice of every page).

    ja: 手動で確認したページの選び方と確認の方法（自動試験の「全ページ」と並べて表示します）。"""
    plan: Text | None = None
    """What the city will do about the criteria not met (今後の対応方針): a statement of
    一部準拠 needs it.

    ja: 満たしていない達成基準への今後の対応方針。「一部準拠」と表記するには必要です。"""
    criteria: dict[CriterionId, ManualCheck]
    """Per success criterion of levels A and AA (1.1.1 … 4.1.2): the result and a note.

    ja: レベル A・AA の達成基準（1.1.1〜4.1.2）ごとの結果と注記。"""

    @field_validator("end")
    @classmethod
    def _after_start(cls, value: str, info: ValidationInfo) -> str:
        """The check ends on or after the day it starts (the error is at `end:`)."""
        start = info.data.get("start")
        if start is not None and value < start:
            raise ValueError(say("a11y.manual.period", start=start, end=value))
        return value
