"""Pages a rebuild does not render again, because nothing they are rendered from has changed.

The pages that come by the thousand (a KPI's, a measure's, a list's pages of fifty rows) are
each rendered from a few values of the plan. Their key is the digest of:

- the build's context (`context`): dxsite's code, the language, today's date and fiscal year,
  the history, the accessibility record, and the whole plan except the KPIs' figures (their
  baseline, targets, actuals and manual grade);
- the page's path and its own inputs, named where it is rendered: the KPI of a KPI page with all
  its figures, the KPIs of a measure page, the items of a list page. An item computed from
  others (a line of a yearly report) names what it is computed from (`computed_from`); the
  year it is computed for is in the page's path.

A page that shows a KPI's figures names that KPI among its inputs; every other page is rendered
on every build. `Memo.page` records each key (in .dxsite/blocks/LANG.keys.json); at the next
build a page whose key is the recorded one is not rendered but `Kept`, and the build keeps the
files it wrote of it last time, if they are still the very files it wrote (see
blocks.Splits.kept); otherwise the page is rendered after all. A value `fingerprint` cannot vouch
for (a lambda, an object of an unknown kind) leaves its page unrecorded, so rendered every time.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import __version__, stages
from ..model.kpi import Kpi

FIGURES = frozenset(("baseline", "targets", "actuals", "grade"))
"""The fields of a KPI left out of the context: a page showing them names the KPI as an input."""
PACKAGE = Path(__file__).resolve().parent.parent


class Unknown(TypeError):
    """A value whose fingerprint would not be sure to change whenever its meaning does."""


@dataclasses.dataclass(frozen=True)
class Kept:
    """A page rendered exactly as at the last build: its front matter (for the page titles the
    accessibility statement lists), and how to render it should its files be gone."""

    head: str
    render: Callable[[], str]


def head(page: str | Kept) -> str:
    """A page's front matter (what comes before the end of its `---` block)."""
    return page.head if isinstance(page, Kept) else page.split("\n---", 1)[0]


def content(file: str | bytes | Kept) -> str | bytes:
    """A file's content; a Kept page's Markdown, rendered now."""
    return file.render() if isinstance(file, Kept) else file


@functools.cache
def _code() -> str:
    """The digest of dxsite's code and templates, and of the libraries that render pages."""
    digest = hashlib.sha256(f"{__version__} {version('jinja2')} {version('markupsafe')}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".j2") and path.is_file():
            digest.update(f"\n{path.relative_to(PACKAGE)}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def _digest(parts: Iterable[str]) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=20).hexdigest()


def context(project: BaseModel, lang: str, today: datetime.date, year: int, *other: Any) -> str:
    """The digest of what every memoised page of `lang` depends on besides its own inputs:
    the plan less its KPIs' figures, today, the fiscal year and `other` (the history, the
    accessibility record, the build's options)."""
    kpis = {"kpis": {"kpis": {"__all__": set(FIGURES)}}}
    plan = project.model_dump_json(exclude=kpis)
    extra = json.dumps(other, default=_plain, ensure_ascii=False, sort_keys=True)
    return _digest((_code(), lang, today.isoformat(), str(year), plan, extra))


def _plain(value: Any) -> Any:
    """`other`'s values for json.dumps: dataclasses as dicts, dates and enums as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (datetime.date, enum.Enum, Path)):
        return str(value)
    raise Unknown(type(value).__name__)


class Fingerprints:
    """The digests of the values pages are rendered from. A model's is computed once per build:
    the models are the plan's, alive while the build runs (the model is held all the same, so
    that no other takes its id); a value computed for a page (a report's line) is fingerprinted
    afresh, so that holding it does not keep every page's values in memory."""

    def __init__(self) -> None:
        self._models: dict[int, tuple[BaseModel, str]] = {}

    def of(self, value: Any) -> str:
        """A digest that changes whenever `value` would render differently; Unknown when no such
        digest can be made of it."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return f"{type(value).__name__}:{value}"
        if isinstance(value, enum.Enum):
            return f"{type(value).__qualname__}.{value.name}"
        if isinstance(value, BaseModel):
            known = self._models.get(id(value))
            if known is None:
                known = self._models[id(value)] = (value, self._model(value))
            return known[1]
        return self._compute(value)

    @staticmethod
    def _model(value: BaseModel) -> str:
        ident = getattr(value, "id", None)
        if isinstance(ident, str) and not isinstance(value, Kpi):
            # an item of the plan, wholly in the context, where its kind's ids are unique
            return f"{type(value).__qualname__}#{ident}"
        return _digest((type(value).__qualname__, value.model_dump_json()))

    def _compute(self, value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return _digest(("[", *map(self.of, value)))
        if isinstance(value, dict):
            return _digest(("{", *(f"{self.of(k)}={self.of(v)}" for k, v in value.items())))
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        computed_from = getattr(value, "computed_from", None)
        if callable(computed_from):
            return _digest((type(value).__qualname__, self.of(computed_from())))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = (f.name for f in dataclasses.fields(value))
            return _digest((type(value).__qualname__, *(self.of(getattr(value, n)) for n in names)))
        if isinstance(value, functools.partial):
            keywords = sorted(value.keywords.items())
            return _digest(("partial", self.of(value.func), self.of(value.args), self.of(keywords)))
        qualname = getattr(value, "__qualname__", "")
        if callable(value) and qualname and "<" not in qualname:
            return f"{value.__module__}.{qualname}"
        raise Unknown(type(value).__name__)


class Memo:
    """The keys of one language's memoised pages at the last build, and at this one."""

    def __init__(self, record: Path, context: str) -> None:
        """`record` keeps the keys between builds; `context` is this build's (see `context`)."""
        self.record, self.context = record, context
        try:
            before = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = {}
        self._before: dict[str, Any] = before if isinstance(before, dict) else {}
        self._now: dict[str, list[str]] = {}
        self._fingerprints = Fingerprints()
        record.unlink(missing_ok=True)  # a build that stops before `save` leaves none

    def page(self, path: str, inputs: tuple[Any, ...], render: Callable[[], str]) -> str | Kept:
        """The page at `path`, rendered by `render` from `inputs`: Kept when its key is the one
        recorded at the last build."""
        try:
            key = _digest((self.context, path, *map(self._fingerprints.of, inputs)))
        except Unknown:
            return render()
        before = self._before.get(path)
        if isinstance(before, list) and len(before) == 2 and before[0] == key:
            self._now[path] = before
            stages.advance()
            return Kept(before[1], render)
        page = render()
        self._now[path] = [key, head(page)]
        return page

    def save(self) -> None:
        """Record this build's keys, once its pages' files are written."""
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(self._now, ensure_ascii=False), encoding="utf-8")


class Always:
    """No memo: every page rendered (the tests' renders, builders that read whole pages)."""

    def page(self, path: str, inputs: tuple[Any, ...], render: Callable[[], str]) -> str:
        """The page, rendered."""
        return render()
