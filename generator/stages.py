"""What a long command is doing: the stage it is in and how far that stage has come, on stderr.

On a terminal one line, rewritten in place (a carriage return, then the line); elsewhere (CI logs,
files) one line per stage; with `--quiet` nothing. The command line sets the reporter for a run
(`reporting`); the pipeline reports through `stage` and `advance`, which do nothing when no
reporter is set (the tests' builds, the library's callers).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
import unicodedata
from collections.abc import Iterator
from typing import TextIO

from .messages import say

REDRAW = 0.1
"""Seconds between two redraws of the line on a terminal while a stage advances."""
CLEAR = "\r\x1b[K"
"""Back to the start of the line and erase it."""


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def fit(text: str, columns: int) -> str:
    """`text` cut to `columns` terminal cells (Japanese characters take two), so that it never
    wraps (a wrapped line could not be rewritten in place)."""
    if sum(map(_width, text)) <= columns:
        return text
    kept, used = [], 0
    for char in text:
        used += _width(char)
        if used > columns - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


class Progress:
    """Reports stages to `stream`: rewriting one line when `live` (a terminal), else one line
    per stage."""

    def __init__(self, stream: TextIO, *, live: bool) -> None:
        self.stream = stream
        self.live = live
        self._line = ""
        self._done = 0
        self._total: int | None = None
        self._drawn = 0.0
        self._shown = False

    def stage(self, key: str, total: int | None = None, **values: object) -> None:
        """A stage begins: the catalogue's `stage.KEY`; `total` is how many steps it has."""
        self._line = say("stage.line", stage=say(f"stage.{key}", **values))
        self._done, self._total = 0, total
        if self.live:
            self._draw()
        else:
            print(self._line, file=self.stream, flush=True)

    def advance(self) -> None:
        """One more step of the stage done (a page rendered, a page tested)."""
        self._done += 1
        if self.live and time.monotonic() - self._drawn >= REDRAW:
            self._draw()

    def clear(self) -> None:
        """Erase the line on a terminal, before something else is printed there."""
        if self._shown:
            self.stream.write(CLEAR)
            self.stream.flush()
            self._shown = False

    def _draw(self) -> None:
        line = self._line
        if self._total is not None:
            line += say("stage.count_of", done=self._done, total=self._total)
        elif self._done:
            line += say("stage.count", done=self._done)
        columns = shutil.get_terminal_size().columns - 1
        self.stream.write(CLEAR + fit(line, columns))
        self.stream.flush()
        self._drawn = time.monotonic()
        self._shown = True


class _Clearing:
    """Standard output that first erases the progress line on the terminal, so that what the
    command prints (findings, "Built …") never lands after a half-drawn line."""

    def __init__(self, stream: TextIO, progress: Progress) -> None:
        self._stream = stream
        self._progress = progress

    def write(self, text: str) -> int:
        self._progress.clear()
        return self._stream.write(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


_active: Progress | None = None


@contextlib.contextmanager
def reporting(*, quiet: bool, stream: TextIO | None = None) -> Iterator[None]:
    """Report the stages of what runs inside to `stream` (stderr): live on a terminal, one line
    per stage elsewhere (a terminal that says it is dumb too), nothing when `quiet`."""
    global _active
    if quiet:
        yield
        return
    out = stream or sys.stderr
    progress = Progress(out, live=out.isatty() and os.environ.get("TERM") != "dumb")
    previous, stdout = _active, sys.stdout
    _active = progress
    if progress.live:
        sys.stdout = _Clearing(stdout, progress)
    try:
        yield
    finally:
        sys.stdout = stdout
        _active = previous
        progress.clear()


def active() -> Progress | None:
    """The reporter of this run (None when nothing is reported)."""
    return _active


def report_to(progress: Progress | None) -> None:
    """Report to `progress` from now on (a child process relaying to its parent's reporter), or
    to nothing."""
    global _active
    _active = progress


def stage(key: str, total: int | None = None, **values: object) -> None:
    """Tell the reporter, if any, that the stage `stage.KEY` begins (of `total` steps)."""
    if _active is not None:
        _active.stage(key, total, **values)


def rendering(lang: str) -> None:
    """Tell the reporter, if any, that the pages of `lang` are being rendered."""
    stage("render", language=say(f"field.{lang}"))


def building(builder: str, lang: str) -> None:
    """Tell the reporter, if any, that `builder` is building the site of `lang` (the languages
    are built at once: this is the one being waited for)."""
    stage("builder", builder=builder, language=say(f"field.{lang}"))


def advance() -> None:
    """Tell the reporter, if any, that one more step of the stage is done."""
    if _active is not None:
        _active.advance()
