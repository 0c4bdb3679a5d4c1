"""Shared fixtures: the shipped plan, the examples, and scratch copies to break."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment

from generator import cli
from generator.config import PLACEHOLDER_SITE_URL

ROOT = Path(__file__).resolve().parent.parent
SCAFFOLD = ROOT / "generator" / "scaffold"
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())
PLAN_SOURCES = (
    "plan",
    "kpis.yaml",
    "mkdocs.yml",
    "theme",
    "schemas",
    "accessibility.json",
    "accessibility-manual.yaml",
)


def page_html(path: Path) -> str:
    """A built page's HTML without the phrase breaks (<wbr>) the build puts into Japanese text
    (tests/test_phrases.py and the browser tests check those)."""
    return path.read_text(encoding="utf-8").replace("<wbr>", "")


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed (without its phrase breaks)."""
    return BeautifulSoup(page_html(path), "html.parser")


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project's sources (not its built site) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PLAN_SOURCES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.is_file():
            shutil.copy2(path, target / name)
    if not (target / "theme").exists():
        shutil.copytree(ROOT / "theme", target / "theme")
    return target


def build_at(project: Path, epoch: str, *args: str) -> Path:
    """Build `project` in place with SOURCE_DATE_EPOCH=`epoch`; its site folder."""
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        assert cli.main(["build", str(project), *args]) == 0
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return project / "site"


def build_as_of(source: Path, target: Path, epoch: str) -> Path:
    """A copy of `source` at `target`, built with SOURCE_DATE_EPOCH=`epoch`; its site folder."""
    return build_at(copy_project(source, target), epoch)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """dxsite speaks English (DXSITE_LANG=en, also for the commands a test starts)."""
    monkeypatch.setenv("DXSITE_LANG", "en")


PUBLISHED_URL = "https://dx.city.example.jp/"
"""A site_url as a city sets it (the scaffold's placeholder is a warning)."""


@pytest.fixture
def scaffold(tmp_path: Path) -> Path:
    """A writable copy of the minimal plan `dxsite new` writes, its site_url set to where a
    city would publish it."""
    project = copy_project(SCAFFOLD, tmp_path / "plan-under-test")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(PLACEHOLDER_SITE_URL, PUBLISHED_URL)
    config.write_text(text, encoding="utf-8")
    return project


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A writable copy of the shipped Arao plan."""
    return copy_project(ROOT, tmp_path / "arao")


Run = Callable[..., tuple[int, str]]


@pytest.fixture
def dxsite(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the dxsite command line in-process; returns (exit code, stdout + stderr)."""

    def run(*args: str) -> tuple[int, str]:
        code = cli.main(list(args))
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run


JAPANESE_PUNCTUATION = re.compile(r"[、。・「」（）]")


def japanese_punctuation_in_english(site: Path) -> dict[str, list[str]]:
    """Text nodes of the built English pages that hold Japanese punctuation outside an
    element marked lang="ja" (scripts and comments aside), by page."""
    found: dict[str, list[str]] = {}
    for path in sorted((site / "en").rglob("*.html")):
        for node in soup(path).find_all(string=JAPANESE_PUNCTUATION):
            if isinstance(node, Comment) or node.parent.name in ("script", "style"):
                continue
            if node.find_parent(attrs={"lang": "ja"}) is None:
                found.setdefault(path.relative_to(site).as_posix(), []).append(node.strip())
    return found
