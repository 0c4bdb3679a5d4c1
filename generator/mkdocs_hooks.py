"""MkDocs hooks dxsite adds to the generated configs: sanitise the narrative chapters' HTML."""

from __future__ import annotations

from typing import Any

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {"div", "span", "sup", "section", "details", "summary"}
_ATTRIBUTES = {
    "*": {"id", "class", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


def sanitize(html: str) -> str:
    """Keep formatting, drop script, event handlers and javascript: links."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Sanitise pages whose front matter asks for it (the Markdown chapters)."""
    return sanitize(html) if page.meta.get("dxsite_sanitize") else html
