"""The search index: one entry per item (page, section, action row), cells never glued together.

The browser tests search the built site for real (tests/test_browser.py) and run the query sets
of benchmarks/search_queries.yaml; these tests read the index generator/search.py writes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from benchmarks.search import holds_query, queries
from generator import search

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
