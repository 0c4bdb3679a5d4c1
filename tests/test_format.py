"""The format has one source of truth: the models. Schemas and the README come from them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.guide import GUIDE, MISTAKES, guide
from generator.load import load_text
from generator.model.project import FILES
from generator.reference import description, glossary, models, reference
from generator.schema import schema_name, schemas
from generator.validate import validate

from .conftest import EXAMPLES, ROOT, SCAFFOLD

SHIPPED_YAML = sorted(
    base / rel
    for base in (ROOT, *EXAMPLES, SCAFFOLD)
    for rel, _, _ in FILES.values()
    if (base / rel).is_file()
)


def test_the_committed_schemas_are_up_to_date() -> None:
    for name, content in schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.is_file(), f"schemas/{name} is missing: run dxsite schema"
        assert committed.read_text(encoding="utf-8") == content, f"schemas/{name} is stale"


def test_the_readme_format_reference_is_up_to_date() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert reference() in readme, "the README's format reference is stale: run dxsite schema"
    assert glossary() in readme, "the README's glossary is stale: run dxsite schema"


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_yaml_file_names_its_schema_on_line_1(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    rel = path.relative_to(ROOT).as_posix()
    project = next(base for base in (SCAFFOLD, *EXAMPLES, ROOT) if path.is_relative_to(base))
    in_project = path.relative_to(project).as_posix()
    expected = next(schema_name(r) for r, _, _ in FILES.values() if r == in_project)
    assert first.startswith("# yaml-language-server: $schema="), rel
    target = (path.parent / first.split("=", 1)[1]).resolve()
    assert (
        target == (ROOT / "schemas" / expected).resolve()
        or target == (project / "schemas" / expected).resolve()
    ), f"{rel} points at {target}"


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_yaml_file_validates_against_its_json_schema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    project = next(base for base in (SCAFFOLD, *EXAMPLES, ROOT) if path.is_relative_to(base))
    in_project = path.relative_to(project).as_posix()
    name = next(schema_name(r) for r, _, _ in FILES.values() if r == in_project)
    schema = json.loads(schemas()[name])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_the_arao_plan_is_encoded_completely() -> None:
    project = validate(ROOT).project
    assert project is not None
    strategies = project.strategies.strategies
    assert [s.name.ja for s in strategies] == ["暮らしのDX", "産業のDX", "行政のDX"]
    assert [len(s.measures) for s in strategies] == [4, 3, 4]
    assert sum(len(c.guidelines) for c in project.guidelines.categories) == 9
    assert len(project.guidelines.categories) == 3
    actions = [a for s in strategies for m in s.measures for a in m.actions]
    assert len(actions) == 6
    assert all(a.schedule and (a.schedule.start, a.schedule.end) == (2022, 2025) for a in actions)
    kpis = {k.id: k for k in project.kpis.kpis}
    assert len(kpis) == 3
    values = [
        (
            k.baseline.value if k.baseline else None,
            k.baseline.year if k.baseline else None,
            k.targets[0].value,
            k.targets[0].year,
        )
        for k in kpis.values()
    ]
    assert values == [(None, None, 80, 2025), (25046, 2018, 25607, 2023), (2.7, 2020, 100, 2025)]
    assert all(k.rationale for k in kpis.values())
    roles = {r.id: r for r in project.governance.roles}
    assert roles["cio"].holder is not None and roles["cio"].holder.ja == "副市長"
    assert {"cio", "cio-adviser", "digital-officer"} <= set(roles)
    assert project.plan.period.start == 2022 and project.plan.period.end == 2025
    assert len(project.chapters) == 3 and all(c.en for c in project.chapters)


YAML_TEXT = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_loads_cleanly_or_with_located_errors(source: str) -> None:
    doc, diagnostics = load_text(source, "random.yaml")
    assert doc is not None or diagnostics
    assert all(d.line >= 1 and d.col >= 1 and d.path == "random.yaml" for d in diagnostics)


def _mutations() -> st.SearchStrategy[tuple[Path, int, int, str]]:
    return st.tuples(
        st.sampled_from([p for p in SHIPPED_YAML if p.is_relative_to(SCAFFOLD)]),
        st.integers(min_value=0, max_value=2000),
        st.integers(min_value=0, max_value=40),
        st.text(alphabet=st.sampled_from(list(":-{}[]&*!|>'\"#% \t\n\u3000あ0１")), max_size=6),
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_mutations(), YAML_TEXT)
def test_random_mutations_of_the_shipped_files_give_a_plan_or_located_errors(
    tmp_path_factory: pytest.TempPathFactory, mutation: tuple[Path, int, int, str], value: object
) -> None:
    from .conftest import copy_project

    path, at, cut, insert = mutation
    project = copy_project(SCAFFOLD, tmp_path_factory.mktemp("mutant"))
    target = project / path.relative_to(SCAFFOLD)
    text = target.read_text(encoding="utf-8")
    at %= len(text) + 1
    target.write_text(text[:at] + insert + text[at + cut :], encoding="utf-8")
    if insert == "":
        data = yaml.safe_load(text)
        if isinstance(data, dict):
            data[next(iter(data))] = value
            target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = validate(project)
    assert result.project is not None or result.diagnostics
    assert all(d.line >= 1 and d.col >= 1 for d in result.diagnostics)


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_fast_and_the_pure_python_parser_agree_on_values_and_positions(path: Path) -> None:
    from generator import load

    text = path.read_text(encoding="utf-8")
    fast, fast_problems, _ = load._compose(load._fast_parser(text), text, "f.yaml", events=True)
    slow, slow_problems, _ = load._compose(load._Loader(text), text, "f.yaml")
    assert fast is not None and slow is not None
    in_order = [list(d.values.items()) + list(d.keys.items()) for d in (fast, slow)]
    assert (fast.data, in_order[0]) == (slow.data, in_order[1])
    assert fast_problems == slow_problems == []


def test_the_editors_guide_is_up_to_date_with_the_models_and_the_messages() -> None:
    committed = (ROOT / GUIDE).read_text(encoding="utf-8")
    assert committed == guide(), f"{GUIDE} is stale: run dxsite schema"


def test_the_editors_guide_lists_every_file_and_field_and_each_mistakes_message() -> None:
    text = (ROOT / GUIDE).read_text(encoding="utf-8")
    for rel, model, _ in FILES.values():
        assert f"### `{rel}`" in text, rel
        for inner in models(model, []):
            assert f"#### {inner.__name__}\n" in text, inner.__name__
            for name in inner.model_fields:
                assert f"| `{name}` |" in text, (inner.__name__, name)
    for mistake in MISTAKES:
        section = text.split(f"### {mistake.title}\n", 1)[1].split("\n### ", 1)[0]
        assert f"{mistake.rel}:" in section or "検査を通ってしまいます" in section, mistake.title


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _documented() -> list[tuple[str, str | None]]:
    """(model, docstring) for every model of the format and (model.field, docstring) for its
    fields."""
    found: list[tuple[str, str | None]] = []
    for _, model, _ in FILES.values():
        for inner in models(model, []):
            found.append((inner.__name__, inner.__doc__))
            found += [
                (f"{inner.__name__}.{n}", f.description) for n, f in inner.model_fields.items()
            ]
    return found


@pytest.mark.parametrize(("where", "doc"), _documented(), ids=[w for w, _ in _documented()])
def test_every_model_and_field_is_described_in_english_and_in_japanese(
    where: str, doc: str | None
) -> None:
    english, japanese = description(doc, "en"), description(doc, "ja")
    assert english and not english.startswith("ja:"), where
    assert JAPANESE.search(japanese), where


def _descriptions(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for item in node for d in _descriptions(item)]
    return []


@pytest.mark.parametrize("rel", [rel for rel, _, _ in FILES.values()])
def test_every_hint_of_an_editors_schema_is_in_english_and_in_japanese(rel: str) -> None:
    schema = json.loads(schemas()[schema_name(rel)])
    for found in _descriptions(schema):
        english, _, japanese = found.partition("\n\nja: ")
        assert english and "\n" not in english and JAPANESE.search(japanese), found


def test_the_editors_guide_describes_the_fields_in_japanese_and_the_readme_in_english() -> None:
    kpi = next(m for m in models(FILES["kpis"][1], []) if m.__name__ == "Kpi")
    owner = kpi.model_fields["owner"].description
    guide_text = (ROOT / GUIDE).read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert description(owner, "ja") == (
        "実績値を報告する担当課。`dxsite collect` はこの数値目標をこの課の Excel ファイルに"
        "入れます。"
    )
    assert f"| {description(owner, 'ja')} |" in guide_text
    assert description(owner, "ja") not in readme and f"| {description(owner)} |" in readme
    assert description(owner) not in guide_text
    kpis = json.loads((ROOT / "schemas" / "kpis.schema.json").read_text(encoding="utf-8"))
    assert kpis["$defs"]["Kpi"]["properties"]["owner"]["description"] == (
        f"{description(owner)}\n\nja: {description(owner, 'ja')}"
    )


def test_the_japanese_readme_gives_the_two_commands_and_the_editors_yearly_workflow() -> None:
    text = (ROOT / "README.ja.md").read_text(encoding="utf-8")
    assert "./run build" in text and "./run test" in text
    steps = ["dxsite collect", "各課が記入", "dxsite import", "プルリクエスト", "プレビュー"]
    steps += ["マージ", "年次報告"]
    where = [text.index(step) for step in steps]
    assert where == sorted(where), "the workflow's steps are in order"
    assert "docs/editing.ja.md" in text
