"""A build reads back the plan files it parsed last time where their text is the same
(generator/parsed.py): the same values and positions as a fresh parse, never a kept file it did
not write itself, never a file with a finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.stage import change_one_value
from benchmarks.synthetic import write_plan
from generator import cli, load
from generator.load import load_yaml
from generator.model.project import FILES
from generator.parsed import Parsed
from generator.validate import validate
from tests.conftest import EXAMPLES, ROOT, copy_project
from tests.test_incremental import digest

PLANS = {"shipped": ROOT, **{p.name: p for p in EXAMPLES}}


def _read_back(
    project: Path, files: list[str], work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep `files` as a build does, then read them back (no parse allowed) and compare them
    with a fresh parse."""
    first = Parsed(work)
    for rel in files:
        first.load(project / rel, rel)
    first.save()
    again = Parsed(work)
    with monkeypatch.context() as patched:
        patched.setattr(load, "load_text", lambda *_: pytest.fail("parsed again"))
        kept = {rel: again.load(project / rel, rel) for rel in files}
    for rel, (doc, findings) in kept.items():
        fresh, _ = load_yaml(project / rel, rel)
        assert doc == fresh and not findings, rel
        assert doc is not None and fresh is not None
        assert list(doc.values.items()) == list(fresh.values.items()), rel
        assert list(doc.keys.items()) == list(fresh.keys.items()), rel


@pytest.mark.parametrize("plan", PLANS)
def test_a_file_read_back_has_the_values_and_positions_of_a_fresh_parse(
    plan: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = PLANS[plan]
    _read_back(
        project,
        [rel for rel, _, _ in FILES.values() if (project / rel).is_file()],
        tmp_path,
        monkeypatch,
    )


def test_dates_lists_numbers_and_texts_come_back_as_they_were_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.yaml").write_text(
        "a: 2024-04-01\nb: [1, 2.5, -0.0, 1e3, true, null, '2024-04-01']\n"
        "c:\n  - {d: 令和6年度, e: [2025-03-31, {f: ''}]}\n  - |\n    二行の\n    テキスト\n"
        "g: {}\nh: []\n",
        encoding="utf-8",
    )
    _read_back(tmp_path, ["x.yaml"], tmp_path / "work", monkeypatch)


def _kept_once(project: Path, work: Path) -> Path:
    parsed = Parsed(work)
    parsed.load(project / "kpis.yaml", "kpis.yaml")
    parsed.save()
    return next((work / "parsed").iterdir())


def test_a_kept_file_written_by_anything_but_the_build_is_not_read(tmp_path: Path) -> None:
    """A kept file committed to the repository or edited by hand (a stat the record does not
    hold) is parsed again, whatever it claims."""
    kept = _kept_once(ROOT, tmp_path)
    forged = json.loads(kept.read_text(encoding="utf-8"))
    forged["data"]["kpis"][0]["name"] = "<script>forged</script>"
    kept.write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
    doc, _ = Parsed(tmp_path).load(ROOT / "kpis.yaml", "kpis.yaml")
    assert doc == load_yaml(ROOT / "kpis.yaml", "kpis.yaml")[0]


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "arao")
    _kept_once(project, tmp_path / "work")
    change_one_value(project / "kpis.yaml", 1)
    doc, _ = Parsed(tmp_path / "work").load(project / "kpis.yaml", "kpis.yaml")
    assert doc == load_yaml(project / "kpis.yaml", "kpis.yaml")[0]


def test_a_file_with_a_finding_is_never_kept(tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text("a: 1\na: 2\n", encoding="utf-8")
    parsed = Parsed(tmp_path / "work")
    _, findings = parsed.load(source, "x.yaml")
    parsed.save()
    assert findings and not (tmp_path / "work" / "parsed").exists()
    assert Parsed(tmp_path / "work").load(source, "x.yaml")[1] == findings


def test_a_build_keeps_the_parse_and_a_rebuild_gives_the_site_of_a_clean_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")
    project = write_plan("M", tmp_path / "m")
    assert cli.main(["build", "-q", str(project)]) == 0
    kept = {p.name for p in (project / ".dxsite" / "parsed").iterdir()}
    assert {"kpis.yaml.json", "plan__strategies.yaml.json"} <= kept
    change_one_value(project / "kpis.yaml", 1)
    assert cli.main(["build", "-q", str(project)]) == 0
    clean = copy_project(project, tmp_path / "clean")
    assert cli.main(["build", "-q", str(clean)]) == 0
    assert digest(project / "site") == digest(clean / "site")


def test_check_keeps_nothing(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "arao")
    assert cli.main(["check", str(project)]) == 0
    assert not (project / ".dxsite" / "parsed").exists()
    assert validate(project).project is not None
