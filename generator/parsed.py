"""Parsed plan files kept between builds: a file whose text is the one parsed last time is read
back instead of parsed again.

`dxsite build` and `serve` keep, in .dxsite/parsed/, each plan file that loaded without a finding:
its values and the position of every value and key, as JSON, under the digest of its text and of
the loader's own code. The stat of each kept file (size, modification time, inode) is recorded
in .dxsite/parsed.json; a kept file that is not the very one a build wrote and recorded (one
committed to the repository, edited by hand, left by a build stopped halfway) is not read, and
the YAML is parsed again. A file with any finding is never kept: its messages come from a fresh
parse, in the language of the run.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import fold, load, yamlhints
from .diagnostics import Diagnostic
from .filestat import stat_if_file
from .load import Document, Loc

FOLDER = "parsed"
RECORD = "parsed.json"


def _loader_digest() -> str:
    """The digest of the code that decides what a file parses to."""
    digest = hashlib.sha256()
    for module in (load, fold, yamlhints):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def _without_dates(data: Any, loc: Loc, dates: list[Loc]) -> Any:
    """`data` with each date as its ISO text, the dates' places collected in `dates`."""
    if isinstance(data, dict):
        return {k: _without_dates(v, (*loc, k), dates) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_dates(v, (*loc, i), dates) for i, v in enumerate(data)]
    if isinstance(data, datetime.date):
        dates.append(loc)
        return data.isoformat()
    return data


def _with_dates(data: Any, dates: list[list[Any]]) -> Any:
    """`data` with the ISO texts at `dates` made dates again."""
    for loc in dates:
        *parents, last = loc
        holder = data
        for part in parents:
            holder = holder[part]
        holder[last] = datetime.date.fromisoformat(holder[last])
    return data


def _places(data: Any, loc: Loc, values: list[Loc], keys: list[Loc]) -> None:
    """Every place in `data`, in the order the loader records them (a value, then each key of
    a mapping followed by its value, each item of a list)."""
    values.append(loc)
    if isinstance(data, dict):
        for key, value in data.items():
            place = (*loc, key)
            keys.append(place)
            _places(value, place, values, keys)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _places(value, (*loc, i), values, keys)


def _flat(found: dict[Loc, tuple[int, int]]) -> list[int]:
    return [n for position in found.values() for n in position]


def _located(places: list[Loc], flat: list[int]) -> dict[Loc, tuple[int, int]]:
    """The positions of `places`, given flat (line, column, line, column …) in their order."""
    return dict(zip(places, zip(flat[::2], flat[1::2], strict=True), strict=True))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class Parsed:
    """The plan files kept in a work folder (see the module); `save` records what `load` kept."""

    def __init__(self, work: Path) -> None:
        self.folder = work / FOLDER
        self.record = work / RECORD
        try:
            before = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = {}
        self._kept: dict[str, list[Any]] = before if isinstance(before, dict) else {}
        self._loader = _loader_digest()

    def _file(self, rel: str) -> Path:
        return self.folder / f"{rel.replace('/', '__')}.json"

    def load(self, path: Path, rel: str) -> tuple[Document | None, list[Diagnostic]]:
        """What load.load_yaml gives for the file at `path` (shown as `rel`)."""
        text, diagnostics = load.read_text(path, rel)
        if text is None:
            return None, diagnostics
        digest = hashlib.sha256(f"{self._loader}\n{text}".encode()).hexdigest()
        kept = self._file(rel)
        if self._kept.get(rel) == [digest, stat_if_file(kept)]:
            with _collector_paused():  # as load_text composes: millions of objects, no cycle
                found = json.loads(kept.read_text(encoding="utf-8"))
                data = _with_dates(found["data"], found["dates"])
                places: tuple[list[Loc], list[Loc]] = ([], [])
                _places(data, (), *places)
                values = _located(places[0], found["values"])
                keys = _located(places[1], found["keys"])
            return Document(rel, data, values, keys, source=text), []
        self._kept.pop(rel, None)
        doc, diagnostics = load.load_text(text, rel)
        if doc is not None and not diagnostics:
            dates: list[Loc] = []
            content = {
                "data": _without_dates(doc.data, (), dates),
                "dates": dates,
                "values": _flat(doc.values),
                "keys": _flat(doc.keys),
            }
            kept.parent.mkdir(parents=True, exist_ok=True)
            written = kept.with_name(f".{kept.name}.new")
            written.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
            os.replace(written, kept)
            self._kept[rel] = [digest, stat_if_file(kept)]
        return doc, diagnostics

    def save(self) -> None:
        """Record the files kept so far (the next build reads back only what this records)."""
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(self._kept), encoding="utf-8")
