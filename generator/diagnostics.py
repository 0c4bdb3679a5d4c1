"""Diagnostics: located findings (errors and warnings), their text and GitHub formats, and the
summaries that keep many warnings of one kind from drowning the rest."""

from __future__ import annotations

import difflib
import enum
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

from .messages import say


class Severity(enum.StrEnum):
    """How bad a finding is: errors fail `check`, warnings fail only under `--strict`."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding at PATH:LINE:COL (1-based), sortable by position."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    code: str = ""
    loc: str = field(default="", compare=False)
    """The field's path for tools (kpis[3].targets[1].value), in `--format json`."""

    def as_text(self) -> str:
        """`PATH:LINE:COL: error: MESSAGE`, the format editors and editors' tools read."""
        word = say(f"severity.{self.severity.value}")
        return f"{self.where()}: {word}: {visible(self.message)}"

    def where(self) -> str:
        """`PATH:LINE:COL`, escaped for a terminal."""
        return f"{visible(self.path)}:{self.line}:{self.col}"

    def as_json(self) -> dict[str, object]:
        """The finding for tools and editors: position, severity, check id, message, field path."""
        return asdict(self)

    def as_github(self) -> str:
        """A GitHub Actions workflow command that annotates the changed line."""
        title = f"dxsite {self.code}".strip()
        return (
            f"::{self.severity.value} file={_property(self.path)},line={self.line},"
            f"col={self.col},title={_property(title)}::{_data(self.message)}"
        )


_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff]"
)
"""What a terminal or a log viewer would act on or hide: control characters (escape sequences
can set the window title or write the clipboard), line breaks, bidi and zero-width characters."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every character a terminal would act on shown as an escape (ESC as \\x1b)."""
    return _UNSAFE.sub(_escape, text)


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (`escapeData`)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    """A workflow command's property value, escaped as GitHub's toolkit does (`escapeProperty`)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


SHOWN = 3
"""How many locations of a summarised kind of warning are listed for each file."""


@dataclass(frozen=True)
class Group:
    """The warnings of one kind (one check id), summarised: how many in each file and where the
    first SHOWN of each file are."""

    code: str
    findings: tuple[Diagnostic, ...]
    """In position order."""

    def by_file(self) -> dict[str, list[Diagnostic]]:
        """The findings of each file, files in position order."""
        files: dict[str, list[Diagnostic]] = {}
        for found in self.findings:
            files.setdefault(found.path, []).append(found)
        return files

    def _say(self, key: str) -> str:
        word = say(f"severity.{Severity.WARNING.value}")
        return say(key, severity=word, code=self.code, count=len(self.findings), shown=SHOWN)

    def as_text(self) -> Iterator[str]:
        """The heading, then per file its count, its first locations and how many more."""
        yield self._say("group.heading")
        for path, found in self.by_file().items():
            yield say("group.file", file=visible(path), count=len(found))
            for d in found[:SHOWN]:
                yield f"    {d.where()}: {visible(d.message)}"
            if len(found) > SHOWN:
                yield say("group.more", count=len(found) - SHOWN)

    def as_github(self) -> Iterator[str]:
        """One annotation per location, folded in the log, then the summary as text."""
        yield f"::group::{_data(self._say('group.annotations'))}"
        yield from (d.as_github() for d in self.findings)
        yield "::endgroup::"
        yield from self.as_text()


def arrange(
    diagnostics: Iterable[Diagnostic], *, verbose: bool = False
) -> tuple[list[Diagnostic], list[Group]]:
    """The findings to list one by one, and the groups to summarise: errors are always listed;
    the warnings of a kind are summarised when a file holds more than SHOWN of them, unless
    `verbose`, which lists every finding."""
    found = list(diagnostics)
    if verbose:
        return found, []
    kinds: dict[str, list[Diagnostic]] = {}
    for d in found:
        if d.severity is Severity.WARNING:
            kinds.setdefault(d.code, []).append(d)
    groups = [
        Group(code, tuple(of_kind))
        for code, of_kind in kinds.items()
        if max(Counter(d.path for d in of_kind).values()) > SHOWN
    ]
    grouped = {g.code for g in groups}
    listed = [d for d in found if d.severity is Severity.ERROR or d.code not in grouped]
    return listed, groups


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """True when any finding fails the run (warnings count under `strict`)."""
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)


def summary(diagnostics: list[Diagnostic]) -> str:
    """The one-line summary printed after the findings."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return say("summary.clean")
    return say("summary.counts", errors=errors, warnings=warnings)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean "x"?` when a choice is close to `word`, else ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return say("did_you_mean", word=close[0]) if close else ""
