"""The progress workbook's layout, shared by `collect` (which writes it) and `import` (which
reads it back): the sheets, their columns and headers, the status words, the format marker.

Row 1 of each sheet is a title, row 2 the headers, the items start on row 3. The headers name
the fiscal year being collected, so a sheet saved as CSV still says which year it answers.
"""

from __future__ import annotations

import contextlib
import enum
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from . import messages
from .messages import current, say
from .model.fiscal import era_name, format_fiscal_year
from .model.strategy import ActionStatus
from .render.labels import ACTION_STATUS

FORMAT = "dxsite-progress/1"
"""The format marker stored in every workbook; import refuses any other."""
META_SHEET = "dxsite"
"""The hidden sheet holding the marker, the fiscal year, the language and the department."""
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
MAX_ROWS = 5_000
"""The most rows a sheet may have; a plan has a few hundred actions at most."""


class Kind(enum.StrEnum):
    """The two sheets of a workbook."""

    ACTIONS = "actions"
    KPIS = "kpis"


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its key, its width in characters, whether departments fill it."""

    key: str
    width: int
    fill: bool = False


COLUMNS: dict[Kind, tuple[Column, ...]] = {
    Kind.ACTIONS: (
        Column("id", 18),
        Column("name", 36),
        Column("schedule", 26),
        Column("last_status", 22),
        Column("last_note", 30),
        Column("status", 16, fill=True),
        Column("note", 40, fill=True),
    ),
    Kind.KPIS: (
        Column("id", 18),
        Column("name", 36),
        Column("unit", 10),
        Column("baseline", 22),
        Column("targets", 30),
        Column("actuals", 36),
        Column("value", 16, fill=True),
        Column("note", 40, fill=True),
    ),
}


def fy(year: int) -> str:
    """A fiscal year as the workbook shows it: 令和7年度（2025年度） / FY2025."""
    return format_fiscal_year(year, current())


def fy_short(year: int) -> str:
    """A fiscal year inside a cell: 令和7年度 / FY2025."""
    return era_name(year) if current() == "ja" else f"FY{year}"


def sheet_name(kind: Kind) -> str:
    """The sheet's name in the current language (取組 / Actions)."""
    return say(f"sheet.{kind.value}")


def headers(kind: Kind, year: int) -> list[str]:
    """The header row of a sheet collecting fiscal year `year`, in the current language."""
    return [say(f"column.{kind.value}.{c.key}", year=fy(year)) for c in COLUMNS[kind]]


def column(kind: Kind, key: str) -> int:
    """The 1-based column number of `key` in the sheet of `kind`."""
    return next(i for i, c in enumerate(COLUMNS[kind], start=1) if c.key == key)


def status_word(status: ActionStatus) -> str:
    """A status as the workbook's list offers it: 実施中 / In progress."""
    return ACTION_STATUS[status.value][current()]


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).strip().casefold()


_STATUSES: dict[str, ActionStatus] = {
    _fold(word): ActionStatus(value)
    for value, words in ACTION_STATUS.items()
    if value in ActionStatus._value2member_map_
    for word in (value, *words.values())
}


def parse_status(word: str) -> ActionStatus | None:
    """The status a department wrote, in either language or as the format's word, else None."""
    return _STATUSES.get(_fold(word))


def status_choices() -> str:
    """The words the status column accepts, for messages: 予定、実施中 …"""
    glue = "、" if current() == "ja" else ", "
    return glue.join(status_word(s) for s in ActionStatus)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """dxsite's words are in `lang` inside the block (a sheet's words are in its language)."""
    before = current()
    messages.use("en" if lang == "en" else "ja")
    try:
        yield
    finally:
        messages.use(before)
