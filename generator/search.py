"""Index the built site for dxsite's search: one entry per item, with the link to that item.

An item is a page, a section under a heading with an id (a measure, a governance role …) or a
table row with an id (an action). Its text is the text of its own elements with a space at every
cell and block boundary, so words of neighbouring cells never run together; a row's text belongs
to the row, not to the section around it. Whatever is marked data-search-exclude (the date a
page was updated) and every <svg> (the charts, whose data their tables hold) is left out: Zensical
drops the attribute from the charts it is written on.

The reader's browser matches every word of the query against an item's title and text (see
theme/assets/javascripts/search.js); Japanese needs no segmenter for that: a word is found where
it is written. Words not found as written are split with JA_SEPARATOR (hiragana, punctuation and
script boundaries), so 「行政手続のオンライン化」 still finds 「行政手続きのオンライン化」.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

INDEX = "search/index.json"
"""Where each language's index is written, under that language's root."""
SKIP_PAGES = ("404.html", "search/index.html")
JA_SEPARATOR = (
    r"[\s\-　、。，．・「」『』（）()【】［］\[\]：:／/ぁ-ゖ]+"
    r"|(?<=[ァ-ヺー])(?=[^ァ-ヺー])|(?<=[^ァ-ヺー])(?=[ァ-ヺー])"
    r"|(?<=\d)(?=\D)|(?<=\D)(?=\d)"
)
"""Splits Japanese words the browser did not find as written: hiragana, punctuation and
katakana or digit boundaries."""

_INLINE = {"a", "abbr", "b", "bdi", "code", "em", "i", "mark", "small", "span", "strong", "sub"}
_INLINE |= {"time", "wbr", "ruby", "rt", "rp", "u", "s", "q", "cite", "data", "kbd"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_VOID |= {"track", "wbr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACES = re.compile(r"\s+")


@dataclass
class Item:
    """One search result: where it links, its title, the page it is on and its text."""

    anchor: str
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Article:
    """Collects the items of a page's <article> from its tags and texts, as `feed` hands them
    over (the same calls, in the same order, as html.parser would make)."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.stack: list[str] = []
        self.article = -1
        self.excluded = -1
        self.heading = -1
        self.row: tuple[int, Item] | None = None
        self.cell = -1
        self.section: Item | None = None

    @property
    def current(self) -> Item | None:
        return self.row[1] if self.row else self.section

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag not in _VOID:
            self.stack.append(tag)
        depth = len(self.stack)
        if tag == "article" and self.article < 0:
            self.article = depth
            return
        if self.article < 0 or self.excluded >= 0:
            return
        if "data-search-exclude" in names or tag == "svg":
            if tag not in _VOID:
                self.excluded = depth
            return
        ident = names.get("id") or ""
        if tag in _HEADINGS and not self.row and (ident or tag == "h1"):
            self.section = Item("" if tag == "h1" else ident)
            self.items.append(self.section)
            self.heading = depth
        elif tag == "tr" and ident and not self.row:
            self.row = (depth, Item(ident))
            self.items.append(self.row[1])
        elif self.row and tag in {"th", "td"} and self.cell == -1:
            self.cell = depth
        elif self.row and self.cell > 0 and tag not in _INLINE:
            self.cell = 0
        if tag not in _INLINE:
            self._text(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            if depth == self.excluded:
                self.excluded = -1
            elif depth == self.heading:
                self.heading = -1
            elif self.row and depth == self.row[0]:
                self.row = None
                self.cell = -1
            elif depth == self.cell:
                self.cell = 0
            elif depth == self.article:
                self.article = -2
            if self.stack.pop() == tag:
                break
        if tag not in _INLINE and self.excluded < 0:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if self.article < 0 or self.excluded >= 0:
            return
        self._text(data)
        item = self.current
        if item is None:
            return
        if self.heading >= 0 or (self.row and self.cell > 0):
            item.title.append(data)

    def _text(self, data: str) -> None:
        item = self.current
        if item is not None:
            item.text.append(data)


_MARKUP = re.compile(
    r"<(?:(?P<end>/)?(?P<tag>[a-zA-Z][^\t\n\r\f />\x00]*)"
    r"(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(?P<close>/?)>"
    r"|!--.*?--!?>|![^>]*>|\?[^>]*>)",
    re.S,
)
"""A tag (start or end, with its attributes), a comment, a declaration or a processing
instruction; everything between two of them is text."""
_ATTRIBUTE = re.compile(r"""([^\s=/>][^\s=>]*)(\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_RAW_TEXT = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}
"""Elements whose content is text up to their end tag, tags and all (as html.parser reads them)."""
_ARTICLE = re.compile(r"<article[\s/>]", re.I)


def _attributes(source: str) -> list[tuple[str, str | None]]:
    """A start tag's attributes as html.parser gives them (names in lower case, values
    unquoted and unescaped, None for an attribute written without a value), or none at all
    when it cannot hold the two the index reads: an id or data-search-exclude."""
    lowered = source.lower()
    if "id" not in lowered and "data-search-exclude" not in lowered:
        return []
    found: list[tuple[str, str | None]] = []
    for name, equals, value in _ATTRIBUTE.findall(source):
        if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
            value = value[1:-1]
        found.append((name.lower(), html.unescape(value) if equals else None))
    return found


def _end_of(tag: str, page: str, position: int) -> int:
    """Where the element `tag` that starts before `position` ends (after its end tag), counting
    the elements of the same name inside it and passing over the text of scripts and styles:
    a left-out subtree (a chart's SVG) is skipped whole, not read tag by tag."""
    depth = 1
    names = "|".join({re.escape(tag), *_RAW_TEXT})
    pattern = re.compile(rf"<(/?)({names})(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
    while match := pattern.search(page, position):
        position = match.end()
        name = match[2].lower()
        if name != tag:
            if not match[1]:
                end = _RAW_TEXT[name].search(page, position)
                position = end.start() if end else len(page)
            continue
        if match[1]:
            depth -= 1
        elif not match[0].endswith("/>"):
            depth += 1
        if depth == 0:
            return position
    return len(page)


def feed(article: _Article, page: str) -> None:
    """Hand the tags and texts of `page`, from its first <article> on, to `article`."""
    start = _ARTICLE.search(page)
    position = start.start() if start else len(page)
    while match := _MARKUP.search(page, position):
        if match.start() > position:
            article.handle_data(html.unescape(page[position : match.start()]))
        position = match.end()
        if match["tag"] is None:
            continue
        tag = match["tag"].lower()
        if match["end"]:
            article.handle_endtag(tag)
        elif match["close"]:
            article.handle_startendtag(tag, _attributes(match["attrs"]))
        else:
            article.handle_starttag(tag, _attributes(match["attrs"]))
            if tag in _RAW_TEXT:
                end = _RAW_TEXT[tag].search(page, position)
                stop = end.start() if end else len(page)
                if stop > position:
                    article.handle_data(page[position:stop])
                position = stop
            elif article.excluded == len(article.stack) and article.stack[-1:] == [tag]:
                position = _end_of(tag, page, position)
                article.handle_endtag(tag)
    if position < len(page):
        article.handle_data(html.unescape(page[position:]))


def _clean(parts: list[str]) -> str:
    return _SPACES.sub(" ", "".join(parts)).strip()


def page_items(document: str, url: str) -> list[dict[str, str]]:
    """The items of one built page, as index entries (u: link, t: title, p: page, x: text)."""
    parser = _Article()
    feed(parser, document)
    page = next((_clean(i.title) for i in parser.items if not i.anchor), "")
    entries = []
    for item in parser.items:
        title, body = _clean(item.title), _clean(item.text)
        if not title and not body:
            continue
        link = url + (f"#{item.anchor}" if item.anchor else "")
        entries.append({"u": link, "t": title or page, "p": page, "x": body})
    return entries


Items = Callable[[Path, str], list[dict[str, str]]]
"""The index entries of the page at a path, whose link is the given URL."""


def file_items(path: Path, url: str) -> list[dict[str, str]]:
    """The index entries of the built page at `path`, read from the file."""
    return page_items(path.read_text(encoding="utf-8"), url)


def language_index(
    root: Path, exclude: tuple[Path, ...] = (), items: Items = file_items
) -> list[dict[str, str]]:
    """Every item of every page under `root` (one language), in page order."""
    entries: list[dict[str, str]] = []
    for path in sorted(root.rglob("index.html")):
        rel = path.relative_to(root).as_posix()
        if rel in SKIP_PAGES or any(path.is_relative_to(other) for other in exclude):
            continue
        url = rel.removesuffix("index.html")
        entries += items(path, url)
    return entries


def write_indexes(roots: tuple[Path, ...], items: Items = file_items) -> None:
    """Write ROOT/search/index.json for every language root of the assembled site (a root
    nested in another, like en/ in the Japanese root, is left out of the outer one)."""
    for root in roots:
        others = tuple(r for r in roots if r != root and r.is_relative_to(root))
        entries = language_index(root, others, items)
        target = root / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        target.write_text(content, encoding="utf-8")
