"""Open data (generator/render/data.py): kpis.csv, its CSVW metadata, kpis.json and plan.json.

Read as the spec: the CSV is long format (one row per KPI × kind × fiscal year) that reads back
into exactly the model's numbers; blank and zero stay distinct; editors' text goes in as data;
plan.json is the whole plan, valid against project.schema.json and loadable as a Project.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.fiscal import era_name
from generator.model.kpi import Kpi, KpisFile
from generator.model.plan import Licence
from generator.model.project import Project
from generator.model.text import Text
from generator.progress import assess
from generator.render.data import (
    COLUMNS,
    FORMULA_STARTS,
    actions_csv,
    attribution,
    kpi_csv,
    kpis_csv,
    kpis_csv_metadata,
    kpis_json,
    neutralise,
    number_text,
    plan_json,
    write_data,
)
from generator.schema import schemas
from generator.tracking import Tracking
from generator.validate import validate

pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[1]
SCAFFOLD = ROOT / "generator" / "scaffold"
PLANS = {"scaffold": SCAFFOLD, "arao": ROOT}
SAMPLE_CITY = ROOT / "examples" / "sample-city"

TRICKY = 'Say "hi", then\nbreak <script>alert(1)</script> & go'
"""Quotes, a comma, a newline and markup: must come back exactly, never escaped as HTML."""


@functools.cache
def _validated(root: Path) -> Project | None:
    return validate(root).project


def _load(root: Path) -> Project:
    if not (root / "kpis.yaml").is_file():
        pytest.skip(f"no plan at {root}")
    project = _validated(root)
    if project is None:
        pytest.skip(f"the plan at {root} is not valid yet")
    return project


def _with_kpis(project: Project, kpis: list[dict[str, Any]]) -> Project:
    """The project with kpis.yaml replaced (validated on its own, like the loader does)."""
    return project.model_copy(update={"kpis": KpisFile.model_validate({"kpis": kpis})})


RICH_KPIS: list[dict[str, Any]] = [
    {
        "id": "zero-and-text",
        "name": {"ja": "窓口の待ち時間", "en": "Waiting time at the counter"},
        "unit": {"ja": "分", "en": "minutes"},
        "direction": "decrease",
        "precision": 1,
        "measures": "online-procedures",
        "baseline": {"value": 0, "year": "令和5年度"},
        "targets": [
            {"year": "R10", "text": {"ja": "2028年度末を目途に20業務を標準化", "en": "20 tasks"}},
            {"year": "R8", "value": 0},
            {"year": "R9", "value": 12.5, "text": "参考値"},
        ],
        "actuals": [
            {"year": 2025, "value": 2.5, "note": "速報値"},
            {"year": 2024, "value": 0},
        ],
    },
    {
        "id": "tricky",
        "name": {"ja": TRICKY, "en": TRICKY},
        "unit": "件",
        "measures": "online-procedures",
        "targets": [{"year": 2028, "value": 25607000000}],
        "actuals": [{"year": 2019, "value": 0.00001}, {"year": 2020, "value": -3}],
    },
    {
        "id": "by-hand",
        "name": "手動評価の指標",
        "unit": "%",
        "direction": "maintain",
        "measures": "online-procedures",
        "baseline": {"value": 80, "year": 2018},
        "targets": [{"year": 2026, "value": 90}],
        "actuals": [{"year": 2024, "value": 85}],
        "grade": {"grade": "behind", "reason": "調査方法の変更"},
    },
]


@pytest.fixture(params=sorted(PLANS))
def plan(request: pytest.FixtureRequest) -> Project:
    """Each shipped plan (the scaffold, and the Arao plan once it is valid)."""
    return _load(PLANS[request.param])


@pytest.fixture
def rich() -> Project:
    """The scaffold with KPIs that have zeros, qualitative targets, odd names and a manual grade."""
    return _with_kpis(_load(SCAFFOLD), RICH_KPIS)


@pytest.fixture(params=[*sorted(PLANS), "rich"])
def project(request: pytest.FixtureRequest) -> Project:
    """Every project the tests run against: the shipped plans and the rich one."""
    if request.param == "rich":
        return _with_kpis(_load(SCAFFOLD), RICH_KPIS)
    return _load(PLANS[request.param])


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def _expected(kpi: Kpi) -> list[tuple[str, int, float | None, Text | None]]:
    """A KPI's rows as the spec orders them: baseline, targets by year, actuals by year."""
    rows: list[tuple[str, int, float | None, Text | None]] = []
    if kpi.baseline is not None:
        rows.append(("baseline", kpi.baseline.year, kpi.baseline.value, None))
    for t in sorted(kpi.targets, key=lambda t: t.year):
        rows.append(("target", t.year, t.value, t.text))
    for a in sorted(kpi.actuals, key=lambda a: a.year):
        rows.append(("actual", a.year, a.value, None))
    return rows


# --- kpis.csv ----------------------------------------------------------------------------------


def test_csv_starts_with_a_bom_and_uses_crlf(project: Project) -> None:
    text = kpis_csv(project)
    assert text.startswith("\ufeffkpi_id,")
    assert text.endswith("\r\n")
    assert text.count("\r\n") >= len(project.kpis.kpis) + 1


def test_csv_header_is_the_documented_columns(project: Project) -> None:
    header = next(csv.reader(io.StringIO(kpis_csv(project).removeprefix("\ufeff"), newline="")))
    assert header == [column.name for column in COLUMNS]
    assert header[:7] == [
        "kpi_id",
        "kpi_name_ja",
        "kpi_name_en",
        "kind",
        "fiscal_year",
        "fiscal_year_label",
        "value",
    ]
    assert {"target_text_ja", "unit_ja", "unit_en", "direction", "measures"} <= set(header)


def test_csv_reads_back_every_value_of_the_model(project: Project) -> None:
    rows = _rows(kpis_csv(project))
    expected = [(kpi, row) for kpi in project.kpis.kpis for row in _expected(kpi)]
    assert len(rows) == len(expected)
    for row, (kpi, (kind, year, value, text)) in zip(rows, expected, strict=True):
        assert row["kpi_id"] == kpi.id
        assert row["kpi_name_ja"] == kpi.name.ja
        assert row["kind"] == kind
        assert int(row["fiscal_year"]) == year
        assert row["fiscal_year_label"] == era_name(year)
        assert (None if row["value"] == "" else float(row["value"])) == value
        assert row["target_text_ja"] == (text.ja if text else "")
        assert row["unit_ja"] == kpi.unit.ja
        assert row["direction"] == kpi.direction.value
        assert row["measures"] == kpi.measures


def test_csv_order_is_kpis_then_baseline_targets_actuals(rich: Project) -> None:
    rows = _rows(kpis_csv(rich))
    first = [(r["kind"], r["fiscal_year"]) for r in rows if r["kpi_id"] == "zero-and-text"]
    assert first == [
        ("baseline", "2023"),
        ("target", "2026"),
        ("target", "2027"),
        ("target", "2028"),
        ("actual", "2024"),
        ("actual", "2025"),
    ]
    assert list(dict.fromkeys(r["kpi_id"] for r in rows)) == [k["id"] for k in RICH_KPIS]


def test_qualitative_target_has_no_value_and_its_text(rich: Project) -> None:
    rows = [r for r in _rows(kpis_csv(rich)) if r["kpi_id"] == "zero-and-text"]
    (row,) = [r for r in rows if r["kind"] == "target" and r["fiscal_year"] == "2028"]
    assert row["value"] == ""
    assert row["target_text_ja"] == "2028年度末を目途に20業務を標準化"
    assert row["target_text_en"] == "20 tasks"
    (both,) = [r for r in rows if r["kind"] == "target" and r["fiscal_year"] == "2027"]
    assert (both["value"], both["target_text_ja"]) == ("12.5", "参考値")


def test_zero_stays_zero_and_blank_stays_blank(rich: Project) -> None:
    rows = [r for r in _rows(kpis_csv(rich)) if r["kpi_id"] == "zero-and-text"]
    values = {(r["kind"], r["fiscal_year"]): r["value"] for r in rows}
    assert values[("baseline", "2023")] == "0"
    assert values[("target", "2026")] == "0"
    assert values[("actual", "2024")] == "0"
    assert values[("target", "2028")] == ""
    assert values[("actual", "2025")] == "2.5"


def test_numbers_are_written_as_plain_numbers(rich: Project) -> None:
    rows = [r for r in _rows(kpis_csv(rich)) if r["kpi_id"] == "tricky"]
    assert [r["value"] for r in rows] == ["25607000000", "0.00001", "-3"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (0.0, "0"),
        (-0.0, "0"),
        (10.0, "10"),
        (2.5, "2.5"),
        (-3.0, "-3"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-05, "0.00001"),
        (25607000000.0, "25607000000"),
        (1e20, "100000000000000000000"),
    ],
)
def test_number_text(value: float | None, text: str) -> None:
    assert number_text(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_text_round_trips_without_separators_or_exponents(value: float) -> None:
    text = number_text(value)
    assert float(text) == value
    assert not any(c in text for c in ",eE ")
    assert not text.endswith(".0")


def test_csv_names_and_units_in_english(rich: Project) -> None:
    rows = {r["kpi_id"]: r for r in _rows(kpis_csv(rich))}
    assert rows["zero-and-text"]["kpi_name_en"] == "Waiting time at the counter"
    assert rows["zero-and-text"]["unit_en"] == "minutes"
    assert rows["by-hand"]["kpi_name_en"] == ""  # not translated: blank, not the Japanese
    assert rows["by-hand"]["unit_en"] == "%"  # needs no translation


def test_csv_ignores_today(rich: Project) -> None:
    assert kpis_csv(rich, datetime.date(2000, 1, 1)) == kpis_csv(rich) == kpis_csv(rich)


# --- editors' text is data ---------------------------------------------------------------------


def test_tricky_name_round_trips_exactly_everywhere(rich: Project) -> None:
    row = next(r for r in _rows(kpis_csv(rich)) if r["kpi_id"] == "tricky")
    assert row["kpi_name_ja"] == row["kpi_name_en"] == TRICKY
    kpis = {k["id"]: k for k in json.loads(kpis_json(rich))["kpis"]}
    assert kpis["tricky"]["name"]["ja"] == kpis["tricky"]["name"]["en"] == TRICKY
    plan = json.loads(plan_json(rich))
    assert plan["kpis"]["kpis"][1]["name"] == {"ja": TRICKY, "en": TRICKY, "machine": False}
    for text in (kpis_csv(rich), kpis_json(rich), plan_json(rich)):
        assert "&lt;" not in text and "&quot;" not in text and "&amp;" not in text


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
def test_any_name_round_trips(name: str) -> None:
    base = _load(SCAFFOLD)
    kpi = {"id": "any", "name": {"ja": name, "en": name}, "unit": name, "measures": "m"}
    project = _with_kpis(base, [{**kpi, "targets": [{"year": 2025, "value": 1, "text": name}]}])
    stored = project.kpis.kpis[0]
    (row,) = _rows(kpis_csv(project))
    assert row["kpi_name_ja"] == row["kpi_name_en"] or not stored.name.translated("en")
    assert row["kpi_name_ja"] == neutralise(stored.name.ja)
    assert row["unit_ja"] == neutralise(stored.unit.ja)
    assert row["target_text_ja"] == neutralise(stored.targets[0].text.ja)  # type: ignore[union-attr]
    assert not row["kpi_name_ja"].startswith(FORMULA_STARTS)
    assert json.loads(kpis_json(project))["kpis"][0]["name"]["en"] == stored.name.en
    assert json.loads(plan_json(project))["kpis"]["kpis"][0]["name"]["ja"] == stored.name.ja


# --- kpis.json ---------------------------------------------------------------------------------


def test_kpis_json_assessment_equals_progress_assess(project: Project) -> None:
    tracking = Tracking.now(project)
    document = json.loads(kpis_json(project, tracking))
    assert document["fiscal_year"] == tracking.year
    assert [k["id"] for k in document["kpis"]] == [k.id for k in project.kpis.kpis]
    for kpi, data in zip(project.kpis.kpis, document["kpis"], strict=True):
        a = assess(kpi, project.kpis.scale, tracking.year - 1)
        assert data["assessment"]["outcome"] == a.outcome.value
        assert data["assessment"]["grade"] == a.grade.id
        assert data["assessment"]["progress"] == a.progress
        assert data["assessment"]["manual"] is a.manual


def test_kpis_json_holds_the_model_values(project: Project) -> None:
    document = json.loads(kpis_json(project))
    for kpi, data in zip(project.kpis.kpis, document["kpis"], strict=True):
        assert data["name"]["ja"] == kpi.name.ja and data["name"]["en"] == kpi.name.en
        assert data["unit"]["ja"] == kpi.unit.ja
        assert data["direction"] == kpi.direction.value
        assert data["precision"] == kpi.precision
        assert data["measures"] == kpi.measures
        if kpi.baseline is None:
            assert data["baseline"] is None
        else:
            assert data["baseline"] == {"year": kpi.baseline.year, "value": kpi.baseline.value}
        targets = sorted(kpi.targets, key=lambda t: t.year)
        assert [(t["year"], t["value"]) for t in data["targets"]] == [
            (t.year, t.value) for t in targets
        ]
        actuals = sorted(kpi.actuals, key=lambda a: a.year)
        assert [(a["year"], a["value"]) for a in data["actuals"]] == [
            (a.year, a.value) for a in actuals
        ]


def test_kpis_json_manual_grade_and_metadata(rich: Project) -> None:
    document = json.loads(kpis_json(rich))
    by_hand = {k["id"]: k for k in document["kpis"]}["by-hand"]["assessment"]
    assert by_hand["manual"] is True and by_hand["grade"] == "behind"
    assert by_hand["reason"]["ja"] == "調査方法の変更"
    assert document["licence"]["id"] == "PDL-1.0"
    assert document["attribution"] == {"ja": attribution(rich, "ja"), "en": attribution(rich, "en")}
    assert [g["id"] for g in document["grades"]] == [g.id for g in rich.kpis.grades]
    kpis = {k["id"]: k for k in document["kpis"]}
    assert kpis["zero-and-text"]["baseline"]["value"] == 0
    assert kpis["zero-and-text"]["targets"][2] == {
        "year": 2028,
        "value": None,
        "text": {"ja": "2028年度末を目途に20業務を標準化", "en": "20 tasks", "machine": False},
    }


# --- plan.json ---------------------------------------------------------------------------------


def test_plan_json_validates_against_the_published_schema(project: Project) -> None:
    schema = json.loads(schemas()["project.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator.iter_errors(json.loads(plan_json(project)))
    ]
    assert errors == []


def test_plan_json_loads_back_as_the_same_project(project: Project) -> None:
    assert Project.model_validate_json(plan_json(project)) == project


def test_plan_json_is_the_model_dump(project: Project) -> None:
    assert json.loads(plan_json(project)) == project.model_dump(mode="json")
    assert "$schema" not in json.loads(plan_json(project))


# --- attribution and licence -------------------------------------------------------------------


def _with_plan(project: Project, **update: Any) -> Project:
    return project.model_copy(update={"plan": project.plan.model_copy(update=update)})


def test_attribution_names_the_city_the_plan_and_the_licence(plan: Project) -> None:
    municipality, title = plan.plan.municipality, plan.plan.title
    project = _with_plan(plan, site_url=None, licence=Licence.PDL)
    assert attribution(project, "ja") == (
        f"出典：{municipality.ja}『{title.ja}』（公共データ利用規約 第1.0版（PDL1.0））"
    )
    assert attribution(project, "en") == (
        f"Source: {municipality.get('en')}, “{title.get('en')}” (Public Data License (Version 1.0))"
    )


def test_attribution_with_site_url_and_cc_by(plan: Project) -> None:
    url = "https://dx.city.example.jp/"
    project = _with_plan(plan, site_url=url, licence=Licence.CC_BY)
    ja, en = attribution(project, "ja"), attribution(project, "en")
    assert ja.startswith("出典：") and url in ja
    assert ja.endswith("（クリエイティブ・コモンズ 表示 4.0 国際）")
    assert en.startswith("Source: ") and f", {url} " in en
    assert en.endswith("(Creative Commons Attribution 4.0 International)")
    assert json.loads(kpis_json(project))["licence"]["url"].startswith("https://creativecommons")


def test_attribution_refuses_unknown_languages(plan: Project) -> None:
    with pytest.raises(ValueError, match="unknown language"):
        attribution(plan, "fr")


# --- files -------------------------------------------------------------------------------------


def test_csvw_metadata_describes_the_csv(project: Project) -> None:
    metadata = json.loads(kpis_csv_metadata(project))
    assert metadata["@context"] == "http://www.w3.org/ns/csvw"
    assert metadata["url"] == "kpis.csv"
    assert metadata["dc:license"]["@id"].startswith("https://")
    assert {s["@value"] for s in metadata["dc:source"]} == {
        attribution(project, "ja"),
        attribution(project, "en"),
    }
    columns = metadata["tableSchema"]["columns"]
    header = next(csv.reader(io.StringIO(kpis_csv(project).removeprefix("\ufeff"))))
    assert [c["name"] for c in columns] == header
    assert all(c["titles"]["ja"] and c["titles"]["en"] for c in columns)


def test_write_data_writes_every_open_data_file(rich: Project, tmp_path: Path) -> None:
    out = tmp_path / "data"
    paths = write_data(rich, out)
    assert [str(p.relative_to(out)) for p in paths] == [
        "kpis.csv",
        "kpis.csv-metadata.json",
        "kpis.json",
        "plan.json",
        "actions.csv",
        *(f"kpis/{k.id}.csv" for k in rich.kpis.kpis),
    ]
    raw = (out / "kpis.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfkpi_id,")
    assert b"\r\n" in raw
    assert raw.decode("utf-8") == kpis_csv(rich)
    assert (out / "kpis.json").read_text(encoding="utf-8") == kpis_json(rich)
    assert (out / "plan.json").read_text(encoding="utf-8") == plan_json(rich)
    for name in ("kpis.csv-metadata.json", "kpis.json", "plan.json"):
        json.loads((out / name).read_text(encoding="utf-8"))
    assert write_data(rich, out) == paths
    assert (out / "kpis.csv").read_bytes() == raw


# --- formulas, a KPI's own CSV, actions.csv ------------------------------------------------------


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_name_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(start: str) -> None:
    name = f'{start}HYPERLINK("https://evil.example/","x")'
    base = _load(SCAFFOLD)
    kpi = {"id": "f", "name": {"ja": name, "en": name}, "unit": "%", "measures": "m"}
    project = _with_kpis(base, [{**kpi, "targets": [{"year": 2025, "value": -5}], "source": name}])
    stored = project.kpis.kpis[0]
    own = kpi_csv(stored, assess(stored, project.kpis.scale, 2024))
    for text in (kpis_csv(project), own):
        (row,) = _csv_rows(text)
        assert row["kpi_name_ja"] == "'" + name  # read back: the apostrophe, then the name
        assert row["value"] == "-5"  # a number stays a number
    (row,) = _csv_rows(own)
    assert row["source_ja"] == "'" + name


def test_a_leading_tab_or_carriage_return_is_neutralised_too() -> None:
    assert neutralise("\t=1+1") == "'\t=1+1"
    assert neutralise("\r=1+1") == "'\r=1+1"
    assert neutralise("市民=1") == "市民=1"


def test_a_kpis_own_csv_holds_its_values_notes_source_and_grade(project: Project) -> None:
    tracking = Tracking.now(project)
    for kpi in project.kpis.kpis:
        a = tracking.assessments[kpi.id]
        rows = _csv_rows(kpi_csv(kpi, a))
        general = [r for r in _rows(kpis_csv(project)) if r["kpi_id"] == kpi.id]
        assert [{k: r[k] for k in general[0]} for r in rows] == general
        assert {r["grade"] for r in rows} <= {a.grade.id}
        notes = {str(x.year): x.note.ja for x in kpi.actuals if x.note}
        for r in rows:
            if r["kind"] == "actual":
                assert r["note_ja"] == notes.get(r["fiscal_year"], "")


def test_actions_csv_lists_every_action_with_its_status_per_year() -> None:
    sample = validate(SAMPLE_CITY).project
    assert sample is not None
    tracking = Tracking.of(sample, datetime.date(2026, 11, 30), 2026)
    rows = _csv_rows(actions_csv(tracking))
    expected = []
    for p in tracking.placed():
        for r in p.action.progress or [None]:
            expected.append((p.action.id, str(r.year) if r else "", r.status.value if r else ""))
    assert [(r["action_id"], r["fiscal_year"], r["status"]) for r in rows] == expected
    assert {r["strategy_id"] for r in rows} == {s.id for s in sample.strategies.strategies}
    cashless = next(r for r in rows if r["action_id"] == "cashless" and r["fiscal_year"] == "2024")
    assert (cashless["status"], cashless["note_ja"]) == ("postponed", "機器調達の遅れ")
    assert (cashless["schedule_start"], cashless["schedule_end"]) == ("2023", "2024")
