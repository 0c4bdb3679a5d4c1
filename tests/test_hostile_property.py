"""Property: random text in every text field of the shipped plan cannot inject anything.

Random strings mixing markup, Markdown, template syntax, white space and any Unicode are written
into every text field of the shipped plan (with every optional text filled in). Either the plan
is refused with located errors (control characters, which no text may hold) or it builds, and
then every page shows the text as written and has no element, attribute or script that the same
page of a clean build does not have. Each example is a real build (about a second), so the
example counts are small; tests/test_hostile.py holds the fixed corpus.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from generator.model.project import FILES
from generator.render.data import neutralise
from generator.validate import validate

from .conftest import ROOT, copy_project
from .test_hostile import (
    PAYLOADS,
    build,
    fill_every_optional_text,
    html_pages,
    injected_markup,
    norm,
    replace_every_text,
    soup,
)

pytestmark = pytest.mark.usefixtures("english")

NOT_IN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    "\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff]"
)
"""What no text may hold (the loader refuses it, written raw or as a YAML escape): C0 and C1
controls other than tab and line ends, lone surrogates, U+FFFE and U+FFFF, and the invisible
characters (bidirectional controls, zero-width characters, line separators; tests/test_hostile.py
holds their cases)."""

FRAGMENTS = [
    *PAYLOADS,
    *("<", ">", "&", '"', "'", "`", "*", "_", "~", "^", "=", "|", "\\", "/", ":", ";"),
    *("[", "]", "(", ")", "{", "}", "#", "!", "+", "-", ".", "%", "$", "@"),
    *("\n", "\n\n", "\t", "\r", "\r\n", " ", "  ", "\u3000", "\xa0"),
    *("\U0001f600", "\u0301", "ｱ", "あ", "漢"),
    *("&amp;", "&lt;", "&gt;", "&quot;", "&#60;", "&#x3c;", "&nbsp;", "&"),
    *("<script>", "</script>", "<b>", "</b>", "<!--", "-->", "<![CDATA[", "]]>", "</article>"),
    *("javascript:", "data:", "onerror=", "onload=", "src=", "href=", "style="),
    *("{{", "}}", "{%", "%}", "{#", "#}", "[^1]", "!!!", "---", "***", "```", "    ", "1. "),
    *("{: .x}", "{#id}", "<https://example.jp>", "[a](b)", "![a](b)", "<a href=x>", "\\\\"),
]

_CHARS = st.characters(codec="utf-8").filter(lambda c: not NOT_IN_TEXT.match(c))
TEXT = (
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(_CHARS, min_size=1, max_size=4)),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)
"""Text an editor could write: markup, Markdown, entities, white space, any character."""

WITH_CONTROLS = st.tuples(
    TEXT, st.sampled_from([chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0x9B]])
).map(lambda pair: pair[0] + pair[1] + pair[0])
"""Text holding a control character (written into the YAML as an escape such as "\\x01")."""


class Plan:
    """The shipped plan with every optional text, a clean build of it, and a copy to mutate."""

    def __init__(self, root: Path) -> None:
        clean = copy_project(ROOT, root / "clean")
        fill_every_optional_text(clean)
        site = build(clean)
        self.clean = {rel: soup(path) for rel, path in html_pages(site).items()}
        self.project = copy_project(clean, root / "mutated")
        self.pristine = {rel: (clean / rel).read_bytes() for rel, _, _ in FILES.values()}

    def write(self, text: str, *, translated: bool) -> None:
        """Every text field of the plan set to `text` (with or without English)."""
        for rel, content in self.pristine.items():
            (self.project / rel).write_bytes(content)

        def value() -> Any:  # a new dict each time: the same one would be dumped as an alias
            return {"ja": text, "en": text} if translated else text

        replace_every_text(self.project, value)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    return Plan(tmp_path_factory.mktemp("property"))


def assert_shown_as_written_and_nothing_injected(plan: Plan, site: Path, text: str) -> None:
    written = text.strip()  # as the models keep it
    pages = html_pages(site)
    assert pages.keys() == plan.clean.keys()
    for rel, path in pages.items():
        page = soup(path)
        assert injected_markup(page, plan.clean[rel]) == [], rel
    for rel in ("kpis/online-procedure-rate/index.html", "strategies/kurashi/index.html"):
        page = soup(site / rel)
        h1 = page.find("h1")
        assert h1 is not None and norm(h1.get_text()) == norm(written), rel
        assert page.title is not None
        assert norm(page.title.get_text()) == norm(f"{written} – {written}"), rel
        article = page.find("article")
        assert article is not None and norm(written) in norm(article.get_text()), rel
    english = soup(site / "en/kpis/online-procedure-rate/index.html").find("article")
    assert english is not None and norm(written) in norm(english.get_text())
    entries = json.loads((site / "search/index.json").read_text(encoding="utf-8"))
    assert norm(written) in {norm(e["t"]) for e in entries}
    with (site / "data/kpis.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {row["kpi_name_ja"] for row in rows} == {neutralise(written)}  # a formula stays text


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: a build a try
)
@given(text=TEXT, translated=st.booleans())
@example(text="𠮷野家 😀 \U00015d75", translated=False)  # beyond U+FFFF: front matter
@example(text="<script>alert(1)</script>\r0", translated=True)  # a lone CR
def test_random_text_in_every_field_is_shown_as_written_and_injects_nothing(
    plan: Plan, text: str, translated: bool
) -> None:
    plan.write(text, translated=translated)
    site = build(plan.project)
    assert_shown_as_written_and_nothing_injected(plan, site, text)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=WITH_CONTROLS)
def test_a_control_character_in_any_text_is_a_located_error_in_every_file(
    plan: Plan, text: str
) -> None:
    plan.write(text, translated=True)
    result = validate(plan.project)
    assert result.project is None
    code = f"U+{ord(NOT_IN_TEXT.findall(text)[0]):04X}"
    located = {d.path for d in result.diagnostics if code in d.message and d.line >= 1}
    assert located == {rel for rel, _, _ in FILES.values()}, result.diagnostics
