"""What `check` asks of a narrative chapter's Markdown before the build renders it.

Python-Markdown recurses once per level of nesting (lists, admonitions, block quotes, HTML
elements) and scans ahead from every bracket it cannot close, so a chapter nested 400 levels deep
crashes the build and one line of 9,000 `[` stalls it for half a minute. Each limit here is a
located error in `check`, so a chapter that passes renders in bounded time. Invisible control and
bidi characters are removed from the chapter with a warning at the first of them.
"""

from __future__ import annotations

import errno
import html
import re
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .load import read_text
from .messages import say
from .sanitize import INVISIBLE

MAX_CHAPTER_BYTES = 1_000_000
"""The largest chapter (the shipped plans' largest has 10 KB; Markdown reads 1 MB in ~2 s)."""
MAX_LINE = 10_000
"""Longer Markdown lines make the Markdown parser slow: split them into paragraphs."""
MAX_NESTING = 16
"""The deepest nesting of lists, admonitions and block quotes (four columns of indentation or a
`>`, `-`, `1.` marker count as one level each)."""
MAX_HTML_NESTING = 32
"""The deepest nesting of HTML elements written in a chapter."""
MAX_SCAN = 1_000_000
"""How many characters Markdown may have to scan ahead from brackets in all of a chapter: about a
second of build time. A closed `[link](url)` costs its own length; an unclosed `[` the rest of its
paragraph."""

_MARKERS = re.compile(r"(?:>|[-*+](?=\s)|[0-9]{1,9}[.)](?=\s))\s*")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_OPENERS = {"[": "]", "<": ">", "(": ")"}


def _problem(rel: str, line: int, col: int, key: str, **values: object) -> Diagnostic:
    return Diagnostic(rel, line, col, Severity.ERROR, say(key, **values), "chapter")


def _nesting(lines: list[str], rel: str) -> list[Diagnostic]:
    """The first line nested deeper than MAX_NESTING."""
    for n, line in enumerate(lines, start=1):
        expanded = line.expandtabs(4)
        rest = expanded.lstrip(" ")
        levels = (len(expanded) - len(rest)) // 4
        while match := _MARKERS.match(rest):
            levels += 1
            rest = rest[match.end() :]
            if levels > MAX_NESTING:
                break
        if levels > MAX_NESTING:
            return [_problem(rel, n, 1, "chapter.nesting", limit=MAX_NESTING)]
    return []


def _html_nesting(lines: list[str], rel: str) -> list[Diagnostic]:
    """The first HTML element nested deeper than MAX_HTML_NESTING."""
    open_tags: list[str] = []
    for n, line in enumerate(lines, start=1):
        for match in _TAG.finditer(line):
            closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if name in _VOID or self_closing:
                continue
            if not closing:
                open_tags.append(name)
                if len(open_tags) > MAX_HTML_NESTING:
                    col = match.start() + 1
                    return [_problem(rel, n, col, "chapter.html_nesting", limit=MAX_HTML_NESTING)]
            elif name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
    return []


def _scan_cost(block: str) -> int:
    """How far Markdown scans ahead from the block's `[`, `](` and `<`: to the bracket that
    closes each, or to the block's end."""
    cost = 0
    stacks: dict[str, list[int]] = {opener: [] for opener in _OPENERS}
    closers = {closer: opener for opener, closer in _OPENERS.items()}
    escaped = False
    for i, char in enumerate(block):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in _OPENERS and (char != "(" or block[i - 1 : i] == "]"):
            stacks[char].append(i)
        elif char in closers and stacks[closers[char]]:
            cost += i - stacks[closers[char]].pop()
    return cost + sum(len(block) - start for stack in stacks.values() for start in stack)


def _scanning(text: str, rel: str) -> list[Diagnostic]:
    """An error at the costliest paragraph when the chapter's brackets would stall Markdown."""
    total, worst, worst_line, line = 0, 0, 1, 1
    for block in re.split(r"(\n[ \t]*\n)", text):
        if block.strip():
            cost = _scan_cost(block)
            total += cost
            if cost > worst:
                worst, worst_line = cost, line
        line += block.count("\n")
    if total <= MAX_SCAN:
        return []
    return [_problem(rel, worst_line, 1, "chapter.brackets")]


def _invisible(text: str, rel: str) -> tuple[str, list[Diagnostic]]:
    """The text without control and bidi characters (written raw or as character references),
    and a warning at the first of them."""
    found = [(m.start(), m.group()) for m in INVISIBLE.finditer(text)]
    found += [
        (m.start(), m.group())
        for m in _ENTITY.finditer(text)
        if INVISIBLE.fullmatch(html.unescape(m.group()))
    ]
    if not found:
        return text, []
    start, first = min(found)
    shown = first if len(first) > 1 else f"U+{ord(first):04X}"
    before = text[:start]
    line, col = before.count("\n") + 1, start - (before.rfind("\n") + 1) + 1
    cleaned = INVISIBLE.sub("", text)
    cleaned = _ENTITY.sub(
        lambda m: "" if INVISIBLE.fullmatch(html.unescape(m.group())) else m.group(), cleaned
    )
    warning = Diagnostic(
        rel,
        line,
        col,
        Severity.WARNING,
        say("chapter.invisible", character=shown, count=len(found)),
        "chapter",
    )
    return cleaned, [warning]


def check_markdown(text: str, rel: str) -> tuple[str, list[Diagnostic]]:
    """The chapter as the build renders it (invisible characters removed) and what `check`
    finds in it: lines too long, nesting too deep, brackets that would stall Markdown."""
    if len(text.encode("utf-8")) > MAX_CHAPTER_BYTES:
        size = f"{MAX_CHAPTER_BYTES // 1_000_000} MB"
        return text, [_problem(rel, 1, 1, "chapter.size", limit=size)]
    text, problems = _invisible(text, rel)
    lines = text.splitlines()
    problems += [
        _problem(rel, n, MAX_LINE + 1, "chapter.line", length=len(line), limit=MAX_LINE)
        for n, line in enumerate(lines, start=1)
        if len(line) > MAX_LINE
    ]
    return text, problems + _nesting(lines, rel) + _html_nesting(lines, rel) + _scanning(text, rel)


def read_chapter(path: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """A chapter's Markdown as the build renders it, or None, and every problem found in it."""
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return None, [_problem(rel, 1, 1, "chapter.loop")]
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, [_problem(rel, 1, 1, "chapter.loop")]
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    text, found = check_markdown(text, rel)
    return text, problems + found
