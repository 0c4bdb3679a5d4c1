"""`dxsite check`: every editor's mistake comes back as PATH:LINE:COL, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import PLACEHOLDER_SITE_URL

from .conftest import EXAMPLES, PUBLISHED_URL, ROOT, SCAFFOLD, Run

pytestmark = pytest.mark.usefixtures("english")

KPIS = """\
kpis:
  - id: online-rate
    name: {{ja: オンライン化割合, en: Online share}}
    unit: "%"
    direction: increase
    measures: online-procedures
    baseline: {{value: 10, year: R6}}
    targets:
      - {{value: {target}, year: {year}}}
{extra}"""


def write(project: Path, rel: str, content: str | bytes) -> None:
    path = project / rel
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def kpis(target: str = "100", year: str = "R10", extra: str = "") -> str:
    return KPIS.format(target=target, year=year, extra=extra)


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


SEEDS = [ROOT, *(p for p in EXAMPLES if p.name not in ("sample-city", "etajima"))]


@pytest.mark.parametrize("project", SEEDS, ids=lambda p: p.name)
def test_the_shipped_plan_and_the_examples_pass_strict_check(project: Path, dxsite: Run) -> None:
    code, out = dxsite("check", str(project), "--strict")
    assert code == 0, out
    assert out.rstrip().endswith("No problems found.")


def test_etajimas_public_comment_still_planned_after_its_month_is_the_only_warning(
    dxsite: Run,
) -> None:
    code, out = dxsite("check", str(ROOT / "examples" / "etajima"))
    assert code == 0, out
    assert "plan/timeline.yaml:15:14: warning: milestone " in out
    assert ", planned: this milestone is still planned" in out
    assert out.count(": warning: ") == 1


def test_the_sample_city_warns_of_each_tracking_case_it_was_written_to_show(
    dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")  # 2026-11-30, FY2026
    code, out = dxsite("check", str(ROOT / "examples" / "sample-city"))
    assert code == 0, out
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    assert [w.split(": warning: ")[0] for w in warnings] == [
        "kpis.yaml:39:30",
        "kpis.yaml:63:30",
        "plan/strategies.yaml:24:15",
        "plan/strategies.yaml:40:15",
        "plan/timeline.yaml:30:14",
    ]
    assert "47.5 has 1 decimal(s) but the KPI's precision is 0" in warnings[0]
    assert 'the schedule ended in FY2023 but the action is still "planned"' in warnings[3]


def test_a_valid_plan_prints_english_coverage_per_file(scaffold: Path, dxsite: Run) -> None:
    code, out = dxsite("check", str(scaffold))
    assert code == 0
    assert "English coverage:" in out
    assert "  kpis.yaml: " in out and "texts translated (100%)" in out


def test_an_unknown_field_is_an_error_with_a_did_you_mean(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().replace("    unit:", "    unti:"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert errors(out) == [
        'kpis.yaml:4:5: error: KPI "Online share": unknown field "unti"; did you mean "unit"? '
        "(allowed here: id, name, unit, direction, precision, measures, owner, baseline, "
        "targets, actuals, source, source_url, rationale, grade)"
    ]


def test_a_missing_required_field_names_the_field(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().replace("    measures: online-procedures\n", ""))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'kpis.yaml:2:5: error: KPI "Online share": the required field "measures" (measure) '
        "is missing" in out
    )


def test_no_yes_and_on_stay_text_and_are_not_booleans(scaffold: Path, dxsite: Run) -> None:
    plan = (scaffold / "plan/plan.yaml").read_text(encoding="utf-8")
    write(scaffold, "plan/plan.yaml", plan.replace("status: draft", "status: no"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        "plan/plan.yaml:4:9: error: status: "
        'expected one of draft, proposal, adopted; found text "no"' in out
    )


def test_a_number_written_as_text_is_not_coerced(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(target='"100"'))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'kpis.yaml:9:17: error: KPI "Online share", target 1: expected a number: "100" is '
        "quoted, so it reads as text: write 100 without quotes" in out
    )


def test_full_width_digits_are_rejected_with_a_hint(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(target="１００"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "kpis.yaml:9:17: error:" in out
    assert '"１００" is written with full-width digits: write 100' in out


def test_nan_and_infinity_are_not_numbers(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(target=".nan"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert 'kpis.yaml:9:17: error: KPI "Online share", target 1: expected a finite number' in out


def test_an_impossible_era_year_is_an_error_at_its_line(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(year="令和0年度"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert 'kpis.yaml:9:28: error: KPI "Online share", target 1, year: ' in out
    assert '"令和0年度" is not a fiscal year' in out


def test_a_kpi_whose_target_year_precedes_its_baseline_is_an_error(
    scaffold: Path, dxsite: Run
) -> None:
    write(scaffold, "kpis.yaml", kpis(year="R5"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'kpis.yaml:9:28: error: KPI online-rate "Online share", target 1, year: the target year '
        "FY2023 must come after the baseline year FY2024" in out
    )


def test_a_reference_typo_gets_a_did_you_mean(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().replace("measures: online-procedures", "measures: online"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'kpis.yaml:6:15: error: KPI online-rate "Online share", measure: no strategy or measure '
        'has the id "online"'
    ) in out


def test_duplicate_ids_are_errors_at_the_second_one(scaffold: Path, dxsite: Run) -> None:
    second = kpis().split("kpis:\n", 1)[1]
    write(scaffold, "kpis.yaml", kpis() + second)
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'kpis.yaml:10:9: error: KPI "Online share", id: the KPI id "online-rate" is already '
        "used (line 2)"
    ) in out


def test_an_actual_value_in_the_future_is_an_error(scaffold: Path, dxsite: Run) -> None:
    extra = "    actuals:\n      - {value: 50, year: 2100}\n"
    write(scaffold, "kpis.yaml", kpis(extra=extra))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'kpis.yaml:11:27: error: KPI online-rate "Online share", actual 1, year: an actual value '
        "for FY2100 lies in the future"
    ) in out


def test_a_percentage_outside_0_to_100_is_a_warning(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(target="120"))
    code, out = dxsite("check", str(scaffold))
    assert code == 0
    assert (
        'kpis.yaml:9:17: warning: KPI online-rate "Online share", target 1: 120% lies outside '
        "0–100%"
    ) in out
    code, _ = dxsite("check", str(scaffold), "--strict")
    assert code == 1


def test_a_target_beyond_the_plan_period_is_a_warning(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(year="R12"))
    code, out = dxsite("check", str(scaffold))
    assert code == 0
    assert (
        'kpis.yaml:9:28: warning: KPI online-rate "Online share", target 1, year: FY2030 is after '
        "the plan period"
    ) in out


def test_overlapping_periods_are_an_error(scaffold: Path, dxsite: Run) -> None:
    plan = (scaffold / "plan/plan.yaml").read_text(encoding="utf-8")
    write(scaffold, "plan/plan.yaml", plan.replace("start: R9, end: R10", "start: R8, end: R10"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'plan/plan.yaml:9:56: error: period phase-2 "Phase 2", start: this period starts in FY2026'
    ) in out


def test_a_schedule_before_the_plan_period_is_an_error(scaffold: Path, dxsite: Run) -> None:
    strategies = (scaffold / "plan/strategies.yaml").read_text(encoding="utf-8")
    changed = strategies.replace("schedule: {periods: [phase-1]}", "schedule: {start: R1, end: R8}")
    write(scaffold, "plan/strategies.yaml", changed)
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'plan/strategies.yaml:13:31: error: action e-application "More electronic applications", '
        "schedule, start: FY2019 is before the plan period"
    ) in out


def test_missing_english_is_a_warning_and_an_error_under_strict(
    scaffold: Path, dxsite: Run
) -> None:
    write(
        scaffold,
        "kpis.yaml",
        kpis().replace("{ja: オンライン化割合, en: Online share}", "オンライン化割合"),
    )
    code, out = dxsite("check", str(scaffold))
    assert code == 0
    assert (
        'kpis.yaml:3:11: warning: KPI online-rate "オンライン化割合", name: no English translation '
        'for "オンライン化割合"'
    ) in out
    assert "kpis.yaml: 7/8 texts translated (88%)" in out
    code, _ = dxsite("check", str(scaffold), "--strict")
    assert code == 1


def test_duplicate_keys_are_an_error_not_silently_the_last(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().replace('    unit: "%"\n', '    unit: "%"\n    unit: 件\n'))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert 'kpis.yaml:5:5: error: duplicate key "unit" (first written at line 4)' in out


def test_a_tab_in_the_indentation_is_explained(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().replace("    unit:", "\tunit:"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "kpis.yaml:4:1: error: a tab character is not allowed in YAML indentation" in out


def test_a_yaml_syntax_error_is_located(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().replace("targets:", "targets: [unclosed"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert errors(out) == [
        'kpis.yaml:8:14: error: "[" is not closed: close it with "]" at the end of the line'
    ]


def test_a_shift_jis_file_must_be_saved_as_utf8(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis().encode("cp932"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "kpis.yaml:1:1: error: the file looks like Shift_JIS: save it as UTF-8" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"# only a comment\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a binary file"),
        ("kpis: []".encode("utf-16"), "the file is in UTF-16"),
    ],
    ids=["empty", "comment-only", "binary", "utf-16"],
)
def test_unreadable_files_are_errors_at_line_1(
    scaffold: Path, dxsite: Run, content: bytes, message: str
) -> None:
    write(scaffold, "kpis.yaml", content)
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert f"kpis.yaml:1:1: error: {message}" in out


def test_an_alias_bomb_is_rejected_at_the_first_alias(scaffold: Path, dxsite: Run) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    write(scaffold, "kpis.yaml", "\n".join(lines) + "\n")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "kpis.yaml:2:10: error: anchors and aliases (&name, *name) are not supported" in out


def test_a_missing_required_file_is_named(scaffold: Path, dxsite: Run) -> None:
    (scaffold / "kpis.yaml").unlink()
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "kpis.yaml:1:1: error: the file is missing: the plan needs kpis.yaml" in out


def test_all_problems_are_reported_at_once_with_a_summary(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(target='"100"', year="令和0年度").replace("unit:", "unti:"))
    plan = (scaffold / "plan/plan.yaml").read_text(encoding="utf-8")
    write(scaffold, "plan/plan.yaml", plan.replace("status: draft", "status: drafty"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert len(errors(out)) == 4  # unti: one finding, not also "unit is missing"
    assert out.rstrip().splitlines()[-1] == "4 error(s), 0 warning(s)."


def test_github_format_prints_annotations(scaffold: Path, dxsite: Run) -> None:
    write(scaffold, "kpis.yaml", kpis(target='"100"'))
    code, out = dxsite("check", str(scaffold), "--format", "github")
    assert code == 1
    assert out.startswith("::error file=kpis.yaml,line=9,col=17,title=dxsite type::")


def test_a_broken_plan_run_as_a_process_prints_no_traceback(scaffold: Path) -> None:
    write(scaffold, "kpis.yaml", b"\xff\xfe\x00garbage")
    write(scaffold, "plan/plan.yaml", "a: &x [1]\nb: *x\n")
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", str(scaffold)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "error(s)" in done.stdout


def test_a_milestone_without_date_or_closing_date_is_an_error_that_says_how_to_write_one(
    scaffold: Path, dxsite: Run
) -> None:
    timeline = (scaffold / "plan/timeline.yaml").read_text(encoding="utf-8")
    write(scaffold, "plan/timeline.yaml", timeline.replace("  - date: 2025-06-01\n", "  -\n"))
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert errors(out) == [
        'plan/timeline.yaml:4:5: error: milestone "1st meeting of the DX Promotion Headquarters": '
        "the milestone has no date (date:); a consultation known only by its closing date gives "
        "end: alone"
    ]


def test_a_consultation_known_only_by_its_closing_date_passes(scaffold: Path, dxsite: Run) -> None:
    timeline = (scaffold / "plan/timeline.yaml").read_text(encoding="utf-8")
    write(scaffold, "plan/timeline.yaml", timeline.replace("  - date: 2025-12-01\n", "  -\n"))
    code, out = dxsite("check", str(scaffold), "--strict")
    assert code == 0, out


def test_the_new_plans_placeholder_site_url_is_a_warning_at_its_line(
    scaffold: Path, dxsite: Run, english: None
) -> None:
    config = (SCAFFOLD / "mkdocs.yml").read_text("utf-8")
    assert f"site_url: {PLACEHOLDER_SITE_URL}\n" in config
    write(scaffold, "mkdocs.yml", config)
    code, out = dxsite("check", str(scaffold))
    assert code == 0
    assert (
        f"mkdocs.yml:5:11: warning: site_url is still the new plan's placeholder "
        f"({PLACEHOLDER_SITE_URL}): set it to the address the site is published at"
    ) in out
    write(scaffold, "mkdocs.yml", config.replace(PLACEHOLDER_SITE_URL, PUBLISHED_URL))
    code, out = dxsite("check", str(scaffold))
    assert code == 0 and "placeholder" not in out
