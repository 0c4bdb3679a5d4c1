"""collect → a department fills the workbook → import: the YAML changes only where filled."""

from __future__ import annotations

import csv
import difflib
import zipfile
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


def _fill(book: Path, answers: dict[str, object]) -> None:
    """Type `answers` ({"取組!F4": "完了"}) into the workbook, as a department does."""
    wb = openpyxl.load_workbook(book)
    for cell, value in answers.items():
        sheet, ref = cell.split("!")
        wb[sheet][ref] = value
    wb.save(book)


def _collect(dxsite: Run, city: Path, *args: str) -> Path:
    code, out = dxsite("collect", "令和8年度", str(city), "--out", str(city / "out"), *args)
    assert code == 0, out
    return city / "out"


def test_round_trip_changes_exactly_the_filled_values(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: FY2026
    book = _collect(dxsite, city) / "FY2026-市民課.xlsx"
    before = _snapshot(city)
    code, text = dxsite("import", str(book), "--dir", str(city))
    assert (code, text.strip()) == (0, "変更はありません。")
    wb = openpyxl.load_workbook(book)
    wb["取組"]["F3"] = "完了"
    wb["取組"]["G3"] = "全手続完了"
    wb["数値目標"]["G3"] = 98.5  # typed into a number cell, as Excel stores it
    wb["数値目標"]["G5"] = "12"  # a cell formatted as text holds the digits as text
    wb.save(book)
    code, text = dxsite("import", str(book), "--dir", str(city))
    assert code == 0, text
    assert "数値目標!G3" in text and "98.5" in text
    after = _snapshot(city)
    assert _added(before["kpis.yaml"], after["kpis.yaml"]) == [
        "      - {year: 令和8年度, value: 98.5}",
        "      - {year: 令和8年度, value: 12}",
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
        ("数値目標!G3", "９８.５", "「９８.５」は全角の数字です。半角で 98.5 と書いてください"),
        ("数値目標!G4", "1,234", "「1,234」はカンマを取って 1234 と書いてください"),
        ("数値目標!G5", "△5", "「△5」の △ はマイナスの意味ですか。-5 と書いてください"),
        ("取組!F3", "済み", "「済み」は状況の言葉ではありません"),
    ],
)
def test_mistakes_are_refused_at_their_cell_and_nothing_is_written(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, cell: str, value: str, message: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    book = _collect(dxsite, city) / "FY2026-市民課.xlsx"
    before = _snapshot(city)
    _fill(book, {cell: value})
    code, text = dxsite("import", str(book), "--dir", str(city))
    assert code == 1
    assert f"{book}:{cell}: エラー: {message}" in text
    assert _snapshot(city) == before


@pytest.mark.parametrize(
    ("typed", "yaml_message"),
    [
        ("９８.５", "「９８.５」は全角の数字です。半角で 98.5 と書いてください"),
        ("1,234", "「1,234」はカンマを取って 1234 と書いてください"),
        ("△5", "「△5」の △ はマイナスの意味ですか。-5 と書いてください"),
    ],
)
def test_a_sheet_and_the_yaml_refuse_a_nearly_number_with_the_same_message(
    city: Path, dxsite: Run, typed: str, yaml_message: str
) -> None:
    kpis = city / "kpis.yaml"
    text = kpis.read_text(encoding="utf-8")
    kpis.write_text(text.replace("{value: 2.7,", f'{{value: "{typed}",', 1), encoding="utf-8")
    code, out = dxsite("check", str(city))
    assert code == 1 and yaml_message in out, out


def test_an_answer_the_plan_cannot_hold_is_reported_at_its_cell(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # FY2026: FY2027 lies in the future
    code, out = dxsite(
        "collect", "令和9年度", str(city), "--out", str(city / "out"), "--owner", "市民課"
    )
    assert code == 0, out
    book = city / "out" / "FY2027-市民課.xlsx"
    _fill(book, {"数値目標!G4": 70})
    before = _snapshot(city)
    code, text = dxsite(
        "import", str(book), "--dir", str(city), "--year", "令和9年度", "--lang", "en"
    )
    assert code == 1, text
    assert f"{book}:数値目標!G4: error: KPI " in text
    assert ", actual 4, year: an actual value for FY2027 lies in the future" in text
    assert _snapshot(city) == before


def test_dry_run_shows_the_changes_and_writes_nothing(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _book(dxsite, city, monkeypatch)
    _fill(book, {"取組!F4": "完了"})
    before = _snapshot(city)
    code, text = dxsite("import", str(book), "--dir", str(city), "--dry-run")
    assert code == 0, text
    assert "取組!F4" in text and "完了" in text
    assert _snapshot(city) == before


def test_an_english_workbook_round_trips(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    out = _collect(dxsite, city, "--lang", "en")
    book = out / "FY2026-Citizens Division.xlsx"
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[:2] == ["Actions", "KPIs"]
    assert wb["Actions"]["F2"].value == "Status FY2026 (fill in)"
    assert wb["Actions"]["C3"].value == "FY2022–FY2024"
    assert wb["Actions"]["D3"].value == "Done (FY2024)"
    wb["Actions"]["F4"] = "Done"
    wb.save(book)
    before = _snapshot(city)
    code, text = dxsite("import", str(book), "--dir", str(city), "--lang", "en")
    assert code == 0, text
    assert _added(before["plan/strategies.yaml"], _snapshot(city)["plan/strategies.yaml"]) == [
        "              - {year: 令和8年度, status: done}"
    ]


def _as_csv(book: Path, sheet: str, target: Path, encoding: str, edits: dict[str, str]) -> Path:
    """The sheet saved as CSV, as Excel's 「CSV（コンマ区切り）」 does, with `edits` typed in."""
    ws = openpyxl.load_workbook(book)[sheet]
    for ref, value in edits.items():
        ws[ref] = value
    with target.open("w", encoding=encoding, newline="") as file:
        csv.writer(file).writerows(
            ["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)
        )
    return target


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_a_sheet_saved_as_csv_imports_like_the_workbook(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, encoding: str
) -> None:
    book = _book(dxsite, city, monkeypatch)
    answer = _as_csv(book, "取組", tmp_path / "取組.csv", encoding, {"F4": "完了"})
    before = _snapshot(city)
    code, text = dxsite("import", str(answer), "--dir", str(city))
    assert code == 0, text
    assert f"{answer}:F4" in text
    assert _added(before["plan/strategies.yaml"], _snapshot(city)["plan/strategies.yaml"]) == [
        "              - {year: 令和8年度, status: done}"
    ]


def test_a_formula_typed_into_a_csv_is_text_never_run(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = _book(dxsite, city, monkeypatch)
    payload = "=cmd|' /C calc'!A0"
    answer = _as_csv(book, "取組", tmp_path / "取組.csv", "utf-8", {"F4": payload})
    before = _snapshot(city)
    code, text = dxsite("import", str(answer), "--dir", str(city))
    assert code == 1
    assert f"{answer}:F4: エラー: 数式の計算結果が保存されていません" in text
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
    _fill(book, {"取組!F3": "=A1"})
    _refused(dxsite, city, book, f"{book}:取組!F3: error: the cell holds a formula")


def test_another_years_sheet_is_refused(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _book(dxsite, city, monkeypatch)
    before = _snapshot(city)
    code, text = dxsite("import", str(book), "--dir", str(city), "--year", "令和7年度")
    assert code == 1 and "令和8年度（2026年度）のものです" in text, text
    assert _snapshot(city) == before


def test_a_workbook_linking_another_file_is_refused(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = _book(dxsite, city, monkeypatch)
    linked = tmp_path / "linked.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(linked, "w") as target:
        for member in source.infolist():
            target.writestr(member, source.read(member))
        target.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    _refused(dxsite, city, linked, "links to other files")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    city: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = _book(dxsite, city, monkeypatch)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as source:
        members = {m.filename: source.read(m) for m in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            padding = b" " * 40_000_000 if name == sheet else b""
            target.writestr(name, data.replace(b"</worksheet>", padding + b"</worksheet>"))
    assert bomb.stat().st_size < 2_000_000
    _refused(dxsite, city, bomb, "unpacks to more than")
