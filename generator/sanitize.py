"""The chapter sanitiser: what a narrative chapter's HTML may keep once Markdown has rendered it.

A chapter arrives by pull request. Its HTML keeps formatting, footnotes, admonitions and tables;
it loses scripts, styles, event handlers, scripted links, the theme's ids (DOM clobbering), the
theme's classes (a chapter must not draw Material's dialogs or banners over the page), resources
from other hosts (an image from another host would tell it who reads the page, whatever the
Content-Security-Policy of a copy says) and invisible control and bidi characters.
"""

from __future__ import annotations

import re

import nh3

_TAGS = (set(nh3.ALLOWED_TAGS) - {"bdo"}) | {"div", "span", "sup", "section", "details", "summary"}
_ATTRIBUTES = {
    "*": {"id", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
}
ADMONITIONS = frozenset(
    (
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    )
)
"""The admonition types a chapter may use (`!!! note`), Material's and their aliases."""
_CLASSES = {
    "div": {"admonition", "footnote", *ADMONITIONS},
    "p": {"admonition-title"},
    "a": {"footnote-ref", "footnote-backref"},
}
"""The only classes a chapter keeps: admonitions and footnotes, as the README promises."""
# Python-Markdown aligns table columns with style="text-align: …", which the sanitiser (and the
# Content-Security-Policy, style-src 'self') would drop; the align attribute does the same job.
_ALIGN = re.compile(r'<(t[hd])\b([^>]*?)\sstyle="text-align:\s*(left|center|right);?"')
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Control characters (but tab and line ends), bidi controls and a stray BOM: invisible, they
can make a text read differently from what it says (Trojan Source)."""
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_BROWSER_IGNORES = re.compile(r"[\x00-\x20\x7f]")


def is_remote(url: str) -> bool:
    """Whether a browser would fetch `url` from somewhere other than the site: it has a scheme,
    or starts with two slashes (browsers read a backslash as a slash)."""
    cleaned = _BROWSER_IGNORES.sub("", url).replace("\\", "/")
    return bool(_SCHEME.match(cleaned)) or cleaned.startswith("//")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Drop ids in the theme's namespace (__config, __drawer …), so a chapter cannot shadow the
    element Material reads its configuration from, and images from other hosts."""
    if name == "id" and value.startswith("__"):
        return None
    if name == "src" and is_remote(value):
        return None
    return value


def sanitize(html: str) -> str:
    """Keep formatting; drop script, event handlers, javascript: links, the theme's ids and
    classes, remote resources and invisible controls."""
    cleaned = nh3.clean(
        _ALIGN.sub(r'<\1\2 align="\3"', html),
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        allowed_classes=_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    return INVISIBLE.sub("", cleaned)
