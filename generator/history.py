"""The change history of the plan's data, read from git in one pass.

One `git log` lists every commit that touched the plan's files (oldest first, following the
first parent, so a merged branch counts on the day it was merged), with the blob of every file
version; one `git cat-file --batch` reads those versions. Consecutive versions of kpis.yaml,
plan/strategies.yaml, plan/plan.yaml and plan/evaluations.yaml are compared field by field:
actuals, targets and baselines per KPI, status records per action, evaluations per year and
revisions per version. The oldest commit is where the history starts: what it holds is not a
change. A version that does not parse is skipped (the next one is compared with the last that
did). Without git, outside a repository, in a shallow clone or when git fails, the history is
empty and the site shows no history.
"""

from __future__ import annotations

import enum
import fnmatch
import math
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fold import refold, source_lines
from .load import MAX_BYTES, _Resolver, load_text
from .model.fiscal import parse_fiscal_year
from .model.text import Text
from .render import format as fmt
from .render import labels

KPIS = "kpis.yaml"
STRATEGIES = "plan/strategies.yaml"
PLAN = "plan/plan.yaml"
EVALUATIONS = "plan/evaluations.yaml"
SOURCES = (KPIS, "plan", "accessibility.json", "accessibility-manual.yaml")
"""What the log covers: the model's files, and every other file a page is made from."""
LANGS = ("ja", "en")
_DELETED = "0" * 40
_COMMIT = "\x01"


class Kind(enum.StrEnum):
    """What changed."""

    ACTUAL_ADDED = "actual-added"
    ACTUAL_CHANGED = "actual-changed"
    ACTUAL_REMOVED = "actual-removed"
    TARGET_CHANGED = "target-changed"
    BASELINE_CHANGED = "baseline-changed"
    STATUS_ADDED = "status-added"
    STATUS_CHANGED = "status-changed"
    EVALUATION_ADDED = "evaluation-added"
    EVALUATION_CHANGED = "evaluation-changed"
    REVISION_ADDED = "revision-added"


KPI_KINDS = frozenset(
    {
        Kind.ACTUAL_ADDED,
        Kind.ACTUAL_CHANGED,
        Kind.ACTUAL_REMOVED,
        Kind.TARGET_CHANGED,
        Kind.BASELINE_CHANGED,
    }
)
ACTUAL_KINDS = frozenset({Kind.ACTUAL_ADDED, Kind.ACTUAL_CHANGED, Kind.ACTUAL_REMOVED})
ACTION_KINDS = frozenset({Kind.STATUS_ADDED, Kind.STATUS_CHANGED})
FEED_KINDS = frozenset(
    {
        Kind.ACTUAL_ADDED,
        Kind.ACTUAL_CHANGED,
        Kind.STATUS_ADDED,
        Kind.STATUS_CHANGED,
        Kind.EVALUATION_ADDED,
        Kind.EVALUATION_CHANGED,
        Kind.REVISION_ADDED,
    }
)
"""What the Atom feed announces."""


@dataclass(frozen=True)
class Change:
    """One change to the data: when (the commit's date), what, of which KPI, action, year."""

    date: str
    """The committer date, YYYY-MM-DD."""
    time: str
    """The committer time, ISO 8601 with its offset."""
    commit: str
    kind: Kind
    id: str
    """The KPI's or action's id, the evaluated year, or the revision's version."""
    year: int | None
    """The fiscal year the change is about, if any."""
    words: dict[str, str]
    """What changed, per language (without the date)."""
    name: dict[str, str] = field(default_factory=dict)
    """The name of the KPI or action, per language, as that version wrote it."""

    @property
    def anchor(self) -> str:
        """An HTML id for this change, the same in both languages."""
        return f"change-{self.id}-{self.kind.value}-{self.year or 0}-{self.commit[:10]}"


# --- reading versions tolerantly ---------------------------------------------------------------


def _text(value: object) -> Text | None:
    if isinstance(value, str):
        return Text(ja=value)
    if isinstance(value, dict) and isinstance(value.get("ja"), str):
        en = value.get("en")
        return Text(ja=value["ja"], en=en if isinstance(en, str) else None)
    return None


def _names(value: object) -> dict[str, str]:
    text = _text(value)
    return {lang: text.get(lang) for lang in LANGS} if text else {}


def _year(value: object) -> int | None:
    try:
        return parse_fiscal_year(value)
    except ValueError:
        return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _items(value: object) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


@dataclass
class _Kpi:
    name: dict[str, str]
    unit: Text
    precision: int
    actuals: dict[int, float]
    targets: dict[int, float | Text]
    baseline: tuple[float, int] | None


@dataclass
class _Action:
    name: dict[str, str]
    status: str | None
    progress: dict[int, tuple[str, Text | None]]


class _Memo:
    """What a reader made of each list item, by the item itself: the items of a version that
    were parsed before are the very same objects, so each is read once."""

    def __init__(self) -> None:
        self.made: dict[int, tuple[object, Any]] = {}

    def get(self, item: dict[str, Any], make: Callable[[dict[str, Any]], Any]) -> Any:
        hit = self.made.get(id(item))
        if hit is not None and hit[0] is item:
            return hit[1]
        value = make(item)
        self.made[id(item)] = (item, value)  # the item stays alive: its id is not reused
        return value


def _kpi(item: dict[str, Any]) -> tuple[str, _Kpi] | None:
    ident = item.get("id")
    if not isinstance(ident, str):
        return None
    precision = item.get("precision")
    actuals: dict[int, float] = {}
    for actual in _items(item.get("actuals")):
        year, value = _year(actual.get("year")), _number(actual.get("value"))
        if year is not None and value is not None:
            actuals.setdefault(year, value)
    targets: dict[int, float | Text] = {}
    for target in _items(item.get("targets")):
        year = _year(target.get("year"))
        value = _number(target.get("value"))
        goal = value if value is not None else _text(target.get("text"))
        if year is not None and goal is not None:
            targets.setdefault(year, goal)
    base = item.get("baseline")
    baseline = None
    if isinstance(base, dict):
        year, value = _year(base.get("year")), _number(base.get("value"))
        baseline = (value, year) if year is not None and value is not None else None
    return ident, _Kpi(
        name=_names(item.get("name")) or {lang: ident for lang in LANGS},
        unit=_text(item.get("unit")) or Text(ja=""),
        precision=precision if isinstance(precision, int) and 0 <= precision <= 6 else 0,
        actuals=actuals,
        targets=targets,
        baseline=baseline,
    )


def _kpis(data: dict[str, Any], memo: _Memo) -> dict[str, _Kpi]:
    found: dict[str, _Kpi] = {}
    for item in _items(data.get("kpis")):
        read = memo.get(item, _kpi)
        if read is not None:
            found.setdefault(*read)
    return found


def _strategy_actions(strategy: dict[str, Any]) -> list[tuple[str, _Action]]:
    found = []
    for measure in _items(strategy.get("measures")):
        for item in _items(measure.get("actions")):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            progress: dict[int, tuple[str, Text | None]] = {}
            for record in _items(item.get("progress")):
                year, status = _year(record.get("year")), record.get("status")
                if year is not None and isinstance(status, str):
                    progress.setdefault(year, (status, _text(record.get("note"))))
            status = item.get("status")
            action = _Action(
                name=_names(item.get("name")) or {lang: ident for lang in LANGS},
                status=status if isinstance(status, str) else None,
                progress=progress,
            )
            found.append((ident, action))
    return found


def _actions(data: dict[str, Any], memo: _Memo) -> dict[str, _Action]:
    found: dict[str, _Action] = {}
    for strategy in _items(data.get("strategies")):
        for ident, action in memo.get(strategy, _strategy_actions):
            found.setdefault(ident, action)
    return found


def _evaluations(data: dict[str, Any], memo: _Memo) -> dict[int, tuple[str, dict[str, str]]]:
    found: dict[int, tuple[str, dict[str, str]]] = {}
    for item in _items(data.get("evaluations")):
        year = _year(item.get("year"))
        if year is not None and year not in found:
            found[year] = (repr(sorted(item.items(), key=str)), _names(item.get("by")))
    return found


def _revisions(data: dict[str, Any], memo: _Memo) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for item in _items(data.get("revisions")):
        version = item.get("version")
        if isinstance(version, str | int | float) and not isinstance(version, bool):
            found.setdefault(str(version), _names(item.get("summary")))
    return found


# --- words -------------------------------------------------------------------------------------


def _words(key: str, **values: Callable[[str], str]) -> dict[str, str]:
    """The words of a change in both languages; each value is formatted per language."""
    return {
        lang: _flat(labels.HISTORY[key][lang].format(**{k: v(lang) for k, v in values.items()}))
        for lang in LANGS
    }


def _flat(words: str) -> str:
    """Words on one line (a blank line would end the HTML block a page holds them in)."""
    return " ".join(words.split())


def _fy(year: int) -> Callable[[str], str]:
    return lambda lang: fmt.year(year, lang)


def _qty(kpi: _Kpi, value: float | Text | None) -> Callable[[str], str]:
    def shown(lang: str) -> str:
        if value is None:
            return labels.LABELS["none"][lang]
        if isinstance(value, Text):
            return value.get(lang)
        return fmt.quantity(value, kpi.precision, kpi.unit, lang)

    return shown


def _status(value: str | None) -> Callable[[str], str]:
    def shown(lang: str) -> str:
        if value is None:
            return labels.ACTION_STATUS["not-recorded"][lang]
        return labels.ACTION_STATUS.get(value, {}).get(lang, value)

    return shown


def _plain(value: str) -> Callable[[str], str]:
    return lambda lang: value


def _per(names: dict[str, str]) -> Callable[[str], str]:
    return lambda lang: names.get(lang, "")


# --- comparing versions ------------------------------------------------------------------------


@dataclass
class _Commit:
    sha: str
    time: str
    files: dict[str, str]
    """Path → new blob id (all zeros when the file was deleted)."""

    @property
    def date(self) -> str:
        return self.time[:10]


Found = Iterator[tuple[Kind, str, int | None, dict[str, str], dict[str, str]]]


def _kpi_changes(old: dict[str, _Kpi], new: dict[str, _Kpi]) -> Found:
    for ident, kpi in new.items():
        before = old.get(ident)
        if before is None:
            continue
        for year in sorted(before.actuals.keys() | kpi.actuals.keys()):
            a, b = before.actuals.get(year), kpi.actuals.get(year)
            if a == b:
                continue
            if a is None:
                kind, words = (
                    Kind.ACTUAL_ADDED,
                    _words("actual_added", year=_fy(year), value=_qty(kpi, b)),
                )
            elif b is None:
                kind, words = (
                    Kind.ACTUAL_REMOVED,
                    _words("actual_removed", year=_fy(year), value=_qty(before, a)),
                )
            else:
                kind = Kind.ACTUAL_CHANGED
                words = _words(
                    "actual_changed", year=_fy(year), old=_qty(before, a), new=_qty(kpi, b)
                )
            yield kind, ident, year, words, kpi.name
        for year in sorted(before.targets.keys() | kpi.targets.keys()):
            t, u = before.targets.get(year), kpi.targets.get(year)
            if t != u:
                words = _words(
                    "target_changed", year=_fy(year), old=_qty(before, t), new=_qty(kpi, u)
                )
                yield Kind.TARGET_CHANGED, ident, year, words, kpi.name
        if before.baseline != kpi.baseline:
            words = _words("baseline_changed", old=_base(before), new=_base(kpi))
            yield Kind.BASELINE_CHANGED, ident, None, words, kpi.name


def _base(kpi: _Kpi) -> Callable[[str], str]:
    def shown(lang: str) -> str:
        if kpi.baseline is None:
            return labels.LABELS["none"][lang]
        value, year = kpi.baseline
        return f"{_qty(kpi, value)(lang)} ({fmt.year(year, lang)})"

    return shown


def _action_changes(old: dict[str, _Action], new: dict[str, _Action]) -> Found:
    for ident, action in new.items():
        before = old.get(ident)
        if before is None:
            continue
        for year in sorted(action.progress):
            status, note = action.progress[year]
            was = before.progress.get(year)
            if was == (status, note):
                continue
            if was is None:
                kind, key = Kind.STATUS_ADDED, "status_added"
            elif was[0] == status:
                kind, key = Kind.STATUS_CHANGED, "status_note"
            else:
                kind, key = Kind.STATUS_CHANGED, "status_changed"
            words = _words(
                key, year=_fy(year), old=_status(was[0] if was else None), new=_status(status)
            )
            if note is not None:
                words = {
                    lang: _flat(words[lang] + labels.HISTORY["note"][lang].format(note.get(lang)))
                    for lang in LANGS
                }
            yield kind, ident, year, words, action.name
        if before.status != action.status and action.status is not None:
            words = _words("status_set", old=_status(before.status), new=_status(action.status))
            yield Kind.STATUS_CHANGED, ident, None, words, action.name


def _evaluation_changes(
    old: dict[int, tuple[str, dict[str, str]]], new: dict[int, tuple[str, dict[str, str]]]
) -> Found:
    for year in sorted(new):
        content, by = new[year]
        if year in old and old[year][0] == content:
            continue
        added = year not in old
        kind = Kind.EVALUATION_ADDED if added else Kind.EVALUATION_CHANGED
        words = _words(
            "evaluation_added" if added else "evaluation_changed",
            year=_fy(year),
            by=_per(by),
        )
        yield kind, str(year), year, words, {}


def _revision_changes(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> Found:
    for version, summary in new.items():
        if version not in old:
            words = _words(
                "revision_added",
                version=_plain(version),
                summary=_per(summary),
            )
            yield Kind.REVISION_ADDED, version, None, words, {}


Reader = Callable[[dict[str, Any], _Memo], Any]
_READERS: dict[str, tuple[str, Reader, Callable[[Any, Any], Found]]] = {
    KPIS: ("kpis", _kpis, _kpi_changes),
    STRATEGIES: ("strategies", _actions, _action_changes),
    EVALUATIONS: ("evaluations", _evaluations, _evaluation_changes),
    PLAN: ("revisions", _revisions, _revision_changes),
}
"""Per file: the top-level list its reader needs, the reader, and the comparison."""


# --- git ---------------------------------------------------------------------------------------


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """The output of one git command, or None when git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _commits(out: bytes) -> list[_Commit]:
    """Parse `git log -z --raw --format=%x01%H%x00%cI`."""
    commits = []
    for record in out.decode("utf-8", "replace").split(_COMMIT)[1:]:
        fields = record.split("\0")
        if len(fields) < 2:
            continue
        files: dict[str, str] = {}
        for meta, path in zip(fields[2::2], fields[3::2], strict=False):
            parts = meta.strip().split()
            if len(parts) >= 5 and parts[0].startswith(":"):
                files[path] = parts[3]
        commits.append(_Commit(fields[0], fields[1].strip(), files))
    return commits


def _blobs(root: Path, ids: list[str]) -> dict[str, bytes] | None:
    """The content of blobs, by id, read by one `git cat-file --batch`."""
    if not ids:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ids).encode())
    if out is None:
        return None
    blobs: dict[str, bytes] = {}
    at = 0
    while (end := out.find(b"\n", at)) != -1:
        header = out[at:end].decode("ascii", "replace").split()
        at = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            blobs[header[0]] = out[at : at + size]
            at += size + 1
    return blobs


_CParser: Any = getattr(yaml, "cyaml", None) and getattr(yaml.cyaml, "CParser", None)


def _fast(text: str) -> Any:
    """libyaml's parser and composer with dxsite's YAML 1.2 core resolver: a version of the
    past needs no positions, and composing it in Python costs ~0.1 s per 200 KB version."""

    class _Fast(_CParser, yaml.constructor.SafeConstructor, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)
            self.lines: list[tuple[str, str]] | None = None

        def construct_scalar(self, node: yaml.ScalarNode | yaml.MappingNode) -> str:
            """Text written over several lines, folded as the current version is (see fold.py)."""
            value = yaml.constructor.SafeConstructor.construct_scalar(self, node)
            if not isinstance(node, yaml.ScalarNode) or node.start_mark.line == node.end_mark.line:
                return value
            self.lines = self.lines or source_lines(text)
            return refold(value, node, self.lines)

    loader = _Fast(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _load(text: str, rel: str) -> Any:
    if _CParser is None:
        doc, _ = load_text(text, rel)
        return doc.data if doc is not None else None
    try:
        return _fast(text)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None


_MARKERS = re.compile(r"^(?:---|\.\.\.|%)", re.MULTILINE)
_CONTENT = re.compile(r"^( *)([^\s#])", re.MULTILINE)


def _split(text: str, key: str) -> list[str] | None:
    """The items of the block list under the top-level `key:`, as text (None when the file is
    not written that way): the items of consecutive versions are mostly the same text, so each
    is parsed once."""
    starts = list(re.finditer(rf"^{key}:(?:[ \t].*)?$", text, re.MULTILINE))
    if len(starts) != 1 or _MARKERS.search(text):
        return None
    if not re.fullmatch(r"[ \t]*(?:#.*)?", starts[0].group()[len(key) + 1 :]):
        return None
    first = _CONTENT.search(text, starts[0].end())
    if first is None:
        return []
    indent = len(first.group(1))
    if not re.match(r"-(?:[ \t]|$)", text[first.start(2) : first.start(2) + 2]):
        return [] if indent == 0 else None
    other = r"(?!-(?:[ \t]|$))[^\s#]"
    outside = rf"^(?: {{0,{indent - 1}}}[^\s#]| {{{indent}}}{other})" if indent else f"^{other}"
    end = re.compile(outside, re.MULTILINE).search(text, first.start())
    region = text[first.start() : end.start() if end else len(text)]
    cuts = [m.start() for m in re.finditer(rf"^ {{{indent}}}-(?:[ \t]|$)", region, re.MULTILINE)]
    return [region[i:j] for i, j in zip(cuts, [*cuts[1:], len(region)], strict=True)]


def _parse(content: bytes, rel: str, key: str, cache: dict[str, Any]) -> dict[str, Any] | None:
    """A past version's data, or None when it is not YAML (or too large) to read. Only the
    top-level list `key` is read, item by item (each item's text parsed once, in `cache`),
    or from the whole file when its items cannot be told apart by their text."""
    if len(content) > MAX_BYTES:
        return None
    try:
        text = content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    chunks = _split(text, key)
    if chunks is not None and not any(c not in cache and _cache(cache, c, rel) for c in chunks):
        return {key: [cache[c] for c in chunks]}
    data = _load(text, rel)
    return data if isinstance(data, dict) else None


def _cache(cache: dict[str, Any], chunk: str, rel: str) -> bool:
    """Parse one list item into `cache`; True when it is not one item on its own."""
    found = _load(chunk, rel)
    if not isinstance(found, list) or len(found) != 1:
        return True
    cache[chunk] = found[0]
    return False


@dataclass
class History:
    """What changed when, and when each file last changed (empty without git history)."""

    changes: list[Change] = field(default_factory=list)
    """Every change, oldest first."""
    dates: dict[str, str] = field(default_factory=dict)
    """Each file's last commit date (YYYY-MM-DD), by path relative to the project."""
    actuals_as_of: dict[str, str] = field(default_factory=dict)
    """Each KPI's date of the last commit that changed its actuals (or the first commit)."""

    @classmethod
    def read(cls, root: Path) -> History:
        """The history of the project at `root`, from one `git log`."""
        shallow = _git(root, "rev-parse", "--is-shallow-repository")
        if shallow is None or shallow.strip() != b"false":
            return cls()
        out = _git(
            root,
            "log",
            "--first-parent",
            "--reverse",
            "--no-renames",
            "--relative",
            "--raw",
            "--no-abbrev",
            "-z",
            "--format=%x01%H%x00%cI",
            "--",
            *SOURCES,
        )
        if out is None:
            return cls()
        commits = _commits(out)
        wanted = sorted(
            {b for c in commits for p, b in c.files.items() if p in _READERS and b != _DELETED}
        )
        blobs = _blobs(root, wanted)
        if blobs is None:
            return cls()
        return cls._compare(commits, blobs)

    @classmethod
    def _compare(cls, commits: list[_Commit], blobs: dict[str, bytes]) -> History:
        history = cls()
        state: dict[str, Any] = {}
        parsed: dict[tuple[str, str], Any] = {}
        items: dict[str, Any] = {}
        memo = _Memo()
        for n, commit in enumerate(commits):
            for path in commit.files:
                history.dates[path] = commit.date
            for path, blob in commit.files.items():
                if path not in _READERS:
                    continue
                key, read, compare = _READERS[path]
                if (path, blob) not in parsed:
                    content = blobs.get(blob, b"")
                    data = {} if blob == _DELETED else _parse(content, path, key, items)
                    parsed[path, blob] = None if data is None else read(data, memo)
                new = parsed[path, blob]
                if new is None:
                    continue
                old = state[path] if path in state else read({}, memo)
                state[path] = new
                if path == KPIS:
                    for ident, kpi in new.items():
                        before = old.get(ident) if n else None
                        if not kpi.actuals:
                            history.actuals_as_of.pop(ident, None)
                        elif before is None or before.actuals != kpi.actuals:
                            history.actuals_as_of[ident] = commit.date
                if n == 0:
                    continue
                for kind, ident, year, words, name in compare(old, new):
                    history.changes.append(
                        Change(commit.date, commit.time, commit.sha, kind, ident, year, words, name)
                    )
        return history

    def last_changed(self, files: tuple[str, ...]) -> str | None:
        """The last commit date of any of `files` (paths or glob patterns)."""
        dates = [
            d for path, d in self.dates.items() if any(fnmatch.fnmatchcase(path, f) for f in files)
        ]
        return max(dates) if dates else None

    def of(self, ident: str, kinds: frozenset[Kind]) -> list[Change]:
        """The changes of one KPI or action, newest first."""
        return [c for c in reversed(self.changes) if c.id == ident and c.kind in kinds]

    def data_as_of(self, kpi: str) -> str | None:
        """When the actuals of a KPI last changed."""
        return self.actuals_as_of.get(kpi)
