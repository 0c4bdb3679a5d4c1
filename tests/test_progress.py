"""One grading rule: the expected path through the baseline and every target, the latest actual
graded against the path's value for its year, and the chart drawing exactly that path."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.kpi import Kpi, KpisFile, Outcome
from generator.progress import Assessment, Reason, assess, expected_path, path_value
from generator.render.charts import trend_chart
from tests.test_charts import classed, group, parse, svg_of

DEFAULT = KpisFile().scale
CLOSED = 2025
"""The last fiscal year that has ended in these tests (the build runs in FY2026)."""


def kpi(**fields: Any) -> Kpi:
    base: dict[str, Any] = {
        "id": "k",
        "name": "指標",
        "unit": "%",
        "measures": "m",
        "baseline": {"value": 10, "year": 2020},
        "targets": [{"value": 50, "year": 2027}],
    }
    return Kpi.model_validate({**base, **fields})


def test_the_issues_interim_target_case_is_on_track_and_the_path_runs_through_every_target() -> (
    None
):
    k = kpi(
        baseline={"value": 2.7, "year": 2020},
        targets=[{"value": 50, "year": 2023}, {"value": 100, "year": 2025}],
        actuals=[{"year": 2023, "value": 55.3}, {"year": 2024, "value": 78.9}],
        precision=1,
    )
    result = assess(k, DEFAULT, 2024)
    assert expected_path(k) == ((2020, 2.7), (2023, 50.0), (2025, 100.0))
    assert result.expected == pytest.approx(75.0)
    assert result.outcome is Outcome.ON_TRACK
    assert result.progress == pytest.approx(100 * (78.9 - 2.7) / (100 - 2.7))


def test_a_kpi_without_actuals_before_its_target_year_is_not_yet_measured() -> None:
    result = assess(kpi(), DEFAULT, CLOSED)
    assert result.outcome is Outcome.NOT_MEASURED
    assert result.grade.id == "not-measured"
    assert result.progress is None


def test_a_target_year_that_ended_without_an_actual_is_not_reported() -> None:
    k = kpi(targets=[{"value": 50, "year": 2023}])
    result = assess(k, DEFAULT, CLOSED)
    assert result.outcome is Outcome.NOT_REPORTED
    assert result.reason is Reason.NOT_REPORTED and result.missing == 2023
    assert result.grade.id == "not-reported"


def test_an_old_actual_does_not_hide_a_missing_target_year() -> None:
    k = kpi(targets=[{"value": 50, "year": 2023}], actuals=[{"year": 2021, "value": 30}])
    assert assess(k, DEFAULT, CLOSED).outcome is Outcome.NOT_REPORTED


def test_reaching_the_final_target_is_achieved_with_100_percent() -> None:
    result = assess(kpi(actuals=[{"year": 2023, "value": 50}]), DEFAULT, CLOSED)
    assert result.outcome is Outcome.ACHIEVED
    assert result.progress == pytest.approx(100.0)


def test_progress_on_the_path_is_on_track() -> None:
    # baseline 10 (2020) → 50 (2027): the path expects 30 in 2023.5; 2024 expects 32.857…
    result = assess(kpi(actuals=[{"year": 2024, "value": 33}]), DEFAULT, CLOSED)
    assert result.expected == pytest.approx(10 + 40 * 4 / 7)
    assert result.outcome is Outcome.ON_TRACK


def test_progress_below_the_path_is_behind() -> None:
    result = assess(kpi(actuals=[{"year": 2024, "value": 20}]), DEFAULT, CLOSED)
    assert result.outcome is Outcome.BEHIND
    assert result.progress == pytest.approx(25.0)


def test_a_kpi_without_a_baseline_is_never_on_track_by_default() -> None:
    # 47.5 % against 80 % with one year left: not "on track" — not assessed before the target year
    k = kpi(
        baseline=None,
        targets=[{"value": 80, "year": 2026}],
        actuals=[{"year": 2025, "value": 47.5}],
    )
    result = assess(k, DEFAULT, CLOSED)
    assert result.outcome is Outcome.NOT_ASSESSABLE
    assert result.reason is Reason.NO_BASELINE


def test_a_kpi_without_a_baseline_is_graded_from_its_target_year_on() -> None:
    k = kpi(
        baseline=None,
        targets=[{"value": 50, "year": 2023}, {"value": 80, "year": 2026}],
        actuals=[{"year": 2024, "value": 55}],
    )
    assert expected_path(k) == ((2023, 50.0), (2026, 80.0))
    assert assess(k, DEFAULT, CLOSED).outcome is Outcome.BEHIND  # the path expects 60 in 2024


def test_a_decreasing_kpi_is_on_track_at_or_below_the_path() -> None:
    k = kpi(
        direction="decrease",
        baseline={"value": 60, "year": 2020},
        targets=[{"value": 20, "year": 2028}],
        actuals=[{"year": 2024, "value": 40}],
    )
    result = assess(k, DEFAULT, CLOSED)
    assert result.progress == pytest.approx(50.0)
    assert result.outcome is Outcome.ON_TRACK
    worse = kpi(**{**k.model_dump(), "actuals": [{"year": 2024, "value": 45}]})
    assert assess(worse, DEFAULT, CLOSED).outcome is Outcome.BEHIND


def test_a_maintained_kpi_is_achieved_while_it_holds_the_level() -> None:
    k = kpi(
        direction="maintain",
        baseline={"value": 95, "year": 2020},
        targets=[{"value": 95, "year": 2027}],
        actuals=[{"year": 2024, "value": 96}],
    )
    assert assess(k, DEFAULT, CLOSED).outcome is Outcome.ACHIEVED
    low = kpi(**{**k.model_dump(), "actuals": [{"year": 2024, "value": 90}]})
    assert assess(low, DEFAULT, CLOSED).outcome is Outcome.BEHIND


def test_a_qualitative_target_is_not_assessed() -> None:
    k = kpi(baseline=None, targets=[{"text": "20業務を標準化", "year": 2027}])
    result = assess(k, DEFAULT, CLOSED)
    assert result.outcome is Outcome.NOT_ASSESSABLE and result.reason is Reason.QUALITATIVE


def test_only_actuals_known_up_to_a_year_count_for_that_year() -> None:
    k = kpi(actuals=[{"year": 2022, "value": 12}, {"year": 2024, "value": 50}])
    assert assess(k, DEFAULT, 2022, upto=2022).outcome is Outcome.BEHIND
    assert assess(k, DEFAULT, 2024).outcome is Outcome.ACHIEVED


def test_the_latest_actual_counts_whatever_the_order_written() -> None:
    result = assess(
        kpi(actuals=[{"year": 2023, "value": 50}, {"year": 2021, "value": 12}]), DEFAULT, CLOSED
    )
    assert result.latest is not None and result.latest.year == 2023


def test_a_manual_grade_overrides_the_computed_one() -> None:
    scale = KpisFile.model_validate(
        {
            "grades": [
                {"id": "s", "label": "S"},
                {"id": "a", "label": "A 目標より進んでいる", "outcome": "achieved"},
                {"id": "b", "label": "B 目標どおり", "outcome": "on-track"},
                {"id": "c", "label": "C 遅れている", "outcome": "behind"},
                {"id": "d", "label": "D 評価できない", "outcome": "not-measured"},
            ]
        }
    ).scale
    graded = kpi(grade={"grade": "s", "reason": "特に優れた成果"})
    result = assess(graded, scale, CLOSED)
    assert result.manual and result.grade.id == "s"
    assert assess(kpi(actuals=[{"year": 2024, "value": 20}]), scale, CLOSED).grade.id == "c"


def test_a_scale_of_four_grades_still_validates_and_gets_dxsites_grades_for_the_new_outcomes() -> (
    None
):
    scale = KpisFile.model_validate(
        {
            "grades": [
                {"id": "a", "label": "A", "outcome": "achieved"},
                {"id": "b", "label": "B", "outcome": "on-track"},
                {"id": "c", "label": "C", "outcome": "behind"},
                {"id": "d", "label": "D", "outcome": "not-measured"},
            ]
        }
    ).scale
    assert [g.outcome for g in scale][4:] == [Outcome.NOT_REPORTED, Outcome.NOT_ASSESSABLE]


@pytest.mark.usefixtures("english")
def test_a_scale_without_a_grade_for_every_required_outcome_is_an_error() -> None:
    with pytest.raises(ValueError, match='exactly one grade with outcome "on-track"'):
        KpisFile.model_validate({"grades": [{"id": "a", "label": "A", "outcome": "achieved"}]})


def test_the_path_is_flat_after_its_last_target_and_absent_before_its_first_point() -> None:
    path = ((2020, 10.0), (2024, 50.0))
    assert path_value(path, 2019) is None
    assert path_value(path, 2022) == pytest.approx(30.0)
    assert path_value(path, 2030) == 50.0


# --- the chart draws the rule's path, and the actual lies on the side the grade says -----------


def _centre(el: Any) -> tuple[float, float]:
    if el.tag.endswith("rect"):
        return float(el.get("x")) + float(el.get("width")) / 2, float(el.get("y")) + float(
            el.get("height")
        ) / 2
    if el.tag.endswith("circle"):
        return float(el.get("cx")), float(el.get("cy"))
    points = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
    return points[0][0], points[1][1]


def _plan_points(svg: Any) -> list[tuple[float, float]]:
    lines = classed(svg, "dx-chart__line--plan")
    lines = [el for el in lines if el.tag.endswith("polyline")]
    if not lines:
        return []
    return [tuple(map(float, p.split(","))) for p in lines[0].get("points").split()]  # type: ignore[misc]


def _y_on(points: list[tuple[float, float]], x: float) -> float:
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def chart_agrees(k: Kpi, closed: int) -> None:
    """The chart's dashed path passes through the baseline and every target marker, and the
    latest actual's marker lies above or below it exactly as the grade says."""
    svg_agrees(svg_of(parse(trend_chart(k, "ja", "c"))), k, assess(k, DEFAULT, closed))


def svg_agrees(svg: Any, k: Kpi, a: Assessment) -> None:
    """A drawn trend chart agrees with the assessment `a` of `k` (see chart_agrees)."""
    path = _plan_points(svg)
    assert len(path) == len(a.path) if len(a.path) > 1 else path == []
    drawn = group(svg, "dx-chart__series")
    series = [*classed(drawn, "dx-chart__baseline"), *classed(drawn, "dx-chart__target")]
    for marker in series:
        if path:
            x, y = _centre(marker)
            assert any(abs(x - px) < 0.11 and abs(y - py) < 0.11 for px, py in path)
    if not path and series:  # a path of one point: the marker itself
        path = [_centre(series[0])]
    if a.outcome in (Outcome.ON_TRACK, Outcome.BEHIND) and a.latest is not None:
        dots = classed(drawn, "dx-chart__actual")
        x, y = _centre(
            dots[[x.year for x in sorted(k.actuals, key=lambda v: v.year)].index(a.latest.year)]
        )
        on_path = _y_on(path, x)
        if abs(y - on_path) < 0.25:
            return  # within the drawing's rounding: nothing to tell apart
        better = y < on_path if k.direction != "decrease" else y > on_path
        assert better == (a.outcome is Outcome.ON_TRACK)


@st.composite
def kpis(draw: st.DrawFn) -> tuple[Kpi, int]:
    direction = draw(st.sampled_from(["increase", "decrease", "maintain"]))
    has_baseline = draw(st.booleans())
    start = draw(st.integers(2015, 2022))
    values = st.integers(0, 1000).map(float)
    years = sorted(draw(st.sets(st.integers(start + 1, start + 10), min_size=1, max_size=3)))
    targets = [{"year": y, "value": draw(values)} for y in years]
    closed = draw(st.integers(start, start + 12))
    actual_years = draw(st.sets(st.integers(start, closed + 1), max_size=4))
    actuals = [{"year": y, "value": draw(values)} for y in sorted(actual_years)]
    fields: dict[str, Any] = {"direction": direction, "targets": targets, "actuals": actuals}
    fields["baseline"] = {"year": start, "value": draw(values)} if has_baseline else None
    return kpi(**fields), closed


@settings(max_examples=150, deadline=None)
@given(kpis())
def test_the_chart_and_the_grade_never_disagree(case: tuple[Kpi, int]) -> None:
    k, closed = case
    chart_agrees(k, closed)
