"""The site as citizens meet it: the built shipped plan in headless Chromium (Debian's).

One build of the Arao plan and one browser serve the whole module. axe-core tests every page of
both languages in the light and dark schemes; the rest is done as a person does it: click the
language switcher, search from the header, use only the keyboard, read on a 375 px phone.
Screenshots for human review go to test-output/screenshots/ (ignored by git).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from benchmarks import search as search_benchmark
from generator import accessibility, cli

from .browser_support import (
    CELLS_OFF_SCREEN,
    CHART_TEXT,
    DESKTOP,
    PHONE,
    SIDEWAYS,
    WORDS_SPLIT,
    Watcher,
    chromium,
    focused,
    tab_until,
)
from .conftest import ROOT, build_as_of, page_html

needs_chromium = pytest.mark.skipif(
    not accessibility.CHROMIUM.exists(),
    reason=f"Debian's chromium is not installed at {accessibility.CHROMIUM} "
    "(apt-get install chromium; .ci/run installs it)",
)
SCREENSHOTS = ROOT / "test-output" / "screenshots"
EPOCH = "1700000000"
PREFIX = "/dxsite/"  # served under a path, as a project site is published


@dataclass
class Site:
    """The built site, served on localhost under a path (/dxsite/), as a project site is."""

    dir: Path
    base: str
    urls: list[str]

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def pages(self) -> list[str]:
        """Every page that has a counterpart in the other language (not the 404 pages)."""
        return [u for u in self.urls if not u.endswith("404.html")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The shipped plan (with its recorded accessibility.json), built and served once."""
    built = build_as_of(ROOT, tmp_path_factory.mktemp("browser") / "arao", EPOCH)
    with accessibility.serve(built, PREFIX) as base:
        yield Site(built, base, accessibility.site_pages(built))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the module."""
    yield from chromium()


@pytest.fixture
def watcher(browser: Browser) -> Iterator[Watcher]:
    """Contexts that record console errors and requests off localhost; closed after the test."""
    watch = Watcher(browser)
    yield watch
    for context in browser.contexts:
        context.close()


def other_language(url: str) -> str:
    return url.removeprefix("/en") if url.startswith("/en/") else "/en" + url


# --- axe-core -----------------------------------------------------------------------------


@needs_chromium
def test_axe_finds_no_violation_on_any_page_in_light_or_dark(site: Site, watcher: Watcher) -> None:
    assert len(site.urls) == 48  # 24 per language, the 404 pages included (no 策定経過 page:
    # the Arao plan records no milestones)
    report = accessibility.audit(watcher.browser, site.base, site.urls, context=watcher.context)
    assert {p.url for p in report.pages} == set(site.urls)
    assert all(set(p.violations) == {"light", "dark"} for p in report.pages)
    assert report.violations == 0, "\n".join(report.problems())
    watcher.assert_clean()


@needs_chromium
def test_axe_catches_an_image_without_alt_text(
    site: Site, watcher: Watcher, tmp_path: Path
) -> None:
    broken = tmp_path / "site"
    shutil.copytree(site.dir, broken)
    page = broken / "kpis" / "index.html"
    html = page.read_text(encoding="utf-8")
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in html
    page.write_text(
        html.replace(marker, marker + '<img src="../assets/images/favicon.png">', 1),
        encoding="utf-8",
    )
    with accessibility.serve(broken, PREFIX) as base:
        report = accessibility.audit(watcher.browser, base, ["/kpis/", "/"])
    by_url = {p.url: p for p in report.pages}
    for scheme in ("light", "dark"):
        rules = {v.rule for v in by_url["/kpis/"].violations[scheme]}
        assert "image-alt" in rules, scheme
    assert by_url["/"].count == 0
    assert report.violations == 2
    assert any("image-alt" in line and "/kpis/" in line for line in report.problems())


def test_dxsite_accessibility_records_the_run_and_fails_on_a_violation(tmp_path: Path) -> None:
    """The command end to end, in its own process (it starts its own browser)."""
    if not accessibility.CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {accessibility.CHROMIUM}")
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    page = '<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
    page += "<main><h1>{title}</h1>{body}</main></body></html>"
    (site / "index.html").write_text(
        page.format(lang="ja", title="ホーム", body='<img src="x.png">'), encoding="utf-8"
    )
    (site / "en" / "index.html").write_text(
        page.format(lang="en", title="Home", body="<p>Fine.</p>"), encoding="utf-8"
    )
    project = tmp_path / "project"
    project.mkdir()
    command = [sys.executable, "-m", "generator.cli", "accessibility", str(project)]
    done = subprocess.run(
        [*command, "--site-dir", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "/（ライト）image-alt" in done.stdout  # dxsite speaks Japanese by default
    report = json.loads((project / accessibility.REPORT).read_text(encoding="utf-8"))
    assert report["tags"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    assert report["tool"].startswith("axe-core ")
    assert report["browser"].startswith("Chromium ")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", report["date"])
    assert report["pages"] == [
        {"url": "/", "violations": 2, "rules": ["image-alt"]},
        {"url": "/en/", "violations": 0, "rules": []},
    ]
    assert report["violations"] == 2
    assert report["rule_criteria"]["image-alt"] == ["1.1.1"]


@pytest.mark.parametrize("recorded", [True, False])
def test_the_policy_page_states_only_what_the_recorded_run_found(
    recorded: bool, scaffold: Path, tmp_path: Path
) -> None:
    report = {
        "date": "2025-03-31",
        "tool": "axe-core 4.10.0",
        "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
        "schemes": ["light", "dark"],
        "browser": "Chromium 130.0 (headless)",
        "pages": [{"url": "/", "violations": 0}, {"url": "/en/", "violations": 3}],
        "violations": 3,
    }
    if recorded:
        (scaffold / accessibility.REPORT).write_text(json.dumps(report), encoding="utf-8")
    assert cli.main(["build", str(scaffold), "--site-dir", str(tmp_path / "site")]) == 0
    for lang, prefix in (("ja", ""), ("en", "en/")):
        html = page_html(tmp_path / "site" / prefix / "accessibility" / "index.html")
        article = BeautifulSoup(html, "html.parser").select_one("article")
        assert article is not None
        text = article.get_text(" ", strip=True)
        assert "JIS X 8341-3:2016" in text and "WCAG 2.0" in text
        if recorded:
            assert '<time datetime="2025-03-31">' in html
            assert "axe-core 4.10.0" in text and "wcag21aa" in text
            home = article.select("table")[-1].select_one("tbody tr")
            assert home is not None
            assert [td.get_text() for td in home.select("td")] == ["0", "3"]
        else:
            assert ("まだ試験を実施していません" if lang == "ja" else "No test") in text
            assert ("未実施" if lang == "ja" else "Not run") in text  # no automated result


@needs_chromium
def test_the_shipped_policy_page_shows_the_committed_run(site: Site) -> None:
    recorded = ROOT / accessibility.REPORT
    if not recorded.is_file():
        pytest.skip("no accessibility.json recorded yet: run dxsite accessibility")
    report = json.loads(recorded.read_text(encoding="utf-8"))
    html = (site.dir / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{report["date"]}">' in html
    assert report["tool"] in html
    assert html.count('<tr><th scope="row">') * 2 == len(report["pages"])  # a row per page


# --- behaviour ------------------------------------------------------------------------------


@needs_chromium
def test_the_switcher_leads_to_the_same_page_in_the_other_language(
    site: Site, watcher: Watcher
) -> None:
    page = watcher.page()
    for url in site.pages:
        page.goto(site.url(url))
        switcher = page.locator("a.dx-lang__link")
        with page.expect_navigation():
            switcher.click()
        assert page.url == site.url(other_language(url)), url
        lang = "en" if not url.startswith("/en/") else "ja"
        assert page.locator("html").get_attribute("lang") == lang, url
    watcher.assert_clean()


def _search(page: Page, query: str) -> list[str]:
    """Type `query` into the search page's box and press Enter; the hrefs of the results."""
    box = page.locator("#dx-search-q")
    box.fill("")
    box.click()
    page.keyboard.type(query, delay=20)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "q => document.getElementById('dx-search').dataset.shown === q", arg=query
    )
    results = page.locator("#dx-search-results a")
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


@needs_chromium
@pytest.mark.parametrize(
    ("home", "query", "item", "name"),
    [
        ("/", "オンライン申請", "strategies/gyosei/#online-applications", "オンライン申請の充実"),
        ("/en/", "Expanding", "strategies/gyosei/#online-applications", "Expanding online"),
    ],
)
def test_search_from_the_header_finds_the_action_and_leads_to_its_row(
    site: Site, watcher: Watcher, home: str, query: str, item: str, name: str
) -> None:
    page = watcher.page(viewport=PHONE)
    page.goto(site.url(home))
    with page.expect_navigation():
        page.locator("a.dx-search-link").click()
    assert page.url == site.url(home + "search/")
    hrefs = _search(page, query)
    assert hrefs and hrefs[0] == "../" + item, hrefs
    with page.expect_navigation():
        page.locator("#dx-search-results a").first.click()
    assert page.url == site.url(home + item)
    row = page.locator("tr#" + item.split("#")[1])
    expect(row).to_be_in_viewport()
    assert name in row.inner_text()
    assert f"q={quote(query)}" not in page.url
    watcher.assert_clean()


@needs_chromium
def test_the_index_loads_only_when_the_reader_searches(site: Site, watcher: Watcher) -> None:
    page = watcher.page(viewport=DESKTOP)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    for url in ("/", "/kpis/", "/search/", "/en/", "/en/search/"):
        page.goto(site.url(url))
    page.wait_for_timeout(300)
    assert not [u for u in fetched if u.endswith(".json")], fetched
    with page.expect_response(re.compile(r"/en/search/index\.json$")):
        page.locator("#dx-search-q").focus()
    watcher.assert_clean()


@needs_chromium
def test_a_search_link_with_a_query_shows_its_results_and_a_miss_says_so(
    site: Site, watcher: Watcher
) -> None:
    page = watcher.page(viewport=DESKTOP)
    page.goto(site.url("/search/?q=" + quote("マイナンバーカード")))
    page.wait_for_function("() => document.getElementById('dx-search').dataset.shown")
    expect(page.locator("#dx-search-q")).to_have_value("マイナンバーカード")
    expect(page.locator("#dx-search-status")).to_contain_text("件見つかりました")
    expect(page.locator("#dx-search-results mark").first).to_have_text("マイナンバーカード")
    _search(page, "存在しない言葉ですzzz")
    expect(page.locator("#dx-search-status")).to_contain_text("見つかりませんでした")
    assert page.locator("#dx-search-results li").count() == 0
    watcher.assert_clean()


@needs_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violation_on_the_search_page_with_results(
    site: Site, watcher: Watcher, scheme: str, viewport: dict[str, int]
) -> None:
    page = watcher.page(scheme, viewport=viewport)
    for url, query in (("/search/", "デジタル"), ("/en/search/", "digital")):
        page.goto(site.url(url) + "?q=" + quote(query))
        page.wait_for_function("() => document.getElementById('dx-search').dataset.shown")
        assert page.locator("#dx-search-results li").count() > 3
        violations = accessibility.run_axe(page, accessibility.axe_script())
        assert violations == [], [v.describe() for v in violations]
    watcher.assert_clean()


@needs_chromium
def test_the_search_query_sets_meet_their_targets_in_both_languages(
    site: Site, browser: Browser
) -> None:
    summaries = search_benchmark.evaluate(
        browser, site.base, search_benchmark.dxsite_engine, search_benchmark.queries()
    )
    assert [s.lang for s in summaries] == ["ja", "en"]
    for summary in summaries:
        assert summary.meets_targets(), search_benchmark.report("dxsite", [summary])
    assert any(o.query.text == "Expanding" and o.recall == 1 for o in summaries[1].outcomes)


KEYBOARD_PAGES = ["/", "/en/", "/kpis/online-procedure-rate/", "/en/strategies/"]


@needs_chromium
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("url", KEYBOARD_PAGES)
def test_keyboard_skip_link_then_tab_reaches_the_content_and_the_switcher(
    site: Site, watcher: Watcher, url: str, viewport: dict[str, int]
) -> None:
    page = watcher.page(viewport=viewport)
    page.goto(site.url(url))
    page.keyboard.press("Tab")
    first = focused(page)
    assert first is not None and "md-skip" in first["cls"] and first["visible"], first
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == first["href"]
    page.keyboard.press("Tab")
    after = focused(page)
    assert after is not None and after["main"] and after["visible"], after

    page.goto(site.url(url))
    stops = tab_until(page, "main")
    assert any("dx-lang__link" in s["cls"] for s in stops), stops
    hidden = [s for s in stops if not s["visible"]]
    assert not hidden, f"Tab stops nobody can see: {hidden}"
    watcher.assert_clean()


@needs_chromium
def test_keyboard_opens_and_closes_the_navigation_on_a_phone(site: Site, watcher: Watcher) -> None:
    page = watcher.page(viewport=PHONE)
    page.goto(site.url("/kpis/"))
    menu = page.locator('.md-header__button[for="__drawer"]')
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_have_accessible_name("メニュー")
    for _ in range(3):
        page.keyboard.press("Tab")
        if menu.evaluate("e => e === document.activeElement"):
            break
    else:
        raise AssertionError("Tab does not reach the menu button")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    inside = focused(page)
    assert inside is not None and inside["drawer"] and inside["visible"], inside
    page.keyboard.press("Tab")
    inside = focused(page)
    assert inside is not None and inside["drawer"] and inside["visible"], inside
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert menu.evaluate("e => e === document.activeElement")
    watcher.assert_clean()


CHART_PAGES = {
    "/": 1,
    "/strategies/": 1,
    "/strategies/gyosei/": 1,
    "/kpis/online-procedure-rate/": 1,
    "/kpis/corporate-income/": 1,
    "/kpis/convenience-rate/": 1,
}


@needs_chromium
def test_every_chart_is_named_once_and_has_a_table_the_keyboard_reaches(
    site: Site, watcher: Watcher
) -> None:
    page = watcher.page(viewport=DESKTOP)
    found = {}
    for url in site.pages:
        page.goto(site.url(url))
        figures = page.locator("figure.dx-chart")
        found[url] = figures.count()
        for i in range(figures.count()):
            figure = figures.nth(i)
            svg = figure.locator("svg[role=img]")
            expect(svg).to_have_count(1)
            # Heard once: the figure is named by its caption, the image by the data in words
            # (no <title> to repeat the caption), the table by its own caption.
            caption = (figure.locator("figcaption").text_content() or "").strip()
            desc = (svg.locator("desc").first.text_content() or "").strip()
            assert caption and desc and desc != caption, url
            expect(svg.locator(":scope > title")).to_have_count(0)
            expect(figure).to_have_accessible_name(caption)
            expect(svg).to_have_accessible_name(desc)
            wrap = figure.locator(".dx-table-wrap")
            expect(wrap).to_have_attribute("tabindex", "0")
            expect(wrap).to_have_accessible_name(re.compile(r"\S"))
            expect(wrap.locator("table caption")).to_have_count(1)
            expect(wrap.locator("table tbody tr").first).to_be_visible()
        if figures.count():
            # Keyboard only: from the skip link, Tab reaches the first chart's table.
            page.goto(site.url(url))
            page.keyboard.press("Tab")
            page.keyboard.press("Enter")
            target = figures.first.locator(".dx-table-wrap")
            for _ in range(120):
                page.keyboard.press("Tab")
                if target.evaluate("e => e === document.activeElement"):
                    break
            else:
                raise AssertionError(f"{url}: Tab never reaches the chart's table")
    charts = {u: n for u, n in found.items() if n}
    expected = {**CHART_PAGES, **{"/en" + u: n for u, n in CHART_PAGES.items()}}
    assert charts == expected
    watcher.assert_clean()


@needs_chromium
def test_no_page_or_element_scrolls_sideways_on_a_375_px_phone(
    site: Site, watcher: Watcher
) -> None:
    page = watcher.page(viewport=PHONE, is_mobile=True, has_touch=True)
    wide = {}
    for url in site.urls:
        page.goto(site.url(url))
        found = page.evaluate(SIDEWAYS)
        if found:
            wide[url] = found
    assert not wide, f"wider than the phone (scrollWidth>clientWidth): {wide}"
    watcher.assert_clean()


# --- screenshots for human review ------------------------------------------------------------

SHOTS = {"home": "/", "strategy": "/strategies/gyosei/", "kpis": "/kpis/"}


@needs_chromium
def test_screenshots_for_review(site: Site, watcher: Watcher) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    for scheme in ("light", "dark"):
        for width, viewport in (("desktop", DESKTOP), ("375", PHONE)):
            if scheme == "dark" and width == "375":
                continue
            page = watcher.page(scheme, viewport=viewport)
            for lang, prefix in (("ja", ""), ("en", "/en")):
                shots = dict(SHOTS)
                if scheme == "dark":
                    shots = {"kpi": "/kpis/online-procedure-rate/", "strategy": SHOTS["strategy"]}
                for name, url in shots.items():
                    suffix = "-dark" if scheme == "dark" else ""
                    path = SCREENSHOTS / f"{name}-{lang}-{width}{suffix}.png"
                    page.goto(site.url(prefix + url))
                    page.screenshot(path=path, full_page=True)
                    written.append(path)
            page.context.close()
    assert all(p.stat().st_size > 10_000 for p in written)
    watcher.assert_clean()


# --- the fictional sample city: progress at a glance ------------------------------------------

SAMPLE_EPOCH = "1796000000"  # 2026-11-30: the sample city's data runs to FY2025


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample city, built in FY2026 and served once."""
    city = tmp_path_factory.mktemp("s") / "city"
    built = build_as_of(ROOT / "examples/sample-city", city, SAMPLE_EPOCH)
    with accessibility.serve(built, PREFIX) as base:
        yield Site(built, base, accessibility.site_pages(built))


@needs_chromium
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_home_summary_lies_in_the_first_screen_of_a_375_px_phone(
    sample: Site, watcher: Watcher, prefix: str
) -> None:
    page = watcher.page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(sample.url(prefix + "/"))
    summary = page.locator(".dx-summary").first
    box = summary.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    title = page.locator("article h1").first.bounding_box()
    period = page.locator("article .dx-meta").first.bounding_box()
    assert title is not None and period is not None
    assert title["y"] < box["y"] and period["y"] < box["y"]
    for alert in ("overdue", "unreported"):
        link = summary.locator(f'[data-alert="{alert}"] a')
        expect(link).to_be_visible()
        assert link.get_attribute("href", timeout=1000).endswith(f"attention/#{alert}")  # type: ignore[union-attr]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"sample-home-{prefix.strip('/') or 'ja'}-375.png")
    watcher.assert_clean()


@needs_chromium
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violation_on_the_sample_citys_pages(
    sample: Site, watcher: Watcher, viewport: dict[str, int]
) -> None:
    report = accessibility.audit(
        watcher.browser,
        sample.base,
        sample.urls,
        context=lambda scheme: watcher.context(scheme, viewport=viewport),
    )
    assert {p.url for p in report.pages} >= {"/attention/", "/methodology/", "/en/attention/"}
    assert report.violations == 0, "\n".join(report.problems())
    watcher.assert_clean()


@needs_chromium
def test_on_a_375_px_phone_every_grade_and_status_is_on_screen_and_nothing_scrolls_sideways(
    sample: Site, watcher: Watcher
) -> None:
    """KPI and action tables become cards: every cell (the grade and status included) lies
    within the screen, on every page of both languages, the yearly reports too."""
    page = watcher.page(viewport=PHONE, is_mobile=True, has_touch=True)
    problems, grades, statuses, actions = {}, {}, {}, {}
    for url in sample.urls:
        page.goto(sample.url(url))
        cells = page.evaluate(CELLS_OFF_SCREEN)
        wide = page.evaluate(SIDEWAYS)
        if cells["off"] or wide:
            problems[url] = (cells["off"][:5], wide)
        grades[url], statuses[url], actions[url] = (
            cells["grades"],
            cells["statuses"],
            cells["actions"],
        )
    assert not problems, problems
    kpis = len(list((sample.dir / "data" / "kpis").glob("*.csv")))
    for prefix in ("", "/en"):
        assert grades[prefix + "/kpis/"] == kpis
        assert grades[prefix + "/reports/2025/"] == kpis
        assert statuses[prefix + "/reports/2025/"] == actions[prefix + "/reports/2025/"] > 5
        assert statuses[prefix + "/strategies/gyosei/"] >= 3
    watcher.assert_clean()


@needs_chromium
def test_on_a_desktop_the_kpi_and_action_lists_stay_tables(sample: Site, watcher: Watcher) -> None:
    page = watcher.page(viewport=DESKTOP)
    for url in ("/kpis/", "/en/strategies/gyosei/", "/reports/2025/"):
        page.goto(sample.url(url))
        displays = page.eval_on_selector_all(
            "article table.dx-table tbody tr", "rows => rows.map(r => getComputedStyle(r).display)"
        )
        assert displays and set(displays) == {"table-row"}, url
        assert page.evaluate(SIDEWAYS) == [], url
    watcher.assert_clean()


@needs_chromium
def test_chart_text_and_the_switcher_read_at_12_px_or_more_on_a_375_px_phone(
    site: Site, sample: Site, watcher: Watcher
) -> None:
    """No chart label is cut or runs out of its chart: long action names wrap."""
    page = watcher.page(viewport=PHONE, is_mobile=True, has_touch=True)
    small, cut, outside, charts = {}, {}, {}, 0
    for served in (site, sample):
        for url in served.pages:
            page.goto(served.url(url))
            for chart in page.evaluate(CHART_TEXT):
                charts += 1
                where = f"{url} {chart['id']}"
                if chart["smallest"] < 12:
                    small[where] = round(chart["smallest"], 1)
                if chart["cut"]:
                    cut[where] = chart["cut"]
                if chart["outside"]:
                    outside[where] = chart["outside"]
            switcher = page.evaluate(
                "() => parseFloat(getComputedStyle(document.querySelector('.dx-lang__link'))"
                ".fontSize)"
            )
            assert switcher >= 12, (url, switcher)
    assert charts > 20
    assert not small, f"chart text below 12 px: {small}"
    assert not cut, f"labels cut with …: {cut}"
    assert not outside, f"labels beyond the chart: {outside}"
    watcher.assert_clean()


@needs_chromium
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_line_ends_inside_a_word_in_headings_and_cells(
    site: Site, sample: Site, watcher: Watcher, viewport: dict[str, int]
) -> None:
    """Japanese breaks at BudouX's phrase boundaries (<wbr>) or punctuation, English at spaces;
    e.g. 「未測定」「実施中」「基準値」 stay whole."""
    html = (sample.dir / "kpis" / "index.html").read_text(encoding="utf-8")
    assert "<wbr>" in html
    page = watcher.page(viewport=viewport)
    splits = {}
    for served in (site, sample) if viewport is PHONE else (site,):
        for url in served.urls:
            page.goto(served.url(url))
            found = page.evaluate(WORDS_SPLIT)
            if found:
                splits[url] = found
    assert not splits, splits
    watcher.assert_clean()
