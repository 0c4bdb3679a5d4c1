"""The search index: one entry per item (page, section, action row), cells never glued together.

The browser tests search the built site for real (tests/test_browser.py) and run the query sets
of benchmarks/search_queries.yaml; these tests read the index generator/search.py writes.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.search import holds_query, queries
from generator import search

from .conftest import ROOT, build_as_of

PAGE = """<html><body><nav><h2 id="__nav">menu</h2></nav><article class="md-content__inner">
<h1 id="dx">行政のDX</h1><p>リード文</p>
<h3 id="online-procedures">行政手続きの<wbr>オンライン化</h3><p>説明です。</p>
<table><thead><tr><th>Action</th><th>Status</th></tr></thead><tbody>
<tr id="online-applications"><th scope="row">Expanding online applications
<div>Apply online.</div></th>
<td>—</td><td>In progress</td></tr></tbody></table>
<figure><svg data-search-exclude=""><text>軸ラベル</text></svg>
<figcaption>図の説明</figcaption></figure>
<p class="dx-updated" data-search-exclude><small>最終更新: 2026-11-24</small></p>
</article></body></html>"""


def _items() -> dict[str, dict[str, str]]:
    return {e["u"]: e for e in search.page_items(PAGE, "strategies/gyosei/")}


def test_each_heading_with_an_id_and_each_action_row_is_an_item_linked_by_its_anchor() -> None:
    assert list(_items()) == [
        "strategies/gyosei/",
        "strategies/gyosei/#online-procedures",
        "strategies/gyosei/#online-applications",
    ]


def test_a_word_at_the_edge_of_a_table_cell_stays_a_word_of_its_own() -> None:
    row = _items()["strategies/gyosei/#online-applications"]["x"]
    assert "Status" not in row and "StatusExpanding" not in json.dumps(_items())
    assert row.split(" ")[0] == "Expanding"
    assert "applications Apply online. — In progress" in row


def test_an_action_row_is_titled_by_its_name_and_names_its_page() -> None:
    row = _items()["strategies/gyosei/#online-applications"]
    assert row["t"] == "Expanding online applications"
    assert row["p"] == "行政のDX"


def test_a_row_belongs_to_its_own_item_not_to_the_section_around_it() -> None:
    section = _items()["strategies/gyosei/#online-procedures"]["x"]
    assert "説明です。" in section and "Action Status" in section
    assert "Expanding" not in section


def test_a_line_break_hint_inside_a_japanese_word_does_not_split_it() -> None:
    section = _items()["strategies/gyosei/#online-procedures"]
    assert section["t"] == "行政手続きのオンライン化"


def test_a_charts_svg_is_not_indexed_even_where_the_builder_dropped_data_search_exclude() -> None:
    page = "<article><h1>T</h1><figure><svg><text>軸ラベル</text><svg><text>内側</text></svg>"
    page += "<text>後</text></svg><table><tr><td>表の値</td></tr></table></figure></article>"
    everything = json.dumps(search.page_items(page, "x/"), ensure_ascii=False)
    assert "表の値" in everything
    assert not any(word in everything for word in ("軸ラベル", "内側", "後"))
    _same_items(page)


def test_charts_svg_the_update_date_and_the_theme_around_the_article_are_not_indexed() -> None:
    everything = json.dumps(_items(), ensure_ascii=False)
    assert "軸ラベル" not in everything and "最終更新" not in everything
    assert "menu" not in everything
    assert "図の説明" in everything


@given(
    st.lists(
        st.text(
            st.characters(codec="utf-8", categories=["L", "N", "P", "S"], exclude_characters="<>&"),
            min_size=1,
            max_size=12,
        ),
        min_size=2,
        max_size=5,
    )
)
def test_every_cell_of_a_row_is_found_whole_in_the_row_and_apart_from_its_neighbours(
    cells: list[str],
) -> None:
    row = "".join(f"<td>{c}</td>" for c in cells)
    page = f'<article><h1 id="p">P</h1><table><tr id="r">{row}</tr></table></article>'
    item = next(e for e in search.page_items(page, "x/") if e["u"] == "x/#r")
    assert item["x"] == " ".join(cells)


def test_the_japanese_index_leaves_out_the_english_pages(tmp_path: Path) -> None:
    for rel, title in (("index.html", "ホーム"), ("en/index.html", "Home"), ("404.html", "404")):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f'<article><h1 id="x">{title}</h1></article>', "utf-8")
    search.write_indexes((tmp_path, tmp_path / "en"))
    ja = json.loads((tmp_path / search.INDEX).read_text(encoding="utf-8"))
    en = json.loads((tmp_path / "en" / search.INDEX).read_text(encoding="utf-8"))
    assert [e["t"] for e in ja] == ["ホーム"] and [e["t"] for e in en] == ["Home"]


def test_the_separator_splits_a_japanese_phrase_at_hiragana_and_script_boundaries() -> None:
    parts = [p for p in re.split(search.JA_SEPARATOR, "行政手続のオンライン化") if p]
    assert parts == ["行政手続", "オンライン", "化"]


def test_relevance_needs_every_word_as_written_or_all_its_parts() -> None:
    assert holds_query("行政手続きのオンライン化", "オンライン化")
    assert not holds_query("市民の利便性を強化する", "オンライン化")
    assert holds_query("Expanding online applications", "expanding ONLINE")
    assert not holds_query("maintain the systems", "AI")
    assert holds_query("行政手続きを オンライン で強化", "行政手続のオンライン化")


def test_the_query_sets_hold_at_least_50_japanese_queries_of_every_kind_and_an_english_set() -> (
    None
):
    chosen = queries()
    ja = [q for q in chosen if q.lang == "ja"]
    assert len(ja) >= 50
    assert {q.kind for q in ja} == {"kanji", "compound", "katakana", "kana", "latin", "number"}
    assert len([q for q in chosen if q.lang == "en"]) >= 40
    assert all(q.expect for q in chosen)


class HtmlParserArticle(HTMLParser):
    """The reference reading: Python's own html.parser handing the page to the index's
    _Article, as the index did before it read pages with its own tokenizer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article = search._Article()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.article.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.article.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.article.handle_data(data)


def _read_by_html_parser(page: str) -> list[search.Item]:
    reference = HtmlParserArticle()
    reference.feed(page)
    reference.close()
    return reference.article.items


def _read_by_the_index(page: str) -> list[search.Item]:
    article = search._Article()
    search.feed(article, page)
    return article.items


def _same_items(page: str) -> None:
    def entries(items: list[search.Item]) -> list[tuple[str, str, str]]:
        return [(i.anchor, search._clean(i.title), search._clean(i.text)) for i in items]

    assert entries(_read_by_the_index(page)) == entries(_read_by_html_parser(page))


@pytest.fixture(scope="module")
def built_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    project = tmp_path_factory.mktemp("shipped") / "project"
    build_as_of(ROOT, project, "1796083200")
    return sorted((project / ".dxsite" / "build" / "mkdocs").rglob("*.html"))


def test_every_built_page_of_the_shipped_plan_is_read_as_html_parser_reads_it(
    built_pages: list[Path],
) -> None:
    assert len(built_pages) > 30
    for path in built_pages:
        _same_items(path.read_text(encoding="utf-8"))


_TAGS = ["div", "p", "h1", "h2", "h3", "table", "tr", "td", "th", "span", "a", "svg", "section"]
_TAGS += ["br", "img", "wbr", "script", "style", "article", "strong", "TR", "Td"]
_TEXT = st.text(st.sampled_from(list("ab 行政<>&;#x41\"'/=-!")), max_size=8).map(
    lambda t: t.replace("<", "&lt;")
)
_ATTRIBUTES = st.lists(
    st.sampled_from(
        [
            ' id="a"',
            " ID='b&amp;c'",
            " id=plain",
            " data-search-exclude",
            ' data-search-exclude=""',
            ' data-id="no"',
            ' title="x > y"',
            " hidden",
            ' class="id"',
        ]
    ),
    max_size=3,
).map("".join)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def join(tag: str, attrs: str, inner: list[str], closed: bool) -> str:
        if tag.lower() in ("br", "img", "wbr"):
            return f"<{tag}{attrs}>" if not closed else f"<{tag}{attrs}/>"
        if tag.lower() in ("script", "style"):
            return f"<{tag}{attrs}>a<b>c</b> 1 &amp; <p></{tag}>"
        return f"<{tag}{attrs}>{''.join(inner)}</{tag}>"

    return st.builds(
        join, st.sampled_from(_TAGS), _ATTRIBUTES, st.lists(children, max_size=4), st.booleans()
    )


_FRAGMENTS = st.recursive(
    st.one_of(_TEXT, st.just("<!-- <h2 id=x>not a tag</h2> -->"), st.just("&amp;&#12354;")),
    _element,
    max_leaves=30,
)


@settings(max_examples=300)
@given(
    st.lists(_FRAGMENTS, max_size=4),
    st.lists(_FRAGMENTS.filter(lambda f: "<article" not in f), max_size=2),
)
def test_any_well_formed_page_is_read_as_html_parser_reads_it(
    content: list[str], around: list[str]
) -> None:
    """The page around the article (the theme: one article per page) is not read at all."""
    body = "".join(content)
    _same_items(f"<html><body>{''.join(around)}<article><h1>T</h1>{body}</article>x</body></html>")
