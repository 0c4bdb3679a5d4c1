"""The 404 pages work from any base path: a preview at /preview/, an intranet copy at /.

A host serves its 404 page at the missing address (here as GitHub Pages and nginx do, see
generator/accessibility.py), so the page is tested where readers meet it: at misses of every
depth, in both languages, under two base paths, with and without JavaScript, in Chromium.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, ConsoleMessage, Page

from generator import accessibility

from .browser_support import chromium
from .conftest import EXAMPLES, build_as_of, page_html

EPOCH = "1796000000"  # 2026-11-30: the sample city's data runs to FY2025
BASES = ("/preview/", "/")
# A miss at the top, deep in the Japanese site, deep in the English site, and the page itself.
MISSES = ("old-page.html", "kpis/no-such-kpi/", "en/strategies/gone/measure/", "404.html")
# The link targets every 404 page offers (from the site's root), in both languages.
TARGETS = {"", "search/", "en/", "en/search/"}
BAR = "rgb(26, 77, 143)"  # the header's colour in the light scheme: the inline stylesheet


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample city (fictional: its banner and contact are on the 404 pages), built once."""
    sample = next(p for p in EXAMPLES if p.name == "sample-city")
    return build_as_of(sample, tmp_path_factory.mktemp("404") / "sample", EPOCH)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from chromium()


def test_the_404_pages_depend_on_no_site_url_and_allow_only_their_own_style_and_script(
    site: Path,
) -> None:
    config = (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url: (\S+)", config, re.M)
    assert site_url is not None
    for rel in ("404.html", "en/404.html"):
        html = page_html(site / rel)
        assert site_url.group(1) not in html
        page = BeautifulSoup(html, "html.parser")
        # Every URL but the empty icon (data:, no request) and the city's contact is relative.
        found = page.select("[href]:not(footer *):not(link[rel=icon]), [src]")
        urls = [str(e.get("href") or e.get("src")) for e in found]
        assert urls and not [u for u in urls if u.startswith(("/", "http"))], rel
        assert not page.select("link[rel=stylesheet], script[src], img")
        # Both languages, each marked: GitHub Pages serves the Japanese page under /en/ too.
        assert {s["lang"] for s in page.select("section[lang]")} == {"ja", "en"}
        assert {a["data-dx-root"] for a in page.select("a[data-dx-root]")} >= TARGETS
        csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')
        style, script = page.select_one("head style"), page.select_one("body > script")
        assert csp is not None and style is not None and script is not None
        # The policy allows exactly the page's own inline style and script, by their hashes.
        policy = csp["content"]
        assert f"style-src 'self' {_sha256(style.string)}; " in policy
        assert f"script-src 'self' {_sha256(script.string)}; " in policy
        assert "unsafe-inline" not in policy


def _sha256(text: str | None) -> str:
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _console_errors(page: Page) -> list[str]:
    """Console errors from now on, but the 404 status of the page itself."""
    errors: list[str] = []

    def record(message: ConsoleMessage) -> None:
        own = message.location.get("url") == page.url
        if message.type == "error" and not (own and message.text.startswith("Failed to load")):
            errors.append(message.text)

    page.on("console", record)
    return errors


def _styled(page: Page) -> bool:
    return bool(
        page.evaluate(
            "bar => document.styleSheets.length > 0 && getComputedStyle("
            "document.querySelector('header')).backgroundColor === bar",
            BAR,
        )
    )


@contextlib.contextmanager
def _served(site: Path, browser: Browser, base: str, **options: Any) -> Iterator[tuple[str, Page]]:
    """The site served under `base` as GitHub Pages serves it; its root URL and a fresh page."""
    with accessibility.serve(site, base) as server:
        context = browser.new_context(**options)
        try:
            yield server + "/", context.new_page()
        finally:
            context.close()


def _links_lead_to_pages(page: Page) -> None:
    for href in page.eval_on_selector_all("a[data-dx-root]", "a => a.map(e => e.href)"):
        assert page.request.get(href).status == 200, (page.url, href)


@pytest.mark.parametrize("base", BASES)
def test_a_miss_at_any_depth_gets_a_styled_404_page_whose_links_lead_to_the_site(
    site: Path, browser: Browser, base: str
) -> None:
    with _served(site, browser, base) as (root, page):
        errors = _console_errors(page)
        for miss in MISSES:
            response = page.goto(root + miss)
            assert response is not None
            assert response.status == (200 if miss == "404.html" else 404), miss
            assert _styled(page), miss
            page.wait_for_function(
                "root => [...document.querySelectorAll('a[data-dx-root]')].every("
                "a => a.href === root + a.dataset.dxRoot)",
                arg=root,
                timeout=5_000,
            )
            _links_lead_to_pages(page)
        assert not errors


@pytest.mark.parametrize("base", BASES)
def test_without_javascript_the_404_page_is_styled_and_says_what_happened_in_both_languages(
    site: Path, browser: Browser, base: str
) -> None:
    with _served(site, browser, base, java_script_enabled=False) as (root, page):
        for miss in MISSES:
            page.goto(root + miss)
            assert _styled(page), miss
            text = page.locator("main").inner_text()
            assert "ページが見つかりません" in text and "Page not found" in text
        # At the top of the site the links, written relative to the file, lead to the site.
        for miss in ("old-page.html", "404.html", "en/404.html"):
            page.goto(root + miss)
            _links_lead_to_pages(page)


@pytest.mark.parametrize("scheme", accessibility.SCHEMES)
def test_axe_finds_no_violation_on_the_404_pages_at_a_deep_miss(
    site: Path, browser: Browser, scheme: str
) -> None:
    with accessibility.serve(site, "/preview/") as server:
        context = accessibility.new_context(browser, scheme)
        try:
            page = context.new_page()
            script = accessibility.axe_script()
            for miss in ("kpis/no-such-kpi/", "en/strategies/gone/"):
                page.goto(f"{server}/{miss}")
                violations = accessibility.run_axe(page, script)
                assert not violations, [v.describe() for v in violations]
        finally:
            context.close()
