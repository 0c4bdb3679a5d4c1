"""Japanese line folding: YAML joins the lines of folded text with a space, Japanese does not.

YAML folds the lines of a plain scalar written over several lines and of a `>` / `>-` block
into one line, putting a space at each line break. Japanese is written without spaces, so a
sentence split over two lines would be published with a stray space in it. Following CSS Text
(segment break transformation), the break between two East Asian wide characters (kanji, kana,
full-width punctuation) is removed instead; between any other characters (Latin words, digits)
it stays a space. Hangul keeps its space, as Korean uses spaces between words.

The folding is done again from the source lines, and used only when the same folding with
spaces gives exactly what the YAML parser produced: anything this module does not model
(an explicit indentation indicator, a quoted scalar …) keeps the parser's value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import yaml

_BREAK = re.compile(r"(\r\n|[\r\n\x85\u2028\u2029])")
_HEADER = re.compile(r">([+-])?(?=\s|$)")
Joiner = Callable[[str, str], str]


def _wide(char: str) -> bool:
    if not char or "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff":
        return False
    return unicodedata.east_asian_width(char) in ("W", "F", "H")


def japanese_join(before: str, after: str) -> str:
    """What a line break folds into between two lines: nothing between two wide characters."""
    return "" if _wide(before[-1:]) and _wide(after[:1]) else " "


def _space(before: str, after: str) -> str:
    return " "


def source_lines(text: str) -> list[tuple[str, str]]:
    """The lines of `text` as YAML counts them: (content, its line break or "" at the end)."""
    parts = _BREAK.split(text)
    return [(parts[i], parts[i + 1] if i + 1 < len(parts) else "") for i in range(0, len(parts), 2)]


def _normal(line_break: str) -> str:
    return "\n" if line_break in ("\r\n", "\r", "\n", "\x85") else line_break


def _fold_block(lines: list[tuple[str, str]], chomp: str, join: Joiner) -> str:
    """A `>` block's value from its lines (after the header), as PyYAML's scanner folds it."""

    def empty(n: int) -> bool:
        return n < len(lines) and not lines[n][0][indent:] and not lines[n][0].strip(" ")

    def content(n: int) -> bool:
        return n < len(lines) and len(lines[n][0]) > indent and not lines[n][0][:indent].strip(" ")

    first = next((n for n, (line, _) in enumerate(lines) if line.strip(" ")), len(lines))
    leading = [len(line) for line, _ in lines[:first]]
    start = len(lines[first][0]) - len(lines[first][0].lstrip(" ")) if first < len(lines) else 0
    indent = max([start, *leading, 1])
    chunks: list[str] = []
    breaks: list[str] = []
    n = 0
    while empty(n):
        breaks.append(_normal(lines[n][1]))
        n += 1
    line_break = ""
    while content(n):
        chunks += breaks
        text, line_break = lines[n][0][indent:], _normal(lines[n][1])
        chunks.append(text)
        n += 1
        breaks = []
        while empty(n):
            breaks.append(_normal(lines[n][1]))
            n += 1
        if not content(n):
            break
        following = lines[n][0][indent:]
        if line_break == "\n" and text[:1] not in " \t" and following[:1] not in " \t":
            if not breaks:
                chunks.append(join(text, following))
        else:
            chunks.append(line_break)
    if chomp != "-":
        chunks.append(line_break)
    if chomp == "+":
        chunks += breaks
    return "".join(chunks)


def _fold_plain(region: str, join: Joiner) -> str:
    """A plain scalar's value from its source text, as PyYAML's scanner folds it."""
    lines = source_lines(region)
    chunks = [lines[0][0].rstrip(" \t")]
    n = 1
    while n < len(lines):
        first_break = _normal(lines[n - 1][1])
        breaks: list[str] = []
        while n < len(lines) - 1 and not lines[n][0].strip(" \t"):
            breaks.append(_normal(lines[n][1]))
            n += 1
        following = lines[n][0].strip(" \t")
        if first_break != "\n":
            chunks.append(first_break)
        elif not breaks:
            chunks.append(join(chunks[-1], following))
        chunks += breaks
        chunks.append(following)
        n += 1
    return "".join(chunks)


def refold(value: str, node: yaml.ScalarNode, lines: list[tuple[str, str]]) -> str:
    """`value`, folded the Japanese way when YAML folded it over several lines of `lines`."""
    start, end = node.start_mark, node.end_mark
    if start is None or end is None or start.line == end.line:
        return value
    if node.style == ">":
        header = _HEADER.match(lines[start.line][0], start.column)
        if header is None:
            return value
        body = lines[start.line + 1 : end.line + (1 if end.column else 0)]
        chomp = header.group(1) or ""

        def fold(join: Joiner) -> str:
            return _fold_block(body, chomp, join)

    elif not node.style:
        parts = [lines[start.line][0][start.column :], lines[start.line][1]]
        for line, line_break in lines[start.line + 1 : end.line]:
            parts += [line, line_break]
        region = "".join([*parts, lines[end.line][0][: end.column]])

        def fold(join: Joiner) -> str:
            return _fold_plain(region, join)

    else:
        return value
    return fold(japanese_join) if fold(_space) == value else value
