"""Hostile content and bad input: a city site that cannot be turned against its readers.

The corpus is in tests/hostile/ (see its README). Sections follow the issue:
1. text is text, 2. links, 3. chapters, 4. ids, 5. sizes and shapes, 7. the CSP.
(6, the property test, is tests/test_hostile_property.py.)
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import commands, postprocess
from generator.load import MAX_TEXT, load_yaml
from generator.model.project import FILES
from generator.model.text import Text
from generator.render.chapter import EXTENSIONS
from generator.sanitize import sanitize

from .conftest import ROOT, SCAFFOLD, Run, copy_project, soup

pytestmark = pytest.mark.usefixtures("english")

HOSTILE = Path(__file__).with_name("hostile")


def corpus(name: str) -> Any:
    return yaml.safe_load((HOSTILE / name).read_text(encoding="utf-8"))


PAYLOADS: list[str] = corpus("text-payloads.yaml")
PAYLOAD = "\n".join(PAYLOADS)
"""Every payload of the corpus, one a line (so that `# heading`, `- item` start a line)."""
PAYLOAD_JA = PAYLOAD + "（日本語）"


# --- helpers: writing hostile plans ------------------------------------------------------------


def _optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _replace(value: Any, annotation: Any, make: Callable[[], Any]) -> Any:
    """`value` (loaded YAML of type `annotation`) with every free text replaced by make()."""
    annotation = _optional(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return value  # ids, links, e-mail addresses, fiscal years: constrained, not free text
    if annotation is Text:
        return make()
    if annotation is str:  # plain text fields: version, phone
        text = make()
        return text["en"] if isinstance(text, dict) else text
    if typing.get_origin(annotation) is list and isinstance(value, list):
        item = typing.get_args(annotation)[0]
        return [_replace(v, item, make) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not isinstance(value, dict):
            return value
        fields = annotation.model_fields
        return {k: _field(v, fields[k], make) for k, v in value.items()}
    return value


def _field(value: Any, field: FieldInfo, make: Callable[[], Any]) -> Any:
    if field.annotation is str and field.metadata:
        return value  # an id: pydantic keeps Annotated[str, check] as str plus metadata
    return _replace(value, field.annotation, make)


def replace_every_text(project: Path, make: Callable[[], Any]) -> int:
    """Replace every text field of every YAML file of the plan by make(); returns how many."""
    count = 0

    def counted() -> Any:
        nonlocal count
        count += 1
        return make()

    for rel, model, _ in FILES.values():
        path = project / rel
        if not path.is_file():
            continue
        doc, problems = load_yaml(path, rel)
        assert doc is not None, problems
        data = _replace(doc.data, model, counted)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return count


def _edit(project: Path, rel: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = project / rel
    doc, problems = load_yaml(path, rel)
    assert doc is not None, problems
    change(doc.data)
    path.write_text(yaml.safe_dump(doc.data, allow_unicode=True, sort_keys=False), "utf-8")


def _words(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def fill_every_optional_text(project: Path) -> None:
    """Give the shipped plan every optional text it leaves out (subtitle, periods, contact,
    revisions, milestones, sources, notes, manual grades, budgets, an evaluation), so that
    replacing every text reaches every place the site shows one."""

    def plan(data: dict[str, Any]) -> None:
        data["subtitle"] = _words("副題", "Subtitle")
        data["version"] = "1.0"
        data["periods"] = [
            {"id": "phase-1", "name": _words("第1期", "Phase 1"), "start": "R4", "end": "R5"},
            {"id": "phase-2", "name": _words("第2期", "Phase 2"), "start": "R6", "end": "R7"},
        ]
        data["periods"][1]["note"] = _words("検証", "Review")
        data["contact"] = {
            "department": _words("デジタル推進室", "Digital Office"),
            "address": _words("荒尾市宮内出目390", "390 Miyauchideme, Arao"),
            "phone": "0968-63-1111",
            "email": "dx@city.example.jp",
            "url": "https://www.city.arao.lg.jp/",
        }
        data["revisions"] = [{"version": "1.0", "date": "2022-04", "summary": _words("策定", "x")}]

    def timeline(data: dict[str, Any]) -> None:
        data["milestones"] = [
            {
                "date": "2021-06-01",
                "kind": "meeting",
                "body": "dx-headquarters",
                "title": _words("第1回会議", "1st meeting"),
                "description": _words("議題", "Agenda"),
            },
            {
                "date": "2021-12-01",
                "end": "2021-12-31",
                "kind": "public-comment",
                "title": _words("意見募集", "Public comment"),
                "submit": [
                    {
                        "method": "form",
                        "url": "https://www.city.arao.lg.jp/form",
                        "detail": _words("フォーム", "Form"),
                    }
                ],
            },
        ]

    def kpis(data: dict[str, Any]) -> None:
        kpi = data["kpis"][0]
        kpi["source"] = _words("市民アンケート", "Citizen survey")
        kpi["source_url"] = "https://www.city.arao.lg.jp/survey"
        kpi["baseline"] = {"value": 40, "year": 2021}
        kpi["actuals"] = [{"year": 2022, "value": 50, "note": _words("速報値", "Preliminary")}]
        kpi["targets"].append({"year": 2024, "text": _words("半数以上", "More than half")})
        kpi["grade"] = {"grade": "on-track", "reason": _words("理由", "Reason")}

    def strategies(data: dict[str, Any]) -> None:
        measures = [m for s in data["strategies"] for m in s.get("measures", [])]
        action = next(m for m in measures if m.get("actions"))["actions"][0]
        action["budget"] = {"amount": 2_480_000, "year": 2023, "note": _words("委託料", "Fees")}

    evaluation = {
        "year": 2022,
        "by": _words("DX推進本部", "DX headquarters"),
        "date": "2023-06",
        "summary": _words("総評", "Overall"),
        "items": [{"target": "gyosei", "grade": _words("A", "A"), "comment": _words("評", "C")}],
    }
    (project / "plan/evaluations.yaml").write_text(
        yaml.safe_dump({"evaluations": [evaluation]}, allow_unicode=True), encoding="utf-8"
    )
    _edit(project, "plan/plan.yaml", plan)
    _edit(project, "plan/timeline.yaml", timeline)
    _edit(project, "kpis.yaml", kpis)
    _edit(project, "plan/strategies.yaml", strategies)


def build(project: Path, site: Path | None = None) -> Path:
    """Build the plan (not strict: missing English is fine here); returns the site folder."""
    site = site or project / "site"
    commands.build(project, site, strict=False, report=lambda _: None)
    return site


# --- helpers: reading the site -------------------------------------------------------------------


def html_pages(site: Path) -> dict[str, Path]:
    """Every HTML page of the site (both languages), by its path in the site."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def norm(text: str) -> str:
    """Text with its runs of white space made one space (as a browser shows it)."""
    return " ".join(text.split())


DANGEROUS_TAGS = [
    *("script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal"),
    *("style", "link", "meta", "base", "template", "noscript", "svg", "math"),
    *("form", "input", "button", "textarea", "select", "option"),
    *("img", "audio", "video", "source"),
]
"""Elements that run script, load content or restyle the page: a page may have exactly the ones
the same page of a clean build has (the theme's own)."""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it (controls and white space removed)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else ""


def scripts(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """Every <script>: its src, type and inline text."""
    return [
        (str(s.get("src", "")), str(s.get("type", "")), s.get_text())
        for s in page.find_all("script")
    ]


def _unsafe(name: str, value: str) -> bool:
    name = name.lower()
    if name.startswith("on") or name == "style":
        return True
    return name in URL_ATTRIBUTES and scheme(value) in {"javascript", "vbscript", "data"}


NO_ICON = '<link href="data:," rel="icon"/>'
"""The 404 pages' empty icon: no request the browser could make for one works at every depth."""


def unsafe_attributes(page: BeautifulSoup | Tag) -> list[str]:
    """Event handlers, inline styles and javascript:/vbscript:/data: URLs (but the empty icon)."""
    found = []
    for element in page.find_all(True):
        if str(element) == NO_ICON and element.find_parent("head"):
            continue
        for name, value in element.attrs.items():
            text = value if isinstance(value, str) else " ".join(value)
            if _unsafe(name, text):
                found.append(f"<{element.name} {name}={text[:60]!r}>")
    return found


def injected_markup(
    page: BeautifulSoup, clean: BeautifulSoup, allowed: tuple[str, ...] = ()
) -> list[str]:
    """What `page` has that could run script or change the page, compared with the same page of a
    clean build: other scripts, more dangerous elements (but `allowed` ones), event handlers,
    scripted URLs."""
    problems = unsafe_attributes(page)
    if scripts(page) != scripts(clean):
        problems.append(f"scripts differ: {scripts(page)[:5]}")
    tags = [t for t in DANGEROUS_TAGS if t not in allowed]
    counts = Counter(e.name for e in page.find_all(tags))
    expected = Counter(e.name for e in clean.find_all(tags))
    problems += [f"{n} more <{tag}>" for tag, n in (counts - expected).items()]
    return problems


# --- 1. Text is text ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan with every optional text filled in, built."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("clean") / "arao")
    fill_every_optional_text(project)
    return build(project)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan with every text field carrying every payload of the corpus."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("hostile") / "arao")
    fill_every_optional_text(project)
    count = replace_every_text(project, lambda: {"ja": PAYLOAD_JA, "en": PAYLOAD})
    assert count > 120, count
    return build(project)


def test_every_text_field_carrying_a_script_payload_builds_a_site_with_no_injected_markup(
    clean_site: Path, hostile_site: Path
) -> None:
    pages = html_pages(hostile_site)
    assert pages.keys() == html_pages(clean_site).keys()
    for rel, path in pages.items():
        page = path.read_text(encoding="utf-8")
        for raw in ("<script>alert", "<img src=x", "<svg onload", "<svg/onload", "<iframe src"):
            assert raw not in page, f"{rel}: unescaped {raw}"
        assert injected_markup(soup(path), soup(clean_site / rel)) == [], rel


def test_the_text_appears_as_written_on_every_page_made_from_the_yaml(hostile_site: Path) -> None:
    made_from_chapters_or_fixed = (
        "chapters/",
        "404.html",
        "accessibility/",
        "search/",
        "reports/index.html",
    )
    for rel, path in html_pages(hostile_site).items():
        if rel.removeprefix("en/").startswith(made_from_chapters_or_fixed):
            continue
        article = soup(path).find("article")
        assert article is not None, rel
        written = PAYLOAD if rel.startswith("en/") else PAYLOAD_JA
        assert norm(written) in norm(article.get_text()), rel


def test_page_titles_headings_and_navigation_show_the_text_as_written(hostile_site: Path) -> None:
    page = soup(hostile_site / "kpis/online-procedure-rate/index.html")
    assert page.title is not None
    assert norm(page.title.get_text()) == norm(f"{PAYLOAD_JA} – {PAYLOAD_JA}")
    h1 = page.find("h1")
    assert h1 is not None and norm(h1.get_text()) == norm(PAYLOAD_JA)
    english = soup(hostile_site / "en/strategies/kurashi/index.html")
    assert english.title is not None
    assert norm(english.title.get_text()) == norm(f"{PAYLOAD} – {PAYLOAD}")
    # the strategies are listed in the navigation of their own section's pages (pruned elsewhere)
    strategy = soup(hostile_site / "strategies/kurashi/index.html")
    nav = [norm(a.get_text()) for a in strategy.select("nav.md-nav--primary a.md-nav__link")]
    assert norm(PAYLOAD_JA) in nav


def test_the_site_name_is_escaped_once_not_twice(hostile_site: Path) -> None:
    page = soup(hostile_site / "index.html")
    logos = page.select("a.md-logo")  # the header's and the navigation's
    assert len(logos) == 2
    for logo in logos:
        assert logo["title"] == PAYLOAD_JA
        assert logo["aria-label"] == PAYLOAD_JA
    for meta in ("og:site_name", "og:title"):
        found = page.select_one(f'meta[property="{meta}"]')
        assert found is not None and found["content"] == PAYLOAD_JA, meta
    topic = page.select_one(".md-header__topic .md-ellipsis")
    assert topic is not None and norm(topic.get_text()) == norm(PAYLOAD_JA)


def test_tables_chart_captions_and_descriptions_hold_the_text_as_written(
    hostile_site: Path,
) -> None:
    page = soup(hostile_site / "kpis/online-procedure-rate/index.html")
    svg = page.select_one("figure.dx-chart svg")
    assert svg is not None
    title, desc = page.select_one("figure.dx-chart figcaption"), svg.find("desc")
    assert title is not None and desc is not None
    assert norm(title.get_text()) == norm(PAYLOAD_JA + "の推移")
    assert norm(PAYLOAD_JA) in norm(desc.get_text())
    caption = page.select_one("figure.dx-chart table caption")
    assert caption is not None and norm(PAYLOAD_JA) in norm(caption.get_text())
    kpi_rows = soup(hostile_site / "kpis/index.html").select("table.dx-kpi-table th[scope=row]")
    assert kpi_rows and all(norm(th.get_text()) == norm(PAYLOAD_JA) for th in kpi_rows)
    gantt = soup(hostile_site / "strategies/index.html").select_one("figure.dx-chart--gantt")
    assert gantt is not None
    gantt_desc = gantt.find("desc")
    assert gantt_desc is not None and norm(PAYLOAD_JA) in norm(gantt_desc.get_text())
    cut = [t for t in gantt.select("text") if t.find("title")]
    assert cut, "long labels are cut with … and keep the whole text as a tooltip"
    for label in cut:
        tip = label.find("title")
        assert tip is not None and norm(tip.get_text()) == norm(PAYLOAD_JA)


def test_the_search_index_holds_the_text_as_written_and_the_page_never_parses_it(
    hostile_site: Path,
) -> None:
    for index in ("search/index.json", "en/search/index.json"):
        entries = json.loads((hostile_site / index).read_text(encoding="utf-8"))
        written = PAYLOAD if index.startswith("en/") else PAYLOAD_JA
        assert norm(written) in {norm(e["t"]) for e in entries}, index
    code = (hostile_site / "assets/javascripts/search.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink


def test_csv_and_json_hold_the_text_exactly(hostile_site: Path) -> None:
    with (hostile_site / "data/kpis.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(row["kpi_name_ja"] == PAYLOAD_JA for row in rows)
    assert all(row["kpi_name_en"] == PAYLOAD for row in rows)
    kpis = json.loads((hostile_site / "data/kpis.json").read_text(encoding="utf-8"))
    assert {k["name"]["ja"] for k in kpis["kpis"]} == {PAYLOAD_JA}
    plan = json.loads((hostile_site / "data/plan.json").read_text(encoding="utf-8"))
    assert plan["plan"]["title"] == {"ja": PAYLOAD_JA, "en": PAYLOAD, "machine": False}


def test_markdown_and_template_syntax_in_text_stays_literal(hostile_site: Path) -> None:
    for rel in ("index.html", "strategies/kurashi/index.html", "kpis/index.html"):
        page = soup(hostile_site / rel)
        article = page.find("article")
        assert article is not None
        text = article.get_text()
        for literal in ("*emph*", "**strong**", "{{ 7*7 }}", "{#id}", "[x](javascript:alert(1))"):
            assert literal in text, (rel, literal)
        assert "&lt;script&gt;" in text, "pre-escaped text is shown as written, not unescaped"
        assert not [e for e in article.find_all(["em", "strong", "code"]) if "emph" in e.text]
        assert page.find(id="id") is None
        assert not [a for a in article.find_all("a") if a.get_text() == "x"]


# --- 2. Links ----------------------------------------------------------------------------------

LINK_FIELDS = {
    # field: (file, how to write the link into the scaffold's file, line, column)
    "contact.url": ("plan/plan.yaml", lambda t, u: t + f"  url: {u}\n", 16, 8),
    "site_url": ("plan/plan.yaml", lambda t, u: t + f"site_url: {u}\n", 16, 11),
    "source_url": ("kpis.yaml", lambda t, u: t.rstrip("\n") + f"\n    source_url: {u}\n", 13, 17),
    "submit.url": (
        "plan/timeline.yaml",
        lambda t, u: t.replace("url: mailto:dx@city.example.jp", f"url: {u}"),
        13,
        14,
    ),
}


def write_link(project: Path, field: str, url: str) -> str:
    rel, write, _, _ = LINK_FIELDS[field]
    path = project / rel
    path.write_text(write(path.read_text(encoding="utf-8"), json.dumps(url)), encoding="utf-8")
    return rel


@pytest.mark.parametrize("field", LINK_FIELDS)
@pytest.mark.parametrize("url", corpus("bad-urls.yaml"), ids=repr)
def test_links_other_than_http_https_and_mailto_are_errors_at_their_line(
    scaffold: Path, dxsite: Run, field: str, url: str
) -> None:
    rel = write_link(scaffold, field, url)
    _, _, line, col = LINK_FIELDS[field]
    code, out = dxsite("check", str(scaffold))
    assert code == 1, out
    assert f"{rel}:{line}:{col}: error: " in out, out
    assert "http://, https:// or mailto:" in out


@pytest.mark.parametrize("url", corpus("good-urls.yaml"), ids=repr)
def test_http_https_and_mailto_links_are_accepted_and_linked_as_written(
    scaffold: Path, dxsite: Run, url: str
) -> None:
    write_link(scaffold, "submit.url", url)
    code, out = dxsite("check", str(scaffold))
    assert code == 0, out
    site = build(scaffold)
    links = [a["href"] for a in soup(site / "timeline/index.html").select("article a[href]")]
    assert url in links


# --- 3. Chapters -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chapter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scaffold with the hostile chapter of the corpus in both languages."""
    project = copy_project(SCAFFOLD, tmp_path_factory.mktemp("chapter") / "plan")
    for lang in ("ja", "en"):
        target = project / f"plan/chapters/{lang}/02-hostile.md"
        target.write_text((HOSTILE / "chapter.md").read_text(encoding="utf-8"), "utf-8")
    return build(project)


def chapter_pages(site: Path) -> Iterator[tuple[str, BeautifulSoup, Tag]]:
    for rel in ("chapters/hostile/index.html", "en/chapters/hostile/index.html"):
        page = soup(site / rel)
        article = page.find("article")
        assert isinstance(article, Tag), rel
        yield rel, page, article


def test_chapters_keep_no_script_style_iframe_or_event_handler(chapter_site: Path) -> None:
    for rel, page, article in chapter_pages(chapter_site):
        clean = soup(chapter_site / rel.replace("hostile", "introduction"))
        html = str(article)
        for gone in ("<script", "<style", "<iframe", "<object", "<embed", "<form", "<base"):
            assert gone not in html, (rel, gone)
        assert 'alert("script")' not in article.get_text(), "a script's content goes too"
        assert unsafe_attributes(article) == [], rel
        assert injected_markup(page, clean, allowed=("img",)) == [], rel
        assert [img["src"] for img in article.find_all("img")] == ["x", "x"], "no onerror"


def test_chapter_links_keep_http_and_mailto_and_lose_javascript_data_and_vbscript(
    chapter_site: Path,
) -> None:
    for rel, _, article in chapter_pages(chapter_site):
        hrefs = [str(a["href"]) for a in article.find_all("a", href=True)]
        assert "https://www.city.arao.lg.jp/" in hrefs, rel
        assert "mailto:dx@city.example.jp" in hrefs, rel
        assert [h for h in hrefs if scheme(h) not in {"", "http", "https", "mailto"}] == []
        link_texts = [a.get_text() for a in article.find_all("a")]
        assert "javascript: のリンク" in link_texts, "the words stay, only the link goes"


def test_chapter_footnotes_headings_lists_tables_and_admonitions_still_work(
    chapter_site: Path,
) -> None:
    for rel, _, article in chapter_pages(chapter_site):
        ref = article.select_one('sup a.footnote-ref[href="#fn:1"]')
        assert ref is not None, rel
        note = article.select_one("div.footnote li[id='fn:1']")
        assert note is not None and "脚注の本文です。" in note.get_text()
        assert [h.get_text() for h in article.find_all("h2")][:2] == [
            "見出しは残る",
            "スクリプトは残らない",
        ]
        assert [li.get_text() for li in article.select("ul > li")][:2] == ["項目1", "項目2"]
        assert [li.get_text() for li in article.select("ol > li")][:2] == ["一番目", "二番目"]
        assert [th.get("align") for th in article.select("table th")] == [
            "left",
            "center",
            "right",
        ]
        admonition = article.select_one("div.admonition.note")
        assert admonition is not None and "注記の本文です。" in admonition.get_text()


@pytest.mark.parametrize("html", corpus("sanitizer-payloads.yaml"))
def test_the_chapter_sanitiser_leaves_nothing_that_runs_or_restyles(html: str) -> None:
    clean = BeautifulSoup(sanitize(html), "html.parser")
    assert clean.find_all(DANGEROUS_TAGS) == [] or all(
        e.name == "img" and scheme(str(e.get("src", ""))) == "" for e in clean.find_all(True)
    ), str(clean)
    assert unsafe_attributes(clean) == [], str(clean)
    assert clean.find(id=re.compile("^__")) is None, str(clean)


REMOTE = [
    '<img src="https://tracker.example/p.gif" alt="x">',
    '<img src="//tracker.example/p.gif">',
    '<img src="/\\tracker.example/p.gif">',
    '<img src=" \thttps://tracker.example/p.gif">',
    '<img src="x.png" srcset="https://tracker.example/p.gif 2x">',
    '<video poster="https://tracker.example/p.gif"></video>',
    '<table background="https://tracker.example/p.gif"><tr><td>x</td></tr></table>',
    '<p style="background: url(https://tracker.example/p.gif)">x</p>',
    '<div style="background-image: url(//tracker.example/p.gif)">x</div>',
]


@pytest.mark.parametrize("html", REMOTE)
def test_a_chapter_loads_nothing_from_another_host(html: str) -> None:
    assert "tracker.example" not in sanitize(html)


def test_a_chapter_keeps_its_own_images_and_links_to_other_sites() -> None:
    html = '<img src="../img/map.png" alt="地図"> <a href="https://www.city.example.jp/">市</a>'
    assert sanitize(html) == html


@pytest.mark.parametrize(
    "html",
    [
        '<div class="md-dialog md-dialog--active"><div class="md-dialog__inner">x</div></div>',
        '<p class="md-banner md-typeset">x</p>',
        '<span class="md-search__overlay">x</span>',
        '<a class="md-button md-button--primary" href="https://evil.example/">ログイン</a>',
    ],
)
def test_a_chapter_cannot_borrow_the_themes_classes(html: str) -> None:
    assert "md-" not in sanitize(html)


def test_a_chapter_keeps_the_classes_of_admonitions_and_footnotes() -> None:
    html = (
        '<div class="admonition warning"><p class="admonition-title">注意</p></div>'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
        '<div class="footnote"><ol><li id="fn:1">x'
        '<a class="footnote-backref" href="#fnref:1">↩</a></li></ol></div>'
    )
    assert sanitize(html) == html


def test_the_sanitiser_removes_bidi_controls_written_as_references() -> None:
    assert sanitize("<p>&#x202E;%001&#8236;&rlm;</p>") == "<p>%001</p>"


def test_a_chapter_cannot_shadow_the_theme_configuration_by_id(chapter_site: Path) -> None:
    for rel, page, article in chapter_pages(chapter_site):
        assert [e["id"] for e in article.find_all(id=re.compile("^__"))] == [], rel
        config = page.select("#__config")
        assert len(config) == 1 and config[0].name == "script", rel
        assert json.loads(config[0].get_text())["base"] != "https://evil.example/"


def test_a_chapter_title_is_shown_as_written_in_title_and_navigation(chapter_site: Path) -> None:
    page = soup(chapter_site / "chapters/hostile/index.html")
    assert page.title is not None
    assert page.title.get_text().startswith("敵対的な章 <img src=x onerror=alert(1)> – ")
    nav = [norm(a.get_text()) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert "敵対的な章 <img src=x onerror=alert(1)>" in nav


def test_a_chapter_title_beyond_u_ffff_keeps_the_chapter_sanitised(scaffold: Path) -> None:
    chapter = '# 𠮷野家の章 😀\n\n<script>alert("body")</script>\n\n<img src=x onerror=alert(1)>\n'
    for lang in ("ja", "en"):
        (scaffold / f"plan/chapters/{lang}/02-kichi.md").write_text(chapter, encoding="utf-8")
    page = soup(build(scaffold) / "chapters/kichi/index.html")
    assert page.title is not None and page.title.get_text().startswith("𠮷野家の章 😀 – ")
    article = page.find("article")
    assert article is not None and article.find("script") is None
    assert unsafe_attributes(article) == []


def test_the_builder_gets_chapters_already_sanitised_and_no_hook(chapter_site: Path) -> None:
    project = chapter_site.parent
    for lang in ("ja", "en"):
        config = yaml.safe_load((project / f".dxsite/mkdocs.{lang}.yml").read_text("utf-8"))
        assert "hooks" not in config and config["plugins"] == []
        page = (project / f".dxsite/docs/{lang}/chapters/hostile.md").read_text("utf-8")
        source = page.split("---\n", 2)[2]  # the front matter holds the title as JSON text
        for gone in (
            "<script",
            "<style",
            "<iframe",
            "onclick=",
            "onerror=",
            'href="javascript',
            'id="__config',
        ):
            assert gone not in source, (lang, gone)
        built = markdown.markdown(source, extensions=EXTENSIONS)
        assert "<script" not in built and 'href="javascript' not in built


def test_a_name_beyond_u_ffff_is_the_page_title(scaffold: Path) -> None:
    path = scaffold / "kpis.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ja: 行政手続きのオンライン化割合", "ja: 𠮷田市の😀割合"), "utf-8")
    page = soup(build(scaffold) / "kpis/online-rate/index.html")
    assert page.title is not None and page.title.get_text().startswith("𠮷田市の😀割合 – ")


# --- 4. Ids ------------------------------------------------------------------------------------


def write_strategy_id(project: Path, value: str) -> None:
    path = project / "plan/strategies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: administration", f"  - id: {json.dumps(value)}"), "utf-8")


@pytest.mark.parametrize("value", corpus("bad-ids.yaml"), ids=repr)
def test_unsafe_ids_are_errors_at_their_line(scaffold: Path, dxsite: Run, value: str) -> None:
    write_strategy_id(scaffold, value)
    code, out = dxsite("check", str(scaffold))
    assert code == 1, out
    assert "plan/strategies.yaml:3:9: error: " in out, out


def test_an_id_differing_only_in_case_is_an_error_at_its_line(scaffold: Path, dxsite: Run) -> None:
    path = scaffold / "plan/strategies.yaml"
    text = path.read_text(encoding="utf-8")
    second = "  - id: Administration\n    name: {ja: 行政のDX2, en: Administrative DX 2}\n"
    path.write_text(text + second, encoding="utf-8")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'plan/strategies.yaml:15:9: error: strategy "Administrative DX 2", id: "Administration" '
        "is not a" in out
    )


def test_the_same_id_twice_is_an_error_at_the_second(scaffold: Path, dxsite: Run) -> None:
    path = scaffold / "plan/strategies.yaml"
    text = path.read_text(encoding="utf-8")
    second = "  - id: administration\n    name: {ja: 行政のDX2, en: Administrative DX 2}\n"
    path.write_text(text + second, encoding="utf-8")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert (
        'plan/strategies.yaml:15:9: error: strategy "Administrative DX 2", id: the strategy or '
        'measure id "administration" is'
    ) in out


@pytest.mark.parametrize("name", ["01-CON.md", "01-con.md", "01-Kurashi.md", "01-a b.md", "01-.md"])
def test_chapter_file_names_that_are_not_safe_ids_are_errors(
    scaffold: Path, dxsite: Run, name: str
) -> None:
    (scaffold / "plan/chapters/ja" / name).write_text("# タイトル\n\n本文\n", encoding="utf-8")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert f"plan/chapters/ja/{name}:1:1: error: the file name gives the chapter id" in out


@pytest.mark.parametrize("value", ["com2", "com9", "lpt2", "lpt9"])
def test_every_windows_device_name_is_reserved(scaffold: Path, dxsite: Run, value: str) -> None:
    write_strategy_id(scaffold, value)
    code, out = dxsite("check", str(scaffold))
    assert code == 1 and "plan/strategies.yaml:3:9: error: " in out


def test_index_is_not_accepted_as_an_id(scaffold: Path, dxsite: Run) -> None:
    write_strategy_id(scaffold, "index")
    code, out = dxsite("check", str(scaffold))
    assert code == 1 and "plan/strategies.yaml:3:9: error: " in out


def test_two_chapter_files_giving_the_same_id_are_an_error(scaffold: Path, dxsite: Run) -> None:
    chapter = "# 二つ目\n\n本文\n"
    for lang in ("ja", "en"):
        (scaffold / f"plan/chapters/{lang}/02-introduction.md").write_text(chapter, "utf-8")
    code, out = dxsite("check", str(scaffold))
    assert code == 1 and "plan/chapters/ja/02-introduction.md:1:1: error: " in out


# --- 5. Sizes and shapes -------------------------------------------------------------------------

# Each corpus file replaces the scaffold's kpis.yaml: (where the error is, what it says), or
# None when the file must be accepted.
YAML_CORPUS: dict[str, tuple[str, str] | None] = {
    "billion-laughs.yaml": ("3:14", "anchors and aliases (&name, *name) are not supported"),
    "deep-flow.yaml": ("1:70", "nested more than 64 levels deep"),
    "deep-flow-map.yaml": ("1:256", "nested more than 64 levels deep"),
    "deep-block.yaml": ("2:127", "nested more than 64 levels deep"),
    "deep-block-indented.yaml": ("64:64", "nested more than 64 levels deep"),
    "shift-jis.yaml": ("1:1", "the file looks like Shift_JIS: save it as UTF-8"),
    "utf-16-bom.yaml": ("1:1", "the file is in UTF-16: save it as UTF-8"),
    "utf-16-no-bom.yaml": ("1:1", "the file is in UTF-16: save it as UTF-8"),
    "utf-32-bom.yaml": ("1:1", "the file is in UTF-32: save it as UTF-8"),
    "invalid-utf8.yaml": ("4:18", "the file is not valid UTF-8 (byte 105)"),
    "utf-8-bom.yaml": None,
    "utf-8-bom-error.yaml": ("1:7", "KPIs: expected a list"),
    "crlf.yaml": None,
    "crlf-error.yaml": ("10:17", '"100" is quoted, so it reads as text: write 100'),
    "full-width-digits.yaml": ("10:17", '"８０" is written with full-width digits: write 80'),
    "nan.yaml": ("10:17", "expected a finite number, found nan"),
    "inf.yaml": ("10:17", "expected a finite number, found inf"),
    "negative-inf.yaml": ("10:17", "expected a finite number, found -inf"),
    "overflow.yaml": ("10:17", "expected a finite number, found inf"),
    "huge-integer.yaml": ("10:17", "the number has 5000 significant digits; at most 15"),
    "sixteen-digits.yaml": ("10:17", "the number has 16 significant digits; at most 15"),
    "sixteen-digit-decimal.yaml": ("10:17", "the number has 16 significant digits; at most 15"),
    "tag-int-text.yaml": ("10:17", "the YAML tag !!int is not allowed in the plan"),
    "tag-int-hex-prefix.yaml": ("10:17", "the YAML tag !!int is not allowed in the plan"),
    "tag-float-text.yaml": ("10:17", "the YAML tag !!float is not allowed in the plan"),
    "tag-bool.yaml": ("5:11", "the YAML tag !!bool is not allowed in the plan"),
    "tag-null.yaml": ("5:11", "the YAML tag !!null is not allowed in the plan"),
    "tag-str.yaml": ("10:17", "the YAML tag !!str is not allowed in the plan"),
    "tag-local.yaml": ("5:11", "the YAML tag !percent is not allowed in the plan"),
    "bidi-override.yaml": ("5:12", "the character U+202E (an invisible bidirectional control"),
    "bidi-isolate.yaml": ("4:16", "the character U+2067 (an invisible bidirectional control"),
    "bidi-in-comment.yaml": ("1:3", "the character U+202E (an invisible bidirectional control"),
    "bidi-override-escaped.yaml": ("5:11", "the text contains U+202E (an invisible bidirectional"),
    "zero-width-space.yaml": ("4:27", "the character U+200B (an invisible zero-width character"),
    "zero-width-joiner-escaped.yaml": ("5:11", "the text contains U+200D (an invisible zero-width"),
    "line-separator.yaml": ("4:27", "the character U+2028 (an invisible line break"),
    "next-line.yaml": ("4:27", "the character U+0085 (an invisible line break"),
    "bom-mid-file.yaml": ("6:5", "the character U+FEFF (a byte order mark in the middle"),
    "control-raw.yaml": ("4:21", "the character U+0001 (a control character) is not allowed"),
    "control-escaped.yaml": ("4:16", "U+0001 (a control character), which is not allowed in text"),
    "escape-sequence-escaped.yaml": ("4:16", "U+001B (a control character)"),
    "c1-control-escaped.yaml": ("4:16", "U+009B (a control character)"),
    "nul-escaped.yaml": ("4:16", "U+0000 (a control character)"),
    "nul-raw.yaml": ("1:1", "this is a binary file"),
    "surrogate-escaped.yaml": ("4:16", "U+D800 (a lone surrogate)"),
    "noncharacter-escaped.yaml": ("4:16", "U+FFFE (a noncharacter)"),
}

LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from generator import cli
sys.exit(cli.main(sys.argv[1:]))
"""


def dxsite_limited(*args: str) -> tuple[int, str, str]:
    """Run dxsite in a process that may use at most 1 GiB of memory: (exit code, out, err)."""
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return done.returncode, done.stdout, done.stderr


def test_the_corpus_covers_every_yaml_file_in_it() -> None:
    files = {p.name for p in (HOSTILE / "yaml").glob("*.yaml")} - {"base.yaml"}
    assert files == set(YAML_CORPUS)


@pytest.mark.parametrize("name", YAML_CORPUS)
def test_hostile_yaml_gives_a_located_error_or_is_accepted(
    scaffold: Path, dxsite: Run, name: str
) -> None:
    (scaffold / "kpis.yaml").write_bytes((HOSTILE / "yaml" / name).read_bytes())
    code, out = dxsite("check", str(scaffold))
    expected = YAML_CORPUS[name]
    if expected is None:
        assert code == 0, out
        return
    where, message = expected
    assert code == 1
    assert f"kpis.yaml:{where}: error: " in out, out
    assert message in out, out


@pytest.mark.parametrize(
    "name", ["billion-laughs.yaml", "deep-flow.yaml", "deep-flow-map.yaml", "deep-block.yaml"]
)
def test_bombs_and_deep_nesting_are_refused_in_bounded_memory_without_a_traceback(
    scaffold: Path, name: str
) -> None:
    (scaffold / "kpis.yaml").write_bytes((HOSTILE / "yaml" / name).read_bytes())
    code, out, err = dxsite_limited("check", str(scaffold))
    assert code == 1 and "Traceback" not in err, err
    where, message = YAML_CORPUS[name] or ("", "")
    assert f"kpis.yaml:{where}: error: " in out and message in out


def test_a_50_mb_file_is_refused_in_bounded_memory(scaffold: Path) -> None:
    with (scaffold / "kpis.yaml").open("wb") as f:
        f.write((HOSTILE / "yaml/base.yaml").read_bytes())
        f.write(b"# " + b"x" * 50_000_000 + b"\n")
    code, out, err = dxsite_limited("check", str(scaffold))
    assert code == 1 and "Traceback" not in err, err
    assert "kpis.yaml:1:1: error: the file is 50 MB; the limit is 20 MB" in out


def test_a_50_mb_chapter_is_refused_in_bounded_memory(scaffold: Path) -> None:
    with (scaffold / "plan/chapters/ja/01-introduction.md").open("wb") as f:
        f.write("# はじめに\n\n".encode())
        f.write(("あ" * 1000 + "\n").encode() * 17_000)
    code, out, err = dxsite_limited("check", str(scaffold))
    assert code == 1 and "Traceback" not in err, err
    assert "plan/chapters/ja/01-introduction.md:1:1: error: the file is 51 MB" in out


def test_a_1_mb_line_of_text_is_an_error_at_its_line(scaffold: Path) -> None:
    base = (HOSTILE / "yaml/base.yaml").read_text(encoding="utf-8")
    long_name = "    name: " + "あ<" * 250_000
    lines = base.splitlines()
    lines[3] = long_name
    (scaffold / "kpis.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = dxsite_limited("check", str(scaffold))
    assert code == 1 and "Traceback" not in err, err
    limit = f"the limit is {MAX_TEXT:,}"
    assert f"kpis.yaml:4:11: error: the text is 500,000 characters long; {limit}" in out


def test_a_1_mb_comment_line_is_accepted(scaffold: Path) -> None:
    base = (HOSTILE / "yaml/base.yaml").read_text(encoding="utf-8")
    (scaffold / "kpis.yaml").write_text(base + "# " + "x" * 1_000_000 + "\n", encoding="utf-8")
    code, out, err = dxsite_limited("check", str(scaffold))
    assert code == 0 and "Traceback" not in err, out + err


def test_texts_at_the_length_limit_build_and_stay_escaped(scaffold: Path) -> None:
    longest = ("<&*" * MAX_TEXT)[:MAX_TEXT]  # the most Markdown escapes a heading can need

    def kpi_name(data: dict[str, Any]) -> None:
        data["kpis"][0]["name"] = _words(longest, longest)

    def action_name(data: dict[str, Any]) -> None:
        data["strategies"][0]["measures"][0]["actions"][0]["name"] = _words(longest, longest)

    _edit(scaffold, "kpis.yaml", kpi_name)
    _edit(scaffold, "plan/strategies.yaml", action_name)
    site = build(scaffold)
    h1 = soup(site / "kpis/online-rate/index.html").find("h1")
    assert h1 is not None and h1.get_text() == longest
    gantt = soup(site / "strategies/index.html").select_one("figure.dx-chart--gantt text title")
    assert gantt is not None and gantt.get_text() == longest


def test_a_control_character_the_build_could_not_write_never_reaches_the_build(
    scaffold: Path,
) -> None:
    (scaffold / "kpis.yaml").write_bytes((HOSTILE / "yaml/surrogate-escaped.yaml").read_bytes())
    site = scaffold / "site"
    code, out, err = dxsite_limited("build", str(scaffold), "--site-dir", str(site))
    assert code == 1 and "Traceback" not in err, err
    assert "kpis.yaml:4:16: error: the text contains U+D800" in out
    assert not site.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("# はじめに\n".encode("utf-16"), "1:1: error: the file is in UTF-16"),
        ("# はじめに\n".encode("cp932"), "1:1: error: the file looks like Shift_JIS"),
        ("# はじめに\n\n本文\xff".encode().replace("\xff".encode(), b"\xff"), "3:3: error: "),
    ],
    ids=["utf-16", "shift-jis", "invalid-utf8"],
)
def test_a_chapter_in_another_encoding_is_a_located_error(
    scaffold: Path, dxsite: Run, content: bytes, message: str
) -> None:
    (scaffold / "plan/chapters/ja/01-introduction.md").write_bytes(content)
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert f"plan/chapters/ja/01-introduction.md:{message}" in out


def test_a_link_to_a_file_outside_the_project_is_refused_not_published(
    scaffold: Path, tmp_path: Path, dxsite: Run
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# 秘密\n\nTOKEN=abc123\n", encoding="utf-8")
    (scaffold / "plan/chapters/ja/02-leak.md").symlink_to(secret)
    (scaffold / "plan/governance.yaml").unlink()
    (scaffold / "plan/governance.yaml").symlink_to(tmp_path / "secret.md")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    outside = "error: the file is a link to a file outside the project: commit the file itself"
    assert f"plan/chapters/ja/02-leak.md:1:1: {outside}" in out
    assert f"plan/governance.yaml:1:1: {outside}" in out
    assert "TOKEN" not in out


def test_a_link_inside_the_project_is_read(scaffold: Path, dxsite: Run) -> None:
    for lang in ("ja", "en"):
        (scaffold / f"plan/chapters/{lang}/02-again.md").symlink_to("01-introduction.md")
    code, out = dxsite("check", str(scaffold))
    assert code == 0, out


def test_a_pipe_or_device_is_refused_without_reading_it(scaffold: Path, dxsite: Run) -> None:
    os.mkfifo(scaffold / "plan/chapters/ja/02-pipe.md")  # reading it would wait for ever
    (scaffold / "plan/chapters/ja/03-zero.md").symlink_to(scaffold / "plan/chapters/ja/02-pipe.md")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "plan/chapters/ja/02-pipe.md:1:1: error: this is not a regular file" in out
    assert "plan/chapters/ja/03-zero.md:1:1: error: this is not a regular file" in out


def test_an_accessibility_report_holding_markup_is_shown_escaped(scaffold: Path) -> None:
    report = json.loads((ROOT / "accessibility.json").read_text(encoding="utf-8"))
    report["tool"] = report["browser"] = PAYLOAD
    report["pages"][0]["url"] = PAYLOAD
    (scaffold / "accessibility.json").write_text(json.dumps(report), encoding="utf-8")
    page = soup(build(scaffold) / "accessibility/index.html")
    article = page.find("article")
    assert article is not None and norm(PAYLOAD) in norm(article.get_text())
    assert article.find_all(DANGEROUS_TAGS) == [] and unsafe_attributes(article) == []


@pytest.mark.parametrize(
    "report", [{"date": "garbage", "pages": 5}, {"date": "2024-01-01"}], ids=["bad-date", "no-keys"]
)
def test_a_malformed_accessibility_report_is_no_traceback(
    scaffold: Path, report: dict[str, Any]
) -> None:
    (scaffold / "accessibility.json").write_text(json.dumps(report), encoding="utf-8")
    code, _, err = dxsite_limited("build", str(scaffold), "--site-dir", str(scaffold / "site"))
    assert "Traceback" not in err and code in (0, 1), err


# --- 7. Content-Security-Policy -----------------------------------------------------------------

_CSP = 'meta[http-equiv="Content-Security-Policy"]'


def policy(page: BeautifulSoup) -> dict[str, list[str]]:
    """The page's CSP meta tag as directive → sources."""
    metas = page.select(_CSP)
    assert len(metas) == 1, f"{len(metas)} CSP meta tags"
    directives = [d.split() for d in str(metas[0]["content"]).split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def test_every_page_has_one_csp_meta_tag_before_any_script_or_stylesheet(
    clean_site: Path, chapter_site: Path
) -> None:
    for site in (clean_site, chapter_site):
        for rel, path in html_pages(site).items():
            head = soup(path).head
            assert head is not None, rel
            first = head.find(["meta", "script", "link", "style"], attrs={"charset": False})
            assert first is not None and first.get("http-equiv") == "Content-Security-Policy", rel
            policy(soup(path))


def test_the_policy_allows_only_the_sites_own_scripts_and_styles(clean_site: Path) -> None:
    for rel, path in html_pages(clean_site).items():
        csp = policy(soup(path))
        assert csp["default-src"] == ["'none'"], rel
        for directive in ("style-src", "script-src"):
            assert csp[directive][0] == "'self'", rel
            assert all(s.startswith("'sha256-") for s in csp[directive][1:]), rel
        assert len(csp["style-src"]) == (2 if rel.endswith("404.html") else 1), rel
        for directive, sources in csp.items():
            for bad in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "blob:"):
                assert bad not in sources, (rel, directive, bad)
        assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"], rel


def test_every_inline_script_is_allowed_by_its_hash(clean_site: Path, chapter_site: Path) -> None:
    for site in (clean_site, chapter_site):
        for rel, path in html_pages(site).items():
            page = soup(path)
            allowed = set(policy(page)["script-src"])
            inline = [s for s in page.find_all("script") if not s.get("src")]
            executable = [s for s in inline if s.get("type") != "application/json"]
            assert executable, rel
            for script in executable:
                assert sha256(script.get_text()) in allowed, (rel, script.get_text()[:60])


def test_no_inline_style_the_policy_would_block_is_on_any_page(
    clean_site: Path, chapter_site: Path, hostile_site: Path
) -> None:
    for site in (clean_site, chapter_site, hostile_site):
        for rel, path in html_pages(site).items():
            page = soup(path)
            # Only the 404 pages have a stylesheet of their own, outside the content and
            # allowed by its hash (they must look right from any base path).
            styles = page.find_all("style")
            assert not styles or rel.endswith("404.html"), rel
            for style in styles:
                assert style.find_parent("article") is None, rel
                assert sha256(style.get_text()) in policy(page)["style-src"], rel
            assert page.find(style=True) is None, rel


def test_every_script_stylesheet_and_search_file_comes_from_the_site_itself(
    clean_site: Path,
) -> None:
    for rel, path in html_pages(clean_site).items():
        page = soup(path)
        base = path.parent
        urls = [str(s["src"]) for s in page.find_all("script", src=True)]
        urls += [str(s["href"]) for s in page.find_all("link", rel="stylesheet")]
        for url in urls:
            assert scheme(url) == "" and not url.startswith("//"), (rel, url)
            if not url.startswith("/"):
                assert (base / url.split("?")[0]).resolve().is_file(), (rel, url)
        if rel.endswith("404.html"):
            assert urls == [], rel  # whole from any base path: its style and script are inline
            continue
        config = page.select_one("script#__config")
        assert config is not None, rel
        worker = json.loads(config.get_text())["search"]
        assert scheme(worker) == "" and not worker.startswith("//"), (rel, worker)
        assert (base / worker).resolve().is_file(), (rel, worker)


def test_search_can_work_under_the_policy(clean_site: Path) -> None:
    """Statically: the index is a same-origin file the search page may fetch (connect-src
    'self'), its script is a same-origin file loaded by the search page only, and no script of
    the site needs eval (the policy has no 'unsafe-eval'). The browser tests run it for real."""
    for index in ("search/index.json", "en/search/index.json"):
        assert json.loads((clean_site / index).read_text(encoding="utf-8"))
    csp = policy(soup(clean_site / "index.html"))
    assert csp["connect-src"] == ["'self'"]
    for rel, path in html_pages(clean_site).items():
        scripts = [str(s["src"]) for s in soup(path).find_all("script", src=True)]
        assert any(s.endswith("search.js") for s in scripts) == rel.endswith("search/index.html")
    javascript = [
        path
        for path in (clean_site / "assets/javascripts").rglob("*.js")
        if path.name != "wordcut.js"  # Thai word splitting: lunr loads it for Thai sites only
    ]
    assert any(p.name == "search.js" for p in javascript)
    for path in javascript:
        code = path.read_text(encoding="utf-8")
        assert "new Function(" not in code and not re.search(r"\beval\(", code), path.name


def test_an_inline_script_inside_the_page_content_gets_no_hash() -> None:
    theme = "<script>theme()</script>"
    page = (
        '<html><head><meta charset="utf-8">' + theme + "</head><body>"
        '<article class="md-content__inner"><script>injected()</script></article>'
        '<script>after()</script><script id="__config" type="application/json">{}</script>'
        "</body></html>"
    )
    csp = policy(BeautifulSoup(postprocess.add_csp(page), "html.parser"))
    assert sha256("theme()") in csp["script-src"]
    assert sha256("after()") in csp["script-src"]
    assert sha256("injected()") not in csp["script-src"]
    assert sha256("{}") not in csp["script-src"]
