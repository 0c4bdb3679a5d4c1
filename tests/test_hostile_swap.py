"""Fault injection at the swap: a build killed at any step, two builds at once, or a full disk
leave a complete site (the old or the new one), and the next build cleans up what was left."""

from __future__ import annotations

import errno
import fcntl
import select
import subprocess
import sys
from pathlib import Path

import pytest

from generator import paths, search
from tests.conftest import Run

CHAPTER = "plan/chapters/ja/01-introduction.md"

# Runs one build in a child process that kills itself (SIGKILL: no cleanup runs) at one step.
KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
from generator import commands, engines, site

def kill(*_, **__):
    os.kill(os.getpid(), signal.SIGKILL)

step = sys.argv[2]
exchange, rename = site._exchange, Path.rename
if step == "during-mkdocs":
    engines.run = kill
elif step == "before-swap":
    site._swap = kill
elif step == "after-exchange":
    site._exchange = lambda a, b: exchange(a, b) and kill()
elif step == "fallback-between-renames":
    site._exchange = lambda a, b: False
    def renamed(self, target):
        rename(self, target)
        if str(target).endswith(".old"):
            kill()
    Path.rename = renamed
root = Path(sys.argv[1])
commands.build(root, root / "site", strict=False, report=lambda _: None)
"""
STEPS = ["during-mkdocs", "before-swap", "after-exchange", "fallback-between-renames"]


def versions(site: Path) -> set[str]:
    """The chapter versions the site's pages show (one for a complete, consistent site)."""
    found = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found |= {word for word in ("OLD", "NEW") if f"VERSION-{word}" in text}
    return found


def write_version(project: Path, version: str) -> None:
    path = project / CHAPTER
    text = path.read_text(encoding="utf-8").split("\nVERSION-")[0]
    path.write_text(f"{text}\nVERSION-{version}\n", encoding="utf-8")


def complete(site: Path) -> bool:
    return all((site / name).is_file() for name in ("index.html", "en/index.html", paths.MARKER))


def leftovers(project: Path) -> list[str]:
    """What a build left beside the site besides the spare site it keeps for the next build."""
    spare = ".dxsite-build-site"
    return sorted(
        p.name
        for p in project.iterdir()
        if p.name.startswith((".dxsite-build-", "site.")) and p.name != spare
    )


@pytest.mark.parametrize("step", STEPS)
def test_a_build_killed_at_any_step_leaves_a_complete_site_and_the_next_build_cleans_up(
    scaffold: Path, dxsite: Run, step: str
) -> None:
    write_version(scaffold, "OLD")
    assert dxsite("build", str(scaffold))[0] == 0
    for _ in range(2):
        write_version(scaffold, "NEW")
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_BUILD, str(scaffold), step], check=False
        )
        assert killed.returncode == -9
        # the fallback (no atomic exchange) leaves the old site as site.old for the next build
        left = scaffold / ("site.old" if step == "fallback-between-renames" else "site")
        assert complete(left)
        assert len(versions(left)) == 1
        write_version(scaffold, "OLD")
        code, out = dxsite("build", str(scaffold))
        assert code == 0, out
        assert complete(scaffold / "site")
        assert versions(scaffold / "site") == {"OLD"}
        assert leftovers(scaffold) == []


def test_concurrent_builds_of_one_project_never_crash_and_leave_a_complete_site(
    scaffold: Path,
) -> None:
    dxsite = Path(sys.executable).with_name("dxsite")
    for _ in range(3):
        pair = [
            subprocess.Popen(
                [str(dxsite), "build", str(scaffold)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [process.communicate()[0] for process in pair]
        assert [process.returncode for process in pair] == [0, 0], outputs
        assert not any("Traceback" in out for out in outputs)
        assert complete(scaffold / "site")
        assert leftovers(scaffold) == []


def test_a_full_disk_while_building_is_a_message_and_the_previous_site_is_kept(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch, english: None
) -> None:
    assert dxsite("build", str(scaffold))[0] == 0
    before = (scaffold / "site/index.html").read_bytes()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(scaffold / ".dxsite-build-x"))

    monkeypatch.setattr(search, "write_indexes", full)
    code, out = dxsite("build", str(scaffold))
    assert code != 0
    assert "No space left on device: the previous site is unchanged" in out
    assert "Traceback" not in out
    assert (scaffold / "site/index.html").read_bytes() == before
    assert leftovers(scaffold) == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "dxsite: このプロジェクトの別のビルドが動いています。終わるのを待ちます"),
        ("en", "dxsite: another build of this project is running; waiting for it"),
    ],
)
def test_a_build_that_finds_another_running_says_it_waits_in_the_editors_language(
    scaffold: Path, lang: str, said: str
) -> None:
    dxsite = Path(sys.executable).with_name("dxsite")
    (scaffold / ".dxsite").mkdir()
    with open(scaffold / ".dxsite/build.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = subprocess.Popen(
            [str(dxsite), "build", str(scaffold), "--lang", lang, "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert waiting.stdout is not None
        assert select.select([waiting.stdout], [], [], 60)[0], "the waiting build said nothing"
        assert waiting.stdout.readline().rstrip("\n") == said
        fcntl.flock(held, fcntl.LOCK_UN)
    out = waiting.communicate(timeout=120)[0]
    assert waiting.returncode == 0, out
    assert complete(scaffold / "site")
