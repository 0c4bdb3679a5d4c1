"""The loader's fast path (generator/load.py `_Events`) builds values straight from libyaml's
events: for every file it accepts, the same values, value positions and key positions, in the
same order, as the node tree PyYAML's own parser composes; everything else it leaves to that
parser, whose findings are the ones reported. (tests/test_format.py compares both ways on every
shipped file.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import write_plan
from generator import load


def by_events(text: str) -> tuple[Any, ...]:
    doc, diagnostics, final = load._compose(load._fast_parser(text), text, "t.yaml", events=True)
    return _plain(doc, diagnostics, final)


def by_nodes(text: str) -> tuple[Any, ...]:
    doc, diagnostics, final = load._compose(load._Loader(text), text, "t.yaml")
    return _plain(doc, diagnostics, final)


def _plain(doc: load.Document | None, diagnostics: list[Any], final: bool) -> tuple[Any, ...]:
    found = None if doc is None else (doc.data, list(doc.values.items()), list(doc.keys.items()))
    return found, [(d.line, d.col, d.message) for d in diagnostics], final


def test_a_large_synthetic_plan_loads_by_events_as_by_its_node_tree(tmp_path: Path) -> None:
    root = write_plan("M", tmp_path / "m")
    for path in [root / "kpis.yaml", *(root / "plan").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        events, nodes = by_events(text), by_nodes(text)
        assert events[0] is not None and events == nodes, path.name


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x 1\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "? [a]\n: 1\n",
        "<<: {a: 1}\n",
        "a: 1\n---\nb: 2\n",
        'a: "\\x01"\n',
    ],
    ids=["alias", "anchor", "tag", "duplicate", "complex key", "merge", "documents", "control"],
)
def test_what_the_events_refuse_is_parsed_again_and_worded_by_pyyaml(text: str) -> None:
    doc, _, final = load._compose(load._fast_parser(text), text, "t.yaml", events=True)
    assert doc is None and not final
    assert load.load_text(text, "t.yaml") == load._compose(load._Loader(text), text, "t.yaml")[:2]


def test_an_empty_file_and_a_file_of_comments_are_empty_both_ways() -> None:
    for text in ("", "# nothing\n"):
        assert by_events(text) == by_nodes(text)
        assert by_events(text)[2] is True


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf")), max_size=30),
    st.sampled_from(["yes", "no", "010", "9:00", "2026-12-04", "~", "null", "1e3", "行政手続"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(st.text(min_size=1, max_size=8), DATA, max_size=5), flow=st.booleans())
def test_any_document_loads_by_events_as_by_its_node_tree(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, width=40)
    events, nodes = by_events(text), by_nodes(text)
    if events[2]:
        assert events == nodes
    else:  # left to PyYAML's parser, which load_text reports
        assert events[0] is None
