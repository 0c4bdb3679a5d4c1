"""Sections with nothing to show: a plan without KPIs, guidelines or milestones builds a site with
no empty table or heading and no navigation entry for what it lacks, and its contact everywhere."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import SCAFFOLD, build_at, copy_project

EMPTY_PAGES = ("kpis", "methodology", "guidelines", "timeline")
"""The pages of what this plan lacks (KPIs, so no grades to explain, guidelines, milestones)."""

STRATEGY_WITHOUT_MEASURES = """\
  - id: industry
    name: {ja: 産業のDX, en: Industrial DX}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(SCAFFOLD, tmp_path_factory.mktemp("empty") / "plan")
    (project / "kpis.yaml").write_text("kpis: []\n", encoding="utf-8")
    (project / "plan/guidelines.yaml").unlink()
    (project / "plan/timeline.yaml").write_text("milestones: []\n", encoding="utf-8")
    strategies = project / "plan/strategies.yaml"
    strategies.write_text(
        strategies.read_text(encoding="utf-8") + STRATEGY_WITHOUT_MEASURES, encoding="utf-8"
    )
    plan = project / "plan/plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + '  phone: "0000-00-0000"\n  fax: "0000-00-0001"\n',
        encoding="utf-8",
    )
    return build_at(project, "1767193200")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "search" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _level(tag: Tag) -> int:
    return int(tag.name[1]) if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6") else 0


def _after(heading: Tag) -> Tag | None:
    """The next element after a heading in document order that is not inside it."""
    for element in heading.find_all_next(True):
        if heading not in element.parents and element.name != "a":
            return element
    return None


def test_no_page_or_navigation_entry_for_what_the_plan_lacks(site: Path) -> None:
    for lang in ("", "en"):
        for name in EMPTY_PAGES:
            assert not (site / lang / name / "index.html").exists(), (lang, name)
        for page in pages(site / lang if lang else site):
            links = soup(page).select("nav.md-nav--primary a[href]")
            targets = {urlsplit(str(a["href"])).path.rstrip("/").split("/")[-1] for a in links}
            assert not targets & set(EMPTY_PAGES), (page, targets & set(EMPTY_PAGES))


def test_no_empty_table_list_or_heading_on_any_page(site: Path) -> None:
    for page in pages(site):
        article = soup(page).select_one("article")
        assert article is not None, page
        for table in article.select("table"):
            assert table.select("tbody tr"), (page, table.get("class"))
        for listing in article.select("ul, ol, dl"):
            assert listing.find(["li", "dt", "dd"]), (page, listing.get("class"))
        for heading in article.select("h1, h2, h3, h4, h5, h6"):
            if heading.find("a", href=True) and "headerlink" not in str(heading.a.get("class")):
                continue  # a card's title is a link: it is the content
            following = _after(heading)
            assert following is not None and not (0 < _level(following) <= _level(heading)), (
                page,
                heading.get_text(),
            )


def test_a_strategy_without_measures_says_so_in_one_sentence(site: Path) -> None:
    for lang, words in (
        ("", "この基本戦略の施策は、まだ記載されていません。"),
        ("en", "No measures"),
    ):
        article = soup(site / lang / "strategies/industry/index.html").select_one("article")
        assert article is not None
        assert words in article.select_one(".dx-empty").get_text()
        assert [h.get_text().strip("¶ ") for h in article.select("h2")] == [], "no empty heading"


def footer_contact(site: Path, page: Path) -> str:
    """The words of a page's footer contact, checked for the phone and fax (0000-00-0000 and
    0000-00-0001) labelled in the page's language and for a mail link without "mailto:"."""
    english = page.relative_to(site).parts[0] == "en"
    contact = soup(page).select_one("footer .dx-contact")
    assert contact is not None, page
    words = " ".join(contact.get_text(" ").split())
    assert ("Phone: 0000-00-0000" if english else "電話: 0000-00-0000") in words, page
    assert ("Fax: 0000-00-0001" if english else "ファクス: 0000-00-0001") in words, page
    assert "mailto:" not in words and contact.select_one('a[href^="mailto:"]'), page
    return words


def test_every_page_shows_the_contact_in_both_languages(site: Path) -> None:
    for page in pages(site):
        assert "dx@city.example.jp" in footer_contact(site, page)


def test_every_link_between_pages_leads_to_a_page_that_was_built(site: Path) -> None:
    for page in pages(site):
        for a in soup(page).select("a[href]"):
            href = str(a["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), (page.relative_to(site), href)
