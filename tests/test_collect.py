"""collect → a department fills the workbook → import: the YAML changes only where filled."""

from __future__ import annotations

import difflib
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import ROOT, Run, copy_project

SAMPLE = ROOT / "examples" / "sample-city"
FILES = ("kpis.yaml", "plan/strategies.yaml")


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return copy_project(SAMPLE, tmp_path / "city")


def _snapshot(root: Path) -> dict[str, str]:
    return {rel: (root / rel).read_text(encoding="utf-8") for rel in FILES}


def _added(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    changed = [line for line in diff if line[:1] in "+-"]
    assert all(line.startswith("+ ") for line in changed), changed
    return [line[2:] for line in changed]


def _collect(dxsite: Run, city: Path, *args: str) -> Path:
    code, out = dxsite("collect", "令和8年度", str(city), "--out", str(city / "out"), *args)
    assert code == 0, out
    return city / "out"


def test_round_trip_changes_exactly_the_filled_values(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: FY2026
    out = _collect(dxsite, city)
    book, kpis = out / "FY2026-市民課.xlsx", out / "FY2026-担当課未設定.xlsx"
    before = _snapshot(city)
    code, text = dxsite("import", str(book), str(kpis), "--dir", str(city))
    assert (code, text.strip()) == (0, "変更はありません。")
    wb = openpyxl.load_workbook(book)
    wb["取組"]["F3"] = "完了"
    wb["取組"]["G3"] = "全手続完了"
    wb.save(book)
    wb = openpyxl.load_workbook(kpis)
    wb["数値目標"]["G3"] = "９８.５"  # full-width digits, as typed with an input method
    wb["数値目標"]["G6"] = "1,234"  # a thousands separator
    wb.save(kpis)
    code, text = dxsite("import", str(book), str(kpis), "--dir", str(city))
    assert code == 0, text
    assert "数値目標!G3" in text and "98.5" in text
    after = _snapshot(city)
    assert _added(before["kpis.yaml"], after["kpis.yaml"]) == [
        "      - {year: 令和8年度, value: 98.5}",
        "      - {year: 令和8年度, value: 1234}",
    ]
    assert _added(before["plan/strategies.yaml"], after["plan/strategies.yaml"]) == [
        "              - {year: 令和8年度, status: done, note: 全手続完了}"
    ]
    assert dxsite("check", str(city))[0] == 0


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("数値目標!A3", "online-rat", "数値目標 ID「online-rat」は計画にありません"),
        ("数値目標!G3", "98%", "「98%」には単位などが付いています。98 のように"),
        ("取組!F3", "済み", "「済み」は状況の言葉ではありません"),
    ],
)
def test_mistakes_are_refused_at_their_cell_and_nothing_is_written(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, cell: str, value: str, message: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    sheet, ref = cell.split("!")
    name = "市民課" if sheet == "取組" else "担当課未設定"
    book = _collect(dxsite, city) / f"FY2026-{name}.xlsx"
    before = _snapshot(city)
    wb = openpyxl.load_workbook(book)
    wb[sheet][ref] = value
    wb.save(book)
    code, text = dxsite("import", str(book), "--dir", str(city))
    assert code == 1
    assert f"{book}:{cell}: エラー: {message}" in text
    assert _snapshot(city) == before


def test_not_a_workbook_is_refused(city: Path, dxsite: Run, tmp_path: Path) -> None:
    fake = tmp_path / "answer.xlsx"
    fake.write_bytes(b"not a workbook")
    before = _snapshot(city)
    code, text = dxsite("import", str(fake), "--dir", str(city), "--lang", "en")
    assert code == 1
    assert "not a readable Excel workbook" in text and "Traceback" not in text
    assert _snapshot(city) == before


def _book(dxsite: Run, city: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    return _collect(dxsite, city) / "FY2026-市民課.xlsx"


def _refused(dxsite: Run, city: Path, path: Path, message: str) -> None:
    before = _snapshot(city)
    code, text = dxsite("import", str(path), "--dir", str(city), "--lang", "en")
    assert code == 1 and message in text and "Traceback" not in text, text
    assert _snapshot(city) == before


def test_hostile_files_are_refused(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = _book(dxsite, city, monkeypatch)
    macro = tmp_path / "answer.xlsm"
    macro.write_bytes(book.read_bytes())
    _refused(dxsite, city, macro, "macro-enabled workbooks")
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    _refused(dxsite, city, encrypted, "password-protected")
    huge = tmp_path / "huge.xlsx"
    wb = openpyxl.load_workbook(book)
    for row in range(3, 100_003):
        wb["取組"].cell(row, 1, "online-forms")
    wb.save(huge)
    _refused(dxsite, city, huge, "too many rows")


def test_a_formula_without_a_computed_value_is_refused(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _book(dxsite, city, monkeypatch)
    wb = openpyxl.load_workbook(book)
    wb["取組"]["F3"] = "=A1"
    wb.save(book)
    _refused(dxsite, city, book, f"{book}:取組!F3: error: the cell holds a formula")


def test_another_years_sheet_is_refused(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _book(dxsite, city, monkeypatch)
    before = _snapshot(city)
    code, text = dxsite("import", str(book), "--dir", str(city), "--year", "令和7年度")
    assert code == 1 and "令和8年度（2026年度）のものです" in text, text
    assert _snapshot(city) == before
