"""`dxsite import`: write the answers of returned progress sheets into the plan.

Every cell is read and judged first; each problem is reported at its cell (FILE.xlsx:取組!F12)
in the editor's language. Only when every answer is valid are the YAML files edited (in memory),
and the whole plan is validated again as `dxsite check` does, on a copy; nothing is written
unless that passes, and then each file is replaced atomically.

What a cell means: an empty status or value cell changes nothing. A filled one sets that year's
record (added when missing) with the note beside it; the note cell starts with the recorded
note, so emptying it removes the note. A number is a cell the spreadsheet stored as a number,
or text written as `dxsite check` wants it in YAML; full-width digits (２５６０７), thousands
separators (25,607 as text), a unit, △ for minus or other text are refused with the number they
should have been, exactly as in YAML.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import clock, yamledit
from .diagnostics import Diagnostic, did_you_mean
from .errors import DxsiteError, PlanError
from .exchange import Kind, parse_status, status_choices, status_word
from .messages import current, say
from .model.fiscal import format_fiscal_year
from .model.project import FILES, Project
from .model.strategy import Action, ActionStatus
from .model.text import Text
from .numbers import correction, read_number
from .sheets import Cell, Sheet
from .validate import Result, validate

KPIS_FILE = FILES["kpis"][0]
STRATEGIES_FILE = FILES["strategies"][0]


class ImportFailed(DxsiteError):
    """Some answers are invalid; they were reported, nothing was written."""


@dataclass(frozen=True)
class Change:
    """One answer that changes the plan."""

    kind: Kind
    item: str
    name: Text
    year: int
    value: float | int | ActionStatus
    before: float | int | ActionStatus | None
    note: str | None
    """The new note ("" removes it), or None when the note stays as it is."""
    where: str

    def describe(self) -> str:
        """One line for the editor: what changed, from what to what, and from which cell."""

        def shown(value: object) -> str:
            if isinstance(value, ActionStatus):
                return status_word(value)
            return say("import.nothing") if value is None else f"{value}"

        line = say(
            f"import.change.{self.kind.value}",
            name=self.name.get(current()),
            id=self.item,
            year=format_fiscal_year(self.year, current()),
            before=shown(self.before),
            after=shown(self.value),
            where=self.where,
        )
        if self.note == "":
            return line + say("import.note_removed")
        return line + (say("import.note_set", note=self.note) if self.note else "")


def parse_number(cell: Cell) -> float | int:
    """A number in a cell: one the spreadsheet stored as a number, or text that `dxsite check`
    would accept in YAML (generator/numbers.py); nearly-numbers are refused with the number."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(correction(cell.text))
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(correction(cell.text))
        return int(value) if float(value).is_integer() else value
    number = read_number(value)
    if number is not None:
        return number
    if value.strip().startswith("#"):
        raise ValueError(say("import.cell_error", found=value))
    raise ValueError(correction(value))


class _Reader:
    """Turns the rows of the sheets into changes, collecting every problem at its cell."""

    def __init__(self, project: Project, year: int) -> None:
        self.project = project
        self.year = year
        self.problems: list[str] = []
        self.changes: list[Change] = []
        self.actions: dict[str, Action] = {
            a.id: a for s in project.strategies.strategies for m in s.measures for a in m.actions
        }
        self.kpis = {k.id: k for k in project.kpis.kpis}
        self.seen: dict[tuple[Kind, str], str] = {}

    def problem(self, sheet: Sheet, cell: Cell, message: str) -> None:
        self.problems.append(f"{sheet.where(cell.ref)}: {say('severity.error')}: {message}")

    def read(self, sheet: Sheet) -> None:
        if sheet.year != self.year:
            raise DxsiteError(
                f"{sheet.file}: "
                + say(
                    "import.other_year",
                    found=format_fiscal_year(sheet.year, current()),
                    year=format_fiscal_year(self.year, current()),
                )
            )
        for row in sheet.rows:
            if self._known(sheet, row["id"]):
                if sheet.kind is Kind.ACTIONS:
                    self._action(sheet, row)
                else:
                    self._kpi(sheet, row)

    def _known(self, sheet: Sheet, cell: Cell) -> bool:
        known = self.actions if sheet.kind is Kind.ACTIONS else self.kpis
        ident = cell.text
        if not ident:
            self.problem(sheet, cell, say("import.no_id"))
            return False
        if ident not in known:
            near = did_you_mean(ident, known)
            self.problem(sheet, cell, say(f"import.unknown.{sheet.kind.value}", id=ident) + near)
            return False
        first = self.seen.setdefault((sheet.kind, ident), sheet.where(cell.ref))
        if first != sheet.where(cell.ref):
            self.problem(sheet, cell, say("import.twice", id=ident, first=first))
            return False
        return True

    def _computed(self, sheet: Sheet, row: dict[str, Cell]) -> bool:
        """False (reported) when a cell holds a formula the spreadsheet never computed."""
        blank = [c for c in row.values() if c.formula and c.value is None]
        for cell in blank:
            self.problem(sheet, cell, say("import.formula"))
        return not blank

    def _note(self, sheet: Sheet, cell: Cell, before: Text | None) -> str | None:
        """The note to write ("" to remove, None to keep), from the sheet's note cell."""
        shown = before.get(sheet.lang) if before else ""
        return None if cell.text == shown else cell.text

    def _lone_note(self, sheet: Sheet, note: Cell, before: Text | None, key: str) -> None:
        if self._note(sheet, note, before):
            self.problem(sheet, note, say(key))

    def _action(self, sheet: Sheet, row: dict[str, Cell]) -> None:
        action = self.actions[row["id"].text]
        cell, note_cell = row["status"], row["note"]
        record = next((r for r in action.progress if r.year == self.year), None)
        before_note = record.note if record else None
        if not self._computed(sheet, row) or cell.value is None:
            self._lone_note(sheet, note_cell, before_note, "import.note_alone.actions")
            return
        status = parse_status(cell.text)
        if status is None:
            near = did_you_mean(cell.text, [status_word(s) for s in ActionStatus])
            message = say("import.not_status", found=cell.text, words=status_choices())
            self.problem(sheet, cell, message + near)
            return
        if action.status is not None and not action.progress:
            self.problem(sheet, cell, say("import.single_status", status=action.status.value))
            return
        note = self._note(sheet, note_cell, before_note)
        if record is None or record.status is not status or note is not None:
            before = record.status if record else None
            self._add(sheet, Kind.ACTIONS, action.id, action.name, status, before, note, cell)

    def _kpi(self, sheet: Sheet, row: dict[str, Cell]) -> None:
        kpi = self.kpis[row["id"].text]
        cell, note_cell = row["value"], row["note"]
        actual = next((a for a in kpi.actuals if a.year == self.year), None)
        before_note = actual.note if actual else None
        if not self._computed(sheet, row) or cell.value is None:
            self._lone_note(sheet, note_cell, before_note, "import.note_alone.kpis")
            return
        try:
            value = parse_number(cell)
        except ValueError as exc:
            self.problem(sheet, cell, str(exc))
            return
        note = self._note(sheet, note_cell, before_note)
        if actual is None or actual.value != value or note is not None:
            before = actual.value if actual else None
            if isinstance(before, float) and before.is_integer():
                before = int(before)
            self._add(sheet, Kind.KPIS, kpi.id, kpi.name, value, before, note, cell)

    def _add(
        self,
        sheet: Sheet,
        kind: Kind,
        item: str,
        name: Text,
        value: Any,
        before: Any,
        note: str | None,
        cell: Cell,
    ) -> None:
        where = sheet.where(cell.ref)
        self.changes.append(Change(kind, item, name, self.year, value, before, note, where))


def _record(editor: yamledit.Editor, change: Change) -> tuple[Any, str]:
    """The KPI or action a change edits, and the list of records it writes in."""
    if change.kind is Kind.KPIS:
        return yamledit.kpi(editor, change.item), "actuals"
    return yamledit.action(editor, change.item), "progress"


def _edit(root: Path, changes: list[Change]) -> dict[str, str]:
    """The new text of each file the changes touch."""
    texts: dict[str, str] = {}
    for rel, kind in ((KPIS_FILE, Kind.KPIS), (STRATEGIES_FILE, Kind.ACTIONS)):
        mine = [c for c in changes if c.kind is kind]
        if not mine:
            continue
        editor = yamledit.Editor(rel, (root / rel).read_text(encoding="utf-8"))
        for c in mine:
            item, key = _record(editor, c)
            if kind is Kind.KPIS:
                values: dict[str, Any] = {"value": c.value}
                after: tuple[str, ...] = ("targets",)
            else:
                values, after = {"status": str(c.value)}, ("schedule",)
            yamledit.set_record(editor, item, key, c.year, values, c.note, after=after)
        texts[rel] = editor.dump()
    return texts


def _at_cells(texts: dict[str, str], changes: list[Change], found: list[Diagnostic]) -> list[str]:
    """The plan's new errors, each at the cell whose answer wrote the line it points at (the
    error's own place in the YAML when no answer did)."""
    editors = {rel: yamledit.Editor(rel, text) for rel, text in texts.items()}
    cells: dict[tuple[str, int], str] = {}
    for c in changes:
        rel = KPIS_FILE if c.kind is Kind.KPIS else STRATEGIES_FILE
        item, key = _record(editors[rel], c)
        for line in yamledit.record_lines(editors[rel], item, key, c.year):
            cells[(rel, line)] = c.where
    return [
        f"{cells[(d.path, d.line)]}: {say('severity.error')}: {d.message}"
        if (d.path, d.line) in cells
        else d.as_text()
        for d in found
    ]


def _trial(root: Path, texts: dict[str, str]) -> Result:
    """Validate the plan as it would be with `texts`, on a copy (the project is untouched)."""
    with tempfile.TemporaryDirectory(prefix="dxsite-import-") as scratch:
        copy = Path(scratch)
        shutil.copytree(root / "plan", copy / "plan", symlinks=True)
        for rel, _, _ in FILES.values():
            if (root / rel).is_file() and not (copy / rel).exists():
                shutil.copy2(root / rel, copy / rel)
        for rel, text in texts.items():
            (copy / rel).write_text(text, encoding="utf-8")
        return validate(copy, today=clock.today())


def _replace(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then move it over `path`."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class Outcome:
    """What an import did (or would do, with --dry-run)."""

    changes: list[Change]
    written: list[str]
    warnings: list[str]


def run(root: Path, sheets: Iterable[Sheet], year: int, *, dry_run: bool) -> Outcome:
    """Read the sheets, check them, write the answers; ImportFailed when any is invalid."""
    before = validate(root)
    if before.project is None:
        raise PlanError(say("import.plan_invalid"))
    reader = _Reader(before.project, year)
    for sheet in sheets:
        reader.read(sheet)
    if reader.problems:
        raise ImportFailed("\n".join([*reader.problems, say("import.refused")]))
    texts = _edit(root, reader.changes)
    after = _trial(root, texts) if texts else before
    old = {(d.path, d.message) for d in before.diagnostics}
    new = [d for d in after.diagnostics if (d.path, d.message) not in old]
    if after.failed():
        errors = [d for d in new if d.severity == "error"]
        lines = (
            _at_cells(texts, reader.changes, errors)
            if errors
            else [d.as_text() for d in after.diagnostics]
        )
        raise ImportFailed("\n".join([say("import.would_break"), *lines, say("import.refused")]))
    if not dry_run:
        for rel, text in texts.items():
            _replace(root / rel, text)
    written = [] if dry_run else sorted(texts)
    return Outcome(reader.changes, written, [d.as_text() for d in new])
