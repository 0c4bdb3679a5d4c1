"""accessibility.json: the recorded result of the last `dxsite accessibility` run."""

from __future__ import annotations

import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..messages import say


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

    @field_validator("date")
    @classmethod
    def _a_real_day(cls, value: str) -> str:
        """2024-13-01 has the shape of a date but is none."""
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(say("model.bad_date", value=value)) from None
        return value
