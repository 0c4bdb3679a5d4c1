"""Japanese fiscal years (年度, April–March) and eras (令和 … 明治), written by hand.

Editors write a fiscal year as 2023, 2023年度, FY2023, 令和5年度, R5 and so on; this module turns
all of them into the Western year of the 年度's start (令和5年度 → 2023) and back for display.
FY2019 is both 平成31年度 and 令和元年度.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Annotated, NamedTuple

from pydantic import BeforeValidator, WithJsonSchema

from ..messages import say

__all__ = [
    "FiscalYear",
    "era_name",
    "era_short",
    "fiscal_year_of",
    "format_fiscal_year",
    "parse_fiscal_year",
]

MIN_YEAR = 1900
MAX_YEAR = 2200


class Era(NamedTuple):
    """A Japanese era: its name, its letter, the Western year of 元年 and its last era year."""

    name: str
    letter: str
    first: int
    last: int | None


# Newest first, so that a year on a boundary (1989, 2019) is named by the new era.
ERAS = (
    Era("令和", "R", 2019, None),
    Era("平成", "H", 1989, 31),
    Era("昭和", "S", 1926, 64),
    Era("大正", "T", 1912, 15),
    Era("明治", "M", 1868, 45),
)
"""Every era since MIN_YEAR: a year from 1900 on has its era name."""

_WESTERN = re.compile(r"(?:FY\s*)?([0-9]+)\s*(?:年度?)?", re.IGNORECASE)
_ERA = re.compile(r"(令和|平成|昭和|大正|明治|[RHSTM])?\s*(元|[0-9]+)\s*(?:年度?)?", re.IGNORECASE)


def _show(value: object) -> str:
    """Quote a value the way an editor wrote it, for error messages."""
    return f'"{value.strip()}"' if isinstance(value, str) else repr(value)


def _in_range(year: int, shown: str) -> int:
    """Return the year if it lies within MIN_YEAR–MAX_YEAR, else raise ValueError."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(say("fiscal.range", shown=shown, low=MIN_YEAR, high=MAX_YEAR))
    return year


def _find_era(token: str) -> Era:
    """Return the era named by 令和/平成/昭和/大正/明治 or its letter R/H/S/T/M."""
    return next(era for era in ERAS if token.upper() in (era.name, era.letter))


def parse_fiscal_year(value: object) -> int:
    """Return the fiscal year (Western year of its April) written as an int or text."""
    shown = _show(value)
    if isinstance(value, bool):
        raise ValueError(say("fiscal.examples", shown=shown))
    if isinstance(value, int):
        return _in_range(value, shown)
    if isinstance(value, float):
        raise ValueError(say("fiscal.whole", shown=shown))
    if not isinstance(value, str):
        raise ValueError(say("fiscal.examples", shown=shown))

    text = unicodedata.normalize("NFKC", value).strip()
    if match := _WESTERN.fullmatch(text):
        return _in_range(int(match.group(1)), shown)
    match = _ERA.fullmatch(text)
    if match is None:
        raise ValueError(say("fiscal.examples", shown=shown))
    token, number = match.groups()
    if token is None:  # only 元 gets here: the Western pattern took bare digits
        raise ValueError(say("fiscal.no_era", shown=shown))
    era = _find_era(token)
    era_year = 1 if number == "元" else int(number)
    if era_year < 1:
        raise ValueError(say("fiscal.era_zero", shown=shown))
    if era.last is not None and era_year > era.last:
        end = era.first + era.last - 1
        raise ValueError(say("fiscal.era_ended", shown=shown, era=era.name, last=era.last, end=end))
    return _in_range(era.first + era_year - 1, shown)


FiscalYear = Annotated[
    int,
    BeforeValidator(parse_fiscal_year),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string"},
            ],
            "description": "A fiscal year (April–March): 2023, 2023年度, 令和5年度, R5 …\n\n"
            "ja: 年度（4月〜翌年3月）: 2023、2023年度、令和5年度、R5 など",
        }
    ),
]


def _era_of(year: int) -> tuple[Era, int]:
    """Return the era a fiscal year is named in and its year within that era."""
    for era in ERAS:
        if year >= era.first:
            return era, year - era.first + 1
    raise ValueError(say("fiscal.before_eras", year=year, era=ERAS[-1].name, first=ERAS[-1].first))


def era_name(year: int) -> str:
    """Return the era form of a fiscal year: 2023 → 令和5年度, 2019 → 令和元年度."""
    era, era_year = _era_of(year)
    return f"{era.name}{'元' if era_year == 1 else era_year}年度"


def era_short(year: int) -> str:
    """Return the short era form of a fiscal year: 2023 → R5, 2018 → H30."""
    era, era_year = _era_of(year)
    return f"{era.letter}{era_year}"


def format_fiscal_year(year: int, lang: str) -> str:
    """Return a fiscal year for display, the one form of each language: 令和5年度（2023年度）,
    FY2023."""
    if lang == "ja":
        return f"{era_name(year)}（{year}年度）"
    if lang == "en":
        return f"FY{year}"
    raise ValueError(f"unknown language {lang!r}: expected 'ja' or 'en'")


def fiscal_year_of(day: datetime.date) -> int:
    """Return the fiscal year a day falls in: April–March, so 2024-03-31 → 2023."""
    return day.year if day.month >= 4 else day.year - 1
