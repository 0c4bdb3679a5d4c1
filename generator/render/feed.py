"""The Atom feed of one language (feed.xml): new actuals, status changes, evaluations, revisions.

Built with xml.etree.ElementTree, which escapes every text. The feed depends on the history
alone (its `updated` is the latest entry's time, not the build's), so builds stay reproducible.
Without a site_url the links are relative to the feed and the ids are name-based UUIDs.
"""

from __future__ import annotations

import datetime
import uuid
import xml.etree.ElementTree as ET

from ..history import ACTION_KINDS, FEED_KINDS, KPI_KINDS, Change, History, Kind
from ..model.project import Project
from . import labels, layout

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"
MAX_ENTRIES = 100
"""The newest changes the feed lists."""


def _when(change: Change) -> datetime.datetime:
    return datetime.datetime.fromisoformat(change.time)


def _page(project: Project, change: Change, pages: set[str]) -> str:
    """The page (URL relative to the language's root) that shows a change, with its anchor."""
    if change.kind in KPI_KINDS:
        if any(k.id == change.id for k in project.kpis.kpis):
            return f"kpis/{change.id}/#{change.anchor}"
        return "kpis/"
    if change.kind in ACTION_KINDS:
        for s in project.strategies.strategies:
            for m in s.measures:
                if any(a.id == change.id for a in m.actions):
                    page = layout.measure_page(s, m).removesuffix(".md")
                    return f"{page}/#{change.anchor}"
        return "strategies/"
    if change.kind is Kind.REVISION_ADDED:
        return "revisions/"
    if f"reports/{change.year}.md" in pages:
        return f"reports/{change.year}/"
    return ""


def _name(project: Project, change: Change, lang: str) -> str:
    """The KPI's or action's name now (or as the changed version wrote it)."""
    for kpi in project.kpis.kpis if change.kind in KPI_KINDS else []:
        if kpi.id == change.id:
            return kpi.name.get(lang)
    if change.kind in ACTION_KINDS:
        for s in project.strategies.strategies:
            for a in (a for m in s.measures for a in m.actions):
                if a.id == change.id:
                    return a.name.get(lang)
    return change.name.get(lang, "")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def feed_entries(history: History) -> list[Change]:
    """The changes the feed announces, newest first."""
    found = [(n, c) for n, c in enumerate(history.changes) if c.kind in FEED_KINDS]
    found.sort(key=lambda item: (_when(item[1]), item[0]), reverse=True)
    return [c for _, c in found[:MAX_ENTRIES]]


def atom_feed(
    project: Project, history: History, lang: str, site_url: str, pages: set[str]
) -> str | None:
    """The Atom feed of `lang` (None when the history has nothing to announce)."""
    entries = feed_entries(history)
    if not entries:
        return None
    base = site_url.rstrip("/") + "/" + ("en/" if lang == "en" else "") if site_url else ""
    title = project.plan.title.get(lang)
    feed = ET.Element("feed", {"xmlns": ATOM, "{http://www.w3.org/XML/1998/namespace}lang": lang})
    _add(feed, "id", base + FEED if base else _urn(project, lang, FEED))
    _add(feed, "title", labels.LABELS["feed_title"][lang].format(title))
    _add(feed, "updated", max(_when(c) for c in entries).isoformat())
    if base:
        _add(feed, "link", rel="self", type="application/atom+xml", href=base + FEED)
    _add(feed, "link", rel="alternate", type="text/html", href=base or "./")
    author = _add(feed, "author")
    _add(author, "name", project.plan.municipality.get(lang))
    separator = "：" if lang == "ja" else ": "
    for change in entries:
        entry = _add(feed, "entry")
        page = _page(project, change, pages)
        ident = f"{base}{page.split('#')[0]}#{change.anchor}"
        _add(entry, "id", ident if base else _urn(project, lang, change.anchor))
        name = _name(project, change, lang)
        words = change.words[lang]
        _add(entry, "title", f"{name}{separator}{words}" if name else words)
        _add(entry, "updated", _when(change).isoformat())
        _add(entry, "link", rel="alternate", type="text/html", href=base + page or "./")
        _add(entry, "summary", f"{change.date} {words}")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _urn(project: Project, lang: str, name: str) -> str:
    key = f"dxsite:{project.plan.municipality.ja}:{project.plan.title.ja}:{lang}:{name}"
    return uuid.uuid5(uuid.NAMESPACE_URL, key).urn
