"""Display helpers per language: numbers, fiscal years, spans, dates."""

from __future__ import annotations

from ..model.fiscal import format_fiscal_year
from ..model.text import Text

LANGS = ("ja", "en")


def number(value: float, precision: int) -> str:
    """25607 → 25,607; 2.7 with precision 1 → 2.7; a whole number keeps no decimals (100)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{precision}f}"


def quantity(value: float, precision: int, unit: Text, lang: str) -> str:
    """A number with its unit: 25,607百万円 / 25,607 million yen, 80% in both."""
    shown = unit.get(lang)
    if shown in ("%", "％"):
        return f"{number(value, precision)}%"
    glue = " " if lang == "en" else ""
    return f"{number(value, precision)}{glue}{shown}"


def year(fy: int, lang: str, *, compact: bool = False) -> str:
    """令和5年度（2023年度） / FY2023."""
    return format_fiscal_year(fy, lang, compact=compact)


def span(start: int, end: int, lang: str) -> str:
    """A span of fiscal years: 令和4年度（2022年度）〜令和7年度（2025年度） / FY2022–FY2025."""
    if start == end:
        return year(start, lang)
    separator = "〜" if lang == "ja" else "–"
    return f"{year(start, lang)}{separator}{year(end, lang)}"


def percent(value: float | None, lang: str) -> str:
    """Progress in % with no decimals, or a dash."""
    return "—" if value is None else f"{value:.0f}%"
