"""Hostile paths: a pull request can commit symbolic links and pick the site folder; dxsite never
reads, writes or deletes anything outside the project, and replaces only the site it wrote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator import messages, paths
from tests.conftest import Run

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project that the build must leave exactly as it is."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "precious.txt").write_text("keep me\n", encoding="utf-8")
    (folder / "secret.css").write_text("TOKEN=abc123\n", encoding="utf-8")
    return folder


def untouched(folder: Path) -> bool:
    return (
        sorted(p.name for p in folder.iterdir()) == ["precious.txt", "secret.css"]
        and (folder / "precious.txt").read_text(encoding="utf-8") == "keep me\n"
    )


def refused(dxsite: Run, project: Path, message: str, *args: str) -> str:
    code, out = dxsite("build", str(project), *args)
    assert code != 0, out
    assert message in out
    assert "Traceback" not in out
    return out


def test_a_site_folder_that_is_a_link_out_of_the_project_is_refused_and_its_target_kept(
    scaffold: Path, outside: Path, dxsite: Run
) -> None:
    (scaffold / "site").symlink_to(outside)
    refused(dxsite, scaffold, "site: a symbolic link; dxsite writes the site into a real folder")
    assert untouched(outside)


def test_a_refused_path_is_explained_in_the_editors_language(
    scaffold: Path, outside: Path, dxsite: Run
) -> None:
    shutil.rmtree(scaffold / "theme")
    (scaffold / "theme").symlink_to(outside)
    try:
        said = f"theme: プロジェクトの外（{outside}）へのシンボリックリンクです: "
        refused(dxsite, scaffold, said, "--lang", "ja")
        said = f"theme: a symbolic link to {outside}, outside the project: "
        refused(dxsite, scaffold, said, "--lang", "en")
    finally:
        messages.use(None)  # --lang chose the language for this process
    assert untouched(outside)


@pytest.mark.parametrize(
    "link",
    [
        ".dxsite",
        ".dxsite/docs/ja",
        ".dxsite/blocks/ja",
        ".dxsite/mkdocs.ja.yml",
        ".dxsite/parsed",
        ".dxsite/parsed.json",
    ],
)
def test_a_work_folder_holding_a_link_out_of_the_project_is_refused_and_its_target_kept(
    scaffold: Path, outside: Path, dxsite: Run, link: str
) -> None:
    (scaffold / link).parent.mkdir(parents=True, exist_ok=True)
    target = outside / "precious.txt" if link.endswith((".yml", ".json")) else outside
    (scaffold / link).symlink_to(target)
    refused(dxsite, scaffold, f"{link}: a symbolic link")
    assert untouched(outside)


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("theme/leak.txt", "secret.css"),
        ("theme/assets/x.css", "secret.css"),
        ("theme/main.html", "secret.css"),
        ("theme/linked", "."),
    ],
)
def test_a_theme_file_or_folder_linked_out_of_the_project_is_refused_not_published(
    scaffold: Path, outside: Path, dxsite: Run, link: str, target: str
) -> None:
    path = scaffold / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.symlink_to(outside / target)
    refused(dxsite, scaffold, f"{link}: a symbolic link to {outside}")
    assert not (scaffold / "site").exists()


def test_a_theme_that_is_a_link_out_of_the_project_is_refused(
    scaffold: Path, outside: Path, dxsite: Run
) -> None:
    shutil.rmtree(scaffold / "theme")
    (scaffold / "theme").symlink_to(outside)
    refused(dxsite, scaffold, f"theme: a symbolic link to {outside}, outside the project")


def test_a_theme_link_into_git_is_refused(scaffold: Path, dxsite: Run) -> None:
    (scaffold / ".git").mkdir()
    (scaffold / ".git/config").write_text("[http] extraheader = TOKEN\n", encoding="utf-8")
    (scaffold / "theme/config.txt").symlink_to("../.git/config")
    refused(dxsite, scaffold, "theme/config.txt: a symbolic link into .git")


def test_a_theme_link_loop_is_a_located_message(scaffold: Path, dxsite: Run) -> None:
    (scaffold / "theme/loop.css").symlink_to("loop.css")
    refused(dxsite, scaffold, "theme/loop.css: a symbolic link loop")


def test_mkdocs_yml_linked_out_of_the_project_is_refused(
    scaffold: Path, outside: Path, dxsite: Run
) -> None:
    (scaffold / "mkdocs.yml").unlink()
    (scaffold / "mkdocs.yml").symlink_to(outside / "secret.css")
    # check refuses it before the build
    out = refused(dxsite, scaffold, "mkdocs.yml:1:1:", "--lang", "en")
    assert "link to a file outside the project" in out
    assert untouched(outside)


@pytest.mark.parametrize(
    ("site_dir", "message"),
    [
        (".", "must not be or hold the project"),
        ("..", "must not be or hold the project"),
        ("plan", "must not lie inside plan/"),
        ("plan/site", "must not lie inside plan/"),
        ("theme", "must not lie inside theme/"),
        (".git/site", "must not lie inside .git/"),
    ],
)
def test_a_site_dir_that_would_replace_the_project_or_its_sources_is_refused(
    scaffold: Path, dxsite: Run, site_dir: str, message: str
) -> None:
    before = sorted(p.relative_to(scaffold) for p in scaffold.rglob("*"))
    refused(dxsite, scaffold, message, "--site-dir", str(scaffold / site_dir))
    assert sorted(p.relative_to(scaffold) for p in scaffold.rglob("*")) == before


def test_a_non_empty_folder_dxsite_did_not_write_is_not_replaced(
    scaffold: Path, outside: Path, dxsite: Run
) -> None:
    refused(dxsite, scaffold, "a folder dxsite did not write", "--site-dir", str(outside))
    assert untouched(outside)


def test_the_site_dxsite_wrote_carries_the_marker_and_is_replaced_by_the_next_build(
    scaffold: Path, tmp_path: Path, dxsite: Run
) -> None:
    site = tmp_path / "empty-site"
    site.mkdir()
    for _ in range(2):
        code, out = dxsite("build", str(scaffold), "--site-dir", str(site))
        assert code == 0, out
        assert (site / paths.MARKER).is_file()
        assert (site / "index.html").is_file() and (site / "en/index.html").is_file()


@pytest.mark.parametrize("gitignore", ["../.gitignore", "../generator/scaffold/.gitignore"])
def test_staging_folders_and_a_site_link_are_git_ignored(tmp_path: Path, gitignore: str) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(Path(__file__).parent / gitignore, tmp_path / ".gitignore")
    names = ["site", "site.old", ".dxsite-build-site-abc/index.html"]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == names
