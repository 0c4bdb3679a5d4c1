"""YAML syntax errors in plain words, at the line of the mistake.

The parser notices a slip where it stops making sense, often a line later and in its own terms
(「could not find expected ':'」). The slips editors make with a Japanese input method are
looked for in the lines that lead up to that point: a full-width colon or space, `-value`
without its space, `key:value`; then what the parser's own context tells (an unclosed quote or
bracket, a ": " inside text, a key out of line with its siblings). The parser's text remains
the last resort.
"""

from __future__ import annotations

import re

import yaml

from .messages import say

Hint = tuple[int, int, str]
"""1-based line and column of the mistake, and the message."""

_FULL_WIDTH_INDENT = re.compile(r"^[ ]*\u3000")
_FULL_WIDTH_COLON = re.compile(r"^\s*(?:-\s+)?[^\s#\"'{}\[\]:：][^:#\"']*?(：)")
_DASH = re.compile(r"^(\s*)-([^\s\-0-9.].*:.*)$")
_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):([^\s/:].*)$")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)")
_CLOSING = {"{": "}", "[": "]"}
_OPENING_QUOTE = re.compile(r"(?:^\s*|:\s+|-\s+|[{\[,]\s*)(\")")
_LOOK_BACK = 3
"""How many lines before the parser's stop a slip is looked for."""


def _slip(line: str, number: int) -> Hint | None:
    """An input-method slip on one line, if any."""
    if match := _FULL_WIDTH_INDENT.match(line):
        return number, match.end(), say("yaml.full_width_space")
    if match := _FULL_WIDTH_COLON.match(line):
        return number, match.start(1) + 1, say("yaml.full_width_colon")
    if match := _DASH.match(line):
        return number, len(match.group(1)) + 1, say("yaml.dash_space", rest=match.group(2))
    if match := _COLON.match(line):
        key, rest = match.group(1), match.group(2)
        return number, match.end(1) + 1, say("yaml.colon_space", key=key, rest=rest)
    return None


def _content(lines: list[str], before: int) -> str | None:
    """The nearest line above `before` (0-based) that holds more than a comment."""
    for line in reversed(lines[:before]):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return None


def _misaligned(lines: list[str], row: int) -> Hint | None:
    """A key whose indentation differs from the key on the line above it."""
    here = _KEY.match(lines[row]) if row < len(lines) else None
    above = _content(lines, row)
    sibling = _KEY.match(above) if above else None
    if not (here and sibling):
        return None
    column = sibling.start(2) + 1
    if here.start(2) + 1 == column:
        return None
    return row + 1, here.start(2) + 1, say("yaml.misaligned", key=here.group(2), column=column)


def _unclosed_quote(lines: list[str], row: int) -> Hint | None:
    """A quote opened and not closed on the nearest line above `row` with an odd count of \":
    the text then runs on to the next quote, maybe many lines further, where the parser stops."""
    for number in range(min(row, len(lines) - 1), -1, -1):
        if lines[number].count('"') % 2:
            match = _OPENING_QUOTE.search(lines[number])
            if not match:
                return None
            return number + 1, match.start(1) + 1, say("yaml.unclosed_quote", quote='"')
    return None


def _char(lines: list[str], mark: yaml.Mark) -> str:
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def explain(text: str, exc: yaml.MarkedYAMLError) -> Hint | None:
    """The mistake behind the parser's error, in plain words (None when it is not recognised)."""
    problem, context = exc.problem_mark, exc.context_mark
    if problem is None:
        return None
    lines = text.split("\n")
    first = min(problem.line, context.line) if context else problem.line
    for number in range(max(0, first - _LOOK_BACK), min(problem.line + 1, len(lines))):
        if hint := _slip(lines[number], number + 1):
            return hint
    what = f"{exc.context or ''} {exc.problem or ''}"
    if context and "scanning a quoted scalar" in what and _char(lines, context):
        quote = _char(lines, context)
        return context.line + 1, context.column + 1, say("yaml.unclosed_quote", quote=quote)
    if context and "parsing a flow" in what and _char(lines, context) in _CLOSING:
        if context.line == problem.line and "got ':'" in what:
            return problem.line + 1, problem.column + 1, say("yaml.colon_in_text")
        bracket = _char(lines, context)
        closing = _CLOSING[bracket]
        message = say("yaml.unclosed_bracket", bracket=bracket, closing=closing)
        return context.line + 1, context.column + 1, message
    if "mapping values are not allowed" in what:
        if problem.line < len(lines) and ": " in lines[problem.line][: problem.column]:
            return problem.line + 1, problem.column + 1, say("yaml.colon_in_text")
        return _misaligned(lines, problem.line)
    if "expected <block end>" in what:
        return _misaligned(lines, problem.line)
    if context and "could not find expected ':'" in what:
        return context.line + 1, context.column + 1, say("yaml.missing_colon")
    return _unclosed_quote(lines, problem.line)
