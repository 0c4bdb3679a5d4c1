"""Pages a rebuild does not render again (generator/render/memo.py): after one KPI value changes,
only the pages showing that KPI are rendered; after any change, the site is byte-identical to a
clean build of the same sources."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import re
from pathlib import Path

import pytest

from benchmarks.synthetic import SIZES, generate
from generator import cli
from generator.render import layout, memo, pages
from generator.report import ActionLine
from generator.tracking import Placed
from generator.validate import validate
from tests.conftest import ROOT
from tests.test_incremental import EPOCH, KPI, city, clean_build, digest, edit

__all__ = ["city"]  # the fixture, shared with test_incremental

CITY = ROOT / "examples" / "sample-city"


@pytest.fixture(scope="module")
def project() -> object:
    plan = validate(CITY).project
    assert plan is not None
    return plan


def rendered_pages(log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Log every page rendered from a template, as `lang template path` (the build renders
    English in a child process, which appends to the same file)."""
    render = pages.PageRenderer.render

    def logged(self: pages.PageRenderer, template: str, path: str, **kwargs: object) -> str:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{self.lang} {template} {path}\n")
        return render(self, template, path, **kwargs)

    monkeypatch.setattr(pages.PageRenderer, "render", logged)


def test_after_one_kpi_value_only_the_pages_showing_that_kpi_are_rendered_again(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "rendered"
    rendered_pages(log, monkeypatch)
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(city)]) == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    kpi_pages = [line for line in lines if " kpi.md.j2 " in line]
    assert sorted(kpi_pages) == [f"en kpi.md.j2 kpis/{KPI}.md", f"ja kpi.md.j2 kpis/{KPI}.md"]
    measure_pages = {line.split()[2] for line in lines if " measure.md.j2 " in line}
    assert measure_pages <= {"strategies/life/online.md"}, measure_pages
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


@pytest.fixture
def uneven(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The benchmark's M-uneven plan (pages per measure; its lists paged at 20 items, so that
    the KPIs' lists are paged too), built once, every page its build rendered logged in
    `first` beside it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(layout, "LIST_LIMIT", 20)
    root = generate(SIZES["M-uneven"], tmp_path / "uneven")
    with monkeypatch.context() as logging:
        rendered_pages(tmp_path / "first", logging)
        assert cli.main(["build", str(root)]) == 0
    return root


def kinds(log: Path) -> dict[str, set[str]]:
    """The pages in `log` by template."""
    found: dict[str, set[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        lang, template, path = line.split()
        found.setdefault(template, set()).add(f"{lang} {path}")
    return found


def change_the_actuals(root: Path) -> str:
    """Multiply every actual of the first KPI of a measure with a page of its own by ten; the
    KPI's id."""
    project = validate(root).project
    assert project is not None
    split = [s for s in project.strategies.strategies if layout.is_split(s)]
    kpi = next(
        k
        for k in project.kpis.kpis
        if k.actuals and k.measures in {m.id for s in split for m in s.measures}
    )
    path = root / "kpis.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  actuals:", text.index(f"- id: {kpi.id}\n"))
    end = re.compile(r"\n  [a-z_]+:|\n- ").search(text, start + 1)
    assert end is not None
    actuals = re.sub(
        r"value: ([0-9.]+)",
        lambda m: f"value: {float(m.group(1)) * 10:.1f}",
        text[start : end.start()],
    )
    path.write_text(text[:start] + actuals + text[end.start() :], encoding="utf-8")
    return kpi.id


def test_in_a_large_plan_one_kpi_value_renders_again_only_its_measure_and_list_pages(
    uneven: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered_pages(tmp_path / "again", monkeypatch)
    kpi = change_the_actuals(uneven)
    assert cli.main(["build", str(uneven)]) == 0
    first, again = kinds(tmp_path / "first"), kinds(tmp_path / "again")
    assert again["kpi.md.j2"] == {f"ja kpis/{kpi}.md", f"en kpis/{kpi}.md"}
    assert len(first["kpi.md.j2"]) > 100
    assert len(again["measure.md.j2"]) == 2 < len(first["measure.md.j2"])
    lists = {page.split()[1] for page in again.get("list.md.j2", ())}
    assert 0 < len(lists) < len(first["list.md.j2"]) / 10, lists
    assert digest(uneven / "site") == digest(clean_build(uneven, tmp_path / "clean"))


def test_in_a_large_plan_a_changed_status_rebuilds_to_a_clean_builds_site(
    uneven: Path, tmp_path: Path
) -> None:
    edit(uneven / "plan/strategies.yaml", "status: in-progress", "status: postponed")
    assert cli.main(["build", str(uneven)]) == 0
    assert digest(uneven / "site") == digest(clean_build(uneven, tmp_path / "clean"))


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("kpis.yaml", "{value: 50, year: 令和5年度}", "{value: 60, year: 令和5年度}"),
        ("kpis.yaml", "baseline: {value: 2.7,", "baseline: {value: 3.1,"),
        ("kpis.yaml", "      - {year: 令和7年度, value: 100}\n", ""),
        ("kpis.yaml", "行政手続のオンライン化率", "行政手続のオンライン申請率"),
        ("kpis.yaml", "    measures: online\n", "    measures: card\n"),
        ("plan/strategies.yaml", "status: planned}", "status: postponed}"),
        ("plan/strategies.yaml", "窓口のキャッシュレス決済", "窓口のキャッシュレス支払い"),
    ],
    ids=["target", "baseline", "actual removed", "kpi name", "kpi moved", "status", "action"],
)
def test_after_any_change_a_rebuild_equals_a_clean_build(
    city: Path, tmp_path: Path, file: str, old: str, new: str
) -> None:
    edit(city / file, old, new)
    assert cli.main(["build", str(city)]) == 0
    clean = clean_build(city, tmp_path / "clean")
    assert digest(city / ".dxsite/docs") == digest(clean.parent / ".dxsite/docs")
    assert digest(city / "site") == digest(clean)


@pytest.mark.parametrize(
    "changed", [f"docs/en/kpis/{KPI}/index.md", f"blocks/ja/kpis/{KPI}/index.html.json"]
)
def test_a_kept_page_whose_files_were_changed_by_hand_is_rendered_again(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: str
) -> None:
    path = city / ".dxsite" / changed
    path.write_text(path.read_text(encoding="utf-8").replace("a", "b"), encoding="utf-8")
    log = tmp_path / "rendered"
    rendered_pages(log, monkeypatch)
    assert cli.main(["build", str(city)]) == 0
    lang = changed.split("/")[1]
    assert f"{lang} kpi.md.j2 kpis/{KPI}.md" in log.read_text(encoding="utf-8").splitlines()
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


@pytest.mark.parametrize("record", ["{", "[]", '{"kpis/online-rate.md": ["0", "x"]}'])
def test_a_record_of_keys_not_as_a_build_wrote_it_renders_the_pages_again(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record: str
) -> None:
    (city / ".dxsite/blocks/ja.keys.json").write_text(record, encoding="utf-8")
    log = tmp_path / "rendered"
    rendered_pages(log, monkeypatch)
    assert cli.main(["build", str(city)]) == 0
    assert f"ja kpi.md.j2 kpis/{KPI}.md" in log.read_text(encoding="utf-8").splitlines()
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def memo_at(tmp_path: Path, context: str = "context") -> memo.Memo:
    return memo.Memo(tmp_path / "keys.json", context)


def test_a_page_with_the_recorded_key_is_kept_without_rendering(tmp_path: Path) -> None:
    renders: list[str] = []

    def render() -> str:
        renders.append("rendered")
        return '---\ntitle: "A"\n---\n# A\n'

    first = memo_at(tmp_path)
    assert first.page("a.md", ("input",), render) == render()
    first.save()
    kept = memo_at(tmp_path).page("a.md", ("input",), render)
    assert isinstance(kept, memo.Kept) and kept.head == '---\ntitle: "A"'
    assert memo.content(kept) == render()
    assert renders == ["rendered"] * 4


@pytest.mark.parametrize(
    ("context", "inputs", "path"),
    [("other", ("input",), "a.md"), ("context", ("changed",), "a.md"), ("context", (1,), "b.md")],
)
def test_another_context_input_or_path_renders_the_page(
    tmp_path: Path, context: str, inputs: tuple[object, ...], path: str
) -> None:
    first = memo_at(tmp_path)
    first.page("a.md", ("input",), lambda: "page")
    first.save()
    assert memo_at(tmp_path, context).page(path, inputs, lambda: "page") == "page"


def test_a_page_from_a_value_without_a_sure_fingerprint_is_rendered_every_time(
    tmp_path: Path,
) -> None:
    for _ in range(2):
        keys = memo_at(tmp_path)
        assert keys.page("a.md", (lambda: 1,), lambda: "page") == "page"
        keys.save()
    assert json.loads((tmp_path / "keys.json").read_text(encoding="utf-8")) == {}


def test_a_kpis_fingerprint_changes_with_each_of_its_figures(project: object) -> None:
    kpi = next(k for k in project.kpis.kpis if k.id == KPI)  # type: ignore[attr-defined]
    changes = [{"baseline": None}, {"targets": kpi.targets[:1]}, {"actuals": kpi.actuals[:1]}]
    seen = {memo.Fingerprints().of(kpi)}
    seen |= {memo.Fingerprints().of(kpi.model_copy(update=change)) for change in changes}
    assert len(seen) == 1 + len(changes)


def test_the_context_leaves_out_only_the_kpis_figures(project: object) -> None:
    today = datetime.date(2026, 11, 30)
    base = memo.context(project, "ja", today, 2026)  # type: ignore[arg-type]
    kpis = project.kpis  # type: ignore[attr-defined]
    first = kpis.kpis[0]
    figures = first.model_copy(update={"actuals": [], "targets": first.targets[:1]})
    renamed = first.model_copy(update={"precision": first.precision + 1})
    for kpi, same in ((figures, True), (renamed, False)):
        changed = project.model_copy(  # type: ignore[attr-defined]
            update={"kpis": kpis.model_copy(update={"kpis": [kpi, *kpis.kpis[1:]]})}
        )
        assert (memo.context(changed, "ja", today, 2026) == base) is same
    assert memo.context(project, "en", today, 2026) != base  # type: ignore[arg-type]
    assert memo.context(project, "ja", today, 2027) != base  # type: ignore[arg-type]


def test_an_item_of_the_plan_is_known_by_its_id_a_line_by_what_it_is_computed_from(
    project: object,
) -> None:
    strategy = project.strategies.strategies[0]  # type: ignore[attr-defined]
    measure = strategy.measures[0]
    action = measure.actions[0]
    prints = memo.Fingerprints()
    assert prints.of(strategy) == f"Strategy#{strategy.id}"
    line = ActionLine(Placed(strategy, measure, action), "done", None, False, False, None, None)
    other = dataclasses.replace(line, status="delayed")
    assert prints.of(line) == memo.Fingerprints().of(other)  # both computed from the action
    write = functools.partial(pages.Rows.report_kpis, year=2025)
    assert prints.of(write) != prints.of(functools.partial(pages.Rows.report_kpis, year=2024))
