"""Fiscal years and eras: the rules of BRIEF §2, tested at the era boundaries."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from generator.model.fiscal import (
    FiscalYear,
    era_name,
    era_short,
    fiscal_year_of,
    format_fiscal_year,
    parse_fiscal_year,
)

from .conftest import build_at, page_html

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    "text",
    [
        "2023",
        "2023年度",
        "2023年",
        "FY2023",
        "fy2023",
        "FY 2023",
        "令和5年度",
        "令和5年",
        "令和５年度",
        "２０２３年度",
        "R5",
        "r5",
        "R5年度",
        "Ｒ５",
        "  令和5年度 \n",
        "令和 5 年度",
    ],
)
def test_every_notation_of_fy2023_is_2023(text: str) -> None:
    assert parse_fiscal_year(text) == 2023


def test_an_int_is_taken_as_the_western_year() -> None:
    assert parse_fiscal_year(2023) == 2023


@pytest.mark.parametrize(
    "text", ["令和元年度", "令和元年", "R元", "令和1年度", "平成31年度", "H31"]
)
def test_reiwa_gannen_and_heisei_31_are_both_fy2019(text: str) -> None:
    assert parse_fiscal_year(text) == 2019


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("平成30年", 2018),
        ("H30", 2018),
        ("平成元年度", 1989),
        ("平成1年度", 1989),
        ("昭和64年", 1989),
        ("昭和63年度", 1988),
        ("S63", 1988),
        ("昭和元年度", 1926),
    ],
)
def test_heisei_and_showa_years(text: str, year: int) -> None:
    assert parse_fiscal_year(text) == year


def test_reiwa_zero_is_rejected() -> None:
    message = r'^"令和0年度" is not a fiscal year: era years start at 1 \(元年\)$'
    with pytest.raises(ValueError, match=message):
        parse_fiscal_year("令和0年度")


def test_heisei_32_is_rejected_because_heisei_ended_in_its_31st_year() -> None:
    message = '"平成32年度" is not a fiscal year: 平成 ended in its year 31 (2019)'
    with pytest.raises(ValueError) as caught:
        parse_fiscal_year("平成32年度")
    assert str(caught.value) == message


def test_showa_65_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"昭和 ended in its year 64 \(1989\)"):
        parse_fiscal_year("S65")


def test_unrecognised_text_says_what_was_expected() -> None:
    message = '"next year" is not a fiscal year: expected e.g. 2023, 2023年度, 令和5年度 or R5'
    with pytest.raises(ValueError) as caught:
        parse_fiscal_year("next year")
    assert str(caught.value) == message


def test_gannen_without_an_era_is_rejected() -> None:
    with pytest.raises(ValueError, match="name the era"):
        parse_fiscal_year("元年度")


@pytest.mark.parametrize("value", [True, False])
def test_booleans_are_rejected(value: bool) -> None:
    with pytest.raises(ValueError, match="is not a fiscal year"):
        parse_fiscal_year(value)


@pytest.mark.parametrize("value", [2023.0, 2023.5])
def test_floats_are_rejected_even_whole_ones(value: float) -> None:
    with pytest.raises(ValueError, match="expected a whole year"):
        parse_fiscal_year(value)


@pytest.mark.parametrize("value", [None, [2023], {"year": 2023}])
def test_other_types_are_rejected(value: object) -> None:
    with pytest.raises(ValueError, match="is not a fiscal year"):
        parse_fiscal_year(value)


@pytest.mark.parametrize("value", [1899, 2201, "1899年度", "23年度", "FY12345", "令和200年度"])
def test_years_outside_1900_to_2200_are_rejected(value: object) -> None:
    with pytest.raises(ValueError, match="expected a year between 1900 and 2200"):
        parse_fiscal_year(value)


@pytest.mark.parametrize("value", [1900, 2200, "1900年度", "2200年度"])
def test_1900_and_2200_themselves_are_accepted(value: object) -> None:
    assert parse_fiscal_year(value) in (1900, 2200)


@pytest.mark.parametrize(
    ("year", "name", "short"),
    [
        (2023, "令和5年度", "R5"),
        (2020, "令和2年度", "R2"),
        (2019, "令和元年度", "R1"),
        (2018, "平成30年度", "H30"),
        (1990, "平成2年度", "H2"),
        (1989, "平成元年度", "H1"),
        (1988, "昭和63年度", "S63"),
        (1926, "昭和元年度", "S1"),
    ],
)
def test_era_names_switch_at_1989_and_2019(year: int, name: str, short: str) -> None:
    assert era_name(year) == name
    assert era_short(year) == short


@pytest.mark.parametrize(
    ("year", "name", "short"),
    [(1925, "大正14年度", "T14"), (1912, "大正元年度", "T1"), (1911, "明治44年度", "M44")],
)
def test_every_year_accepted_before_showa_has_its_era_name(
    year: int, name: str, short: str
) -> None:
    assert era_name(year) == name
    assert era_short(year) == short
    assert parse_fiscal_year(name) == parse_fiscal_year(short) == year


def test_a_plan_with_a_fiscal_year_before_showa_builds(scaffold: Path) -> None:
    path = scaffold / "kpis.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: R6}", "year: 1920}"), "utf-8")
    site = build_at(scaffold, "1796000000")
    assert "大正9年度（1920年度）" in page_html(site / "kpis/online-rate/index.html")


def test_japanese_display_gives_the_western_year_alongside_the_era() -> None:
    assert format_fiscal_year(2023, "ja") == "令和5年度（2023年度）"
    assert format_fiscal_year(2019, "ja") == "令和元年度（2019年度）"


def test_english_display_is_fy() -> None:
    assert format_fiscal_year(2023, "en") == "FY2023"


def test_an_unknown_display_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        format_fiscal_year(2023, "fr")


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (datetime.date(2024, 3, 31), 2023),
        (datetime.date(2024, 4, 1), 2024),
        (datetime.date(2024, 1, 1), 2023),
        (datetime.date(2023, 12, 31), 2023),
        (datetime.date(2019, 4, 30), 2019),  # last day of 平成, already in FY2019
        (datetime.date(2019, 5, 1), 2019),  # first day of 令和
    ],
)
def test_fiscal_year_runs_april_to_march(day: datetime.date, year: int) -> None:
    assert fiscal_year_of(day) == year


class _Plan(BaseModel):
    model_config = ConfigDict(strict=True)

    year: FiscalYear


@pytest.mark.parametrize("value", [2023, "2023年度", "令和5年度", "R5"])
def test_a_strict_model_accepts_yaml_ints_and_strings(value: object) -> None:
    assert _Plan.model_validate({"year": value}).year == 2023


def test_a_strict_model_reports_the_plain_language_message() -> None:
    with pytest.raises(ValidationError, match="era years start at 1"):
        _Plan.model_validate({"year": "令和0年度"})


def test_json_schema_allows_an_integer_or_a_string() -> None:
    schema = _Plan.model_json_schema()["properties"]["year"]
    assert schema["anyOf"] == [
        {"type": "integer", "minimum": 1900, "maximum": 2200},
        {"type": "string"},
    ]
    assert schema["description"].startswith("A fiscal year (April–March)")


@given(st.integers(min_value=1990, max_value=2100))
def test_every_displayed_form_parses_back(year: int) -> None:
    assert parse_fiscal_year(era_name(year)) == year
    assert parse_fiscal_year(era_short(year)) == year
    assert parse_fiscal_year(f"{year}年度") == year
    assert parse_fiscal_year(format_fiscal_year(year, "en")) == year


@given(st.text())
def test_random_text_raises_nothing_but_value_error(text: str) -> None:
    try:
        year = parse_fiscal_year(text)
    except ValueError:
        return
    assert 1900 <= year <= 2200


_ERA_LIKE = r"\s*(令和|平成|昭和|[RHSrhs])\s*(元|[0-9]{1,3})\s*(年度?)?\s*"


@given(st.from_regex(_ERA_LIKE, fullmatch=True))
def test_era_like_text_raises_nothing_but_value_error(text: str) -> None:
    try:
        year = parse_fiscal_year(text)
    except ValueError:
        return
    assert 1900 <= year <= 2200
