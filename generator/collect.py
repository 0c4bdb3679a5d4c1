"""`dxsite collect`: one Excel workbook per department (担当課) to collect a fiscal year's
progress (進捗照会): its actions' status and its KPIs' actuals.

Only the fill-in columns are unlocked; the sheets are protected without a password (so that a
department cannot rename an id by mistake, not to keep anyone out). Every text from the plan is
written as text, never as a formula.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .errors import DxsiteError
from .exchange import (
    COLUMNS,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    META_SHEET,
    TITLE_ROW,
    Kind,
    column,
    fy,
    fy_short,
    headers,
    sheet_name,
    status_word,
)
from .messages import current, say
from .model.kpi import Kpi
from .model.project import Project
from .model.strategy import Action, ActionStatus, StatusRecord
from .model.text import Text
from .render.format import number
from .tracking import span

_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="D9E1F2")
Value = str | int | float | None
"""What a cell of the sheets holds."""
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class Department:
    """What one workbook collects: a department's actions and KPIs (owner None: no owner)."""

    owner: Text | None
    actions: list[Action] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    everyone: bool = False
    """One workbook for the whole plan (`--all`)."""

    def name(self) -> str:
        """The department's name in the current language, or a word for "all" or "none"."""
        if self.everyone:
            return say("collect.everyone")
        return self.owner.get(current()) if self.owner else say("collect.no_owner")


def departments(project: Project) -> list[Department]:
    """Every department owning an action or a KPI, in the plan's order; unowned items last."""
    found: dict[str | None, Department] = {}

    def of(owner: Text | None) -> Department:
        key = owner.ja if owner else None
        return found.setdefault(key, Department(owner))

    for strategy in project.strategies.strategies:
        for measure in strategy.measures:
            for action in measure.actions:
                of(action.owner).actions.append(action)
    for kpi in project.kpis.kpis:
        of(kpi.owner).kpis.append(kpi)
    return sorted(found.values(), key=lambda d: d.owner is None)


def choose(project: Project, owner: str | None, *, together: bool) -> list[Department]:
    """The departments to write: all, the one named `owner` (ja or en), or all in one."""
    every = departments(project)
    if together:
        merged = Department(None, everyone=True)
        for d in every:
            merged.actions += d.actions
            merged.kpis += d.kpis
        return [merged]
    if owner is None:
        return every
    wanted = owner.strip()
    chosen = [d for d in every if d.owner and wanted in (d.owner.ja, d.owner.en)]
    if not chosen:
        names = "、".join(d.owner.ja for d in every if d.owner)
        raise DxsiteError(say("collect.unknown_owner", owner=wanted, owners=names))
    return chosen


def _text(cell: Cell | MergedCell, value: str) -> None:
    """Write `value` as text: a plan text starting with = must never become a formula."""
    cell.value = value
    cell.data_type = "s"


def _record(record: StatusRecord | None, status: ActionStatus | None) -> tuple[str, str]:
    if record is None:
        return (status_word(status), "") if status else ("", "")
    note = record.note.get(current()) if record.note else ""
    return say("sheet.dated", value=status_word(record.status), year=fy_short(record.year)), note


def _action_rows(project: Project, actions: Iterable[Action], year: int) -> Iterator[list[Value]]:
    periods = {p.id: p for p in project.plan.periods}
    for action in actions:
        years = span(action.schedule, project.plan)
        if action.schedule and action.schedule.periods:
            names = (periods[p].name.get(current()) for p in action.schedule.periods)
            schedule = say("sheet.glue").join(names)
        elif years:
            schedule = say("sheet.range", first=fy_short(years[0]), last=fy_short(years[1]))
        else:
            schedule = ""
        last, last_note = _record(action.status_in(year - 1), action.status)
        this = next((r for r in action.progress if r.year == year), None)
        status = status_word(this.status) if this else ""
        note = this.note.get(current()) if this and this.note else ""
        yield [action.id, action.name.get(current()), schedule, last, last_note, status, note]


def _value(value: float, kpi: Kpi, year: int) -> str:
    return say("sheet.dated", value=number(value, kpi.precision), year=fy_short(year))


def _kpi_rows(kpis: Iterable[Kpi], year: int) -> Iterator[list[Value]]:
    glue = say("sheet.glue")
    for kpi in kpis:
        baseline = _value(kpi.baseline.value, kpi, kpi.baseline.year) if kpi.baseline else ""
        targets = glue.join(
            _value(t.value, kpi, t.year)
            if t.value is not None
            else say(
                "sheet.dated", value=t.text.get(current()) if t.text else "", year=fy_short(t.year)
            )
            for t in kpi.targets
        )
        before = glue.join(_value(a.value, kpi, a.year) for a in kpi.actuals if a.year < year)
        this = next((a for a in kpi.actuals if a.year == year), None)
        value: Value = this.value if this else None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        note = this.note.get(current()) if this and this.note else ""
        unit = kpi.unit.get(current())
        yield [kpi.id, kpi.name.get(current()), unit, baseline, targets, before, value, note]


def _sheet(ws: Worksheet, kind: Kind, year: int, who: str, rows: list[list[Value]]) -> None:
    columns = COLUMNS[kind]
    _text(ws.cell(TITLE_ROW, 1), say(f"collect.title.{kind.value}", year=fy(year), owner=who))
    ws.cell(TITLE_ROW, 1).font = Font(bold=True, size=13)
    for i, head in enumerate(headers(kind, year), start=1):
        cell = ws.cell(HEADER_ROW, i)
        _text(cell, head)
        cell.font = Font(bold=True)
        cell.fill = _HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(rows, start=FIRST_ROW):
        for i, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = ws.cell(r, i)
            if isinstance(value, str):
                _text(cell, value)
            elif value is not None:
                cell.value = value
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col.fill:
                cell.protection = Protection(locked=False)
                cell.fill = _FILL
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    last = max(FIRST_ROW, FIRST_ROW + len(rows) - 1)
    if kind is Kind.ACTIONS:
        words = ",".join(status_word(s) for s in ActionStatus)
        letter = get_column_letter(column(kind, "status"))
        check = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
        check.error, check.errorTitle = say("collect.status_error"), say("collect.status_title")
        check.prompt, check.promptTitle = say("collect.status_prompt"), say("collect.status_title")
        check.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(check)
    else:
        letter = get_column_letter(column(kind, "value"))
        hint = DataValidation(allow_blank=True, showErrorMessage=False)
        hint.prompt, hint.promptTitle = say("collect.value_prompt"), say("collect.value_title")
        hint.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(hint)
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.oddFooter = HeaderFooterItem(center=_HeaderFooterPart(text="&P / &N"))


def _meta(wb: Workbook, year: int, who: str) -> None:
    """The hidden sheet import reads first: the format marker, the year, language, department."""
    ws = wb.create_sheet(META_SHEET)
    for r, (key, value) in enumerate(
        [("format", FORMAT), ("fiscal_year", str(year)), ("lang", current()), ("owner", who)],
        start=1,
    ):
        _text(ws.cell(r, 1), key)
        _text(ws.cell(r, 2), value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def workbook(project: Project, department: Department, year: int) -> Workbook:
    """The workbook asking `department` for fiscal year `year`'s progress."""
    wb = Workbook()
    who = department.name()
    actions = wb.active
    assert actions is not None
    actions.title = sheet_name(Kind.ACTIONS)
    _sheet(actions, Kind.ACTIONS, year, who, list(_action_rows(project, department.actions, year)))
    kpis = wb.create_sheet(sheet_name(Kind.KPIS))
    _sheet(kpis, Kind.KPIS, year, who, list(_kpi_rows(department.kpis, year)))
    _meta(wb, year, who)
    return wb


def file_name(department: Department, year: int) -> str:
    """FY2025-市民課.xlsx: the year first so a folder of answers sorts by year."""
    return f"FY{year}-{_UNSAFE.sub('_', department.name()).strip('. ') or 'department'}.xlsx"


def collect(project: Project, year: int, out: Path, chosen: list[Department]) -> list[Path]:
    """Write one workbook per chosen department into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for department in chosen:
        path = out / file_name(department, year)
        workbook(project, department, year).save(path)
        written.append(path)
    return written
