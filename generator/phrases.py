"""Japanese that breaks only between phrases: <wbr> at BudouX's phrase boundaries.

The stylesheet keeps Japanese from breaking inside a word (`word-break: keep-all`), so a line
may end only at a space, at punctuation, or at a <wbr> this pass puts between the phrases of
every Japanese text in a page's content (BudouX, Google's phrase segmenter, at build time: no
JavaScript in the reader's browser). Text inside SVG, code and scripts is left alone.
"""

from __future__ import annotations

import functools
import html
import re

import budoux

_PARSER = budoux.load_default_japanese_parser()
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_SKIP = re.compile(
    r"(<(svg|script|style|pre|code|textarea|title)\b.*?</\2>|<[^>]*>)", re.S | re.IGNORECASE
)


@functools.lru_cache(maxsize=65_536)
def _phrased(escaped: str) -> str:
    """A text node (escaped HTML) with <wbr> between its Japanese phrases."""
    phrases = _PARSER.parse(html.unescape(escaped))
    return "<wbr>".join(html.escape(p, quote=False) for p in phrases)


def _content(page: str) -> tuple[int, int]:
    start, end = page.find("<article"), page.rfind("</article>")
    return (start, end) if 0 <= start < end else (0, 0)


def break_phrases(page: str) -> str:
    """`page` with <wbr> between the phrases of every Japanese text in its <article>."""
    start, end = _content(page)
    parts = _SKIP.split(page[start:end])
    out = []
    # re.split with two groups yields text, the whole tag (or skipped element), its name, …
    for i in range(0, len(parts), 3):
        text = parts[i]
        out.append(_phrased(text) if _JAPANESE.search(text) else text)
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return page[:start] + "".join(out) + page[end:]
