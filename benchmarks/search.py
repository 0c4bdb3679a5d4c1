"""Search quality on a built site: real searches in Chromium, recall, precision, zero results.

`python -m benchmarks.search [--site SITE] [--engine dxsite|material|pagefind]` builds the
shipped plan (unless SITE is given), serves it on 127.0.0.1 and runs every query of
search_queries.yaml in Debian's headless Chromium, in its own language:

- dxsite    the site's own search page (search/?q=…), as a reader uses it;
- material  Material's search (its plugin and the dxsite separator), for comparison: the site is
            rebuilt with the plugin, once as Material indexes it, once with dxsite's items
            (`--clean-index`);
- pagefind  Pagefind (PyPI `pagefind[extended]`) run over the built site, searched through its
            JavaScript API, every sub-result (heading anchor) counted as a result.

A result is relevant when the item it links to (a page, the section under a heading, an
action's row) holds every word of the query, as the reader sees that item in the browser: a
word counts when it is there as written, or when all of its parts split at hiragana,
punctuation and script boundaries are. Recall counts the items of `expect` found, as links
to the item itself (page and anchor). Figures are means over the queries; precision over the
queries that found something.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from generator import accessibility, search

QUERIES = Path(__file__).with_name("search_queries.yaml")
REPO = Path(__file__).resolve().parent.parent
TARGETS = {"precision": 0.95, "recall": 0.98}
_LATIN = re.compile(r"[a-z0-9]")
_SEPARATOR = re.compile(search.JA_SEPARATOR)
ROOTS = {"ja": "/", "en": "/en/"}

# The text of the item an anchor names, as rendered: a row, a heading and what follows it up
# to the next heading, or the whole article. Charts' SVG is not text a reader reads.
_ITEM_TEXT = """(anchor) => {
  const article = document.querySelector("article");
  if (!article) return null;
  const box = document.createElement("div");
  box.style.position = "absolute";
  box.style.left = "-10000px";
  document.body.append(box);
  let source = article;
  if (anchor) {
    const el = document.getElementById(anchor);
    if (!el || !article.contains(el)) return null;
    if (el.tagName === "TR") {
      const table = document.createElement("table");
      table.append(el.cloneNode(true));
      source = table;
    } else {
      const range = document.createRange();
      range.setStartBefore(el);
      const heads = [...article.querySelectorAll("h1,h2,h3,h4,h5,h6")];
      const next = heads[heads.indexOf(el) + 1];
      if (next) range.setEndBefore(next); else range.setEndAfter(article.lastChild);
      source = document.createElement("div");
      source.append(range.cloneContents());
    }
  } else {
    source = article.cloneNode(true);
  }
  box.append(source === article ? article.cloneNode(true) : source);
  box.querySelectorAll("[data-search-exclude]").forEach((n) => n.remove());
  const text = box.innerText;
  box.remove();
  return text;
}"""


@dataclass
class Query:
    """One query in one language and the items it must find."""

    lang: str
    kind: str
    text: str
    expect: list[str]


@dataclass
class Outcome:
    """What one query found and how much of it was right."""

    query: Query
    results: list[str]
    relevant: list[bool]

    @property
    def recall(self) -> float:
        found = set(self.results)
        return sum(e in found for e in self.query.expect) / len(self.query.expect)

    @property
    def page_recall(self) -> float:
        """Recall when a link to the right page counts, whatever its anchor."""
        pages = {r.partition("#")[0] for r in self.results}
        return sum(e.partition("#")[0] in pages for e in self.query.expect) / len(self.query.expect)

    @property
    def precision(self) -> float | None:
        return sum(self.relevant) / len(self.relevant) if self.relevant else None

    @property
    def missed(self) -> list[str]:
        return [e for e in self.query.expect if e not in self.results]

    @property
    def wrong(self) -> list[str]:
        return [r for r, ok in zip(self.results, self.relevant, strict=True) if not ok]


@dataclass
class Summary:
    """The figures of one engine in one language."""

    lang: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(o.recall for o in self.outcomes) / len(self.outcomes)

    @property
    def page_recall(self) -> float:
        return sum(o.page_recall for o in self.outcomes) / len(self.outcomes)

    @property
    def precision(self) -> float:
        values = [p for o in self.outcomes if (p := o.precision) is not None]
        return sum(values) / len(values) if values else 0.0

    @property
    def zero(self) -> list[str]:
        return [o.query.text for o in self.outcomes if not o.results]

    def meets_targets(self) -> bool:
        """Precision and recall at their targets and no query without a result."""
        return (
            self.precision >= TARGETS["precision"]
            and self.recall >= TARGETS["recall"]
            and not self.zero
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "queries": len(self.outcomes),
            "recall": round(self.recall, 3),
            "page_recall": round(self.page_recall, 3),
            "precision": round(self.precision, 3),
            "zero_result": self.zero,
            "missed": {o.query.text: o.missed for o in self.outcomes if o.missed},
            "irrelevant": {o.query.text: o.wrong for o in self.outcomes if o.wrong},
        }


def queries(path: Path = QUERIES) -> list[Query]:
    """The query sets of both languages."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(lang, str(q["kind"]), str(q["q"]), [str(e) for e in q["expect"]])
        for lang, entries in data.items()
        for q in entries
    ]


def normalise(text: str) -> str:
    """As the search compares text: NFKC, lower case, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _holds(text: str, word: str) -> bool:
    at = text.find(word)
    while at > 0 and _LATIN.match(word[0]) and _LATIN.match(text[at - 1]):
        at = text.find(word, at + 1)
    return at >= 0


def holds_query(text: str, query: str) -> bool:
    """Whether `text` holds every word of `query`, as written or as its separated parts."""
    text = normalise(text)
    for word in normalise(query).split(" "):
        parts = [p for p in _SEPARATOR.split(word) if p]
        if not _holds(text, word) and not all(_holds(text, p) for p in parts):
            return False
    return True


Engine = Callable[[Any, str, str], list[str]]
"""(page, language root URL, query) → the links of the results, in order (absolute URLs)."""


def dxsite_engine(page: Any, root: str, query: str) -> list[str]:
    """Type the query into the site's own search page as a reader does."""
    if not page.url.startswith(root + "search/"):
        page.goto(root + "search/")
    page.locator("#dx-search-q").fill(query)
    page.locator("#dx-search-q").press("Enter")
    page.wait_for_function(
        "q => document.getElementById('dx-search').dataset.shown === q", arg=query
    )
    links = page.locator("#dx-search-results a")
    return [
        urljoin(page.url, links.nth(i).get_attribute("href") or "") for i in range(links.count())
    ]


def material_engine(page: Any, root: str, query: str) -> list[str]:
    """Type the query into Material's search box; every result link (sections included)."""
    page.goto(root)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=10)
    page.keyboard.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|初期化/.test(m.textContent) &&"
        " document.querySelector('.md-search__input').value.length > 0; }"
    )
    page.wait_for_timeout(300)
    links = page.locator("a.md-search-result__link")
    return [
        urljoin(page.url, links.nth(i).get_attribute("href") or "") for i in range(links.count())
    ]


_PAGEFIND = """async (query) => {
  const pf = await import(new URL("pagefind/pagefind.js", location.href).href);
  const found = await pf.search(query);
  const out = [];
  for (const r of found.results) {
    const data = await r.data();
    const subs = data.sub_results && data.sub_results.length ? data.sub_results : [data];
    for (const s of subs) out.push(new URL(s.url, location.href).href);
  }
  return out;
}"""


def pagefind_engine(page: Any, root: str, query: str) -> list[str]:
    """Pagefind's JavaScript API, from a page of the language's root without the site's CSP."""
    if not page.url.startswith(root + "pagefind-probe.html"):
        page.goto(root + "pagefind-probe.html")
    return list(page.evaluate(_PAGEFIND, query))


def _relative(url: str, base: str, root: str) -> str:
    """A result's link relative to its language's root, with its anchor."""
    parts = urlsplit(url)
    path = parts.path.removeprefix(urlsplit(base).path)
    path = path.removeprefix(root.rstrip("/")).removeprefix("/")
    return path.removesuffix("index.html") + (f"#{parts.fragment}" if parts.fragment else "")


def evaluate(browser: Any, base: str, engine: Engine, chosen: list[Query]) -> list[Summary]:
    """Run every query with `engine`; judge every result on the page it links to."""
    context = accessibility.new_context(browser)
    page, judge = context.new_page(), context.new_page()
    texts: dict[tuple[str, str], str | None] = {}
    summaries = {lang: Summary(lang) for lang in ROOTS}
    try:
        for q in chosen:
            root = base + ROOTS[q.lang]
            found = [_relative(u, base, ROOTS[q.lang]) for u in engine(page, root, q.text)]
            results = list(dict.fromkeys(found))
            relevant = []
            for link in results:
                key = (q.lang, link)
                if key not in texts:
                    path, _, anchor = link.partition("#")
                    judge.goto(root + path)
                    texts[key] = judge.evaluate(_ITEM_TEXT, anchor)
                text = texts[key]
                relevant.append(text is not None and holds_query(text, q.text))
            summaries[q.lang].outcomes.append(Outcome(q, results, relevant))
    finally:
        context.close()
    return [s for s in summaries.values() if s.outcomes]


def run(site: Path, engine: Engine, chosen: list[Query] | None = None) -> list[Summary]:
    """Serve `site` and measure `engine` on the query sets."""
    from playwright.sync_api import sync_playwright

    with (
        accessibility.serve(site) as base,
        sync_playwright() as playwright,
    ):
        browser = accessibility.launch(playwright)
        try:
            return evaluate(browser, base, engine, chosen or queries())
        finally:
            browser.close()


def build_shipped(out: Path) -> Path:
    """Build the shipped plan into OUT/site (a copy of its sources); the site."""
    from generator import cli

    project = out / "arao"
    for name in ("plan", "kpis.yaml", "mkdocs.yml", "theme", "accessibility.json"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.is_file():
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / name)
    if cli.main(["build", str(project)]) != 0:
        raise SystemExit("the shipped plan did not build")
    return project / "site"


def with_material(project_site: Path, clean_index: bool) -> Path:
    """Rebuild the site's generated configs with Material's search plugin into a new site."""
    from generator.site import WORK_DIR

    project = project_site.parent
    out = project / ("site-material-clean" if clean_index else "site-material")
    shutil.rmtree(out, ignore_errors=True)
    for lang in ROOTS:
        config_path = project / WORK_DIR / f"mkdocs.{lang}.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        options: dict[str, Any] = {"lang": lang}
        if lang == "ja":
            options["separator"] = search.JA_SEPARATOR
        else:
            options["pipeline"] = ["stopWordFilter"]
        config["plugins"] = [{"search": options}]
        config["theme"]["custom_dir"] = str(_material_theme(project))
        variant = project / WORK_DIR / f"material.{lang}.yml"
        variant.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        target = out if lang == "ja" else out / "en"
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(variant)]
        subprocess.run([*command, "-d", str(target)], check=True, capture_output=True)
        if clean_index:
            _clean_material_index(target, out / "en" if lang == "ja" else None)
    return out


def _material_theme(project: Path) -> Path:
    """The project's theme without dxsite's header (which replaces Material's search box)."""
    theme = project / ".dxsite" / "theme-material"
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(project / "theme", theme)
    (theme / "partials" / "header.html").unlink(missing_ok=True)
    return theme


def _clean_material_index(root: Path, nested: Path | None) -> None:
    """Material's index with dxsite's items in place of Material's sections."""
    index_path = root / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    entries = search.language_index(root, (nested,) if nested else ())
    index["docs"] = [{"location": e["u"], "title": e["t"], "text": e["x"]} for e in entries]
    index_path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def with_pagefind(site: Path) -> Path:
    """A copy of the site indexed by Pagefind, with a probe page (no CSP) per language."""
    out = site.with_name("site-pagefind")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(site, out)
    for lang, root in ROOTS.items():
        folder = out / root.strip("/")
        command = [sys.executable, "-m", "pagefind", "--site", str(folder)]
        if lang == "ja":
            command += ["--exclude-selectors", "[data-search-exclude]", "--glob", "[!e]*/**/*.html"]
        else:
            command += ["--exclude-selectors", "[data-search-exclude]"]
        subprocess.run(command, check=True, capture_output=True)
        (folder / "pagefind-probe.html").write_text(
            f'<!doctype html><html lang="{lang}"><title>probe</title></html>', encoding="utf-8"
        )
    return out


@contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    if keep:
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="dxsite-search-") as tmp:
        yield Path(tmp)


def report(name: str, summaries: list[Summary]) -> str:
    """One line per language, then what was missed or wrong."""
    lines = []
    for s in summaries:
        status = "met" if s.meets_targets() else "missed"
        lines.append(
            f"{name:18} {s.lang}  {len(s.outcomes):3} queries  recall {s.recall:.3f}  "
            f"(pages {s.page_recall:.3f})  precision {s.precision:.3f}  "
            f"zero-result {len(s.zero)}  targets {status}"
        )
        for o in s.outcomes:
            if o.missed or o.wrong or not o.results:
                lines.append(f"    {o.query.text!r}: missed {o.missed} irrelevant {o.wrong[:4]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure the chosen engines; exit 1 when dxsite's search misses a target."""
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.search", description=__doc__.split("\n")[0]
    )
    p.add_argument("--engine", action="append", choices=["dxsite", "material", "pagefind"])
    p.add_argument("--work", type=Path, help="build here and keep it (default: a temp folder)")
    p.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = p.parse_args(argv)
    engines = args.engine or ["dxsite"]
    figures: dict[str, Any] = {}
    ok = True
    with _workdir(args.work) as work:
        site = build_shipped(work)
        runs: list[tuple[str, Path, Engine]] = []
        if "dxsite" in engines:
            runs.append(("dxsite", site, dxsite_engine))
        if "material" in engines:
            runs.append(("material", with_material(site, False), material_engine))
            runs.append(("material-clean", with_material(site, True), material_engine))
        if "pagefind" in engines:
            runs.append(("pagefind", with_pagefind(site), pagefind_engine))
        for name, built, engine in runs:
            summaries = run(built, engine)
            print(report(name, summaries), flush=True)
            figures[name] = {s.lang: s.as_json() for s in summaries}
            if name == "dxsite":
                ok = all(s.meets_targets() for s in summaries)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
