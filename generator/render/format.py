"""Display helpers per language: numbers, fiscal years, spans, dates."""

from __future__ import annotations

import decimal
import functools

from ..model.fiscal import format_fiscal_year
from ..model.text import Text

LANGS = ("ja", "en")


def decimals(value: float) -> int:
    """The digits after the decimal point as the value was written: 47.5 → 1, 80 → 0."""
    exponent = decimal.Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number(value: float, precision: int) -> str:
    """25607 → 25,607; 2.7 with precision 1 → 2.7; a whole number keeps no decimals (100).

    Never fewer decimals than the value has: 47.5 with precision 0 stays 47.5 (the site does
    not show a value different from the data; `dxsite check` warns about the precision)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{max(precision, decimals(value))}f}"


def quantity(value: float, precision: int, unit: Text, lang: str) -> str:
    """A number with its unit: 25,607百万円 / 25,607 million yen, 80% in both."""
    shown = unit.get(lang)
    if shown in ("%", "％"):
        return f"{number(value, precision)}%"
    glue = " " if lang == "en" else ""
    return f"{number(value, precision)}{glue}{shown}"


@functools.cache
def year(fy: int, lang: str) -> str:
    """令和5年度（2023年度） / FY2023: the one form of a fiscal year in each language (a plan
    has a few fiscal years and writes them on every row)."""
    return format_fiscal_year(fy, lang)


def span(start: int, end: int, lang: str) -> str:
    """A span of fiscal years: 令和4年度（2022年度）〜令和7年度（2025年度） / FY2022–FY2025."""
    if start == end:
        return year(start, lang)
    separator = "〜" if lang == "ja" else "–"
    return f"{year(start, lang)}{separator}{year(end, lang)}"


def percent(value: float | None, lang: str) -> str:
    """Progress in % with no decimals, or a dash."""
    return "—" if value is None else f"{value:.0f}%"


def paren(words: str, lang: str) -> str:
    """Words in parentheses after others: （令和6年度） / (FY2024)."""
    return f"（{words}）" if lang == "ja" else f" ({words})"
