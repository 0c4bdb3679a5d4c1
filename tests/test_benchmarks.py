"""Smoke test of the benchmark code (benchmarks/): size S end to end, and a tiny synthetic plan.

The timings are not asserted (the targets are met in the benchmark, not in tests); only that
every stage ran, the report holds every figure, and the synthetic plans are valid and stable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks import report
from benchmarks.__main__ import main
from benchmarks.measure import paired
from benchmarks.stage import change_one_value, page_type
from benchmarks.synthetic import Size, generate
from generator.validate import validate

TINY = Size("T", strategies=2, measures=5, actions=11, kpis=7, years=8, first_year=2021)


def test_synthetic_plan_is_valid_complete_and_deterministic(tmp_path: Path) -> None:
    first = generate(TINY, tmp_path / "a")
    result = validate(first)
    assert result.project is not None
    # every text is translated; only progress warnings (random statuses meet schedules) remain
    assert {d.code for d in result.diagnostics} <= {"overdue", "action-status"}
    strategies = result.project.strategies.strategies
    measures = [m for s in strategies for m in s.measures]
    assert (len(strategies), len(measures)) == (2, 5)
    assert sum(len(m.actions) for m in measures) == 11
    assert len(result.project.kpis.kpis) == 7
    second = generate(TINY, tmp_path / "b")
    for path in sorted(p for p in first.rglob("*") if p.is_file()):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes()


def test_change_one_value_changes_exactly_one_number(tmp_path: Path) -> None:
    kpis = tmp_path / "kpis.yaml"
    kpis.write_text("kpis:\n  - baseline: {value: 80, year: 2022}\n    value: 7\n", "utf-8")
    change_one_value(kpis, 2)
    assert kpis.read_text("utf-8") == "kpis:\n  - baseline: {value: 82, year: 2022}\n    value: 7\n"


def test_benchmark_of_size_s_reports_every_stage_and_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "report.json"
    args = ["--sizes", "S", "--repeat", "1", "--pairs", "2", "--output", str(output)]
    assert main([*args, "--work", str(tmp_path / "work")]) == 0
    document = json.loads(output.read_text("utf-8"))
    s = document["sizes"]["S"]
    for stage in (
        "startup",
        "validate",
        "render",
        "mkdocs",
        "finish",
        "plain",
        "original",
        "build",
    ):
        assert s["stages"][stage]["seconds"] > 0, stage
        assert s["stages"][stage]["peak_mb"] > 0, stage
    assert s["items"]["strategies"] == 3
    assert s["output"]["html_pages"] > 30
    assert s["output"]["largest_pages"][0]["bytes"] > 0
    assert len(s["serve"]["rebuilds"]) == 3
    pairs = [p["build_cpu_seconds"] / p["reference_cpu_seconds"] for p in s["pairs"]["runs"]]
    assert len(pairs) == 2 and report.cpu_ratio(s) == sum(pairs) / 2
    assert document["targets"] == report.targets(document["sizes"])
    statuses = [t["status"] for t in document["targets"]]
    ratio, own, linear, xl_time, xl_memory, rebuild_m, rebuild_l = statuses[:7]
    growth, *size_l, large, memory, serve, serve_m, serve_l, search = statuses[7:]
    assert own in ("met", "missed") and serve in ("met", "missed")
    assert ratio == "not measured"  # the target is at L; S's ratio is in the figures
    assert [linear, xl_time, xl_memory, rebuild_m, rebuild_l] == ["not measured"] * 5
    rebuild = s["stages"]["rebuild"]
    assert rebuild["identical"] is True
    assert rebuild["unchanged_cpu_seconds"] > 0
    assert rebuild["cpu_seconds"] > 0
    assert s["stages"]["original"]["markdown_bytes"] > 0
    assert search in ("met", "missed") and s["stages"]["finish"]["search_seconds"] > 0
    assert s["stages"]["finish"]["search_bytes"] > 1000
    assert s["output"]["search_index_bytes"] == s["stages"]["finish"]["search_bytes"]
    assert [growth, *size_l] == ["not measured"] * 4  # they need sizes M and L
    assert [large, memory] == ["not measured"] * 2  # they need sizes L and XL
    assert [serve_m, serve_l] == ["not measured"] * 2
    assert 0 < s["serve"]["cpu_seconds"] < s["serve"]["first_cpu_seconds"]
    assert s["output"]["pages_over_limit"] == 0
    kinds = s["stages"]["pages"]["types"]
    for kind in ("home", "strategy", "KPI", "yearly report", "plan page"):
        assert kinds[kind]["pages"] > 0 and kinds[kind]["whole"] > 0, kind
    assert kinds["strategy"]["blocks"] < kinds["strategy"]["whole"]
    printed = capsys.readouterr().out
    assert "whole `dxsite build`" in printed
    assert "MkDocs per Japanese page" in printed
    assert "Targets" in printed


def test_paired_runs_take_turns_going_first_and_report_the_median_ratio() -> None:
    order: list[str] = []

    def run(name: str, cpu: list[float]) -> Callable[[], dict[str, Any]]:
        def one() -> dict[str, Any]:
            order.append(name)
            return {"cpu_seconds": cpu[len([o for o in order if o == name]) - 1], "seconds": 1.0}

        return one

    found = paired(run("build", [1.0, 3.0, 2.0]), run("reference", [2.0, 2.0, 2.0]), 3)
    assert order == ["build", "reference", "reference", "build", "build", "reference"]
    assert [p["ratio"] for p in found["runs"]] == [0.5, 1.5, 1.0]
    assert found["ratio"] == 1.0


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("index.md", "home"),
        ("strategies/s01/index.md", "strategy"),
        ("strategies/s01/m001/index.md", "measure"),
        ("kpis/index.md", "KPI list"),
        ("kpi-list/2/index.md", "KPI list"),
        ("kpis/k0001/index.md", "KPI"),
        ("reports/2024/index.md", "yearly report"),
        ("reports/2024/actions/3/index.md", "report list"),
        ("by-status/done/2/index.md", "list by status, grade, attention"),
        ("reports/index.md", "plan page"),
    ],
)
def test_each_generated_page_is_counted_with_its_kind(source: str, kind: str) -> None:
    assert page_type(source) == kind
