"""Links and configs that any builder reads alike (MkDocs and Zensical).

MkDocs leaves the links of raw HTML as they are; Zensical resolves them against the page's
file. dxsite writes each page in the folder of its URL, so both lead a link to the same place,
and one self-contained config per language with a relative docs_dir.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from generator import site
from generator.validate import validate

_LINK = re.compile(r'\s(?:href|src)="([^"#]*)(?:#[^"]*)?"')


def _render(project: Path) -> dict[str, Path]:
    result = validate(project)
    assert result.project is not None
    return site.render(result.project, site.Paths(project, project / "site"))


def _files(project: Path) -> dict[str, str]:
    """Every generated file as the assembled site holds it (English under en/), with its text."""
    files = {}
    for lang in site.LANGS:
        docs = project / site.WORK_DIR / "docs" / lang
        for path in docs.rglob("*"):
            if path.is_file():
                rel = path.relative_to(docs).as_posix()
                text = path.read_text("utf-8") if path.suffix == ".md" else ""
                files[rel if lang == "ja" else f"en/{rel}"] = text
    return files


def test_every_link_of_a_page_leads_from_its_files_folder_to_a_page_or_file(
    shipped: Path,
) -> None:
    configs = _render(shipped)
    nav = {lang: yaml.safe_load(c.read_text("utf-8"))["nav"] for lang, c in configs.items()}
    chapters = {
        target
        for lang, entries in nav.items()
        for entry in entries
        for value in entry.values()
        if isinstance(value, list)
        for child in value
        for target in child.values()
        if target.startswith("chapters/")
    }
    assert chapters, "the shipped plan has chapters"
    files = _files(shipped)
    broken, checked = [], 0
    for rel, text in files.items():
        if not rel.endswith(".md"):
            continue
        links = [h for h in _LINK.findall(text) if h and not re.match(r"[a-z]+:|/", h)]
        if rel.removeprefix("en/") in chapters:
            # A chapter keeps its name (chapters/ID.md), so that the first one does not become
            # the page of its navigation section: it holds no link of dxsite's.
            assert links == [], rel
            continue
        assert rel.endswith("index.md"), f"{rel} is not in the folder of its URL"
        for href in links:
            checked += 1
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
            if href.endswith("/"):
                target = "index.md" if target == "." else f"{target}/index.md"
            if target not in files:
                broken.append(f"{rel}: {href}")
    assert checked > 300
    assert broken == []


def test_each_config_is_one_file_with_a_relative_docs_dir_and_the_users_settings(
    shipped: Path,
) -> None:
    configs = _render(shipped)
    user = yaml.safe_load((shipped / "mkdocs.yml").read_text("utf-8"))
    for lang, path in configs.items():
        config = yaml.safe_load(path.read_text("utf-8"))
        assert "INHERIT" not in config
        assert not Path(config["docs_dir"]).is_absolute()
        assert (path.parent / config["docs_dir"] / "index.md").is_file()
        assert config["theme"]["palette"] == user["theme"]["palette"]
        assert config["copyright"] == user["copyright"]
        # Lists are replaced, as MkDocs merges an INHERIT parent, not appended (Zensical's way).
        features = config["theme"]["features"]
        assert features == [*user["theme"]["features"], site.PRUNE], lang
        for entry in config["nav"]:
            for value in entry.values():
                for target in [value] if isinstance(value, str) else value:
                    name = target if isinstance(target, str) else next(iter(target.values()))
                    assert (path.parent / config["docs_dir"] / name).is_file(), name
