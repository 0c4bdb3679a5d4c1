"""Editor-written text into HTML and Markdown: always escaped, with the English fallback shown."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from ..model.text import Text
from .labels import LABELS

_MD_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def escape_md(value: str) -> str:
    """Plain text safe inside a Markdown line: HTML-escaped, Markdown punctuation backslashed."""
    flat = " ".join(value.split())
    return _MD_ESCAPABLE.sub(r"\\\1", html.escape(flat, quote=False))


def _badge(key: str, lang: str) -> str:
    return f'<span class="dx-badge dx-badge--{key}">{LABELS[key][lang]}</span>'


def inline(text: Text | str | None, lang: str) -> Markup:
    """Text for an HTML context, marked where English is missing or machine-made."""
    return Markup(inline_html(text, lang))


def inline_html(text: Text | str | None, lang: str) -> str:
    """`inline`'s HTML as a plain string (for the rows of render/rows.py, joined by the
    thousand)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return html.escape(text)
    shown = html.escape(text.get(lang))
    if lang == "en" and not text.translated("en"):
        return f'<span lang="ja">{shown}</span> {_badge("untranslated", lang)}'
    if lang == "en" and text.machine:
        return f"{shown} {_badge('machine', lang)}"
    return shown


def paragraphs(text: Text | None, lang: str) -> Markup:
    """Text as one or more <p>, split at blank lines, with no blank line in the HTML."""
    if text is None:
        return Markup("")
    chunks = [c for c in re.split(r"\n\s*\n", text.get(lang).strip()) if c.strip()]
    lang_attr = ' lang="ja"' if lang == "en" and not text.translated("en") else ""
    body = "".join(f"<p{lang_attr}>{html.escape(' '.join(c.split()))}</p>" for c in chunks)
    if lang == "en" and not text.translated("en"):
        body += f'<p class="dx-notice">{_badge("untranslated", lang)}</p>'
    elif lang == "en" and text.machine:
        body += f'<p class="dx-notice">{_badge("machine", lang)}</p>'
    return Markup(body)


def heading(text: Text, lang: str) -> Markup:
    """Text for a Markdown heading line (escaped; a badge where English is missing)."""
    shown = escape_md(text.get(lang))
    if lang == "en" and not text.translated("en"):
        return Markup(f'<span lang="ja">{shown}</span> {_badge("untranslated", lang)}')
    return Markup(shown)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def title(text: Text | str, lang: str) -> str:
    """HTML-escaped text for page and nav titles (MkDocs' templates do not escape them).

    Characters beyond U+FFFF (𠮷, emoji) become character references: a page's front matter
    carries its title as JSON, whose escapes for them ("\\ud842\\udfb7") YAML reads as two
    broken characters, and MkDocs then drops the whole front matter.
    """
    escaped = html.escape(text if isinstance(text, str) else text.get(lang))
    return _ASTRAL.sub(lambda m: f"&#x{ord(m.group()):X};", escaped)
