"""MkDocs hooks dxsite adds to the generated configs: sanitise the narrative chapters' HTML, and
keep the (already escaped) site name from being escaped twice by the theme."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.sanitize import sanitize

CHAPTERS = "chapters/"
"""Where the generated docs keep the narrative chapters (pages.py writes chapters/ID.md)."""


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
