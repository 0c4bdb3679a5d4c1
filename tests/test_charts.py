"""The SVG charts, checked against the model they draw (not against snapshots)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.kpi import Kpi
from generator.model.plan import PlanFile
from generator.model.project import Project
from generator.model.strategy import Strategy
from generator.render import _svg as svg
from generator.render import format as fmt
from generator.render._svg import nice_ticks
from generator.render.charts import gantt_chart, period_chart, trend_chart
from generator.validate import validate

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[1]
EVIL = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


# --- helpers ---------------------------------------------------------------------------------

YEAR = 2023
"""The current fiscal year the schedule charts are drawn for."""


def parse(html: str) -> ET.Element:
    """The figure as XML: every chart must be well-formed."""
    return ET.fromstring(html)


def svg_of(figure: ET.Element) -> ET.Element:
    found = figure.find(f"{SVG}svg")
    assert found is not None
    return found


def classed(root: ET.Element, cls: str) -> list[ET.Element]:
    return [el for el in root.iter() if cls in el.get("class", "").split()]


def group(root: ET.Element, cls: str) -> ET.Element:
    (found,) = classed(root, cls)
    return found


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def table_rows(figure: ET.Element) -> list[list[str]]:
    return [["".join(c.itertext()) for c in tr] for tr in figure.iter("tr")][1:]


def kpi(**fields: Any) -> Kpi:
    data: dict[str, Any] = {
        "id": "gdp",
        "name": {"ja": "市内総生産", "en": "Gross city product"},
        "unit": {"ja": "百万円", "en": "million yen"},
        "measures": "economy",
        "baseline": {"value": 25046, "year": "平成30年度"},
        "targets": [{"value": 25607, "year": "R5"}],
        "actuals": [
            {"year": 2019, "value": 25100},
            {"year": 2020, "value": 24800},
            {"year": 2021, "value": 25300},
        ],
    }
    data.update(fields)
    return Kpi.model_validate(data)


def plan(**fields: Any) -> PlanFile:
    data: dict[str, Any] = {
        "municipality": "荒尾市",
        "title": "荒尾市DX推進計画",
        "status": "adopted",
        "period": {"start": "R4", "end": "R7"},
        "periods": [
            {"id": "phase-1", "name": {"ja": "第1期", "en": "Phase 1"}, "start": "R4", "end": "R5"},
            {"id": "phase-2", "name": {"ja": "第2期", "en": "Phase 2"}, "start": "R6", "end": "R7"},
        ],
    }
    data.update(fields)
    return PlanFile.model_validate(data)


def action(aid: str, schedule: dict[str, Any] | None) -> dict[str, Any]:
    found: dict[str, Any] = {"id": aid, "name": {"ja": f"取組{aid}", "en": f"Action {aid}"}}
    if schedule is not None:
        found["schedule"] = schedule
    return found


def strategies() -> list[Strategy]:
    life = [action("a1", {"start": "R5", "end": "R7"}), action("a2", {"periods": ["phase-1"]})]
    admin = [
        action("b1", {"start": 2022, "end": 2025}),
        action("b2", None),
        action("b3", {"periods": ["phase-2"]}),
        action("b4", {"start": 2024, "end": 2024}),
    ]
    raw = [
        {
            "id": "life",
            "name": "暮らしのDX",
            "measures": [{"id": "m1", "name": "M", "actions": life}],
        },
        {
            "id": "admin",
            "name": "行政のDX",
            "measures": [{"id": "m2", "name": "N", "actions": admin}],
        },
    ]
    return [Strategy.model_validate(s) for s in raw]


@cache
def scaffold() -> Project:
    project = validate(ROOT / "generator" / "scaffold").project
    assert project is not None
    return project


def all_charts(lang: str) -> list[str]:
    project = scaffold()
    return [
        trend_chart(kpi(), lang, "kpi-gdp"),
        period_chart(plan(), lang, "period", YEAR),
        gantt_chart(strategies(), plan(), lang, "gantt", YEAR),
        period_chart(project.plan, lang, "scaffold-period", YEAR),
        gantt_chart(project.strategies.strategies, project.plan, lang, "scaffold-gantt", YEAR),
        *(trend_chart(k, lang, f"kpi-{k.id}") for k in project.kpis.kpis),
    ]


# --- KPI trend -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_marker_per_value(lang: str) -> None:
    k = kpi()
    series = group(svg_of(parse(trend_chart(k, lang, "c"))), "dx-chart__series")
    assert len(classed(series, "dx-chart__actual")) == len(k.actuals)
    assert len(classed(series, "dx-chart__baseline")) == 1
    assert len(classed(series, "dx-chart__target")) == len(k.targets)
    assert [el.tag for el in classed(series, "dx-chart__target")] == [f"{SVG}polygon"]
    assert len(classed(series, "dx-chart__line--plan")) == 1  # dashed: baseline → target


def test_markers_follow_years_and_values() -> None:
    k = kpi()
    series = group(svg_of(parse(trend_chart(k, "ja", "c"))), "dx-chart__series")
    dots = classed(series, "dx-chart__actual")
    xs, ys = [float(d.get("cx", "")) for d in dots], [float(d.get("cy", "")) for d in dots]
    actuals = sorted(k.actuals, key=lambda a: a.year)
    assert xs == sorted(xs)
    pairs = list(zip(actuals, ys, strict=True))
    for (a, ya), (b, yb) in pairwise(pairs):
        assert (a.value < b.value) == (ya > yb)  # higher value, higher on the page


def test_description_states_the_data() -> None:
    desc = svg_of(parse(trend_chart(kpi(), "ja", "c"))).find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert "基準値 25,046百万円（平成30年度）" in desc.text
    assert "目標値 25,607百万円（令和5年度）" in desc.text
    assert "実績値 24,800百万円（令和2年度）" in desc.text
    desc = svg_of(parse(trend_chart(kpi(), "en", "c"))).find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert desc.text.startswith("Baseline 25,046 million yen (FY2018); ")
    assert desc.text.endswith("; target 25,607 million yen (FY2023).")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_table_carries_the_same_values(lang: str) -> None:
    k = kpi(actuals=[{"year": 2020, "value": 24800, "note": "速報値"}, {"year": 2019, "value": 1}])
    rows = table_rows(parse(trend_chart(k, lang, "c")))
    values = [(k.baseline.year, k.baseline.value)] if k.baseline else []
    values += sorted((a.year, a.value) for a in k.actuals)
    values += [(t.year, t.value) for t in k.targets if t.value is not None]
    assert [(r[0], r[2]) for r in rows] == [
        (fmt.year(y, lang), fmt.quantity(v, 0, k.unit, lang)) for y, v in values
    ]
    assert rows[2][3] == "速報値"


def test_axis_labels_unit_and_years() -> None:
    svg = svg_of(parse(trend_chart(kpi(), "ja", "c")))
    words = texts(svg)
    assert "単位：百万円" in words
    assert [w for w in words if re.fullmatch(r"[HR]\d+", w)] == [
        "H30",
        "R1",
        "R2",
        "R3",
        "R4",
        "R5",
    ]
    en = texts(svg_of(parse(trend_chart(kpi(), "en", "c"))))
    # English years are wider: every other one is labelled so that none overlap.
    assert "Unit: million yen" in en
    assert [w for w in en if w.startswith("FY")] == ["FY2018", "FY2020", "FY2022"]
    assert 4 <= len(classed(svg, "dx-chart__grid")) <= 5


def test_qualitative_only_kpi_gets_words() -> None:
    k = kpi(baseline=None, actuals=[], targets=[{"year": "R7", "text": "20業務を標準化"}])
    html = trend_chart(k, "ja", "c")
    assert "<svg" not in html and html.startswith("<p")
    assert "20業務を標準化（令和7年度）" in parse(html).text  # type: ignore[operator]


def test_qualitative_target_is_in_table_not_plotted() -> None:
    k = kpi(targets=[{"value": 25607, "year": "R5"}, {"year": "R7", "text": "全業務"}])
    figure = parse(trend_chart(k, "ja", "c"))
    assert len(classed(group(svg_of(figure), "dx-chart__series"), "dx-chart__target")) == 1
    assert table_rows(figure)[-1] == ["令和7年度（2025年度）", "目標値", "全業務"]


@pytest.mark.parametrize(("low", "high"), [(25046, 25607), (0, 100), (2.7, 2.7), (-3, 12), (0, 0)])
def test_nice_ticks_cover_the_values(low: float, high: float) -> None:
    ticks, _ = nice_ticks(low, high)
    assert 4 <= len(ticks) <= 5
    assert ticks[0] <= low and high <= ticks[-1]


# --- plan period and Gantt -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_period_chart_has_one_bar_per_period(lang: str) -> None:
    p = plan()
    figure = parse(period_chart(p, lang, "period", YEAR))
    svg = svg_of(figure)
    (whole,) = classed(svg, "dx-chart__plan")
    bars = classed(svg, "dx-chart__period")
    assert [b.get("data-period") for b in bars] == [q.id for q in p.periods]
    for q in p.periods:
        assert any(w.startswith(q.name.get(lang)) for w in texts(svg))
    assert float(bars[0].get("x", "")) < float(bars[1].get("x", ""))
    width = float(whole.get("width", ""))
    assert sum(float(b.get("width", "")) for b in bars) == pytest.approx(width, abs=5)
    heads = ["R4", "R5", "R6", "R7"] if lang == "ja" else ["FY2022", "FY2023", "FY2024", "FY2025"]
    assert [el.text for el in classed(svg, "dx-chart__year")] == heads
    current = "（現在）" if lang == "ja" else " (current)"
    names = [q.name.get(lang) + (current if q.start <= YEAR <= q.end else "") for q in p.periods]
    assert [r[0] for r in table_rows(figure)][1:] == names


def test_period_chart_without_periods_has_the_plan_bar_only() -> None:
    svg = svg_of(parse(period_chart(plan(periods=[]), "ja", "period", YEAR)))
    assert len(classed(svg, "dx-chart__plan")) == 1 and not classed(svg, "dx-chart__period")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_gantt_groups_and_bars(lang: str) -> None:
    ss, p = strategies(), plan()
    figure = parse(gantt_chart(ss, p, lang, "gantt", YEAR))
    svg = svg_of(figure)
    assert ["".join(g.itertext()) for g in classed(svg, "dx-chart__group")] == [
        s.name.get(lang) for s in ss
    ]
    actions = [a for s in ss for m in s.measures for a in m.actions]
    scheduled = [a for a in actions if a.schedule is not None]
    bars = classed(svg, "dx-chart__bar")
    assert [b.get("data-action") for b in bars] == [a.id for a in scheduled]
    periods = {q.id: (q.start, q.end) for q in p.periods}

    def start(a: Any) -> int:
        return a.schedule.start if a.schedule.start else periods[a.schedule.periods[0]][0]

    xs = {a.id: float(b.get("x", "")) for a, b in zip(scheduled, bars, strict=True)}
    for a in scheduled:
        for b in scheduled:
            assert (start(a) < start(b)) == (xs[a.id] < xs[b.id])
    never = "未定" if lang == "ja" else "not scheduled"
    assert [el.text for el in classed(svg, "dx-chart__unscheduled")] == [never]
    rows = {r[0]: r[1:] for r in table_rows(figure)}
    unknown = "記録なし" if lang == "ja" else "Not recorded"
    assert rows[actions[3].name.get(lang)] == [never, unknown]
    assert rows[actions[0].name.get(lang)] == [
        fmt.year(2023, lang),
        fmt.year(2025, lang),
        unknown,
    ]
    assert len(figure.findall(".//tbody")) == len(ss)


def test_gantt_axis_extends_beyond_the_plan() -> None:
    ss = [
        Strategy.model_validate(
            {
                "id": "x",
                "name": "X",
                "measures": [
                    {
                        "id": "m",
                        "name": "M",
                        "actions": [action("late", {"start": "R7", "end": "R9"})],
                    }
                ],
            }
        )
    ]
    svg = svg_of(parse(gantt_chart(ss, plan(), "ja", "gantt", YEAR)))
    assert [el.text for el in classed(svg, "dx-chart__year")] == [
        "R4",
        "R5",
        "R6",
        "R7",
        "R8",
        "R9",
    ]


def test_gantt_without_actions_is_empty() -> None:
    ss = [Strategy.model_validate({"id": "x", "name": "X"})]
    assert gantt_chart(ss, plan(), "ja", "gantt", YEAR) == ""


# --- every chart: structure, accessibility, escaping -----------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_figure_structure(lang: str) -> None:
    for html in all_charts(lang):
        lines = html.split("\n")
        assert all(line.strip() for line in lines), "a blank line would end the HTML block"
        assert not any(line.startswith("    ") for line in lines)
        figure = parse(html)
        if figure.tag == "p":
            continue
        chart_id = figure.get("id")
        svg = svg_of(figure)
        assert svg.get("role") == "img" and "data-search-exclude" in svg.attrib
        assert svg.get("width") == "100%" and svg.get("viewBox", "").startswith("0 0 ")
        # Named once: the figure by its caption, the image by the data in words (no <title>).
        desc = svg.find(f"{SVG}desc")
        assert svg.find(f"{SVG}title") is None and desc is not None and desc.text
        assert svg.get("aria-labelledby") == desc.get("id") == f"{chart_id}-desc"
        caption = figure.find("figcaption")
        assert caption is not None and caption.text and caption.text != desc.text
        wrap = figure.find("div")
        assert wrap is not None and wrap.get("tabindex") == "0" and wrap.get("aria-label")
        table = wrap.find("table")
        assert table is not None and table.find("caption") is not None
        head = table.find("thead")
        assert head is not None and all(th.get("scope") == "col" for th in head.iter("th"))
        assert table.find(".//tbody/tr/th[@scope='row']") is not None
        ids = [el.get("id") for el in figure.iter() if el.get("id")]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_hard_coded_colours(lang: str) -> None:
    for html in all_charts(lang):
        assert not re.search(r'(fill|stroke|color|style)="', html)
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgba?\(", html)


@pytest.mark.parametrize("evil", EVIL)
def test_editor_text_is_escaped(evil: str) -> None:
    k = kpi(
        name={"ja": evil, "en": evil},
        unit=evil,
        actuals=[{"year": 2020, "value": 1, "note": evil}],
        targets=[{"year": 2023, "value": 2}, {"year": 2024, "text": evil}],
    )
    p = plan(periods=[{"id": "p", "name": evil, "start": "R4", "end": "R7", "note": evil}])
    acts = [{"id": "a", "name": evil, "schedule": {"periods": ["p"]}}]
    named = {"id": "s", "name": evil, "measures": [{"id": "m", "name": evil, "actions": acts}]}
    s = [Strategy.model_validate(named)]
    for lang in ("ja", "en"):
        qualitative = kpi(
            name=evil, baseline=None, actuals=[], targets=[{"year": 2024, "text": evil}]
        )
        for html in [
            trend_chart(k, lang, "c"),
            trend_chart(qualitative, lang, "q"),
            period_chart(p, lang, "p", YEAR),
            gantt_chart(s, p, lang, "g", YEAR),
        ]:
            soup = BeautifulSoup(html, "html.parser")
            assert soup.find("script") is None and soup.find("img") is None
            assert not any(a.startswith("on") for tag in soup.find_all(True) for a in tag.attrs)
            assert evil in soup.get_text()
            parse(html)


@pytest.mark.skipif(validate(ROOT).project is None, reason="the shipped plan is not valid yet")
def test_shipped_plan_charts() -> None:
    project = validate(ROOT).project
    assert project is not None
    for lang in ("ja", "en"):
        parse(period_chart(project.plan, lang, "period", YEAR))
        parse(
            gantt_chart(project.strategies.strategies, project.plan, lang, "gantt", YEAR) or "<p/>"
        )
        for k in project.kpis.kpis:
            figure = parse(trend_chart(k, lang, f"kpi-{k.id}"))
            if figure.tag != "p":
                series = group(svg_of(figure), "dx-chart__series")
                assert len(classed(series, "dx-chart__actual")) == len(k.actuals)


# --- property: any values and years stay inside the picture ----------------------------------

_years = st.integers(min_value=1900, max_value=2200)
_values = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


def _points(el: ET.Element) -> list[tuple[float, float]]:
    a = el.attrib
    if "points" in a:
        return [(float(x), float(y)) for x, y in (p.split(",") for p in a["points"].split())]
    if "cx" in a:
        r = float(a["r"])
        return [(float(a["cx"]) + dx, float(a["cy"]) + dy) for dx, dy in ((-r, -r), (r, r))]
    if "x1" in a:
        return [(float(a["x1"]), float(a["y1"])), (float(a["x2"]), float(a["y2"]))]
    if "width" in a and "x" in a:
        x, y = float(a["x"]), float(a["y"])
        return [(x, y), (x + float(a["width"]), y + float(a["height"]))]
    if "x" in a:
        return [(float(a["x"]), float(a["y"]))]
    return []


@settings(max_examples=150, deadline=None)
@given(
    baseline=st.none() | st.tuples(_values, _years),
    actuals=st.lists(st.tuples(_years, _values), max_size=8),
    targets=st.lists(st.tuples(_years, st.none() | _values), min_size=1, max_size=3),
    precision=st.integers(min_value=0, max_value=6),
    lang=st.sampled_from(["ja", "en"]),
)
def test_any_kpi_draws_inside_the_viewbox(
    baseline: tuple[float, int] | None,
    actuals: list[tuple[int, float]],
    targets: list[tuple[int, float | None]],
    precision: int,
    lang: str,
) -> None:
    k = kpi(
        precision=precision,
        baseline={"value": baseline[0], "year": baseline[1]} if baseline else None,
        actuals=[{"year": y, "value": v} for y, v in actuals],
        targets=[
            {"year": y, "value": v} if v is not None else {"year": y, "text": "t"}
            for y, v in targets
        ],
    )
    figure = parse(trend_chart(k, lang, "c"))
    if figure.tag == "p":
        assert baseline is None and not actuals and all(v is None for _, v in targets)
        return
    svg = svg_of(figure)
    _, _, width, height = (float(n) for n in svg.get("viewBox", "").split())
    for el in svg.iter():
        for x, y in _points(el):
            assert 0 <= x <= width and 0 <= y <= height, (el.tag, el.attrib)
    series = group(svg, "dx-chart__series")
    assert len(classed(series, "dx-chart__actual")) == len(actuals)
    grid = [float(el.get("y1", "")) for el in classed(svg, "dx-chart__grid")]
    assert 4 <= len(grid) <= 5
    for dot in classed(series, "dx-chart__marker"):  # the ticks cover every value
        corners = _points(dot)
        y = sum(y for _, y in corners) / len(corners)
        assert min(grid) - 0.1 <= y <= max(grid) + 0.1


def test_values_a_subnormal_apart_get_ticks_instead_of_a_crash() -> None:
    ticks, _ = svg.nice_ticks(0.0, 5e-324)
    assert ticks[0] <= 0.0 <= 5e-324 <= ticks[-1]


def test_long_labels_wrap_at_words_or_between_japanese_characters() -> None:
    ja = svg.wrap("マイナンバーカードの普及・利活用促進と、窓口のオンライン化を進める取組", 200)
    assert "".join(ja) == "マイナンバーカードの普及・利活用促進と、窓口のオンライン化を進める取組"
    assert all(svg.text_width(line) <= 200 for line in ja)
    assert not any(line[0] in "、。・ー" for line in ja[1:])
    en = svg.wrap("Ensuring security and the proper handling of personal information", 200)
    assert " ".join(en) == "Ensuring security and the proper handling of personal information"
    assert len(en) == 3


def test_a_label_longer_than_three_lines_is_cut_on_the_third() -> None:
    lines = svg.wrap("word " * 60, 200)
    assert len(lines) == svg.LABEL_LINES and lines[-1].endswith("…")
