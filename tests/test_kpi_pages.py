"""The shipped plan's KPIs, Gantt chart and periods, read off the real built site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import cli
from generator.render.format import number
from generator.tracking import Tracking
from generator.validate import validate

from .conftest import ROOT, copy_project, soup


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(ROOT, tmp_path_factory.mktemp("kpi") / "arao")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        assert cli.main(["build", str(project)]) == 0
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return project / "site"


def rows(page: BeautifulSoup) -> dict[str, list[str]]:
    table = page.select_one("table.dx-kpi-table")
    assert table is not None
    return {
        tr.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    }


def test_the_overview_shows_the_three_arao_kpis_as_in_the_seed(site: Path) -> None:
    table = rows(soup(site / "kpis/index.html"))
    assert table["デジタル化による便利さを感じる市民の割合"][0] == "基準値なし"
    assert table["デジタル化による便利さを感じる市民の割合"][2] == "80% 令和7年度（2025年度）"
    assert table["企業所得"][0] == "25,046百万円 平成30年度（2018年度）"
    assert table["企業所得"][2] == "25,607百万円 令和5年度（2023年度）"
    assert table["行政手続きのオンライン化割合"][0] == "2.7% 令和2年度（2020年度）"
    assert table["行政手続きのオンライン化割合"][2] == "100% 令和7年度（2025年度）"
    assert all(cells[4].endswith("未測定") for cells in table.values())


def test_the_english_overview_formats_numbers_and_years_in_english(site: Path) -> None:
    table = rows(soup(site / "en/kpis/index.html"))
    income = next(v for k, v in table.items() if k.startswith("Corporate income"))
    assert income[0] == "25,046 million yen FY2018"
    assert income[2] == "25,607 million yen FY2023"


def test_each_kpi_page_has_a_trend_chart_and_its_table_matching_the_model(site: Path) -> None:
    project = validate(ROOT).project
    assert project is not None
    for kpi in project.kpis.kpis:
        page = soup(site / f"kpis/{kpi.id}/index.html")
        figure = page.select_one("figure.dx-chart")
        assert figure is not None, kpi.id
        svg = figure.select_one("svg[role=img]")
        assert svg is not None and svg.title is not None and svg.desc is not None
        table_text = figure.select_one("table").get_text(" ")
        shown = [t.value for t in kpi.targets] + ([kpi.baseline.value] if kpi.baseline else [])
        for value in shown:
            assert value is not None
            assert number(value, kpi.precision) in table_text, (kpi.id, value)
        assert page.select_one("a[href$='data/kpis.csv']") is not None
        assert "目標設定の考え方" in page.get_text()


def test_the_gantt_shows_the_six_actions_over_r4_to_r7(site: Path) -> None:
    figure = soup(site / "strategies/gyosei/index.html").select_one("figure#dx-gantt-gyosei")
    assert figure is not None
    bars = figure.select("svg rect.dx-chart__bar")
    assert len(bars) == 6
    header = figure.select_one("svg").get_text(" ")
    assert all(year in header for year in ("R4", "R5", "R6", "R7"))
    body_rows = figure.select("table tbody tr")
    assert len([r for r in body_rows if r.select("td")]) == 6


def test_the_strategy_pages_and_home_summarise_grades_as_the_model_counts_them(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # as the site was built
    project = validate(site.parent).project
    assert project is not None
    tracking = Tracking.now(project)
    gyosei = next(s for s in project.strategies.strategies if s.id == "gyosei")
    for page, scope in (("index.html", None), ("strategies/gyosei/index.html", gyosei)):
        box = soup(site / page).select_one(".dx-summary")
        assert box is not None, page
        shown = {li["data-grade"]: int(li["data-count"]) for li in box.select("[data-grade]")}
        counted = {g.id: n for g, n in tracking.grade_counts(tracking.kpis_of(scope))}
        assert shown == counted, page


def test_the_open_data_files_are_published_with_their_licence(site: Path) -> None:
    for name in ("kpis.csv", "kpis.json", "plan.json", "kpis.csv-metadata.json"):
        assert (site / "data" / name).is_file()
    assert (site / "data/kpis.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    text = soup(site / "open-data/index.html").get_text(" ")
    assert "公共データ利用規約 第1.0版" in text
    assert "出典" in text
