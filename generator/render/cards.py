"""Tables that become cards on a phone: each data cell carries its column's header.

On a narrow screen the stylesheet lays every row of a `dx-table` out as a card (the row header
as its title, each cell under its column's name, from `data-label`), so that a KPI's grade or
an action's status is never beyond a sideways scroll. The labels are written at build time
from the table's own header row: the cards need no JavaScript, and the HTML stays a real table
for screen readers (the stylesheet hides the generated label from them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

_TABLE_START = '<table class="dx-table'
_TABLE_END = "</table>"
_WORD = re.compile(r"\w")
_HEAD = re.compile(r"<thead>(?P<head>.*?)</thead>", re.S)
_COLUMN = re.compile(r"<th\b(?P<attrs>[^>]*)>(?P<body>.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<(?P<tag>th|td)\b(?P<attrs>[^>]*)>")
_COLSPAN = re.compile(r'\bcolspan="(\d+)"')
_TAG = re.compile(r"<[^>]*>")
_LABELLED = '<td data-label="'
"""A table written with its cells labelled (render/rows.py): no cell of a table a template
writes starts so, and editor-written text cannot (its quotes are escaped)."""


def _span(attrs: str) -> int:
    found = _COLSPAN.search(attrs)
    return int(found.group(1)) if found else 1


def column_labels(head: str) -> list[str]:
    """The header row's words per column (tags dropped), ready for an attribute."""
    words: list[str] = []
    for column in _COLUMN.finditer(head):
        plain = " ".join(html.unescape(_TAG.sub("", column.group("body"))).split())
        words += [html.escape(plain)] * _span(column.group("attrs"))
    return words


def _label_row(row: str, columns: list[str]) -> str:
    position = 0

    def label(cell: re.Match[str]) -> str:
        nonlocal position
        attrs, width = cell.group("attrs"), _span(cell.group("attrs"))
        here, position = position, position + width
        if cell.group("tag") == "th" or width > 1 or here >= len(columns):
            return cell.group(0)
        return f'<td data-label="{columns[here]}"{attrs}>'

    return _CELL.sub(label, row)


def _label_table(whole: str) -> str:
    head = _HEAD.search(whole)
    if head is None:
        return whole
    if _LABELLED in whole:
        return whole
    columns = column_labels(head.group("head"))
    body_start = head.end()
    rows = _ROW.sub(lambda r: _label_row(r.group(0), columns), whole[body_start:])
    return whole[:body_start] + rows


def _tables(page: str) -> Iterator[tuple[int, int]]:
    """Where each `dx-table` lies in `page` (start, end): from `<table class="dx-table` (a
    whole class name) to the first `</table>` after it. Found with str.find, not a lazy
    regular expression, which steps through a report's long tables character by character."""
    at = page.find(_TABLE_START)
    while at >= 0:
        after = at + len(_TABLE_START)
        if after < len(page) and _WORD.match(page, after):
            at = page.find(_TABLE_START, at + 1)
            continue
        end = page.find(_TABLE_END, after)
        if end < 0:
            return
        end += len(_TABLE_END)
        yield at, end
        at = page.find(_TABLE_START, end)


def label_cells(page: str) -> str:
    """Every data cell of every `dx-table` in `page` labelled with its column's header."""
    out, done = [], 0
    for start, end in _tables(page):
        out += [page[done:start], _label_table(page[start:end])]
        done = end
    return "".join(out) + page[done:]
