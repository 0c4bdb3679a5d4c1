"""Yearly progress reports: each fiscal year of the plan up to the current one, graded from the
data known for that year only, read off the built sample city and compared with the model."""

from __future__ import annotations

import datetime
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator import accessibility
from generator.model.project import Project
from generator.report import Change, KpiLine, Report, report_years, yearly_report
from generator.tracking import Tracking
from generator.validate import validate

from .conftest import ROOT, Run, build_as_of, build_at, copy_project, soup

EPOCH = "1796000000"  # 2026-11-30: FY2026 is the current year, FY2022–FY2025 have ended
SAMPLE = ROOT / "examples/sample-city"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_as_of(SAMPLE, tmp_path_factory.mktemp("r") / "city", EPOCH).parent


@pytest.fixture(scope="module")
def tracking(sample: Path) -> Tracking:
    project: Project | None = validate(sample).project
    assert project is not None
    return Tracking.of(project, datetime.date(2026, 11, 30), 2026)


def test_every_year_of_the_plan_up_to_the_current_one_has_a_report_in_both_languages(
    sample: Path, tracking: Tracking
) -> None:
    assert report_years(tracking) == [2022, 2023, 2024, 2025, 2026]
    for lang in ("", "en"):
        listed = soup(sample / "site" / lang / "reports/index.html")
        years = [int(li["data-year"]) for li in listed.select('[data-list="reports"] li')]
        assert years == [2026, 2025, 2024, 2023, 2022]
        for year in years:
            page = soup(sample / "site" / lang / f"reports/{year}/index.html")
            assert page.select_one(f'[data-report="{year}"]') is not None


@pytest.mark.parametrize("lang", ["", "en"])
@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_each_report_shows_the_models_grades_statuses_and_changes(
    sample: Path, tracking: Tracking, year: int, lang: str
) -> None:
    report = yearly_report(tracking, year)
    page = soup(sample / "site" / lang / f"reports/{year}/index.html")
    assert page.select_one("[data-report]")["data-closed"] == ("true" if year < 2026 else "false")
    grades = {
        tr["data-kpi"]: tr["data-grade"] for tr in page.select('[data-list="kpis"] tr[data-kpi]')
    }
    assert grades == {line.kpi.id: line.assessment.grade.id for line in report.kpis}
    previous = {
        tr["data-kpi"]: tr.get("data-previous")
        for tr in page.select('[data-list="kpis"] tr[data-kpi]')
    }
    assert previous == {
        line.kpi.id: line.previous.grade.id if line.previous else None for line in report.kpis
    }
    statuses = {
        tr["data-action"]: tr["data-status"]
        for tr in page.select('[data-list="actions"] tr[data-action]')
    }
    assert statuses == {line.placed.action.id: line.status for line in report.actions}
    counts = {
        li["data-grade"]: int(li["data-count"])
        for li in page.select(".dx-report__counts [data-grade]")
    }
    assert counts == {g.id: n for g, n in report.grade_counts()}
    for change in Change:
        shown = page.select(f'ul[data-change="{change.value}"] li')
        shown_ids = [li.get("data-kpi") or li.get("data-action") for li in shown]
        expected = ids(report, change)
        if year == 2022:
            assert not page.select("[data-change]")
        else:
            assert shown_ids == expected, change


def ids(report: Report, change: Change) -> list[str]:
    """The ids of the KPIs or actions with `change` in `report`, in the report's order."""
    found = report.changed(change)
    return [x.kpi.id if isinstance(x, KpiLine) else x.placed.action.id for x in found]


def test_the_sample_citys_changes_are_those_its_data_tell() -> None:
    project = validate(SAMPLE).project
    assert project is not None
    t = Tracking.of(project, datetime.date(2026, 11, 30), 2026)
    r2023, r2024 = yearly_report(t, 2023), yearly_report(t, 2024)
    assert ids(r2023, Change.COMPLETED) == ["telework"]
    assert ids(r2023, Change.DELAYED) == [
        "card-library"
    ]  # its schedule ended in FY2023, still planned
    assert ids(r2024, Change.COMPLETED) == ["online-forms"]
    assert ids(r2024, Change.STOPPED) == ["card-points", "rpa"]
    assert ids(r2024, Change.DELAYED) == ["cashless"]
    assert ids(yearly_report(t, 2025), Change.UP) == ["online-rate", "waiting-time"]


def test_the_evaluation_of_each_year_is_shown_with_who_made_it(sample: Path) -> None:
    page = soup(sample / "site/reports/2024/index.html")
    rows = {
        tr["data-target"]: tr.select("td")[0].get_text(strip=True)
        for tr in page.select('[data-list="evaluation"] tr[data-target]')
    }
    assert rows == {"kurashi": "B", "gyosei": "C"}
    assert "DX推進本部" in page.select_one(".dx-report__by").get_text()
    assert soup(sample / "site/reports/2026/index.html").select_one('p[data-list="evaluation"]')


def test_a_later_years_data_leave_the_earlier_reports_byte_identical(
    sample: Path, tmp_path: Path
) -> None:
    later = tmp_path / "later"
    shutil.copytree(sample, later, ignore=shutil.ignore_patterns("site", ".dxsite"))
    kpis = later / "kpis.yaml"
    text = kpis.read_text(encoding="utf-8")
    text = text.replace(
        "      - {year: 令和7年度, value: 62.4}\n",
        "      - {year: 令和7年度, value: 62.4}\n      - {year: 令和8年度, value: 70.1}\n",
    )
    kpis.write_text(text, encoding="utf-8")
    plan = later / "plan/strategies.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "              - {year: 令和7年度, status: in-progress}\n",
        "              - {year: 令和7年度, status: in-progress}\n"
        "              - {year: 令和8年度, status: done}\n",
    )
    plan.write_text(text, encoding="utf-8")
    site = build_as_of(later, tmp_path / "built", EPOCH)
    for lang in ("", "en"):
        for year in (2022, 2023, 2024, 2025):
            page = f"{lang}/reports/{year}/index.html".lstrip("/")
            assert (site / page).read_bytes() == (sample / "site" / page).read_bytes(), page
        current = f"{lang}/reports/2026/index.html".lstrip("/")
        assert (site / current).read_bytes() != (sample / "site" / current).read_bytes()


@pytest.mark.usefixtures("english")
def test_a_wrong_evaluation_is_an_error_at_its_line(tmp_path: Path, dxsite: Run) -> None:
    project = tmp_path / "city"
    shutil.copytree(SAMPLE, project)
    evaluations = project / "plan/evaluations.yaml"
    text = evaluations.read_text(encoding="utf-8")
    evaluations.write_text(
        text.replace("{target: gyosei, grade: C", "{target: gyousei, grade: C"), encoding="utf-8"
    )
    code, out = dxsite("check", str(project))
    line = next(
        n for n, row in enumerate(text.splitlines(), 1) if "target: gyosei, grade: C" in row
    )
    assert code == 1
    assert (
        f"plan/evaluations.yaml:{line}:" in out
        and 'no strategy or measure has the id "gyousei"' in out
    )


RADICALS = str.maketrans({"⺠": "民", "⻑": "長", "⻄": "西"})
"""CJK radical supplement code points that PDF text extraction gives for some Noto CJK glyphs
(NFKC maps the Kangxi radicals but not these)."""


def pdf_text(path: Path) -> str:
    """The PDF's text without line breaks or spaces, as a reader would search it."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extras")
    pages = pypdf.PdfReader(path).pages
    raw = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pages))
    return re.sub(r"\s", "", raw.translate(RADICALS))


@pytest.mark.skipif(
    not accessibility.CHROMIUM.exists(),
    reason=f"--pdf prints with Debian's chromium, not installed at {accessibility.CHROMIUM} "
    "(apt-get install chromium; .ci/run installs it)",
)
def test_build_pdf_prints_each_report_on_a4_and_links_it(tmp_path: Path) -> None:
    pytest.importorskip("playwright", reason="--pdf needs the pdf extra (Playwright)")
    project = copy_project(SAMPLE, tmp_path / "city")
    site = build_at(project, EPOCH, "--pdf")
    pdf = site / "reports/2024/progress-report-2024-ja.pdf"
    text = pdf_text(pdf)
    validated = validate(project).project
    assert validated is not None
    for kpi in validated.kpis.kpis:
        assert re.sub(r"\s", "", kpi.name.ja) in text, kpi.name.ja
    assert "令和6年度(2024年度)の進捗状況" in text
    assert "1/" in text  # the page numbers of the footer
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(pdf)
    assert 2 <= len(reader.pages) <= 20
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4 in points
    english = pdf_text(site / "en/reports/2024/progress-report-2024-en.pdf")
    assert "ProgressinFY2024" in english
    link = soup(site / "reports/2024/index.html").select_one(".dx-report__pdf a")
    assert link is not None and link["href"] == "progress-report-2024-ja.pdf"


def test_a_plain_build_produces_no_pdf_and_links_none(sample: Path) -> None:
    assert not list((sample / "site").rglob("*.pdf"))
    assert soup(sample / "site/reports/2024/index.html").select_one(".dx-report__pdf") is None
