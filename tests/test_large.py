"""A large, uneven plan (the benchmark's M-uneven): big strategies get a page per measure, long
lists are paged, no page is over 200 KB, and every link of the built site, in both languages,
leads to a page and an id that exist."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from benchmarks.report import PAGE_BYTES
from benchmarks.synthetic import SIZES, generate
from generator.render import layout
from generator.validate import validate

from .conftest import build_at

_HREF = re.compile(r'<a\b[^>]*?\shref="([^"#]*)(?:#([^"]*))?"')
_ID = re.compile(r'\sid="([^"]*)"')


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The M-uneven plan, built (its largest strategy holds 80 actions)."""
    root = generate(SIZES["M-uneven"], tmp_path_factory.mktemp("m-uneven"))
    return build_at(root, "1796000000")


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def _target(page: str, href: str) -> str:
    """The file a relative link of `page` leads to."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return "index.html" if path == "." else f"{path}/index.html"


def test_every_link_leads_to_a_page_and_an_id_that_exist(large: Path) -> None:
    pages = _pages(large)
    ids = {rel: set(_ID.findall(html)) for rel, html in pages.items()}
    broken = []
    for rel, html in pages.items():
        for href, fragment in _HREF.findall(html):
            if re.match(r"[a-z]+:|/", href) or (href and not href.endswith("/")):
                continue  # other sites, downloads and data files
            target = _target(rel, href) if href else rel
            if target not in pages or (fragment and fragment not in ids[target]):
                broken.append(f"{rel}: {href}#{fragment}")
    assert broken == []


def test_a_large_strategy_links_a_page_per_measure_and_each_links_back(large: Path) -> None:
    project = validate(large.parent).project
    assert project is not None
    strategy = project.strategies.strategies[0]
    assert layout.is_split(strategy)
    for prefix in ("", "en/"):
        page = (large / prefix / f"strategies/{strategy.id}/index.html").read_text("utf-8")
        for measure in strategy.measures:
            assert f'id="{measure.id}"' in page
            own = large / prefix / f"strategies/{strategy.id}/{measure.id}/index.html"
            assert own.is_file() == bool(measure.actions)
            if measure.actions:
                assert f'href="{measure.id}/"' in page
                html = own.read_text("utf-8")
                assert f'href="../#{measure.id}"' in html
                assert all(f'<tr id="{a.id}"' in html for a in measure.actions)
                assert "<tr id=" not in page
    small = next(s for s in project.strategies.strategies if not layout.is_split(s))
    page = (large / f"strategies/{small.id}/index.html").read_text("utf-8")
    actions = [a for m in small.measures for a in m.actions]
    assert all(f'<tr id="{a.id}"' in page for a in actions)


def test_no_page_of_the_built_site_is_over_200_kb(large: Path) -> None:
    sizes = {p.relative_to(large).as_posix(): p.stat().st_size for p in large.rglob("*.html")}
    assert {page: size for page, size in sizes.items() if size > PAGE_BYTES} == {}


def test_a_long_list_is_paged_and_each_page_links_back_to_where_it_stood(large: Path) -> None:
    for prefix in ("", "en/"):
        report = (large / prefix / "reports/2024/index.html").read_text("utf-8")
        assert 'href="actions/"' in report and 'href="actions/2/"' in report
        assert '<table class="dx-table dx-report-table" data-list="actions"' not in report
        rows = []
        for page in ("actions/index.html", "actions/2/index.html"):
            html = (large / prefix / "reports/2024" / page).read_text("utf-8")
            assert '#actions"' in html  # back to the report's section
            rows += re.findall(r'<tr data-action="([^"]+)"', html)
        assert len(rows) == len(set(rows)) == 300
