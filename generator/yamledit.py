"""Write answers into kpis.yaml and plan/strategies.yaml, changing only the values concerned.

ruamel.yaml's round trip keeps comments, key order and quoting; a file is edited only when
dumping it unchanged gives back exactly its bytes (with one of the usual indentations), so
everything the import does not touch stays byte-identical. A new record takes the style of its
neighbours: flow (`{year: 令和7年度, value: 80}`) or block, and the same way of writing years.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .errors import DxsiteError
from .messages import say
from .model.fiscal import era_name, era_short, parse_fiscal_year

_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0))
"""(mapping, sequence, offset) indentations tried until one reproduces the file."""


class Editor:
    """One YAML file opened for a round trip."""

    def __init__(self, rel: str, text: str) -> None:
        self.rel = rel
        self.text = text
        for mapping, sequence, offset in _INDENTS:
            yaml = YAML(typ="rt")
            yaml.preserve_quotes = True
            yaml.width = 1_000_000
            yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
            try:
                data = yaml.load(text)
            except YAMLError:
                break
            if self._dump(yaml, data) == text:
                self.yaml, self.data = yaml, data
                return
        raise DxsiteError(say("import.layout", file=rel))

    @staticmethod
    def _dump(yaml: YAML, data: Any) -> str:
        out = io.StringIO()
        yaml.dump(data, out)
        return out.getvalue()

    def dump(self) -> str:
        """The file's text with the edits."""
        return self._dump(self.yaml, self.data)


def kpi(editor: Editor, kpi_id: str) -> CommentedMap:
    """The KPI `kpi_id` in kpis.yaml."""
    found: CommentedMap = next(k for k in editor.data["kpis"] if k.get("id") == kpi_id)
    return found


def actions(editor: Editor) -> Iterator[CommentedMap]:
    """Every action in strategies.yaml."""
    for strategy in editor.data["strategies"]:
        for measure in strategy.get("measures") or []:
            yield from measure.get("actions") or []


def action(editor: Editor, action_id: str) -> CommentedMap:
    """The action `action_id` in strategies.yaml."""
    return next(a for a in actions(editor) if a.get("id") == action_id)


def _years(node: Any) -> Iterator[Any]:
    """Every year written in records (actuals, progress) of a file, to copy their style."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("actuals", "progress") and isinstance(value, list):
                yield from (r["year"] for r in value if isinstance(r, dict) and "year" in r)
            else:
                yield from _years(value)
    elif isinstance(node, list):
        for item in node:
            yield from _years(item)


def _year_as(sample: Any, year: int) -> Any:
    """`year` written the way `sample` writes a year (2025, 令和7年度, R7, FY2025, 2025年度)."""
    if isinstance(sample, int):
        return year
    text = str(sample).strip()
    if re.match(r"^[RHS][0-9]", text, re.IGNORECASE):
        return era_short(year)
    if text.upper().startswith("FY"):
        return f"FY{year}"
    if re.match(r"^[0-9]{4}年度$", text):
        return f"{year}年度"
    return era_name(year)


def set_record(
    editor: Editor,
    item: CommentedMap,
    key: str,
    year: int,
    values: dict[str, Any],
    note: str | None,
    *,
    after: tuple[str, ...],
) -> None:
    """Set the record of `year` in the list `key` of `item` (actuals or progress): its
    `values` and its note ("" removes it, None keeps it), adding the record where it belongs."""
    records = item.get(key)
    if records is None:
        records = CommentedSeq()
        place = max((i + 1 for i, k in enumerate(item) if k in after), default=len(item))
        item.insert(place, key, records)
    found = next((r for r in records if parse_fiscal_year(r["year"]) == year), None)
    if found is None:
        found = CommentedMap()
        sample = next(iter(records), None)
        first = next(_years(editor.data), year)
        found["year"] = _year_as(sample["year"] if sample else first, year)
        if sample is None or sample.fa.flow_style():
            found.fa.set_flow_style()
        place = sum(parse_fiscal_year(r["year"]) < year for r in records)
        records.insert(place, found)
    for name, value in values.items():
        found[name] = value
    if note == "" and "note" in found:
        del found["note"]
    elif note:
        found["note"] = note


def record_lines(editor: Editor, item: CommentedMap, key: str, year: int) -> range:
    """The lines (1-based) the record of `year` in the list `key` of `item` spans; empty when
    there is none."""
    record = next((r for r in item.get(key) or [] if parse_fiscal_year(r["year"]) == year), None)
    if record is None:
        return range(0)
    lines = [position[0] for position in record.lc.data.values()] or [record.lc.line]
    return range(min(lines) + 1, max(lines) + 2)
