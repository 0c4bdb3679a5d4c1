"""Property: whatever symbolic links a pull request commits in plan/, theme/, site or .dxsite,
pointing inside the project or out of it, a build reads nothing from outside into the site and
writes or deletes nothing outside. Each example is a real build (or its refusal)."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import cli

from .conftest import SCAFFOLD, copy_project

pytestmark = pytest.mark.usefixtures("english")

SECRET = "TOKEN-0123456789abcdef"
"""What every file outside the project holds: it must never appear in the site."""

PLACES = [
    "plan/chapters/ja/02-linked.md",
    "plan/chapters/en/01-introduction.md",
    "plan/governance.yaml",
    "plan/chapters",
    "theme",
    "theme/leak.txt",
    "theme/main.html",
    "theme/assets",
    "theme/assets/stylesheets/dxsite.css",
    "site",
    "site/en",
    ".dxsite",
    ".dxsite/docs",
    ".dxsite/docs/ja",
    ".dxsite/mkdocs.ja.yml",
]
"""Where a pull request could commit a link."""
TARGETS = [
    "outside/secret.md",
    "outside/folder",
    "outside",
    "outside/missing",
    "inside:kpis.yaml",
    "inside:plan",
    "inside:plan/chapters/ja/01-introduction.md",
    "inside:.git/config",
    "self",
]
"""What the link points at: out of the project, into it (and into .git), or at itself."""


def test_a_chapter_linked_into_git_is_refused_not_published(scaffold: Path) -> None:
    (scaffold / ".git").mkdir()
    (scaffold / ".git/description").write_text(f"# {SECRET}\n", encoding="utf-8")
    (scaffold / "plan/chapters/ja/02-git.md").symlink_to("../../../.git/description")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        assert cli.main(["build", str(scaffold)]) == 1
    assert (
        "plan/chapters/ja/02-git.md:1:1: error: the file is a link into .git" in output.getvalue()
    )
    assert SECRET not in output.getvalue() and not (scaffold / "site").exists()


def test_a_plan_file_linked_into_git_is_refused_unread_by_check(scaffold: Path) -> None:
    (scaffold / ".git").mkdir()
    (scaffold / ".git/config").write_text(f"{SECRET}: 1\n", encoding="utf-8")
    (scaffold / "plan/guidelines.yaml").unlink()
    (scaffold / "plan/guidelines.yaml").symlink_to("../.git/config")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        assert cli.main(["check", str(scaffold), "--lang", "en"]) == 1
    assert "plan/guidelines.yaml:1:1: error: the file is a link into .git" in output.getvalue()
    assert SECRET not in output.getvalue()


def _outside_tree(outside: Path) -> None:
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(f"# {SECRET}\n\n{SECRET}\n", encoding="utf-8")
    (outside / "folder" / "main.html").write_text(SECRET, encoding="utf-8")
    (outside / "folder" / "dxsite.css").write_text(SECRET, encoding="utf-8")
    (outside / "folder" / "index.html").write_text(SECRET, encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry under `folder`: a file's bytes, None for a folder."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def _link(project: Path, outside: Path, place: str, target: str) -> None:
    path = project / place
    ancestors = Path(place).parents
    if any((project / parent).is_symlink() for parent in ancestors if parent.name):
        return  # git cannot commit a path below a symbolic link: the earlier link stands
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if target == "self":
        path.symlink_to(path.name)
    elif target.startswith("inside:"):
        path.symlink_to(project / target.removeprefix("inside:"))
    else:
        path.symlink_to(outside.parent / target)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    links=st.lists(
        st.tuples(st.sampled_from(PLACES), st.sampled_from(TARGETS)),
        min_size=1,
        max_size=3,
        unique_by=lambda pair: pair[0],
    ),
    built_before=st.booleans(),
)
def test_no_link_makes_a_build_read_write_or_delete_outside_the_project(
    tmp_path_factory: pytest.TempPathFactory, links: list[tuple[str, str]], built_before: bool
) -> None:
    base = tmp_path_factory.mktemp("links")
    outside = base / "outside"
    _outside_tree(outside)
    project = copy_project(SCAFFOLD, base / "project")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f"[http]\n\textraheader = {SECRET}\n", "utf-8")
    if built_before:
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli.main(["build", str(project)]) == 0
    for place, target in links:
        _link(project, outside, place, target)
    before = _snapshot(outside)
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = cli.main(["build", str(project)])
    assert code in (0, 1), output.getvalue()
    assert "Traceback" not in output.getvalue()
    assert SECRET not in output.getvalue()
    assert _snapshot(outside) == before, "nothing outside is written or deleted"
    if code == 0:  # a refused build leaves the site folder as committed: links and all
        for path in (project / "site").rglob("*"):
            assert not path.is_symlink(), path
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path
