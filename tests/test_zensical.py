"""Links and configs that any builder reads alike, and the site `dxsite build --engine zensical`
builds.

MkDocs leaves the links of raw HTML as they are; Zensical resolves them against the page's
file. dxsite writes each page in the folder of its URL, so both lead a link to the same place,
and one self-contained config per language with a relative docs_dir. The Zensical sites (the
shipped plan, the examples, the hostile payloads) go through the same checks as MkDocs' ones:
the tests of tests/test_site.py, tests/test_large.py and tests/test_hostile.py, run on them.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from generator import commands, engines, site
from generator.validate import validate

from . import test_hostile as hostile
from . import test_large as large
from . import test_site as site_tests
from .conftest import EXAMPLES, ROOT, SCAFFOLD, Run, copy_project, soup

_LINK = re.compile(r'\s(?:href|src)="([^"#]*)(?:#[^"]*)?"')


def _render(project: Path) -> dict[str, Path]:
    """The pages and configs as a Zensical build writes them (whole pages, no blocks aside)."""
    result = validate(project)
    assert result.project is not None
    paths = site.Paths(project, project / "site")
    return site.prepare(result.project, paths, engine="zensical").configs


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
            # The accessibility statement links every page: a chapter (chapters/ID.md, served
            # at chapters/ID/) and the 404 pages dxsite writes after the builder.
            chapter = target.removesuffix("/index.md") + ".md"
            later = target in ("404.html", "en/404.html")
            if target not in files and chapter.removeprefix("en/") not in chapters and not later:
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


needs_zensical = pytest.mark.skipif(
    not engines.zensical_installed(),
    reason="Zensical cannot be imported here: pip install 'dxsite[zensical]' (zensical 0.0.73)",
)


def _build(project: Path, epoch: str = site_tests.EPOCH, *, strict: bool = False) -> Path:
    """Build `project` with Zensical (SOURCE_DATE_EPOCH=`epoch`); its site folder."""
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        commands.build(
            project, project / "site", strict=strict, report=lambda _: None, engine="zensical"
        )
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return project / "site"


@pytest.fixture(scope="module")
def arao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan, built with Zensical (strict: no warning of Zensical's either)."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("zensical") / "arao")
    _build(project, strict=True)
    return project


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.name)
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each example, built with Zensical (as tests/test_site.py builds it with MkDocs)."""
    source: Path = request.param
    project = copy_project(source, tmp_path_factory.mktemp("zensical") / source.name)
    if source.name == "sample-city":  # its data runs to FY2025: build it in FY2026
        _build(project, "1796000000")
    else:
        _build(project, strict=source.name != "etajima")  # etajima has a warning
    return project


@pytest.fixture(scope="module")
def payloads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """tests/test_hostile.py's sites built with Zensical: the shipped plan with every optional
    text ("clean"), the same with every text carrying every payload ("hostile"), and the scaffold
    with the hostile chapter ("chapter")."""
    made = tmp_path_factory.mktemp("zensical-hostile")
    clean = copy_project(ROOT, made / "clean")
    hostile.fill_every_optional_text(clean)
    payload = copy_project(ROOT, made / "hostile")
    hostile.fill_every_optional_text(payload)
    count = hostile.replace_every_text(
        payload, lambda: {"ja": hostile.PAYLOAD_JA, "en": hostile.PAYLOAD}
    )
    assert count > 120, count
    chapter = copy_project(SCAFFOLD, made / "chapter")
    for lang in ("ja", "en"):
        target = chapter / f"plan/chapters/{lang}/02-hostile.md"
        target.write_text((hostile.HOSTILE / "chapter.md").read_text("utf-8"), "utf-8")
    sites = {"clean": clean, "hostile": payload, "chapter": chapter}
    return {name: _build(project) for name, project in sites.items()}


@needs_zensical
@pytest.mark.usefixtures("english")
def test_zensical_builds_every_page_in_both_languages_with_the_language_switcher(
    arao: Path,
) -> None:
    site_tests.test_japanese_is_at_the_root_and_english_under_en(arao)
    site_tests.test_every_page_exists_in_both_languages_with_the_right_lang(arao)
    site_tests.test_the_language_switcher_leads_to_the_same_page(arao)
    site_tests.test_hreflang_alternates_and_a_bilingual_sitemap_are_present(arao)


@needs_zensical
def test_every_link_of_the_zensical_site_leads_to_a_page_and_an_id(arao: Path) -> None:
    large.test_every_link_leads_to_a_page_and_an_id_that_exist(arao / "site")


@needs_zensical
def test_every_link_of_each_example_built_with_zensical_leads_to_a_page_and_an_id(
    example: Path,
) -> None:
    assert soup(example / "site/en/index.html").html["lang"] == "en"
    large.test_every_link_leads_to_a_page_and_an_id_that_exist(example / "site")


@needs_zensical
def test_the_zensical_sites_search_index_leaves_the_charts_out_as_mkdocs_does(arao: Path) -> None:
    """Zensical drops the charts' data-search-exclude; the index leaves out every <svg>."""
    descriptions = {
        " ".join(html.unescape(found).split())
        for page in (arao / "site").rglob("*.html")
        for found in re.findall(r'<desc id="[^"]*">([^<]+)</desc>', page.read_text("utf-8"))
    }
    assert len(descriptions) > 3
    for lang in ("", "en/"):
        index = (arao / "site" / lang / "search/index.json").read_text("utf-8")
        assert not [d for d in descriptions if d in index]


@needs_zensical
def test_the_zensical_sites_load_nothing_from_another_host(arao: Path, example: Path) -> None:
    site_tests.test_no_page_or_stylesheet_loads_anything_from_another_host(arao)
    site_tests.test_no_page_or_stylesheet_loads_anything_from_another_host(example)


@needs_zensical
@pytest.mark.usefixtures("english")
def test_payloads_in_texts_and_chapters_come_through_zensical_harmless(
    payloads: dict[str, Path],
) -> None:
    clean, payload, chapter = payloads["clean"], payloads["hostile"], payloads["chapter"]
    hostile.test_every_text_field_carrying_a_script_payload_builds_a_site_with_no_injected_markup(
        clean, payload
    )
    hostile.test_the_site_name_is_escaped_once_not_twice(payload)
    for rel, page, article in hostile.chapter_pages(chapter):
        clean_page = soup(chapter / rel.replace("hostile", "introduction"))
        for gone in ("<script", "<style", "<iframe", "<object", "<embed", "<form", "<base"):
            assert gone not in str(article), (rel, gone)
        assert hostile.unsafe_attributes(article) == [], rel
        assert hostile.injected_markup(page, clean_page, allowed=("img",)) == [], rel
        # A chapter's relative URL (<img src="x">) is where the two builders differ: a chapter
        # keeps its file name (chapters/ID.md, see above), and Zensical resolves the URL against
        # that file (../x from chapters/ID/), MkDocs leaves it as written (x).
        assert [img["src"] for img in article.find_all("img")] == ["../x", "../x"], rel
        # The chapter's id="__config" is gone; Zensical's own skip-link target opens <article>.
        assert [e["id"] for e in article.find_all(id=re.compile("^__"))] == ["__skip"], rel
        config = page.select("#__config")
        assert len(config) == 1 and config[0].name == "script", rel
    hostile.test_chapter_links_keep_http_and_mailto_and_lose_javascript_data_and_vbscript(chapter)
    hostile.test_a_chapter_title_is_shown_as_written_in_title_and_navigation(chapter)


@needs_zensical
def test_every_zensical_page_has_the_csp_and_only_the_sites_own_scripts_and_styles(
    payloads: dict[str, Path],
) -> None:
    clean, payload, chapter = payloads["clean"], payloads["hostile"], payloads["chapter"]
    hostile.test_every_page_has_one_csp_meta_tag_before_any_script_or_stylesheet(clean, chapter)
    hostile.test_the_policy_allows_only_the_sites_own_scripts_and_styles(clean)
    hostile.test_every_inline_script_is_allowed_by_its_hash(clean, chapter)
    hostile.test_no_inline_style_the_policy_would_block_is_on_any_page(clean, chapter, payload)
    hostile.test_every_script_stylesheet_and_search_file_comes_from_the_site_itself(clean)
    hostile.test_search_can_work_under_the_policy(clean)


def test_building_with_zensical_where_it_is_not_installed_says_how_to_install_it(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "zensical_installed", lambda: False)
    code, out = dxsite("build", str(scaffold), "--engine", "zensical", "--lang", "en")
    assert code == 1
    assert "Zensical is not installed: install it with pip install 'dxsite[zensical]'" in out
    assert not (scaffold / "site").exists()


@needs_zensical
def test_a_failed_zensical_build_says_why_without_colours_or_a_traceback(
    scaffold: Path, dxsite: Run
) -> None:
    chapter = next((scaffold / "plan/chapters/ja").glob("*.md"))
    chapter.write_text(
        chapter.read_text("utf-8") + "\n[どこにもない見出し](#nowhere)\n", encoding="utf-8"
    )
    code, out = dxsite("build", str(scaffold), "--engine", "zensical", "--strict")
    assert code == 1
    assert "zensical build (ja) failed:" in out and "anchor does not exist" in out
    assert "\x1b[" not in out and "Traceback" not in out
    assert not (scaffold / "site").exists()
