"""Generated pages reach MkDocs with their raw HTML blocks set aside (generator/blocks.py): the
finished site is byte for byte the one built from whole pages, whatever the texts hold, and a
placeholder typed by an editor never brings a block into a page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.stage import change_one_value
from benchmarks.synthetic import write_plan
from generator import blocks, commands, engines, site
from generator.site import Paths, Ready
from generator.validate import validate
from tests import test_hostile as hostile
from tests.conftest import ROOT, copy_project
from tests.test_history import commit_all, git
from tests.test_incremental import digest

EPOCH = "1796000000"  # FY2026: the sample city's data runs to FY2025


def converted(page: str) -> str:
    """A page's Markdown as the generated configs have Markdown convert it."""
    return markdown.Markdown(extensions=list(site.MARKDOWN_EXTENSIONS)).convert(page)


def build(
    project: Path, *, set_aside: bool, engine: str = engines.DEFAULT, clean: bool = True
) -> dict[str, str]:
    """A build of `project` (`clean`: with nothing kept from before) with its blocks set aside
    or not; every file's digest."""
    if clean:
        shutil.rmtree(project / site.WORK_DIR, ignore_errors=True)
    paths = Paths(project, project / "site")
    plan = validate(project).project
    assert plan is not None

    def write() -> Ready:
        return Ready(site.render(plan, paths, blocks=set_aside), plan.plan, [])

    site.build(paths, write, engine=engine)
    return digest(paths.site_dir)


def render(project: Path) -> None:
    """Write `project`'s pages and their kept blocks, as a build does first."""
    plan = validate(project).project
    assert plan is not None
    site.render(plan, Paths(project, project / "site"))


def with_history(project: Path) -> Path:
    """`project` in a git repository of two commits, the second changing a KPI value, so that
    its pages have history sections and its site Atom feeds."""
    git(project, "init", "-q")
    commit_all(project, "start", "2025-04-01T10:00:00+09:00")
    change_one_value(project / "kpis.yaml", 1)
    commit_all(project, "change", "2025-06-01T10:00:00+09:00")
    return project


@pytest.fixture(autouse=True)
def epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


PLANS = {
    "shipped": lambda target: copy_project(ROOT, target),
    "sample-city": lambda target: copy_project(ROOT / "examples" / "sample-city", target),
    "synthetic-M": lambda target: write_plan("M", target),
}


@pytest.mark.parametrize("plan", PLANS)
def test_the_site_built_with_blocks_set_aside_is_byte_identical_to_the_one_of_whole_pages(
    plan: str, tmp_path: Path
) -> None:
    project = with_history(PLANS[plan](tmp_path / plan))
    set_aside = build(project, set_aside=True)
    kept = list((project / ".dxsite" / "blocks").rglob("*.json"))
    assert len(kept) > 20, "the generated pages' blocks were set aside"
    assert set_aside == build(project, set_aside=False)


def test_builds_switching_between_whole_pages_and_blocks_rebuild_only_pages_to_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = PLANS["sample-city"](tmp_path / "city")
    whole = build(project, set_aside=False)
    dirty: list[bool] = []
    run = engines.run

    def recorded(*args: Any, **kwargs: Any) -> None:
        dirty.append(kwargs["dirty"])
        run(*args, **kwargs)

    monkeypatch.setattr(engines, "run", recorded)
    assert build(project, set_aside=True, clean=False) == whole
    assert build(project, set_aside=False, clean=False) == whole
    assert dirty == [True, True], "MkDocs rebuilt only the pages whose Markdown changed"


@pytest.mark.skipif(not engines.zensical_installed(), reason="Zensical cannot be imported here")
def test_zensical_gets_whole_pages_as_it_rewrites_raw_html_and_indexes_it(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "arao")
    commands.build(project, project / "site", strict=False, report=print, engine="zensical")
    assert not list((project / ".dxsite" / "blocks").rglob("*.json"))
    assert all(
        "dxsite:block" not in page.read_text("utf-8")
        for page in (project / ".dxsite" / "docs").rglob("*.md")
    )
    assert digest(project / "site") == build(project, set_aside=False, engine="zensical")


KPI = "convenience-rate"


def _kept(project: Path, page: str) -> blocks.Blocks:
    return blocks.stored(project / ".dxsite" / "blocks" / "ja" / f"{page}.json")


def _digest_of(kept: blocks.Blocks, needle: str) -> str:
    return next(d for d, block in kept.items() if needle in block)


def test_placeholders_forged_in_every_text_and_a_chapter_bring_no_block_into_a_page(
    tmp_path: Path,
) -> None:
    """Forged with real digests of the KPI page's own download link and of the KPI list's
    downloads, in every YAML text (with every payload of tests/hostile) and in a chapter."""
    project = copy_project(ROOT, tmp_path / "arao")
    hostile.fill_every_optional_text(project)
    render(project)
    own = _digest_of(_kept(project, f"kpis/{KPI}/index.html"), "dx-kpi-download")
    other = _digest_of(_kept(project, "kpis/index.html"), "dx-downloads")
    forged = "\n".join(f"<!--dxsite:block:{d}-->" for d in (own, other))
    payload = f"{hostile.PAYLOAD}\n{forged}"
    hostile.replace_every_text(project, lambda: {"ja": payload, "en": payload})
    chapter = next((project / "plan" / "chapters" / "ja").glob("*.md"))
    with chapter.open("a", encoding="utf-8") as file:
        file.write(f"\n{forged}\n\n`{forged}`\n\n<div>\n{forged}\n</div>\n\ntext {forged}\n")

    assert build(project, set_aside=False) == build(project, set_aside=True)
    assert own in _kept(project, f"kpis/{KPI}/index.html"), "the forged digest is a real one"
    page = (project / "site" / "kpis" / KPI / "index.html").read_text("utf-8")
    assert page.count('class="dx-kpi-download"') == 1 and "dx-downloads" not in page
    assert f"&lt;!--dxsite:block:{own}--&gt;" in page
    for chapter_page in (project / "site" / "chapters").rglob("index.html"):
        html = chapter_page.read_text("utf-8")
        assert "dx-kpi-download" not in html and "dx-downloads" not in html


def test_a_block_with_comments_backslashes_markdown_and_jinja_comes_back_byte_identical() -> None:
    block = (
        '<div class="dx-prose" data-x="\\{#id} $1 {{ x }}"><!-- a comment -->'
        "<p>\\ \\* {#id} **bold** _em_ `code` [link](x.md) $x$ ${7*7} {{ page.title }} "
        "{% raw %}x{% endraw %} &lt;!-- --&gt; &amp; &#39; &#x27; --&gt;</p>\n"
        '<svg viewBox="0 0 1 1"><title>t &amp; u</title><path d="M0 0"/></svg></div>'
    )
    page = f"---\ntitle: t\n---\n# Title {{#top}}\n\n{block}\n\n## Next\n\n{block}\n"
    split, kept = blocks.split(page)
    assert list(kept.values()) == [block] and block not in split
    body = page.split("---\n", 2)[2]
    assert blocks.restore(converted(split.split("---\n", 2)[2]), kept) == converted(body)


def test_a_page_already_holding_a_placeholder_is_left_whole() -> None:
    page = '<p class="a">x</p>\n\n<!--dxsite:block:' + "0" * 64 + "-->\n"
    assert blocks.split(page) == (page, {})


def test_a_page_that_markdown_may_read_otherwise_stays_whole() -> None:
    for chunk in (
        '<div markdown="1">*x*</div>',
        "<div>\tx</div>",
        "<div>a & b</div>",
        "<p>&#;</p>",
        "<div><script>if (a < b) {}</script></div>",
        "<p>a</p> tail",
        "  <div>indented</div>",
        "<!-- a comment of its own -->",
    ):
        page = f"<p>before</p>\n\n{chunk}\n\n<p>after</p>\n"
        assert blocks.split(page) == (page, {}), chunk


def test_a_block_with_a_line_of_spaces_stays_for_markdown_to_rewrite() -> None:
    page = "<div>a\n   \nb</div>\n\n<p>after</p>\n"
    split, kept = blocks.split(page)
    assert list(kept.values()) == ["<p>after</p>"]
    assert split.startswith("<div>a\n   \nb</div>\n\n<!--dxsite:block:")


_TEXT = st.text(alphabet="ab \\*_{}#$[]()!`~-|>=;'\"/.:\n日本", max_size=12)
_SAFE_ATTRIBUTE = st.text(alphabet="ab \\*_{}#$[]()!`-|=&;/.:\n日", max_size=8)
_BLOCKS = ("div", "section", "p", "dl", "dd", "table", "td", "figure")
_TAGS = (*_BLOCKS, "svg", "title", "span", "a", "br")


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS if depth else _BLOCKS))
    attributes = "".join(
        f' {name}="{draw(_SAFE_ATTRIBUTE)}"' for name in draw(st.lists(st.sampled_from("xyz")))
    )
    children = draw(
        st.lists(
            st.one_of(
                _TEXT,
                st.sampled_from(["<!-- c -->", "&#39;", "&amp;", "<hr>", "<path/>", "{{ x }}"]),
                _element(depth + 1) if depth < 3 else st.just("t"),
            ),
            max_size=4,
        )
    )
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


_LINES = st.one_of(
    _element(),
    st.tuples(_element(), _element()).map("".join),
    st.sampled_from(["", "## Heading {#h}", "text *x*", '<span lang="ja">x</span> y', "- item"]),
)
_UNCLEAN = st.sampled_from(
    ["<p>a</p> b", "<div>\tx</div>", "   <div>x</div>", "<!-- c -->", "<p>&#;</p>", "<p>a < b</p>"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=8), st.lists(_UNCLEAN, max_size=1), st.sampled_from("\n "))
def test_setting_blocks_aside_and_back_changes_nothing_markdown_makes_of_a_page(
    lines: list[str], unclean: list[str], separator: str
) -> None:
    page = separator.replace(" ", "\n\n").join(lines + unclean) + "\n"
    split, kept = blocks.split(page)
    assert blocks.restore(split, kept) == page
    assert blocks.restore(converted(split), kept) == converted(page)


def test_each_pages_blocks_are_kept_by_the_name_of_the_page_mkdocs_writes(tmp_path: Path) -> None:
    project = copy_project(ROOT / "examples" / "sample-city", tmp_path / "city")
    render(project)
    kept = project / ".dxsite" / "blocks"
    for lang in site.LANGS:
        page = (project / ".dxsite" / "docs" / lang / "kpis" / "index.md").read_text("utf-8")
        stored = json.loads((kept / lang / "kpis" / "index.html.json").read_text("utf-8"))
        assert all(f"<!--dxsite:block:{d}-->" in page for d in stored)
    assert not list(kept.glob("*/chapters"))
    plan = validate(project).project
    assert plan is not None
    site.render(plan, Paths(project, project / "site"), blocks=False)
    assert not list(kept.rglob("*.json"))
