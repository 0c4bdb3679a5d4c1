"""Finish the built pages: Japanese phrase breaks and a Content-Security-Policy on every page;
dxsite's own 404 pages; one bilingual sitemap."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from xml.sax.saxutils import escape

import markupsafe

from .model.plan import PlanFile
from .phrases import break_phrases
from .render import notfound

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_INLINE_STYLE = re.compile(r"<style(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
POLICY = (
    "default-src 'none'; script-src 'self'{hashes}; style-src 'self'{styles}; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; base-uri 'self'; form-action 'self'"
)


def _content(html: str) -> tuple[int, int]:
    """Where the page content (rendered from the plan) starts and ends: from the first <article
    to the end of the last </article>; (0, 0) when the page has none."""
    start, end = html.find("<article"), html.rfind("</article>")
    return (start, end + len("</article>")) if 0 <= start < end else (0, 0)


def _hashes(html: str, element: re.Pattern[str]) -> list[str]:
    """The hashes of the theme's inline scripts or styles (the 404 page's stylesheet). One
    inside the page content can only have been injected (plan text is escaped, chapters are
    sanitised): it gets no hash, so the browser refuses it even if escaping ever failed."""
    start, end = _content(html)
    hashes = []
    for match in element.finditer(html):
        if "application/json" in match.group("attrs") or start <= match.start() < end:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def add_csp(html: str) -> str:
    """Allow only the site's own scripts and styles (and the theme's own inline ones)."""
    scripts, styles = _hashes(html, _INLINE_SCRIPT), _hashes(html, _INLINE_STYLE)
    policy = POLICY.format(
        hashes="".join(f" {h}" for h in scripts), styles="".join(f" {h}" for h in styles)
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return _CHARSET.sub(lambda m: m.group(0) + "\n    " + meta, html, count=1)


def sitemap(site: Path, site_url: str) -> str:
    """A sitemap listing every page of both languages with hreflang alternates."""
    base = site_url.rstrip("/") + "/"
    pages = sorted(p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("index.html"))
    entries = []
    for rel in pages:
        path = rel.removesuffix("index.html")
        urls = {"ja": base + path, "en": base + "en/" + path}
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(url)}"/>'
            for lang, url in urls.items()
        )
        entries += [f"<url><loc>{escape(url)}</loc>{links}</url>" for url in urls.values()]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n"
    )


_MINIJINJA_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#x27;",
    "/": "&#x2f;",
}
"""What Zensical's template engine (MiniJinja) writes for `|e`: it also escapes `/`."""


def unescape_twice_escaped(html: str, site_name: str) -> str:
    """The site name where the theme escaped it again: dxsite writes it escaped into the config,
    as the builders' templates print it raw, so a template's own `|e` (the logo's title in the
    navigation) escapes it a second time, as Jinja (MkDocs) or MiniJinja (Zensical) escapes.
    Only whole `title` attributes holding exactly that are put back."""
    for twice in (
        str(markupsafe.escape(site_name)),
        "".join(_MINIJINJA_ESCAPES.get(c, c) for c in site_name),
    ):
        if twice != site_name:
            html = html.replace(f'title="{twice}"', f'title="{site_name}"')
    return html


def finish_page(html: str, site_name: str) -> str:
    """A page as published: Japanese broken between phrases, the theme's second escaping of the
    site name undone, the CSP added."""
    return add_csp(unescape_twice_escaped(break_phrases(html), site_name))


def write_not_found(site: Path, plan: PlanFile, names: dict[str, str]) -> None:
    """dxsite's own 404 pages (generator/render/notfound.py), finished, at ROOT/404.html and
    ROOT/en/404.html of the assembled `site`, whole from any base path."""
    top = notfound.top_level(site)
    for lang, root in notfound.ROOTS.items():
        page = finish_page(notfound.page(plan, lang, top), names[lang])
        (site / root / notfound.NOT_FOUND).write_text(page, encoding="utf-8")
