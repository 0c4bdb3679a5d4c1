"""Diagnostics: located findings (errors and warnings) and their text and GitHub formats."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable
from dataclasses import dataclass

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

    def as_text(self) -> str:
        """`PATH:LINE:COL: error: MESSAGE`, the format editors and editors' tools read."""
        word = say(f"severity.{self.severity.value}")
        return f"{self.path}:{self.line}:{self.col}: {word}: {self.message}"

    def as_github(self) -> str:
        """A GitHub Actions workflow command that annotates the changed line."""
        title = f"dxsite {self.code}".strip()
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{self.severity.value} file={self.path},line={self.line},col={self.col},"
            f"title={title}::{message}"
        )


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
