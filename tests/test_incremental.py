"""Incremental builds: after one KPI value changes, a second build (as `dxsite serve` runs it)
rebuilds only the pages that depend on it, and its site is byte-identical to a clean build of
the same sources; a new page, a changed mkdocs.yml or theme makes it build from scratch, with
the same result."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import blocks, cli, engines, incremental
from tests.conftest import ROOT, copy_project

EPOCH = "1796000000"  # 2026-11-30: the sample city's data runs to FY2025
CITY = ROOT / "examples" / "sample-city"
KPI = "online-rate"


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file's inode and modification time: both change when the file is written again."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample city, built once; SOURCE_DATE_EPOCH fixed for every later build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = copy_project(CITY, tmp_path / "city")
    assert cli.main(["build", str(project)]) == 0
    return project


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each MkDocs run from now on was a dirty one."""
    runs: list[bool] = []
    run = engines.run

    def recorded(*args: Any, dirty: bool = False, **kwargs: Any) -> None:
        runs.append(dirty)
        run(*args, dirty=dirty, **kwargs)

    monkeypatch.setattr(engines, "run", recorded)
    return runs


def clean_build(project: Path, target: Path) -> Path:
    """The site of a fresh copy of `project`'s sources, built with nothing kept from before."""
    copy = copy_project(project, target)
    assert cli.main(["build", str(copy)]) == 0
    return copy / "site"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_changed_actual_rebuilds_only_its_pages_and_equals_a_clean_build(
    city: Path, builds: list[bool], tmp_path: Path
) -> None:
    output, finished = city / ".dxsite/build/mkdocs", city / ".dxsite/build/site"
    before, finished_before = stats(output), stats(finished)
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(city)]) == 0
    assert builds == [True]
    after = stats(output)
    assert set(after) == set(before)
    pages = [rel for rel in after if rel.endswith(".html")]
    rewritten = [rel for rel in pages if after[rel] != before[rel]]
    assert f"ja/kpis/{KPI}/index.html" in rewritten and f"en/kpis/{KPI}/index.html" in rewritten
    assert len(rewritten) < len(pages) / 3, rewritten
    # the pages MkDocs did not rewrite were not finished (CSP, phrase breaks) again either
    kept = [rel.removeprefix("ja/") for rel in pages if rel not in rewritten]
    finished_after = stats(finished)
    assert all(finished_after[rel] == finished_before[rel] for rel in kept if rel in finished_after)
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def test_a_new_kpi_builds_from_scratch_and_equals_a_clean_build(
    city: Path, builds: list[bool], tmp_path: Path
) -> None:
    kpis = city / "kpis.yaml"
    text = kpis.read_text(encoding="utf-8")
    start = text.index(f"  - id: {KPI}")
    block = text[start : text.index("  - id: ", start + 1)]
    kpis.write_text(text + block.replace(f"id: {KPI}", "id: online-rate-copy"), encoding="utf-8")
    assert cli.main(["build", str(city)]) == 0
    assert builds == [False]
    assert (city / "site/kpis/online-rate-copy/index.html").is_file()
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


@pytest.mark.parametrize("changed", ["mkdocs.yml", "theme"])
def test_a_changed_config_or_theme_builds_from_scratch_and_equals_a_clean_build(
    city: Path, builds: list[bool], tmp_path: Path, changed: str
) -> None:
    if changed == "mkdocs.yml":
        edit(city / "mkdocs.yml", "    - navigation.top\n", "")
    else:
        edit(city / "theme/main.html", "{% block", "{# changed #}{% block")
    assert cli.main(["build", str(city)]) == 0
    assert builds == [False]
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def test_a_published_page_changed_in_place_does_not_reach_the_next_build(
    city: Path, tmp_path: Path
) -> None:
    """The published site shares its files with the kept output (hard links): a tool that
    rewrites one in place changes the kept copy too, and the next build notices."""
    for rel in ("index.html", "assets/stylesheets/dxsite.css"):
        with open(city / "site" / rel, "r+b") as file:
            file.write(b"<!-- tampered -->")
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(city)]) == 0
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def test_without_hard_links_the_site_is_copied_and_the_same(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(*_: object) -> None:
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(incremental.os, "link", cannot)
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(city)]) == 0
    assert (city / "site/index.html").stat().st_nlink == 1
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def test_a_failed_incremental_build_leaves_the_site_and_the_next_build_is_right(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(city / "site")
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    monkeypatch.setattr(incremental.postprocess, "finish_page", lambda *_: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        cli.main(["build", str(city)])
    assert digest(city / "site") == before
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert cli.main(["build", str(city)]) == 0
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def test_a_rebuild_splits_again_only_the_pages_whose_markdown_changed(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, split = tmp_path / "splits", blocks.split

    def counted(page: str) -> tuple[str, blocks.Blocks]:
        with calls.open("a", encoding="utf-8") as log:  # the build's child writes it
            log.write("split\n")
        return split(page)

    monkeypatch.setattr(blocks, "split", counted)
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(city)]) == 0
    docs = city / ".dxsite/docs"
    generated = [p for p in docs.rglob("*.md") if "chapters" not in p.relative_to(docs).parts]
    splits = len(calls.read_text(encoding="utf-8").splitlines())
    assert 0 < splits < len(generated) / 3, (splits, len(generated))
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


@pytest.mark.parametrize(
    "changed", ["docs/ja/kpis/index.md", f"blocks/en/kpis/{KPI}/index.html.json", "blocks/ja.json"]
)
def test_a_generated_page_its_kept_blocks_or_their_record_changed_by_hand_is_written_again(
    city: Path, tmp_path: Path, changed: str
) -> None:
    path = city / ".dxsite" / changed
    path.write_text(path.read_text(encoding="utf-8").replace("a", "b"), encoding="utf-8")
    assert cli.main(["build", str(city)]) == 0
    clean = clean_build(city, tmp_path / "clean")
    assert digest(city / ".dxsite/docs") == digest(clean.parent / ".dxsite/docs")
    assert digest(city / "site") == digest(clean)


def test_a_clean_build_finishes_each_language_in_a_process_of_its_own_a_rebuild_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = copy_project(CITY, tmp_path / "city")
    finish_page, log = incremental.postprocess.finish_page, tmp_path / "finished"

    def recorded(page: str, name: str) -> str:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return finish_page(page, name)

    monkeypatch.setattr(incremental.postprocess, "finish_page", recorded)

    def processes() -> int:
        found = set(log.read_text(encoding="utf-8").split())
        log.unlink()
        return len(found)

    assert cli.main(["build", str(project)]) == 0
    assert processes() == 2
    edit(project / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(project)]) == 0
    assert processes() == 1
    assert digest(project / "site") == digest(clean_build(project, tmp_path / "clean"))


SPARE = ".dxsite-build-site"


def links(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files linked (or copied) into the site folder from now on, in this process."""
    made: list[str] = []
    link = incremental._link_or_copy

    def counted(source: Path | str, target: Path | str) -> None:
        made.append(str(target))
        link(source, target)

    monkeypatch.setattr(incremental, "_link_or_copy", counted)
    return made


def test_a_rebuild_brings_the_spare_site_up_to_date_instead_of_linking_every_file(
    city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not (city / SPARE).exists()  # the first build had no site to replace
    assert cli.main(["build", str(city)]) == 0
    assert (city / SPARE / "index.html").is_file()  # the site the second build replaced
    made = links(monkeypatch)
    edit(city / "kpis.yaml", "value: 78.9}", "value: 81.4}")
    assert cli.main(["build", str(city)]) == 0
    files = [p for p in (city / "site").rglob("*") if p.is_file()]
    assert 0 < len(made) < len(files) / 5, (len(made), len(files))
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))


def test_whatever_the_spare_site_holds_the_site_is_a_clean_builds(
    city: Path, tmp_path: Path
) -> None:
    assert cli.main(["build", str(city)]) == 0
    spare, outside = city / SPARE, tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (spare / "index.html").unlink()
    (spare / "index.html").symlink_to(outside / "secret.txt")
    (spare / "kpis/index.html").unlink()
    os.link(outside / "secret.txt", spare / "kpis/index.html")  # a hard link to a file outside
    (spare / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    shutil.rmtree(spare / "assets")
    (spare / "assets").symlink_to(outside, target_is_directory=True)
    shutil.rmtree(spare / "en/methodology")
    (spare / "en/methodology").write_text("a file where a folder was", encoding="utf-8")
    assert cli.main(["build", str(city)]) == 0
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))
    assert not [p for p in (city / "site").rglob("*") if p.is_symlink()]
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]
    assert (outside / "secret.txt").read_text(encoding="utf-8") == "secret"


@pytest.mark.parametrize("kind", ["link to a folder", "file"])
def test_a_spare_site_that_is_not_a_folder_is_removed_and_what_it_named_is_untouched(
    city: Path, tmp_path: Path, kind: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "index.html").write_text("outside", encoding="utf-8")
    if kind == "file":
        (city / SPARE).write_text("not a site", encoding="utf-8")
    else:
        (city / SPARE).symlink_to(outside, target_is_directory=True)
    assert cli.main(["build", str(city)]) == 0
    assert (city / SPARE).is_dir() and not (city / SPARE).is_symlink()
    assert [p.name for p in outside.iterdir()] == ["index.html"]
    assert (outside / "index.html").read_text(encoding="utf-8") == "outside"
    assert digest(city / "site") == digest(clean_build(city, tmp_path / "clean"))
