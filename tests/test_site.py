"""`dxsite build`: a bilingual MkDocs Material site, ja at / and en at /en/, built for real."""

from __future__ import annotations

import errno
import hashlib
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import cli, site

from .conftest import EXAMPLES, ROOT, copy_project, japanese_punctuation_in_english, soup

pytestmark = pytest.mark.usefixtures("english")

EPOCH = "1700000000"


def build(project: Path, *extra: str) -> int:
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        return cli.main(["build", str(project), *extra])
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


@pytest.fixture(scope="module")
def arao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan, built once for this module."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("site") / "arao")
    assert build(project) == 0
    return project


def pages(site: Path) -> dict[str, Path]:
    """Every HTML page of one language, by its path inside that language."""
    found = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith("en/"):
            found[rel] = path
    return found


def test_japanese_is_at_the_root_and_english_under_en(arao: Path) -> None:
    assert soup(arao / "site/index.html").html["lang"] == "ja"
    assert soup(arao / "site/en/index.html").html["lang"] == "en"


def test_every_page_exists_in_both_languages_with_the_right_lang(arao: Path) -> None:
    ja, en = pages(arao / "site"), pages(arao / "site/en")
    assert set(ja) == set(en)
    assert len(ja) == 24  # 10 plan pages (no 策定経過: Arao records no milestones), 3 strategies,
    # 3 KPIs, 3 chapters, search, 404, the list of yearly reports and the reports of FY2022 and
    # FY2023 (built in FY2023)
    assert "timeline/index.html" not in ja
    for rel in ja:
        assert soup(ja[rel]).html["lang"] == "ja", rel
        assert soup(en[rel]).html["lang"] == "en", rel


def _resolve(page_rel: str, href: str) -> str:
    base = posixpath.dirname("/" + page_rel)
    target = posixpath.normpath(posixpath.join(base, href)).strip("/")
    return target + "/" if target else ""


def test_the_language_switcher_leads_to_the_same_page(arao: Path) -> None:
    site = arao / "site"
    for rel, path in pages(site).items():
        if rel == "404.html":
            continue
        link = soup(path).select_one("a.dx-lang__link")
        assert link is not None and link["hreflang"] == "en", rel
        assert _resolve(rel, link["href"]) + "index.html" == "en/" + rel, rel
        back = soup(site / "en" / rel).select_one("a.dx-lang__link")
        assert back is not None and back["hreflang"] == "ja"
        assert _resolve("en/" + rel, back["href"]) + "index.html" == rel, rel


def test_hreflang_alternates_and_a_bilingual_sitemap_are_present(arao: Path) -> None:
    # The hreflang alternates are in the sitemap, not in <head>: Material's JavaScript fetches
    # sitemap.xml relative to every <link rel="alternate"> (theme/main.html says why).
    page = soup(arao / "site/en/kpis/index.html")
    assert not page.head.select('link[rel="alternate"]')
    assert page.select_one("a.dx-lang__link")["hreflang"] == "ja"
    sitemap = (arao / "site/sitemap.xml").read_text(encoding="utf-8")
    loc = re.escape("<url><loc>https://example.github.io/dxsite/en/kpis/</loc>")
    entry = re.search(loc + ".*?</url>", sitemap)
    assert entry is not None
    for lang, url in (("ja", "dxsite/kpis/"), ("en", "dxsite/en/kpis/")):
        link = f'hreflang="{lang}" href="https://example.github.io/{url}"'
        assert link in entry.group(0)
    assert sitemap.count("<url>") == 2 * (len(pages(arao / "site")) - 1)


def test_the_home_page_shows_vision_period_status_strategies_and_kpis(arao: Path) -> None:
    home = soup(arao / "site/index.html")
    text = home.get_text(" ")
    assert "人がつながり 幸せをつくる 快適未来都市" in text
    assert "令和4年度（2022年度）〜令和7年度（2025年度）" in text
    assert home.select_one(".dx-status").get_text(strip=True).startswith("素案")
    assert len(home.select(".dx-card")) == 3
    assert len(home.select(".dx-kpi-table tbody tr")) == 3
    english = soup(arao / "site/en/index.html").get_text(" ")
    assert "A comfortable future city where people connect and create happiness" in english
    assert "FY2022–FY2025" in english


def test_the_navigation_does_not_list_kpis_or_actions(arao: Path) -> None:
    nav = soup(arao / "site/kpis/index.html").select("nav.md-nav--primary a.md-nav__link")
    hrefs = [a.get("href", "") for a in nav]
    assert not [h for h in hrefs if re.search(r"kpis/[a-z0-9-]+/$", h)]
    assert (arao / "site/kpis/corporate-income/index.html").is_file()


def test_english_footer_says_the_japanese_version_prevails(arao: Path) -> None:
    footer = soup(arao / "site/en/index.html").select_one(".dx-prevails")
    assert footer is not None and "Japanese version prevails" in footer.get_text()
    assert soup(arao / "site/index.html").select_one(".dx-prevails") is None


def test_missing_english_is_shown_with_a_visible_notice(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "p")
    kpis = (project / "kpis.yaml").read_text(encoding="utf-8")
    kpis = re.sub(r"(\n    name:\n      ja: 企業所得\n)      en: [^\n]+\n", r"\1", kpis)
    (project / "kpis.yaml").write_text(kpis, encoding="utf-8")
    assert build(project) == 0
    title = soup(project / "site/en/kpis/corporate-income/index.html").select_one("h1")
    assert title is not None
    assert title.select_one('[lang="ja"]').get_text() == "企業所得"
    assert "Not yet translated" in title.get_text()


def test_each_language_has_its_own_search_index_of_items_linked_by_anchor(arao: Path) -> None:
    import json

    ja = json.loads((arao / "site/search/index.json").read_text(encoding="utf-8"))
    en = json.loads((arao / "site/en/search/index.json").read_text(encoding="utf-8"))
    links = {e["u"]: e for e in ja}
    action = links["strategies/gyosei/#online-applications"]
    assert action["t"] == "オンライン申請の充実" and action["p"] == "行政のDX"
    assert "オンライン化" in links["strategies/gyosei/#online-procedures"]["t"]
    assert "kpis/online-procedure-rate/" in links
    assert not any(e["u"].startswith("en/") for e in ja)
    english = {e["u"]: e for e in en}
    assert english["strategies/gyosei/#online-applications"]["t"] == "Expanding online applications"
    assert not any("StatusExpanding" in e["x"] for e in en)
    assert not (arao / "site/search/search_index.json").exists()


URL_ATTRS = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def test_no_page_or_stylesheet_loads_anything_from_another_host(arao: Path) -> None:
    for path in (arao / "site").rglob("*.html"):
        page = soup(path)
        for tag in page.select(
            "script[src], link[rel~=stylesheet], img[src], iframe, link[rel~=preload]"
        ):
            target = tag.get("src") or tag.get("href") or ""
            assert not re.match(r"(?:https?:)?//", target), f"{path}: {target}"
    for css in (arao / "site").rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"(?:https?:)?//", url), f"{css}: {url}"


def test_a_failed_build_leaves_the_previous_site_byte_identical(arao: Path) -> None:
    before = _digest(arao / "site")
    kpis = arao / "kpis.yaml"
    original = kpis.read_text(encoding="utf-8")
    kpis.write_text(original.replace("unit:", "unti:", 1), encoding="utf-8")
    try:
        assert build(arao) == 1
    finally:
        kpis.write_text(original, encoding="utf-8")
    assert _digest(arao / "site") == before


def test_a_failing_mkdocs_build_also_leaves_the_site_untouched(arao: Path) -> None:
    before = _digest(arao / "site")
    theme = arao / "theme" / "main.html"
    original = theme.read_text(encoding="utf-8")
    theme.write_text(original + "{% broken", encoding="utf-8")
    try:
        assert build(arao) == 1
    finally:
        theme.write_text(original, encoding="utf-8")
    assert _digest(arao / "site") == before


def test_english_is_rendered_beside_japanese_and_its_failure_fails_the_build_as_it_was(
    arao: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(arao / "site")
    render_language = site.render_language

    def failing(tracking: Any, lang: str, *args: Any, **kwargs: Any) -> Any:
        (tmp_path / lang).write_text(str(os.getpid()), encoding="utf-8")
        if lang == "en":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(arao / ".dxsite/docs/en"))
        return render_language(tracking, lang, *args, **kwargs)

    monkeypatch.setattr(site, "render_language", failing)
    assert build(arao) == 1
    said = capsys.readouterr()
    assert os.strerror(errno.ENOSPC) in said.out + said.err
    assert ".dxsite/docs/en" in said.out + said.err
    assert _digest(arao / "site") == before
    pids = {(tmp_path / lang).read_text(encoding="utf-8") for lang in ("ja", "en")}
    assert len(pids) == 2, "each language was rendered in a process of its own"


def test_a_plan_over_the_parallel_limit_renders_its_languages_one_after_the_other_alike(
    arao: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_language = site.render_language

    def recorded(tracking: Any, lang: str, *args: Any, **kwargs: Any) -> Any:
        (tmp_path / lang).write_text(str(os.getpid()), encoding="utf-8")
        return render_language(tracking, lang, *args, **kwargs)

    monkeypatch.setattr(site, "render_language", recorded)
    monkeypatch.setattr(site, "PARALLEL_ITEMS", 0)
    assert build(arao, "--site-dir", str(tmp_path / "one-after-the-other")) == 0
    pids = {(tmp_path / lang).read_text(encoding="utf-8") for lang in ("ja", "en")}
    assert len(pids) == 1, "both languages were rendered in the same process"
    assert _digest(tmp_path / "one-after-the-other") == _digest(arao / "site")


def _digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_sources_are_byte_identical(arao: Path, tmp_path: Path) -> None:
    assert build(arao, "--site-dir", str(tmp_path / "again")) == 0
    assert _digest(tmp_path / "again") == _digest(arao / "site")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_build(example: Path, tmp_path: Path) -> None:
    project = copy_project(example, tmp_path / example.name)
    if example.name == "sample-city":  # its data runs to FY2025: build it in FY2026
        os.environ["SOURCE_DATE_EPOCH"] = "1796000000"
        try:
            assert cli.main(["build", str(project)]) == 0
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
    else:
        warned = example.name == "etajima"  # a public comment still planned after its month
        assert build(project, *([] if warned else ["--strict"])) == 0
    assert soup(project / "site/en/index.html").html["lang"] == "en"


def test_matsue_shows_its_four_periods(tmp_path: Path) -> None:
    project = copy_project(ROOT / "examples/matsue", tmp_path / "matsue")
    assert build(project) == 0
    chart = soup(project / "site/index.html").select_one("figure#dx-periods")
    assert chart is not None
    text = chart.get_text(" ")
    assert all(f"第{n}期" in text for n in range(1, 5))


def test_dxsite_new_writes_a_plan_that_builds_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["new", str(tmp_path / "city")]) == 0
    assert cli.main(["check", str(tmp_path / "city")]) == 0
    assert "site_url" in capsys.readouterr().out  # the one warning: where to publish
    assert build(tmp_path / "city") == 0
    assert soup(tmp_path / "city/site/index.html").html["lang"] == "ja"
    assert soup(tmp_path / "city/site/en/index.html").html["lang"] == "en"


def test_dxsite_new_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "city").mkdir()
    (tmp_path / "city" / "notes.txt").write_text("keep me", encoding="utf-8")
    assert cli.main(["new", str(tmp_path / "city")]) == 1
    assert (tmp_path / "city" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_serve_rebuilds_on_change_and_survives_an_invalid_edit(tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    project = copy_project(ROOT / "generator/scaffold", tmp_path / "city")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", str(project), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )

    def page() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/kpis/", timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(condition: object, what: str) -> None:
        for _ in range(100):
            try:
                if callable(condition) and condition():
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"serve: {what}; log:\n{(tmp_path / 'serve.log').read_text()}")

    try:
        wait_for(lambda: "100%" in page(), "the first build is served")
        kpis = project / "kpis.yaml"
        kpis.write_text(kpis.read_text(encoding="utf-8").replace("value: 100", "value: 90"))
        wait_for(lambda: "90%" in page(), "a changed target is rebuilt")
        kpis.write_text(kpis.read_text(encoding="utf-8").replace("unit:", "unti:"))
        wait_for(
            lambda: "still serving the last good build" in (tmp_path / "serve.log").read_text(),
            "an invalid edit is reported",
        )
        assert "90%" in page()
        assert 'unknown field "unti"' in (tmp_path / "serve.log").read_text()
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()
    shutil.rmtree(project / ".dxsite", ignore_errors=True)


def test_pages_show_when_their_sources_last_changed_in_git(tmp_path: Path) -> None:
    project = copy_project(ROOT / "generator/scaffold", tmp_path / "city")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-05-06T12:00:00+09:00",
        "GIT_COMMITTER_DATE": "2024-05-06T12:00:00+09:00",
    }
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "."],
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "x"],
    ):
        subprocess.run(command, cwd=project, env=env, check=True)
    assert build(project) == 0
    updated = soup(project / "site/kpis/index.html").select_one(".dx-updated time")
    assert updated is not None and updated["datetime"] == "2024-05-06"
    english = soup(project / "site/en/kpis/index.html").select_one(".dx-updated")
    assert english is not None and "Last updated" in english.get_text()


def test_a_long_kpi_list_is_split_into_pages_and_the_home_page_stays_small(
    tmp_path: Path,
) -> None:
    project = copy_project(ROOT / "generator/scaffold", tmp_path / "big")
    kpis = (project / "kpis.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: k{n}\n    name: {{ja: 指標{n}, en: Indicator {n}}}\n    unit: 件\n"
        f"    measures: online-procedures\n    targets: [{{value: {n}, year: R9}}]\n"
        for n in range(120)
    )
    (project / "kpis.yaml").write_text(kpis + extra, encoding="utf-8")
    assert cli.main(["check", str(project)]) == 0
    assert build(project) == 0
    site = project / "site"
    first = soup(site / "kpis/index.html")
    second = soup(site / "kpi-list/2/index.html")
    assert len(first.select(".dx-kpi-table tbody tr")) == 100
    assert len(second.select(".dx-kpi-table tbody tr")) == 21
    assert second.select_one('.dx-pager [aria-current="page"]').get_text() == "2"
    assert (site / "en/kpi-list/2/index.html").is_file()
    home = soup(site / "index.html")
    assert home.select(".dx-kpi-table") == []
    assert home.select_one("table.dx-table caption").get_text() == "評価の内訳"
    nav = [a.get("href", "") for a in first.select("nav.md-nav--primary a")]
    assert not [h for h in nav if "kpi-list" in h]


def test_titles_name_the_page_then_the_plan_once_and_every_page_has_a_description(
    arao: Path,
) -> None:
    plan = "荒尾市デジタル・トランスフォーメーション（DX）推進計画"
    home = soup(arao / "site/index.html")
    assert home.title is not None and home.title.get_text() == plan
    kpis = soup(arao / "site/kpis/index.html")
    assert kpis.title is not None and kpis.title.get_text() == f"数値目標（KPI） – {plan}"
    for page in (arao / "site").rglob("index.html"):
        html = soup(page)
        description = html.select_one('meta[name="description"]')
        assert description is not None and description["content"].strip(), page
        og = html.select_one('meta[property="og:description"]')
        assert og is not None and og["content"] == description["content"], page
        assert html.select_one('meta[property="og:title"]') is not None, page
    gyosei = soup(arao / "site/strategies/gyosei/index.html").select_one('meta[name="description"]')
    assert gyosei is not None and "行政" in gyosei["content"]
    english = soup(arao / "site/en/index.html").select_one('meta[property="og:locale"]')
    assert english is not None and english["content"] == "en_US"


def test_the_navigation_lists_the_strategies_only_on_the_pages_of_their_section(
    arao: Path,
) -> None:
    def nav(page: str) -> list[str]:
        links = soup(arao / "site" / page).select("nav.md-nav--primary a.md-nav__link")
        return [a.get("href", "") for a in links]

    assert not [h for h in nav("kpis/index.html") if re.search(r"strategies/[a-z]", h)]
    assert "../gyosei/" in nav("strategies/kurashi/index.html")


def test_english_pages_carry_no_japanese_punctuation_outside_japanese_text(arao: Path) -> None:
    assert japanese_punctuation_in_english(arao / "site") == {}
    banner = soup(arao / "site/en/index.html").select_one(".dx-status")
    assert banner is not None
    assert str(banner.select_one('[lang="ja"]')) == '<span lang="ja">素案</span>'
