"""The accessibility statement: JIS X 8341-3:2016 Annex JB's items from the recorded evidence.

The evidence is the last automated run (accessibility.json) and the results a person recorded
by hand (accessibility-manual.yaml). Each success criterion of levels A and AA gets one result:
不適合 (not met) where axe-core found a violation of a rule tagged with it, whatever was
recorded by hand; else the manual result (適合, 不適合, 適用なし); else 未確認 (not checked by
hand: an automated test alone never makes a criterion met). The degree of conformance follows
from the results by the rule the page states (see `degree`).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..jis import CRITERIA, Criterion
from ..messages.catalogue import CATALOGUE
from ..model.accessibility import ManualFile
from ..model.text import Text
from . import labels
from .memo import Kept, head
from .notfound import NOT_FOUND

PASS, FAIL, NA, UNCHECKED = "pass", "fail", "na", "unchecked"
_MANUAL = {"適合": PASS, "不適合": FAIL, "適用なし": NA}
FULL, PARTIAL, CONSIDERED = "full", "partial", "considered"
_TITLE = re.compile(r'^title: (".*")$', re.M)
OWN = "accessibility/"
"""The statement's own place in the site."""


@dataclass
class Row:
    """One success criterion in the checklist."""

    criterion: Criterion
    rules: list[str]
    """The axe-core rules of the run that test it."""
    failing: list[str] = field(default_factory=list)
    """The pages where one of those rules found a violation."""
    manual: str | None = None
    """The result recorded by hand (適合, 不適合, 適用なし), if any."""
    note: Text | None = None

    @property
    def result(self) -> str:
        """PASS, FAIL, NA or UNCHECKED: an automated violation wins over a manual result."""
        if self.failing:
            return FAIL
        return _MANUAL[self.manual] if self.manual else UNCHECKED


def checklist(report: dict[str, Any] | None, manual: ManualFile | None) -> list[Row]:
    """Every criterion of levels A and AA with the automated and the manual evidence."""
    mapped: dict[str, list[str]] = {c.id: [] for c in CRITERIA}
    for rule, criteria in (report or {}).get("rule_criteria", {}).items():
        for cid in criteria:
            if cid in mapped:
                mapped[cid].append(rule)
    checks = manual.criteria if manual else {}
    rows = []
    for c in CRITERIA:
        rules = sorted(mapped[c.id])
        failing = [
            page["url"]
            for page in (report or {}).get("pages", [])
            if set(rules) & set(page.get("rules", []))
        ]
        check = checks.get(c.id)
        rows.append(
            Row(c, rules, failing, check.result if check else None, check.note if check else None)
        )
    return rows


def degree(rows: list[Row], report: dict[str, Any] | None, manual: ManualFile | None) -> str:
    """準拠 (FULL) only with an automated run and every criterion met or not applicable by hand
    and by the run; 一部準拠 (PARTIAL) when every criterion was checked, some are not met and
    the plan for them is stated; 配慮 (CONSIDERED) otherwise."""
    if report is None or manual is None or any(r.result == UNCHECKED for r in rows):
        return CONSIDERED
    if all(r.result in (PASS, NA) for r in rows):
        return FULL
    return PARTIAL if manual.plan else CONSIDERED


@dataclass
class Tested:
    """One page of the site as tested: its title and link here, and its violations."""

    title: str
    href: str | None
    other_href: str | None
    violations: dict[str, int | None]


def page_titles(pages: dict[str, str | Kept]) -> dict[str, str]:
    """The site path of every rendered page (kpis/, "" for home) → its title (HTML-escaped)."""
    titles = {}
    for path, page in pages.items():
        match = _TITLE.search(head(page))
        if match:
            stem = path.removesuffix(".md").removesuffix("index").removesuffix("/")
            titles[stem + "/" if stem else ""] = json.loads(match.group(1))
    return titles


def tested_pages(report: dict[str, Any], lang: str, titles: dict[str, str]) -> list[Tested]:
    """The recorded pages, one row per page with both languages' violations, in the site's
    order; a page the site no longer has keeps its row, marked (its title unknown)."""
    here = ("/en/" if lang == "en" else "/") + OWN
    own, other = ("/en/", "/") if lang == "en" else ("/", "/en/")
    counts: dict[str, dict[str, int | None]] = {}
    for page in report.get("pages", []):
        url = str(page["url"])
        key = url.removeprefix("/en/") if url.startswith("/en/") else url.removeprefix("/")
        side = "en" if url.startswith("/en/") else "ja"
        counts.setdefault(key, {"ja": None, "en": None})[side] = int(page["violations"])
    words = CATALOGUE["a11y.404.title"][lang]
    rows = []
    for key, violations in counts.items():
        title = titles.get(key) or (words if key == NOT_FOUND else None)
        if title is None:
            rows.append(Tested("/" + key, None, None, violations))
        else:
            rows.append(Tested(title, _link(own + key, here), _link(other + key, here), violations))
    return rows


def _link(target: str, here: str) -> str:
    """A link from the page at `here` to the site path `target` (both from the site's root)."""
    rel = posixpath.relpath(target, here)
    return rel + "/" if target.endswith("/") else rel


def context(evidence: dict[str, Any] | None, lang: str, titles: dict[str, str]) -> dict[str, Any]:
    """What the policy page's template needs: the words, the evidence and what follows
    (`titles`: every other page's, see page_titles)."""
    own_title = html.escape(labels.LABELS["accessibility"][lang])
    report = (evidence or {}).get("report")
    recorded = (evidence or {}).get("manual")
    manual = ManualFile.model_validate(recorded, strict=False) if recorded else None
    rows = checklist(report, manual)
    dates = [d for d in ((report or {}).get("date"), manual.end if manual else None) if d]
    words = {
        key.removeprefix("a11y.s."): _marked(entry[lang], lang)
        for key, entry in CATALOGUE.items()
        if key.startswith("a11y.s.")
    }
    schemes = labels.COMMA[lang].join(
        str(words.get(s, s)) for s in (report or {}).get("schemes", [])
    )
    return {
        "W": words,
        "report": report,
        "manual": manual,
        "rows": rows,
        "degree": degree(rows, report, manual),
        "unchecked": sum(r.result == UNCHECKED for r in rows),
        "stated": max(dates) if dates else None,
        "tested": tested_pages(report, lang, {**titles, OWN: own_title}) if report else [],
        "schemes": schemes,
    }


_JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff「」（）・]+")


def _marked(words: str, lang: str) -> Markup:
    """Words as HTML; on an English page the Japanese in them (準拠 …) marked lang="ja"."""
    escaped = html.escape(words, quote=False)
    if lang == "en":
        escaped = _JAPANESE_RUN.sub(lambda m: f'<span lang="ja">{m.group()}</span>', escaped)
    return Markup(escaped)
