"""KPI status is computed at build time from baseline, target, direction and latest actual."""

from __future__ import annotations

from typing import Any

import pytest

from generator.model.kpi import Kpi, KpisFile, Outcome
from generator.progress import assess

DEFAULT = KpisFile().grades


def kpi(**fields: Any) -> Kpi:
    base: dict[str, Any] = {
        "id": "k",
        "name": "指標",
        "unit": "%",
        "measures": "m",
        "baseline": {"value": 10, "year": 2020},
        "targets": [{"value": 50, "year": 2024}],
    }
    return Kpi.model_validate({**base, **fields})


def test_a_kpi_without_actuals_is_not_yet_measured() -> None:
    result = assess(kpi(), DEFAULT)
    assert result.outcome is Outcome.NOT_MEASURED
    assert result.grade.id == "not-measured"
    assert result.progress is None


def test_reaching_the_target_is_achieved_with_100_percent() -> None:
    result = assess(kpi(actuals=[{"year": 2023, "value": 50}]), DEFAULT)
    assert result.outcome is Outcome.ACHIEVED
    assert result.progress == pytest.approx(100.0)


def test_progress_at_least_the_straight_line_is_on_track() -> None:
    # half the way by the second of four years: the line expects 50%, progress is 50%
    result = assess(kpi(actuals=[{"year": 2022, "value": 30}]), DEFAULT)
    assert result.outcome is Outcome.ON_TRACK
    assert result.progress == pytest.approx(50.0)


def test_progress_below_the_straight_line_is_behind() -> None:
    result = assess(kpi(actuals=[{"year": 2023, "value": 20}]), DEFAULT)
    assert result.outcome is Outcome.BEHIND
    assert result.progress == pytest.approx(25.0)


def test_a_decreasing_kpi_progresses_when_the_value_falls() -> None:
    waiting = kpi(
        direction="decrease",
        baseline={"value": 60, "year": 2020},
        targets=[{"value": 20, "year": 2024}],
        actuals=[{"year": 2021, "value": 40}],
    )
    result = assess(waiting, DEFAULT)
    assert result.progress == pytest.approx(50.0)
    assert result.outcome is Outcome.ON_TRACK


def test_the_latest_actual_counts_whatever_the_order_written() -> None:
    result = assess(
        kpi(actuals=[{"year": 2023, "value": 50}, {"year": 2021, "value": 12}]), DEFAULT
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
    ).grades
    graded = kpi(grade={"grade": "s", "reason": "特に優れた成果"})
    result = assess(graded, scale)
    assert result.manual and result.grade.id == "s"
    assert assess(kpi(actuals=[{"year": 2023, "value": 20}]), scale).grade.id == "c"


def test_a_scale_without_a_grade_for_every_outcome_is_an_error() -> None:
    with pytest.raises(ValueError, match='exactly one grade with outcome "on-track"'):
        KpisFile.model_validate({"grades": [{"id": "a", "label": "A", "outcome": "achieved"}]})
