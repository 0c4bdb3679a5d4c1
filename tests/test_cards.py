"""Table cells carry their column's header, for the phone's card layout (render/cards.py)."""

from __future__ import annotations

from generator.render.cards import label_cells

TABLE = (
    '<table class="dx-table dx-kpi-table"><caption>KPIs</caption><thead><tr>'
    '<th scope="col">指標</th><th scope="col">最新<span class="x">の実績値</span></th>'
    '<th scope="col">"Grade" &amp; note</th></tr></thead><tbody>'
    '<tr><th scope="rowgroup" colspan="3">行政のDX</th></tr>'
    '<tr id="a"><th scope="row">率</th><td>80%</td><td class="g">○ 順調</td></tr>'
    "</tbody></table>"
)


def test_each_data_cell_is_labelled_with_its_columns_words() -> None:
    html = label_cells(TABLE)
    assert '<td data-label="最新の実績値">80%</td>' in html
    assert '<td data-label="&quot;Grade&quot; &amp; note" class="g">○ 順調</td>' in html


def test_row_headers_spanning_cells_and_the_header_row_stay_as_they_were() -> None:
    html = label_cells(TABLE)
    assert '<th scope="rowgroup" colspan="3">行政のDX</th>' in html
    assert '<th scope="row">率</th>' in html
    assert html.count("data-label") == 2
    assert html[: html.index("</thead>")] == TABLE[: TABLE.index("</thead>")]


def test_tables_that_are_not_the_sites_own_are_left_alone() -> None:
    chapter = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    assert label_cells(chapter) == chapter
