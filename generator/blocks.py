"""Generated pages as the builder reads them cheaply: their raw HTML blocks kept aside.

A generated page (a KPI, a strategy, a report, a list) is almost all raw HTML that dxsite wrote
itself (tables, sections, charts), and Python-Markdown runs html.parser over every character of
it only to pass it through unchanged: a large share of the build. `split` replaces each
top-level raw HTML block with a one-line placeholder, an HTML comment naming the block's digest,
which Markdown passes through just as it would have passed the block; `restore` puts the blocks
back into the built page before anything reads it. A page holding anything `split` cannot vouch
for stays whole: Markdown then reads it as it always did.

The blocks of a page are kept outside the builder's docs (`store`, `stored`), and only the
digests kept for that very page are restored into it: a placeholder typed into a chapter or any
other page restores nothing. A rebuild splits only the pages whose Markdown changed (`Splits`).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from markdown.util import BLOCK_LEVEL_ELEMENTS

from .filestat import stat_if_file

Blocks = dict[str, str]
"""A page's blocks by their digest (the SHA-256 of the block, in hex)."""

_PLACEHOLDER = "<!--dxsite:block:{}-->"
_MARKER = _PLACEHOLDER.split("{")[0]
_PLACEHOLDERS = re.compile(r"<!--dxsite:block:([0-9a-f]{64})-->")
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
_RAW_TEXT = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
)
"""Elements whose content an HTML parser reads as text up to their end tag (some only in newer
Pythons): a block holds them only with text in them, which every parser reads alike."""
_NAME = r"[a-zA-Z][a-zA-Z0-9:-]*"
_CONTROL = r"\x00-\x09\x0b-\x1f\x7f"
"""Tabs, carriage returns and other control characters, which Markdown rewrites before it reads
HTML (a newline is not one of them)."""
_TOKEN = re.compile(
    rf"(?P<text>[^<&{_CONTROL}]+)"
    r"|(?P<reference>&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)"
    rf"|(?P<comment><!--(?![->])(?:(?!--)[^{_CONTROL}])*-->)"
    rf"|</(?P<end>{_NAME})>"
    rf"|<(?P<start>{_NAME})(?P<attributes>(?:[ \n]+[a-zA-Z_:][a-zA-Z0-9_:.-]*"
    rf'(?:="[^"<>{_CONTROL}]*")?)*)[ \n]*(?P<empty>/?)>'
)
"""What a clean page is made of: text, character references with their `;`, comments without
`--` inside, end tags, and start tags whose attribute values are double-quoted; no control
character."""
_MARKDOWN_ATTRIBUTE = re.compile(r"[ \n]markdown(?=[ \n=]|$)", re.I)
_SPACES_LINE = re.compile(r"\n +\n")


def _element_end(markdown: str, start: int) -> int | None:
    """Where the block-level element at `start` ends as Markdown's HTML parser reads it (after
    the end tag that empties its stack of open elements), or None when it is not clean."""
    open_tags: list[str] = []
    raw_text = ""
    pos = start
    while match := _TOKEN.match(markdown, pos):
        pos = match.end()
        start_tag, end_tag = match["start"], match["end"]
        if raw_text and (
            start_tag or match["comment"] or (end_tag and end_tag.lower() != raw_text)
        ):
            return None
        if start_tag:
            name = start_tag.lower()
            if _MARKDOWN_ATTRIBUTE.search(match["attributes"]) or name == "plaintext":
                return None  # md_in_html reads what is inside; <plaintext> never ends
            if not open_tags and (name not in _BLOCK_LEVEL or match["empty"] or name == "hr"):
                return None
            if not match["empty"] and name != "hr":  # Markdown's parser: only <hr> is void
                open_tags.append(name)
                raw_text = name if name in _RAW_TEXT else ""
        elif end_tag:
            name, raw_text = end_tag.lower(), ""
            if name in open_tags:
                while open_tags.pop() != name:
                    pass
            if not open_tags:
                return pos
        elif not open_tags:
            return None
    return None


def _inline_only(line: str) -> bool:
    """Whether a line outside the blocks is clean and leaves Markdown's HTML parser where it
    found it: text, character references and inline elements opened and closed on the line."""
    open_tags: list[str] = []
    pos = 0
    while pos < len(line):
        match = _TOKEN.match(line, pos)
        if match is None or match["comment"]:
            return False
        pos = match.end()
        name = (match["start"] or match["end"] or "").lower()
        if name in _BLOCK_LEVEL or name in _RAW_TEXT or match["empty"]:
            return False
        if match["start"]:
            if _MARKDOWN_ATTRIBUTE.search(match["attributes"]):
                return False
            open_tags.append(name)
        elif match["end"] and (not open_tags or open_tags.pop() != name):
            return False
    return not open_tags


def _line_end(markdown: str, pos: int) -> int:
    newline = markdown.find("\n", pos)
    return len(markdown) if newline < 0 else newline


def _body(markdown: str) -> int:
    """Where the page's Markdown starts after its front matter."""
    if not markdown.startswith("---\n"):
        return 0
    end = markdown.find("\n---\n", 3)
    return 0 if end < 0 else end + len("\n---\n")


def split(markdown: str) -> tuple[str, Blocks]:
    """A generated page with each clean top-level raw HTML block as a placeholder, and the
    blocks. A clean block is a block-level element that starts a line and ends at the end of a
    line, holding nothing Markdown would read or rewrite (see `_TOKEN`, md_in_html's `markdown`
    attribute, lines of spaces): Markdown's HTML parser stashes it, and the placeholder in its
    place, alike. The page must be clean throughout, every other line inline Markdown
    (`_inline_only`) or elements side by side: where it is not, the parser's reading of what
    follows may depend on where it stands in the text, and the page stays whole."""
    if _MARKER in markdown:
        return markdown, {}  # only dxsite's own placeholders may ever be restored
    blocks: Blocks = {}
    pieces: list[str] = []
    done, pos = 0, _body(markdown)
    while pos < len(markdown):
        first = end = _element_end(markdown, pos) if markdown[pos] == "<" else None
        while end is not None and end < len(markdown) and markdown[end] != "\n":
            end = _element_end(markdown, end)  # the parser starts a block after each
        if end is None:
            end = _line_end(markdown, pos)
            if not _inline_only(markdown[pos:end]):
                return markdown, {}
        elif first == end and not _SPACES_LINE.search(markdown[pos:end]):
            block = markdown[pos:end]
            digest = hashlib.sha256(block.encode("utf-8")).hexdigest()
            blocks[digest] = block
            pieces += [markdown[done:pos], _PLACEHOLDER.format(digest)]
            done = end
        pos = end + 1
    pieces.append(markdown[done:])
    return "".join(pieces), blocks


def restore(html: str, blocks: Blocks) -> str:
    """A built page with the placeholders of `blocks` (its own) replaced by the blocks. Any
    other placeholder, forged or of another page, stays as it is: an HTML comment."""
    if not blocks:
        return html
    return _PLACEHOLDERS.sub(lambda found: blocks.get(found[1], found[0]), html)


def store(blocks: Blocks) -> str:
    """A page's blocks as the file that keeps them."""
    return json.dumps(blocks, ensure_ascii=False, sort_keys=True)


def stored(path: Path) -> Blocks:
    """The blocks kept at `path` (none when there is no such file)."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


class Splits:
    """What each generated page of a language was split into at the last build, recorded by
    the digest of the page as rendered: a page rendered exactly as then, whose placeholder form
    and kept blocks are still the very files that build wrote, is not split again (a rebuild
    after one KPI value changed splits only the pages the value changed). Anything out of step
    (a file written by hand, a record of a build stopped halfway) splits the page again."""

    def __init__(self, record: Path, docs: Path, kept: Path) -> None:
        """`record` keeps what the pages of the builder's `docs` folder and their blocks in the
        folder `kept` were split from."""
        self.record, self.docs, self.kept = record, docs, kept
        try:
            before = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = {}
        self._before: dict[str, list[Any]] = before if isinstance(before, dict) else {}
        self._now: dict[str, tuple[str, str]] = {}
        record.unlink(missing_ok=True)  # a build that stops before `save` leaves none

    def _files(self, page: str, kept: str) -> list[list[int] | None]:
        return [stat_if_file(self.docs / page), stat_if_file(self.kept / kept)]

    def unchanged(self, page: str, markdown: str, kept: str) -> bool:
        """Whether `markdown`, the page written at `page` in the docs (its blocks at `kept`),
        is the page as split at the last build, whose two files are as that build left them."""
        digest = hashlib.sha256(markdown.encode("utf-8")).hexdigest()
        self._now[page] = (digest, kept)
        return self._before.get(page) == [digest, *self._files(page, kept)]

    def intact(self, page: str, kept: str) -> bool:
        """Whether `page` (its blocks at `kept`), known to be rendered exactly as at the last
        build without being rendered again, still has the two files that build left."""
        before = self._before.get(page)
        if not isinstance(before, list) or before[1:] != self._files(page, kept):
            return False
        self._now[page] = (before[0], kept)
        return True

    def save(self) -> None:
        """Record the pages of this build once their files are written."""
        now = {
            page: [digest, *self._files(page, kept)] for page, (digest, kept) in self._now.items()
        }
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(now), encoding="utf-8")
