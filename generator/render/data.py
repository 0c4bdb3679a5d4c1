"""Open data: the KPIs as CSV (long format, with CSVW metadata) and JSON, and the whole plan.

Every text an editor wrote goes in as data, escaped only by the csv and json modules (no HTML).
The output depends on the plan alone, so that builds are reproducible.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from ..model.fiscal import era_name
from ..model.kpi import Direction, Grade, Kpi
from ..model.plan import Licence
from ..model.project import Project
from ..model.text import Text
from ..progress import Assessment
from ..tracking import Tracking, span
from .labels import LICENCE

__all__ = [
    "ACTION_COLUMNS",
    "COLUMNS",
    "KINDS",
    "KPI_COLUMNS",
    "actions_csv",
    "attribution",
    "data_files",
    "kpi_csv",
    "kpi_csv_name",
    "kpis_csv",
    "kpis_csv_metadata",
    "kpis_json",
    "neutralise",
    "number_text",
    "plan_json",
    "write_data",
]

BOM = "\ufeff"
CSV_NAME = "kpis.csv"
CSV_METADATA_NAME = "kpis.csv-metadata.json"
KPIS_JSON_NAME = "kpis.json"
PLAN_JSON_NAME = "plan.json"
ACTIONS_CSV_NAME = "actions.csv"
SCHEMA_NAME = "project.schema.json"

LICENCE_URL = {
    Licence.PDL: "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
}
"""The text of each licence."""

KINDS = ("baseline", "target", "actual")
"""The values of the CSV's kind column, in the order rows are written."""


@dataclass(frozen=True)
class Column:
    """A column of kpis.csv: its name (the header), titles in both languages, CSVW datatype."""

    name: str
    ja: str
    en: str
    datatype: str | dict[str, str] = "string"


COLUMNS = (
    Column("kpi_id", "指標ID", "KPI id"),
    Column("kpi_name_ja", "指標名", "KPI name (Japanese)"),
    Column("kpi_name_en", "指標名（英語）", "KPI name (English)"),
    Column("kind", "区分", "Kind", {"base": "string", "format": "^(baseline|target|actual)$"}),
    Column("fiscal_year", "年度（西暦）", "Fiscal year", "integer"),
    Column("fiscal_year_label", "年度（和暦）", "Fiscal year (Japanese era)"),
    Column("value", "値", "Value", "number"),
    Column("target_text_ja", "定性的な目標", "Qualitative target (Japanese)"),
    Column("target_text_en", "定性的な目標（英語）", "Qualitative target (English)"),
    Column("unit_ja", "単位", "Unit (Japanese)"),
    Column("unit_en", "単位（英語）", "Unit (English)"),
    Column(
        "direction",
        "方向",
        "Direction",
        {"base": "string", "format": "^(increase|decrease|maintain)$"},
    ),
    Column("measures", "対象の戦略・施策ID", "Strategy or measure id"),
)
"""The columns of kpis.csv, in order."""


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def neutralise(cell: str) -> str:
    """A text cell that a spreadsheet would read as a formula, prefixed with an apostrophe so
    that it stays text (OWASP's recommendation); numbers are written as numbers and kept."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv(columns: tuple[Column, ...], rows: Iterator[list[str]]) -> str:
    """A CSV with a BOM and CRLF line ends; every text cell neutralised."""
    text = [c.datatype not in ("number", "integer") for c in columns]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([neutralise(v) if t else v for v, t in zip(row, text, strict=True)])
    return BOM + buffer.getvalue()


def number_text(value: float | None) -> str:
    """A value as the CSV writes it: 10.0 → 10, 2.5 → 2.5, 0 → 0, None → "" (never 1e-05)."""
    if value is None:
        return ""
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def _json_number(value: float | None) -> int | float | None:
    """A value for JSON: whole numbers without .0, like the CSV."""
    if value is not None and value.is_integer():
        return int(value)
    return value


def _text(text: Text | None) -> dict[str, Any] | None:
    return None if text is None else text.model_dump(mode="json")


def _english(text: Text | None) -> str:
    """The English of a text for the *_en columns: "" when it needs a translation it lacks."""
    if text is None or not text.translated("en"):
        return ""
    return text.get("en")


def _languages(values: dict[str, str]) -> list[dict[str, str]]:
    """JSON-LD language-tagged values."""
    return [{"@value": value, "@language": lang} for lang, value in values.items()]


def _direction(kpi: Kpi) -> str:
    return Direction(kpi.direction).value


def _licence(project: Project) -> Licence:
    return Licence(project.plan.licence)


# --- attribution -------------------------------------------------------------------------------


def attribution(project: Project, lang: str) -> str:
    """The credit line reusers copy: 出典：荒尾市『…』（公共データ利用規約 第1.0版（PDL1.0））."""
    if lang not in ("ja", "en"):
        raise ValueError(f"unknown language {lang!r}: expected 'ja' or 'en'")
    plan = project.plan
    municipality, title = plan.municipality.get(lang), plan.title.get(lang)
    licence = LICENCE[_licence(project).value][lang]
    if lang == "ja":
        url = f" {plan.site_url}" if plan.site_url else ""
        return f"出典：{municipality}『{title}』{url}（{licence}）"
    url = f", {plan.site_url}" if plan.site_url else ""
    return f"Source: {municipality}, “{title}”{url} ({licence})"


def _licence_json(project: Project) -> dict[str, Any]:
    licence = _licence(project)
    return {"id": licence.value, "name": dict(LICENCE[licence.value]), "url": LICENCE_URL[licence]}


def _attribution_json(project: Project) -> dict[str, str]:
    return {lang: attribution(project, lang) for lang in ("ja", "en")}


# --- kpis.csv ----------------------------------------------------------------------------------


def _row(kpi: Kpi, kind: str, year: int, value: float | None, text: Text | None) -> list[str]:
    return [
        kpi.id,
        kpi.name.ja,
        _english(kpi.name),
        kind,
        str(year),
        era_name(year),
        number_text(value),
        text.ja if text else "",
        _english(text),
        kpi.unit.ja,
        _english(kpi.unit),
        _direction(kpi),
        kpi.measures,
    ]


def _rows(kpi: Kpi) -> Iterator[list[str]]:
    """A KPI's rows: its baseline, then its targets and its actuals, each by year."""
    if kpi.baseline is not None:
        yield _row(kpi, "baseline", kpi.baseline.year, kpi.baseline.value, None)
    for target in sorted(kpi.targets, key=lambda t: t.year):
        yield _row(kpi, "target", target.year, target.value, target.text)
    for actual in sorted(kpi.actuals, key=lambda a: a.year):
        yield _row(kpi, "actual", actual.year, actual.value, None)


def kpis_csv(project: Project, today: datetime.date | None = None) -> str:
    """kpis.csv: one row per KPI × kind × fiscal year, with a BOM and CRLF line ends.

    `today` is accepted for symmetry with validation but not used: the file depends on the
    plan only, so builds are reproducible.
    """
    del today
    return _csv(COLUMNS, (row for kpi in project.kpis.kpis for row in _rows(kpi)))


KPI_COLUMNS = (
    *COLUMNS,
    Column("note_ja", "備考", "Note (Japanese)"),
    Column("note_en", "備考（英語）", "Note (English)"),
    Column("source_ja", "出典", "Source (Japanese)"),
    Column("source_en", "出典（英語）", "Source (English)"),
    Column("source_url", "出典URL", "Source URL"),
    Column("grade", "評価ID", "Grade id"),
    Column("grade_ja", "評価", "Grade (Japanese)"),
    Column("grade_en", "評価（英語）", "Grade (English)"),
)
"""The columns of a KPI's own CSV (data/kpis/ID.csv): kpis.csv's, then notes, source, grade."""


def kpi_csv(kpi: Kpi, assessment: Assessment) -> str:
    """One KPI's CSV: its rows as in kpis.csv, each with its note, the source and the grade."""
    notes = {a.year: a.note for a in kpi.actuals}
    grade = assessment.grade

    def rows() -> Iterator[list[str]]:
        for row in _rows(kpi):
            note = notes.get(int(row[4])) if row[3] == "actual" else None
            yield [
                *row,
                note.ja if note else "",
                _english(note),
                kpi.source.ja if kpi.source else "",
                _english(kpi.source),
                kpi.source_url or "",
                grade.id,
                grade.label.ja,
                _english(grade.label),
            ]

    return _csv(KPI_COLUMNS, rows())


ACTION_COLUMNS = (
    Column("strategy_id", "基本戦略ID", "Strategy id"),
    Column("strategy_name_ja", "基本戦略", "Strategy (Japanese)"),
    Column("measure_id", "施策ID", "Measure id"),
    Column("measure_name_ja", "施策", "Measure (Japanese)"),
    Column("action_id", "取組ID", "Action id"),
    Column("action_name_ja", "取組名", "Action name (Japanese)"),
    Column("action_name_en", "取組名（英語）", "Action name (English)"),
    Column("owner_ja", "担当", "Owner (Japanese)"),
    Column("owner_en", "担当（英語）", "Owner (English)"),
    Column("schedule_start", "開始年度", "First fiscal year", "integer"),
    Column("schedule_end", "終了年度", "Last fiscal year", "integer"),
    Column("fiscal_year", "年度（西暦）", "Fiscal year of the status", "integer"),
    Column("fiscal_year_label", "年度（和暦）", "Fiscal year (Japanese era)"),
    Column("status", "状況", "Status"),
    Column("note_ja", "備考", "Note (Japanese)"),
    Column("note_en", "備考（英語）", "Note (English)"),
)
"""The columns of actions.csv: one row per action and fiscal year of a recorded status."""


def actions_csv(tracking: Tracking) -> str:
    """actions.csv: every action with its place, owner, schedule and status per fiscal year (one
    row per status record; one row without a year for an action recorded without years)."""
    plan = tracking.project.plan

    def rows() -> Iterator[list[str]]:
        for p in tracking.placed():
            a = p.action
            when = span(a.schedule, plan)
            head = [
                p.strategy.id,
                p.strategy.name.ja,
                p.measure.id,
                p.measure.name.ja,
                a.id,
                a.name.ja,
                _english(a.name),
                a.owner.ja if a.owner else "",
                _english(a.owner),
                str(when[0]) if when else "",
                str(when[1]) if when else "",
            ]
            if not a.progress:
                status = a.status.value if a.status else ""
                yield [*head, "", "", status, "", ""]
            for r in sorted(a.progress, key=lambda r: r.year):
                note = r.note
                yield [
                    *head,
                    str(r.year),
                    era_name(r.year),
                    r.status.value,
                    note.ja if note else "",
                    _english(note),
                ]

    return _csv(ACTION_COLUMNS, rows())


def _csvw_column(column: Column) -> dict[str, Any]:
    return {
        "name": column.name,
        "titles": {"ja": column.ja, "en": column.en},
        "datatype": column.datatype,
    }


def kpis_csv_metadata(project: Project) -> str:
    """kpis.csv-metadata.json: the CSV's licence, source and columns (CSV on the Web)."""
    plan = project.plan
    metadata = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": CSV_NAME,
        "dc:title": _languages(
            {"ja": f"{plan.title.ja} 数値目標（KPI）", "en": f"{plan.title.get('en')}: KPIs"}
        ),
        "dc:publisher": plan.municipality.get("ja"),
        "dc:license": {"@id": LICENCE_URL[_licence(project)]},
        "dc:source": _languages(_attribution_json(project)),
        "dialect": {"header": True, "encoding": "utf-8"},
        "tableSchema": {"columns": [_csvw_column(column) for column in COLUMNS]},
    }
    return _dumps(metadata)


# --- kpis.json ---------------------------------------------------------------------------------


def _grade_json(grade: Grade) -> dict[str, Any]:
    outcome = None if grade.outcome is None else str(grade.outcome)
    return {"id": grade.id, "label": _text(grade.label), "outcome": outcome}


def _assessment_json(kpi: Kpi, a: Assessment) -> dict[str, Any]:
    return {
        "outcome": str(a.outcome),
        "grade": a.grade.id,
        "progress": a.progress,
        "expected": a.expected,
        "path": [{"year": y, "value": _json_number(v)} for y, v in a.path],
        "manual": a.manual,
        "reason": _text(kpi.grade.reason) if kpi.grade else None,
        "why": None if a.reason is None else str(a.reason),
    }


def _kpi_json(kpi: Kpi, a: Assessment) -> dict[str, Any]:
    baseline = kpi.baseline
    return {
        "id": kpi.id,
        "name": _text(kpi.name),
        "unit": _text(kpi.unit),
        "direction": _direction(kpi),
        "precision": kpi.precision,
        "measures": kpi.measures,
        "baseline": None
        if baseline is None
        else {"year": baseline.year, "value": _json_number(baseline.value)},
        "targets": [
            {"year": t.year, "value": _json_number(t.value), "text": _text(t.text)}
            for t in sorted(kpi.targets, key=lambda t: t.year)
        ],
        "actuals": [
            {"year": a.year, "value": _json_number(a.value), "note": _text(a.note)}
            for a in sorted(kpi.actuals, key=lambda a: a.year)
        ],
        "source": _text(kpi.source),
        "source_url": kpi.source_url,
        "assessment": _assessment_json(kpi, a),
    }


def kpis_json(project: Project, tracking: Tracking | None = None) -> str:
    """kpis.json: licence, attribution, the grade scale and every KPI with its assessment
    (as of the current fiscal year, see generator.clock)."""
    t = tracking or Tracking.now(project)
    document = {
        "licence": _licence_json(project),
        "attribution": _attribution_json(project),
        "fiscal_year": t.year,
        "grades": [_grade_json(grade) for grade in t.scale],
        "kpis": [_kpi_json(kpi, t.assessments[kpi.id]) for kpi in project.kpis.kpis],
    }
    return _dumps(document)


# --- plan.json ---------------------------------------------------------------------------------


def plan_json(project: Project) -> str:
    """plan.json: the whole validated plan, exactly as project.schema.json describes it.

    The schema forbids keys the model does not know, so there is no "$schema" key here; the
    licence is in plan.licence, and the attribution is in kpis.json and on the open-data page.
    """
    return project.model_dump_json(indent=2) + "\n"


# --- files -------------------------------------------------------------------------------------


def _dumps(document: Any) -> str:
    """JSON indented by two spaces, UTF-8 as it is: pydantic's serializer, 5× faster than the
    json module's indenting one, which is written in Python (the models allow no NaN)."""
    return to_json(document, indent=2).decode("utf-8") + "\n"


def data_files(project: Project, tracking: Tracking | None = None) -> dict[str, str]:
    """The open-data files by name: kpis.csv, its CSVW metadata, kpis.json, plan.json,
    actions.csv and each KPI's own CSV (kpis/ID.csv)."""
    tracked = tracking or Tracking.now(project)
    files = {
        CSV_NAME: kpis_csv(project),
        CSV_METADATA_NAME: kpis_csv_metadata(project),
        KPIS_JSON_NAME: kpis_json(project, tracking),
        PLAN_JSON_NAME: plan_json(project),
        ACTIONS_CSV_NAME: actions_csv(tracked),
    }
    for kpi in project.kpis.kpis:
        files[kpi_csv_name(kpi)] = kpi_csv(kpi, tracked.assessments[kpi.id])
    return files


def kpi_csv_name(kpi: Kpi) -> str:
    """Where a KPI's own CSV lies under data/."""
    return f"kpis/{kpi.id}.csv"


def write_data(project: Project, out_dir: Path) -> list[Path]:
    """Write the open-data files into `out_dir` (UTF-8); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in data_files(project).items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))  # bytes: keep the CSV's CRLF everywhere
        paths.append(path)
    return paths
