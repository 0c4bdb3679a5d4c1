"""Read a returned progress sheet (.xlsx or .csv) into plain cells, refusing what is not one.

A department's file is untrusted input: it is checked before any XML is parsed (its size, that
it is a zip, its members, their unpacked sizes) and read in openpyxl's read-only mode with a row
limit, so a hostile file costs seconds and little memory. Refused: encrypted or .xls files,
macro-enabled workbooks (.xlsm, a vbaProject), external links, other years' sheets. A cell holding
a formula gives its value as last computed by the spreadsheet (never the formula, which is
neither evaluated nor kept); a formula without a computed value is refused.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from . import messages
from .errors import DxsiteError
from .exchange import (
    COLUMNS,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    MAX_ROWS,
    META_SHEET,
    Kind,
    sheet_name,
    speaking,
)
from .exchange import headers as expected_headers
from .messages import Lang, say

MAX_FILE = 10 * 1024 * 1024
"""The largest file accepted, in bytes; a department's workbook is some 20 KB."""
MAX_UNPACKED = 30 * 1024 * 1024
"""The most bytes a workbook's members may unpack to, together (zip bombs stop here)."""
MAX_MEMBERS = 500
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


class SheetRefused(DxsiteError):
    """The file is not a progress sheet dxsite can read; the message says why and where."""


@dataclass(frozen=True)
class Cell:
    """One cell as read: its reference (F12), its value, whether it held a formula."""

    ref: str
    value: Any
    formula: bool = False

    @property
    def text(self) -> str:
        """The value as text, stripped ("" for an empty cell)."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


@dataclass
class Sheet:
    """A returned sheet: which file and sheet, what it collects, and its item rows."""

    file: str
    name: str | None
    kind: Kind
    year: int
    lang: Lang
    rows: list[dict[str, Cell]]

    def where(self, ref: str) -> str:
        """FILE.xlsx:取組!F12, or FILE.csv:F12."""
        return f"{self.file}:{self.name}!{ref}" if self.name else f"{self.file}:{ref}"


def _refuse(file: str, key: str, **values: object) -> SheetRefused:
    return SheetRefused(f"{file}: {say(key, **values)}")


def read(path: Path) -> list[Sheet]:
    """The sheets of a returned .xlsx workbook or .csv file."""
    shown = str(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlam"):
        raise _refuse(shown, "import.macro")
    if suffix not in (".xlsx", ".csv"):
        raise _refuse(shown, "import.not_sheet")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _refuse(shown, "import.not_sheet")
        if size > MAX_FILE:
            raise _refuse(shown, "import.too_big", mb=MAX_FILE // 1_000_000)
        raw = path.read_bytes()
    except OSError as exc:
        raise _refuse(shown, "import.unreadable", problem=exc.strerror) from None
    if suffix == ".csv":
        return [_csv(shown, raw)]
    return _xlsx(shown, raw)


def _members(file: str, raw: bytes) -> zipfile.ZipFile:
    """The workbook's zip, after checking what it holds and how much it unpacks to."""
    if raw.startswith(_OLE):
        raise _refuse(file, "import.encrypted")
    if not raw.startswith(b"PK"):
        raise _refuse(file, "import.malformed")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(file, "import.malformed") from None
    names = {info.filename.lower() for info in infos}
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise _refuse(file, "import.unpacks", mb=MAX_UNPACKED // 1_000_000)
    if any(name.endswith("vbaproject.bin") for name in names):
        raise _refuse(file, "import.macro")
    if any(name.startswith("xl/externallinks/") for name in names):
        raise _refuse(file, "import.external")
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(file, "import.malformed")
    types = archive.read("[Content_Types].xml").lower()
    if b"macroenabled" in types:
        raise _refuse(file, "import.macro")
    return archive


def _open(file: str, raw: bytes, *, data_only: bool) -> Any:
    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises many kinds on a broken file; all mean the same here
        raise _refuse(file, "import.malformed") from None


def _rows(file: str, ws: Any, width: int, *, cells: bool) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows up to the limit; refused as soon as a row lies beyond it."""
    try:
        rows = ws.iter_rows(max_row=MAX_ROWS + 1, max_col=width, values_only=not cells)
        for number, row in enumerate(rows, start=1):
            if number > MAX_ROWS:
                raise _refuse(file, "import.too_many_rows", limit=MAX_ROWS)
            yield row
    except SheetRefused:
        raise
    except Exception:
        raise _refuse(file, "import.malformed") from None


def _meta(file: str, wb: Any) -> dict[str, str]:
    if META_SHEET not in wb.sheetnames:
        raise _refuse(file, "import.not_dxsite")
    found = {
        str(key): "" if value is None else str(value)
        for key, value, *_ in _rows(file, wb[META_SHEET], 2, cells=False)
        if key is not None
    }
    if found.get("format") != FORMAT:
        raise _refuse(file, "import.not_dxsite")
    if found.get("lang") not in messages.LANGS or not found.get("fiscal_year", "").isdigit():
        raise _refuse(file, "import.not_dxsite")
    return found


def _xlsx(file: str, raw: bytes) -> list[Sheet]:
    _members(file, raw).close()
    values = _open(file, raw, data_only=True)
    formulas = _open(file, raw, data_only=False)
    try:
        meta = _meta(file, values)
        year, lang = int(meta["fiscal_year"]), meta["lang"]
        sheets = []
        for kind in Kind:
            with speaking(lang):
                name = sheet_name(kind)
            if name not in values.sheetnames:
                raise _refuse(file, "import.missing_sheet", sheet=name)
            width = len(COLUMNS[kind])
            grid = list(_rows(file, values[name], width, cells=False))
            held = {
                cell.coordinate
                for row in _rows(file, formulas[name], width, cells=True)
                for cell in row
                if getattr(cell, "data_type", None) == "f"
            }
            sheet = Sheet(file, name, kind, year, lang, [])  # type: ignore[arg-type]
            _check_headers(sheet, grid)
            sheet.rows = list(_items(kind, grid, held))
            sheets.append(sheet)
        return sheets
    finally:
        values.close()
        formulas.close()


def _check_headers(sheet: Sheet, grid: list[tuple[Any, ...]]) -> None:
    found = list(grid[HEADER_ROW - 1]) if len(grid) >= HEADER_ROW else []
    with speaking(sheet.lang):
        wanted = expected_headers(sheet.kind, sheet.year)
    for i, head in enumerate(wanted, start=1):
        seen = found[i - 1] if i <= len(found) else None
        if (str(seen).strip() if seen is not None else "") != head:
            ref = f"{get_column_letter(i)}{HEADER_ROW}"
            raise SheetRefused(
                f"{sheet.where(ref)}: {say('import.header', found=seen or '', expected=head)}"
            )


def _items(kind: Kind, grid: list[tuple[Any, ...]], held: set[str]) -> Iterator[dict[str, Cell]]:
    columns = COLUMNS[kind]
    for number, row in enumerate(grid[FIRST_ROW - 1 :], start=FIRST_ROW):
        cells = {}
        for i, column in enumerate(columns, start=1):
            value = row[i - 1] if i <= len(row) else None
            if isinstance(value, str) and not value.strip():
                value = None
            ref = f"{get_column_letter(i)}{number}"
            cells[column.key] = Cell(ref, value, ref in held)
        if any(c.value is not None or c.formula for c in cells.values()):
            yield cells


def _csv(file: str, raw: bytes) -> Sheet:
    """A sheet saved as CSV (UTF-8 with or without BOM, or Excel's Shift_JIS)."""
    for codec in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _refuse(file, "import.csv_encoding")
    if "\x00" in text:
        raise _refuse(file, "import.not_sheet")
    grid: list[tuple[Any, ...]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if number > MAX_ROWS:
                raise _refuse(file, "import.too_many_rows", limit=MAX_ROWS)
            grid.append(tuple(row))
    except csv.Error:
        raise _refuse(file, "import.malformed_csv") from None
    kind, year, lang = _identify(file, grid)
    sheet = Sheet(file, None, kind, year, lang, [])
    held = {  # a CSV has no formulas, only their text: never keep one
        f"{get_column_letter(i)}{n}"
        for n, row in enumerate(grid, start=1)
        for i, value in enumerate(row, start=1)
        if value.lstrip().startswith("=")
    }
    cleaned = [tuple(None if c.lstrip().startswith("=") else c for c in row) for row in grid]
    sheet.rows = list(_items(kind, cleaned, held))
    return sheet


def _identify(file: str, grid: list[tuple[Any, ...]]) -> tuple[Kind, int, Lang]:
    """Which sheet a CSV is, from its header row: the kind, the year it names, the language."""
    found = [c.strip() for c in grid[HEADER_ROW - 1]] if len(grid) >= HEADER_ROW else []
    for lang in messages.LANGS:
        for kind in Kind:
            fill = next(i for i, c in enumerate(COLUMNS[kind]) if c.fill)
            match = _YEAR.search(found[fill]) if len(found) > fill else None
            if match is None:
                continue
            year = int(match.group(1))
            with speaking(lang):
                wanted = expected_headers(kind, year)
            if found[: len(wanted)] == wanted:
                return kind, year, lang
    raise _refuse(file, "import.not_dxsite")
