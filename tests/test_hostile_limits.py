"""Editor input that once crashed or stalled the build: each is a located message from `check`
(so `build`, which checks first, never starts), or builds correctly.

Chapters nested or bracketed beyond what Markdown survives, a chapter that is a link loop,
invisible controls, KPI values at the ends of the float range, fiscal years before 昭和,
a hand-edited accessibility.json, SOURCE_DATE_EPOCH that is no number, element ids shared by a
measure and an action.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.chapters import MAX_HTML_NESTING, MAX_NESTING, check_markdown

from .conftest import ROOT, Run, build_at

pytestmark = pytest.mark.usefixtures("english")

CHAPTER = "plan/chapters/ja/02-hostile.md"
NESTING = f"nested more than {MAX_NESTING} levels deep"


def write_chapter(project: Path, body: str) -> None:
    (project / CHAPTER).write_text(f"# 敵対的な章\n\n{body}\n", encoding="utf-8")


def checked(dxsite: Run, project: Path) -> tuple[int, str]:
    code, out = dxsite("check", str(project))
    assert "Traceback" not in out
    return code, out


def check_says(dxsite: Run, project: Path, expected: str, code: int = 1) -> None:
    """`dxsite check` exits with `code` and prints `expected`."""
    found, out = checked(dxsite, project)
    assert found == code, out
    assert expected in out, out


DEEP_CHAPTERS = {
    "list-400": ("\n".join("  " * i + "- x" for i in range(400)), "35:1"),
    "list-one-line": ("- " * 400 + "x", "3:1"),
    "admonitions-500": ("\n".join("    " * i + "!!! note" for i in range(500)), "20:1"),
    "quotes-400": (">" * 400 + " x", "3:1"),
    "ordered-400": ("1. " * 400 + "x", "3:1"),
}


@pytest.mark.parametrize("name", DEEP_CHAPTERS)
def test_a_chapter_nested_too_deeply_is_an_error_at_its_line(
    scaffold: Path, dxsite: Run, name: str
) -> None:
    body, where = DEEP_CHAPTERS[name]
    write_chapter(scaffold, body)
    code, out = checked(dxsite, scaffold)
    assert code == 1
    assert f"{CHAPTER}:{where}: error: lists, admonitions and quotes are {NESTING}" in out


def test_3000_nested_divs_are_an_error_at_the_first_too_deep(scaffold: Path, dxsite: Run) -> None:
    write_chapter(scaffold, "<div>" * 3000)
    code, out = checked(dxsite, scaffold)
    assert code == 1
    column = MAX_HTML_NESTING * 5 + 1
    assert f"{CHAPTER}:3:{column}: error: HTML elements are nested more than" in out


@pytest.mark.parametrize(
    "body",
    ["[" * 9000, "[^" * 4000, "[(" * 4000, "![" * 4000, "[a](" * 2000, "\n".join(["[" * 900] * 40)],
    ids=["brackets", "footnote-refs", "bracket-parens", "images", "open-links", "many-lines"],
)
def test_brackets_that_would_stall_markdown_are_an_error_at_their_paragraph(
    scaffold: Path, dxsite: Run, body: str
) -> None:
    write_chapter(scaffold, body)
    started = time.perf_counter()
    code, out = checked(dxsite, scaffold)
    assert time.perf_counter() - started < 10
    assert code == 1
    assert f"{CHAPTER}:3:1: error: this paragraph leaves too many [, ]( or < unclosed" in out


def test_a_chapter_at_the_limits_builds_in_bounded_time(scaffold: Path) -> None:
    """What check lets through renders quickly: nesting at the limit, many closed links."""
    lists = "\n".join("    " * i + "- x" for i in range(MAX_NESTING))
    links = "\n".join(f"[リンク{i}](https://example.jp/{i}) と <b>強調</b>" for i in range(2000))
    divs = "<div>" * MAX_HTML_NESTING + "x" + "</div>" * MAX_HTML_NESTING
    body = f"{lists}\n\n{links}\n\n{divs}\n\n" + "[" * 300
    text, problems = check_markdown(f"# 章\n\n{body}\n", CHAPTER)
    assert problems == []
    write_chapter(scaffold, body)
    (scaffold / CHAPTER.replace("/ja/", "/en/")).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    site = build_at(scaffold, "1796000000")
    assert time.perf_counter() - started < 60
    page = (site / "chapters/hostile/index.html").read_text(encoding="utf-8")
    assert "https://example.jp/1999" in page


def test_a_chapter_that_is_a_link_loop_is_a_located_error(scaffold: Path, dxsite: Run) -> None:
    (scaffold / CHAPTER).symlink_to("02-hostile.md")
    (scaffold / "plan/chapters/ja/03-a.md").symlink_to("03-b.md")
    (scaffold / "plan/chapters/ja/03-b.md").symlink_to("03-a.md")
    code, out = checked(dxsite, scaffold)
    assert code == 1
    assert f"{CHAPTER}:1:1: error: a symbolic link loop: remove the link" in out
    assert "plan/chapters/ja/03-a.md:1:1: error: a symbolic link loop" in out


def test_an_english_chapter_that_is_a_link_loop_is_a_located_error(
    scaffold: Path, dxsite: Run
) -> None:
    en = scaffold / "plan/chapters/en/01-introduction.md"
    en.unlink()
    en.symlink_to("01-introduction.md")
    code, out = checked(dxsite, scaffold)
    assert code == 1
    assert "plan/chapters/en/01-introduction.md:1:1: error: a symbolic link loop" in out


def test_invisible_controls_in_a_chapter_are_a_warning_and_removed_from_the_page(
    scaffold: Path, dxsite: Run
) -> None:
    write_chapter(scaffold, "残高は\u202e%001\u202c です。&#x2066;隔離&#x2069; と \x1b[31m 色")
    check_says(
        dxsite, scaffold, f"{CHAPTER}:3:4: warning: invisible control or bidi characters (5, ", 0
    )
    page = (build_at(scaffold, "1796000000") / "chapters/hostile/index.html").read_text("utf-8")
    for invisible in ("\u202e", "\u202c", "\u2066", "\u2069", "\x1b", "&#x2066;"):
        assert invisible not in page
    assert "残高は%001 です。隔離 と [31m 色" in BeautifulSoup(page, "html.parser").get_text()


def test_an_invisible_control_in_a_chapter_title_never_reaches_the_title(scaffold: Path) -> None:
    (scaffold / CHAPTER).write_text("# 章\u202e題\x07\n\n本文\n", encoding="utf-8")
    page = BeautifulSoup(
        (build_at(scaffold, "1796000000") / "chapters/hostile/index.html").read_text("utf-8"),
        "html.parser",
    )
    assert page.title is not None and page.title.get_text().startswith("章題 – ")


@pytest.mark.parametrize(
    ("baseline", "target"),
    [("1e308", "-1e308"), ("-1e308", "1e308"), ("5e-324", "0"), ("1.79769313486231e308", "0")],
)
def test_kpi_values_at_the_ends_of_the_float_range_draw_a_chart(
    scaffold: Path, baseline: str, target: str
) -> None:
    path = scaffold / "kpis.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("value: 10, year: R6", f"value: {baseline}, year: R6")
    path.write_text(text.replace("value: 100, year: R10", f"value: {target}, year: R10"), "utf-8")
    page = BeautifulSoup(
        (build_at(scaffold, "1796000000") / "kpis/online-rate/index.html").read_text("utf-8"),
        "html.parser",
    )
    svg = page.select_one("figure.dx-chart svg")
    assert svg is not None
    for element in svg.find_all(True):
        for name in ("x", "y", "x1", "y1", "x2", "y2", "width", "height", "points", "d"):
            value = str(element.get(name, ""))
            assert "nan" not in value and "inf" not in value, (element.name, name, value)


def test_an_accessibility_report_with_month_13_is_an_error_at_its_line(
    scaffold: Path, dxsite: Run
) -> None:
    report = json.loads((ROOT / "accessibility.json").read_text(encoding="utf-8"))
    report["date"] = "2026-13-01"
    (scaffold / "accessibility.json").write_text(json.dumps(report, indent=2), "utf-8")
    code, out = checked(dxsite, scaffold)
    assert code == 1
    assert (
        'accessibility.json:2:11: error: not a recorded run (date: "2026-13-01" is not a valid date'
        in out
    )
    code, out = dxsite("build", str(scaffold))
    assert code == 1 and "Traceback" not in out and not (scaffold / "site").exists()


def test_an_accessibility_report_that_is_not_json_is_an_error_at_its_position(
    scaffold: Path, dxsite: Run
) -> None:
    (scaffold / "accessibility.json").write_text('{"date": "2026-01-01",\n  oops}', "utf-8")
    code, out = checked(dxsite, scaffold)
    assert code == 1
    assert "accessibility.json:2:3: error: not valid JSON" in out


@pytest.mark.parametrize("epoch", ["abc", "1.5", "-5", "１７９６", "99999999999", "4294967296"])
def test_a_source_date_epoch_that_is_no_whole_number_of_seconds_is_a_clear_message(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    for command in ("check", "build"):
        code, out = dxsite(command, str(scaffold))
        assert code != 0 and "Traceback" not in out
        assert "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970" in out
    assert not (scaffold / "site").exists()


def _rename_action(project: Path, new: str) -> None:
    path = project / "plan/strategies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- id: e-application", f"- id: {new}"), encoding="utf-8")


def test_an_action_with_its_measures_id_is_an_error_at_its_line(
    scaffold: Path, dxsite: Run
) -> None:
    _rename_action(scaffold, "online-procedures")
    check_says(
        dxsite,
        scaffold,
        'plan/strategies.yaml:10:17: error: action "More electronic applications", id: the action '
        'id "online-procedures" is the id of the strategy or measure at line 7',
    )


@pytest.mark.parametrize("value", ["dx-title", "dx-section-kpis", "dx-gantt-administration"])
def test_an_action_taking_an_id_dxsite_uses_on_the_page_is_an_error(
    scaffold: Path, dxsite: Run, value: str
) -> None:
    _rename_action(scaffold, value)
    code, out = checked(dxsite, scaffold)
    assert code == 1
    assert (
        'plan/strategies.yaml:10:17: error: action "More electronic applications", id: the id '
        f'"{value}" is not available'
    ) in out


@pytest.mark.parametrize("value", ["kpis", "measures", "administrative-dx", "schedule"])
def test_element_ids_stay_unique_when_an_action_id_is_a_heading_word(
    scaffold: Path, value: str
) -> None:
    _rename_action(scaffold, value)
    site = build_at(scaffold, "1796000000")
    for page in sorted(site.rglob("*.html")):
        ids = Counter(
            e["id"] for e in BeautifulSoup(page.read_text("utf-8"), "html.parser").find_all(id=True)
        )
        assert [i for i, n in ids.items() if n > 1] == [], page
