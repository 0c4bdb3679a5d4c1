"""The format's checks across items: a target against the KPI's direction, phone and fax numbers
written as numbers, duplicates and items out of order; each at its line, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Run

KPI = """\
kpis:
  - id: online-rate
    name: {{ja: オンライン化割合, en: Online share}}
    unit: "%"
    direction: {direction}
    measures: online-procedures
    baseline: {{value: 50, year: R6}}
    targets:
{targets}
"""


def findings(dxsite: Run, project: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("DXSITE_LANG", lang)
    _, out = dxsite("check", str(project))
    return [line for line in out.splitlines() if line.startswith(("kpis.yaml:", "plan/"))]


def one(found: list[str], where: str) -> str:
    matching = [line for line in found if line.startswith(where + ": ")]
    assert len(matching) == 1, found
    return matching[0]


def write_kpi(project: Path, targets: str, direction: str = "increase") -> None:
    text = KPI.format(direction=direction, targets=targets)
    (project / "kpis.yaml").write_text(text, encoding="utf-8")


def test_a_target_below_the_baseline_of_a_kpi_that_should_increase_is_a_warning(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_kpi(scaffold, "      - {value: 40, year: R8}")
    ja = one(findings(dxsite, scaffold, "ja", monkeypatch), "kpis.yaml:9:17")
    assert ja.endswith(
        "目標値 40%（令和8年度（2026年度））が基準値 50%（令和6年度（2024年度））を"
        "下回っていますが、"
        "方向（direction）は increase（増やす）です。値か方向を確かめてください"
    )
    assert ": 警告: " in ja
    en = one(findings(dxsite, scaffold, "en", monkeypatch), "kpis.yaml:9:17")
    assert en.endswith(
        "the target 40% (FY2026) is below the baseline 50% (FY2024) but the direction is "
        "increase: check the value or the direction"
    )


def test_an_interim_target_above_the_final_one_of_a_decreasing_kpi_is_a_warning(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_kpi(scaffold, "      - {value: 30, year: R7}\n      - {value: 35, year: R9}", "decrease")
    en = one(findings(dxsite, scaffold, "en", monkeypatch), "kpis.yaml:10:17")
    assert en.endswith(
        "the target 35% (FY2027) is above the previous target 30% (FY2025) but "
        "the direction is decrease: check the value or the direction"
    )


def test_targets_along_the_direction_and_a_maintained_kpi_pass(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_kpi(scaffold, "      - {value: 60, year: R7}\n      - {value: 80, year: R9}")
    assert findings(dxsite, scaffold, "en", monkeypatch) == []
    write_kpi(scaffold, "      - {value: 40, year: R8}", "maintain")
    assert findings(dxsite, scaffold, "en", monkeypatch) == []


@pytest.mark.parametrize("field", ["phone", "fax"])
def test_a_phone_or_fax_number_written_as_a_number_keeps_its_leading_zero_in_the_hint(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    plan = scaffold / "plan/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + f"  {field}: 0954680140\n", "utf-8")
    where = f"plan/plan.yaml:16:{len(field) + 5}"
    ja = one(findings(dxsite, scaffold, "ja", monkeypatch), where)
    name = "電話番号" if field == "phone" else "ファクス番号"
    assert ja.endswith(
        f"{name}が数値 954680140 として読まれ、先頭の 0 が消えています。"
        '"0954680140" のように引用符で囲んで書いてください'
    )
    assert '"954680140"' not in ja
    en = one(findings(dxsite, scaffold, "en", monkeypatch), where)
    assert en.endswith(
        f"the {'phone' if field == 'phone' else 'fax'} number was read as the number 954680140, "
        'which has lost its leading 0: write it as text in quotes, "0954680140"'
    )


def test_a_target_year_written_twice_is_an_error_and_targets_out_of_order_a_warning(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_kpi(scaffold, "      - {value: 90, year: R9}\n      - {value: 60, year: R7}")
    en = one(findings(dxsite, scaffold, "en", monkeypatch), "kpis.yaml:10:27")
    assert ": warning: " in en
    assert en.endswith("the target of FY2025 is listed after FY2027: list them oldest first")
    write_kpi(scaffold, "      - {value: 60, year: R7}\n      - {value: 70, year: 2025}")
    en = one(findings(dxsite, scaffold, "en", monkeypatch), "kpis.yaml:10:27")
    assert ": error: " in en and en.endswith("FY2025 has two target entries: keep one")
    ja = one(findings(dxsite, scaffold, "ja", monkeypatch), "kpis.yaml:10:27")
    assert ja.endswith("令和7年度（2025年度）の目標値が二つあります: 一つにしてください")


def test_a_member_written_twice_is_a_warning_at_the_second(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    governance = scaffold / "plan/governance.yaml"
    text = governance.read_text(encoding="utf-8")
    assert "bodies:" in text
    text += "    members:\n      - 各部長\n      - {ja: 各部長, en: Directors}\n"
    governance.write_text(text, encoding="utf-8")
    found = findings(dxsite, scaffold, "ja", monkeypatch)
    line = len(text.splitlines())
    warning = one(found, f"plan/governance.yaml:{line}:9")
    assert warning.endswith("「各部長」は 1 件目と同じです: 重複を消してください")
