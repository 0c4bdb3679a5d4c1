"""Which file is at a path: its size, modification time (ns) and inode, which change whenever
the file is written or replaced. What .dxsite/ keeps between builds (MkDocs' output, the
finished site, the split pages, the parsed plan files) is trusted only while the files are the
very ones a build wrote and recorded."""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG

Stat = list[int]
"""A file's size, modification time (ns) and inode."""


def stat(path: str | Path) -> Stat:
    """The stat of the file at `path` (which must exist)."""
    found = os.stat(path)
    return [found.st_size, found.st_mtime_ns, found.st_ino]


def stat_if_file(path: str | Path) -> Stat | None:
    """The stat of the file at `path`, or None when there is no file there."""
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ino] if S_ISREG(found.st_mode) else None
