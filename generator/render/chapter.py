"""A narrative chapter rendered and sanitised by dxsite itself, before any builder sees it.

The chapter's Markdown is rendered here with Python-Markdown and sanitised with nh3, so no
builder's plugin system (MkDocs hooks, which Zensical ignores) stands between a pull request and
the readers. The builder gets a page it has nothing left to interpret: the top-level headings as
Markdown headings (so every builder lists them in the page's table of contents), with every
character Markdown could read as syntax written as a character reference, and everything else as
blocks of raw HTML, which Markdown passes through unchanged.
"""

from __future__ import annotations

import re

import markdown

from ..sanitize import sanitize

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "admonition", "toc", "tables", "fenced_code"]
"""What a chapter may use (the README promises footnotes, admonitions and tables)."""
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:=\"[^\"]*\")?)*)\s*(/?)>")
_VOID = frozenset(("br", "hr", "img", "wbr", "col", "area"))
_HEADING = re.compile(r"h([1-6])")
_ID = re.compile(r'\sid="([A-Za-z0-9_:\-]+)"')
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^:<>]")
_BLOCK = '<div class="dx-chapter"{lang}>\n{html}\n</div>'


def _inert(html: str) -> str:
    """Inline HTML that Markdown leaves alone: syntax characters of its text and attribute values
    as character references (the tags themselves stay)."""
    out, last = [], 0
    for match in _TAG.finditer(html):
        out.append(
            _MARKDOWN_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", html[last : match.start()])
        )
        tag = match.group(0)
        out.append(re.sub(r'="([^"]*)"', lambda m: '="' + _entities(m.group(1)) + '"', tag))
        last = match.end()
    out.append(_MARKDOWN_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", html[last:]))
    return "".join(out)


def _entities(value: str) -> str:
    """`value` with Markdown's syntax characters as character references."""
    return _MARKDOWN_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", value)


def _top_level(html: str) -> list[tuple[str, str]]:
    """The sanitised HTML cut into ("heading", element) and ("html", run of other elements)."""
    parts: list[tuple[str, str]] = []
    depth, start, heading_start = 0, 0, -1
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(4):
            continue
        if not closing:
            if depth == 0 and _HEADING.fullmatch(name):
                if html[start : match.start()].strip():
                    parts.append(("html", html[start : match.start()]))
                heading_start = match.start()
            depth += 1
        else:
            depth -= 1
            if depth == 0 and heading_start >= 0:
                parts.append(("heading", html[heading_start : match.end()]))
                start, heading_start = match.end(), -1
    if html[start:].strip():
        parts.append(("html", html[start:]))
    return parts


def _heading(element: str, lang: str) -> str:
    """A sanitised <hN id=…>…</hN> as a Markdown heading line."""
    opening = element[: element.index(">") + 1]
    level = int(opening[2])
    inner = " ".join(element[len(opening) : element.rindex("<")].split())
    found = _ID.search(opening)
    attributes = [f"#{found.group(1)}"] if found else []
    if lang:
        attributes.append(f'lang="{lang}"')
    suffix = f" {{: {' '.join(attributes)} }}" if attributes else ""
    return f"{'#' * level} {_inert(inner).strip() or '&#8203;'}{suffix}"


def render_chapter(text: str, lang: str = "") -> str:
    """The chapter as the Markdown of its page: rendered, sanitised, nothing left to interpret.
    `lang` marks the content as written in that language (an untranslated English page)."""
    html = sanitize(markdown.markdown(text, extensions=EXTENSIONS))
    lang_attribute = f' lang="{lang}"' if lang else ""
    blocks = [
        _heading(part, lang)
        if kind == "heading"
        else _BLOCK.format(lang=lang_attribute, html=part.strip())
        for kind, part in _top_level(html)
    ]
    return "\n\n".join(blocks) + "\n"
