"""MkDocs hooks dxsite adds to the generated configs: sanitise the narrative chapters' HTML, and
keep the (already escaped) site name from being escaped twice by the theme."""

from __future__ import annotations

import re
from typing import Any

import nh3
from markupsafe import Markup

CHAPTERS = "chapters/"
"""Where the generated docs keep the narrative chapters (pages.py writes chapters/ID.md)."""
_TAGS = set(nh3.ALLOWED_TAGS) | {"div", "span", "sup", "section", "details", "summary"}
_ATTRIBUTES = {
    "*": {"id", "class", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
}
# Python-Markdown aligns table columns with style="text-align: …", which the sanitiser (and the
# Content-Security-Policy, style-src 'self') would drop; the align attribute does the same job.
_ALIGN = re.compile(r'<(t[hd])\b([^>]*?)\sstyle="text-align:\s*(left|center|right);?"')


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Drop ids in the theme's namespace (__config, __drawer …): a chapter must not be able to
    shadow the element Material reads its configuration from (DOM clobbering)."""
    if name == "id" and value.startswith("__"):
        return None
    return value


def sanitize(html: str) -> str:
    """Keep formatting, drop script, event handlers, javascript: links and the theme's ids."""
    return nh3.clean(
        _ALIGN.sub(r'<\1\2 align="\3"', html),
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def on_config(config: Any, **_: Any) -> Any:
    """dxsite writes site_name HTML-escaped (MkDocs' templates print it raw); mark it as such so
    that the places where Material escapes it (`|e`, the logo's title) do not escape it again."""
    config["site_name"] = Markup(config["site_name"])
    return config


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Sanitise the Markdown chapters: the pages under chapters/, and any page whose front matter
    asks for it (the folder decides even when the front matter could not be read)."""
    chapter = page.file.src_uri.startswith(CHAPTERS)
    return sanitize(html) if chapter or page.meta.get("dxsite_sanitize") else html
