"""The fictional sample city, built as a citizen sees it in FY2026: every KPI's grade and chart
read off the built pages and compared with the documented rule applied to the data."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.model.project import Project
from generator.progress import assess, expected_path
from generator.tracking import Tracking
from generator.validate import validate

from .conftest import ROOT, build_as_of, japanese_punctuation_in_english, page_html, soup
from .test_charts import svg_of
from .test_empty_sections import footer_contact
from .test_progress import svg_agrees

EPOCH = "1796000000"
"""2026-11-30 (JST): the sample city's data runs to FY2025, so FY2026 is the current year."""
TODAY = datetime.date(2026, 11, 30)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    city = tmp_path_factory.mktemp("s") / "city"
    return build_as_of(ROOT / "examples/sample-city", city, EPOCH).parent


@pytest.fixture(scope="module")
def project(sample: Path) -> Project:
    found = validate(sample).project
    assert found is not None
    return found


@pytest.fixture(scope="module")
def tracking(project: Project) -> Tracking:
    return Tracking.of(project, TODAY, 2026)


def trend_svg(page: Path) -> ET.Element | None:
    """The trend chart of a KPI page, parsed as XML (None when the KPI has no chart)."""
    found = re.search(
        r'<figure class="dx-chart dx-chart--trend".*?</figure>', page_html(page), re.S
    )
    return svg_of(ET.fromstring(found.group(0))) if found else None


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_kpi_page_shows_the_grade_the_rule_gives_from_the_data(
    sample: Path, project: Project, lang: str
) -> None:
    site = sample / "site" / ("en" if lang == "en" else "")
    for kpi in project.kpis.kpis:
        expected = assess(kpi, project.kpis.scale, 2025)  # FY2025 is the last ended year
        badge = soup(site / "kpis" / kpi.id / "index.html").select_one(".dx-facts .dx-grade")
        assert badge is not None, kpi.id
        assert f"dx-grade--{expected.outcome.value}" in badge["class"], kpi.id
        assert badge.get_text(" ", strip=True).endswith(expected.grade.label.get(lang)), kpi.id
        assert str(badge["href"]).endswith(f"methodology/#grade-{expected.grade.id}")


def test_the_sample_city_covers_every_outcome_but_manual(project: Project) -> None:
    outcomes = {assess(k, project.kpis.scale, 2025).outcome.value for k in project.kpis.kpis}
    assert outcomes >= {
        "achieved",
        "on-track",
        "behind",
        "not-measured",
        "not-reported",
        "not-assessable",
    }


def test_each_chart_draws_the_rules_path_through_the_baseline_and_every_target(
    sample: Path, project: Project
) -> None:
    drawn = 0
    for kpi in project.kpis.kpis:
        svg = trend_svg(sample / "site/kpis" / kpi.id / "index.html")
        if svg is None:
            assert not any(t.value is not None for t in kpi.targets), kpi.id
            continue
        svg_agrees(svg, kpi, assess(kpi, project.kpis.scale, 2025))
        drawn += len(expected_path(kpi)) > 1
    assert drawn >= 5


def test_the_attention_page_lists_exactly_the_overdue_unreported_and_past_due_items(
    sample: Path, tracking: Tracking
) -> None:
    for lang in ("", "en"):
        page = soup(sample / "site" / lang / "attention/index.html")
        overdue = {tr["data-action"] for tr in page.select('[data-list="overdue"] tr[data-action]')}
        assert overdue == {p.action.id for p in tracking.overdue()}
        assert overdue, "the sample city has overdue actions"
        unreported = {tr["data-kpi"] for tr in page.select('[data-list="unreported"] tr[data-kpi]')}
        assert unreported == {k.id for k in tracking.unreported()}
        assert unreported
        past = [li["data-milestone"] for li in page.select('[data-list="past-due"] li')]
        assert past == [m.date for m in tracking.past_due()]
        assert past


def test_the_home_summary_counts_what_the_model_counts(sample: Path, tracking: Tracking) -> None:
    box = soup(sample / "site/index.html").select_one(".dx-summary")
    assert box is not None
    grades = {li["data-grade"]: int(li["data-count"]) for li in box.select("[data-grade]")}
    assert grades == {g.id: n for g, n in tracking.grade_counts(tracking.kpis_of())}
    statuses = {li["data-status"]: int(li["data-count"]) for li in box.select("[data-status]")}
    assert statuses == dict(tracking.status_counts(tracking.placed()))
    alerts = {li["data-alert"]: int(li["data-count"]) for li in box.select("[data-alert]")}
    assert alerts == {"overdue": len(tracking.overdue()), "unreported": len(tracking.unreported())}


def test_every_page_says_the_data_is_fictional(sample: Path) -> None:
    for page in (sample / "site").rglob("index.html"):
        if "search" in page.parts:
            continue
        banner = soup(page).select_one(".dx-sample")
        assert banner is not None, page


def test_each_count_of_the_summary_links_to_the_list_of_what_it_counts(
    sample: Path, tracking: Tracking
) -> None:
    site = sample / "site"
    box = soup(site / "index.html").select_one(".dx-summary")
    assert box is not None
    for li in box.select("[data-grade], [data-status], [data-alert]"):
        href = str(li.a["href"])
        path, anchor = href.split("#")
        target = soup(site / path / "index.html")
        heading = target.find(id=anchor)
        assert heading is not None, href
        if "data-alert" in li.attrs:
            listed = target.select(f'[data-list="{anchor}"] tr')[1:]
        else:
            listed = heading.find_parent("section").select("li")
        assert len(listed) == int(li["data-count"]), href
    assert {k.id for _, ks in tracking.by_grade(tracking.kpis_of()) for k in ks} == {
        li["data-kpi"] for li in soup(site / "kpis/index.html").select(".dx-by li[data-kpi]")
    }


def test_each_kpi_page_offers_its_own_csv_and_the_open_data_page_explains_formulas(
    sample: Path, project: Project
) -> None:
    site = sample / "site"
    for lang in ("", "en"):
        for kpi in project.kpis.kpis:
            page = site / lang / "kpis" / kpi.id / "index.html"
            link = soup(page).select_one(".dx-kpi-download a")
            assert link is not None, kpi.id
            assert (page.parent / str(link["href"])).resolve() == site / f"data/kpis/{kpi.id}.csv"
            assert (site / f"data/kpis/{kpi.id}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    note = soup(site / "open-data/index.html").select_one(".dx-csv-note")
    assert note is not None and "=、+、-、@、タブ" in note.get_text()
    assert "actions.csv" in soup(site / "en/open-data/index.html").get_text()


def test_every_page_shows_the_plans_contact_in_its_footer_in_its_language(sample: Path) -> None:
    site = sample / "site"
    for page in site.rglob("index.html"):
        words = footer_contact(site, page)
        english = page.relative_to(site).parts[0] == "en"
        assert ("Digital Promotion Division" if english else "デジタル推進課") in words, page
        assert "dx@sample-city.example.jp" in words, page


def test_the_home_page_has_a_contact_section_and_the_adoption_date_and_body(sample: Path) -> None:
    for lang, adopted, contact in (
        ("", "策定: 2022年3月20日（サンプル市DX推進本部（架空））", "お問い合わせ"),
        ("en", "Adopted: 20 Mar 2022 (Sample City DX Promotion Headquarters", "Contact"),
    ):
        home = soup(sample / "site" / lang / "index.html")
        line = home.select_one(".dx-adoption")
        assert line is not None and adopted in line.get_text()
        assert "2022-04-01" in str(line), "the publication date is shown too"
        section = home.find(id="contact")
        assert section is not None and section.get_text().strip() == contact
        assert section.find_next("address", class_="dx-contact") is not None


def test_a_consultation_known_by_its_closing_date_says_so_and_mail_links_show_the_address(
    sample: Path,
) -> None:
    for lang, closing in (("", "〜2021年12月24日締切"), ("en", "Until 24 Dec 2021 (closing date)")):
        page = soup(sample / "site" / lang / "timeline/index.html")
        item = page.select_one(".dx-timeline__item--call-for-opinions")
        assert item is not None
        assert closing in item.get_text()
        assert ("意見募集" if not lang else "Call for opinions") in item.get_text()
        assert "mailto:" not in page.select_one("article").get_text()
        assert item.select_one('a[href="mailto:dx@sample-city.example.jp"]') is not None


def test_a_bodys_deputy_heads_are_listed_after_its_head(sample: Path) -> None:
    for lang, label, deputy in (
        ("", "副長", "教育長（架空）"),
        ("en", "Deputy heads", "Superintendent"),
    ):
        facts = soup(sample / "site" / lang / "governance/index.html").select_one(".dx-facts")
        assert facts is not None
        terms = [dt.get_text() for dt in facts.select("dt")]
        assert terms.index(label) == 1
        assert deputy in facts.get_text()


def test_english_pages_of_every_kind_carry_no_japanese_punctuation(sample: Path) -> None:
    """Keyword lists, schedules, meta lines, as-of notes and the reports' captions included."""
    assert japanese_punctuation_in_english(sample / "site") == {}
