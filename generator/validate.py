"""Validate a plan: load every file, check it against the models, then run the cross-checks.

Pydantic errors are translated into plain messages located at the YAML line that caused them.
"""

from __future__ import annotations

import datetime
import itertools
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import clock, crosscheck
from .chapters import read_chapter
from .config import check_config
from .diagnostics import Diagnostic, Severity, did_you_mean, has_errors
from .load import Document, Loc, load_yaml
from .model.project import CHAPTERS_DIR, FILES, Chapter, Project
from .model.text import Text
from .numbers import correction
from .recorded import read_accessibility


def _unwrap(annotation: Any, index: bool) -> Any:
    """The model type reached by one step into `annotation` (a list item when `index`)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0], index)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0], index) if len(args) == 1 else annotation
    if index and origin is list:
        return typing.get_args(annotation)[0]
    return annotation


def _model_at(model: type[BaseModel], loc: Loc) -> Any:
    """The annotation of the value at `loc` in `model` (None when not found)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, isinstance(part, int))
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = field.annotation
    return _unwrap(current, False)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'text "{value}"' if value else "empty text"
    if isinstance(value, int | float):
        return f"the number {value}"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map of fields"
    return type(value).__name__


def _path(loc: Loc) -> str:
    """Field path for editors, items counted from 1: kpis[3].targets[1].year."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _expected(error: ErrorDetails, model: type[BaseModel]) -> str:
    """The 'expected X, found Y' message for one Pydantic error."""
    kind, value, loc = error["type"], error.get("input"), tuple(error["loc"])
    found = _describe(value)
    if kind in ("float_type", "int_type", "int_from_float", "float_parsing", "int_parsing"):
        if isinstance(value, str):
            return correction(value)
        whole = "a whole number" if kind.startswith("int") else "a number"
        return f"expected {whole}, found {found}"
    if kind == "string_type":
        hint = f' (put it in quotes: "{value}")' if isinstance(value, int | float) else ""
        return f"expected text, found {found}{hint}"
    if kind == "bool_type":
        return f"expected true or false, found {found}"
    if kind == "list_type":
        return f'expected a list (lines starting with "- "), found {found}'
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if _model_at(model, loc) is Text:
            return f"expected text, or a map with ja: and en:, found {found}"
        return f"expected a map of fields (name: value), found {found}"
    if kind == "enum":
        choices = [str(m.value) for m in _model_at(model, loc) or []]
        near = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return f"expected one of {', '.join(choices)}; found {found}{near}"
    if kind == "finite_number":
        return f"expected a finite number, found {value}"
    if kind == "too_short":
        minimum = (error.get("ctx") or {}).get("min_length", 1)
        return f"needs at least {minimum} item(s)"
    if kind in ("value_error", "assertion_error"):
        return error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return f"{error['msg']}, found {found}"


def _diagnostic(error: ErrorDetails, doc: Document, model: type[BaseModel]) -> Diagnostic:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        name, parent = str(loc[-1]), _model_at(model, loc[:-1])
        is_model = isinstance(parent, type) and issubclass(parent, BaseModel)
        allowed = list(parent.model_fields) if is_model else []
        message = (
            f'unknown field "{name}" in {_path(loc[:-1])}{did_you_mean(name, allowed)}'
            f" (allowed here: {', '.join(allowed)})"
        )
        line, col = doc.locate(loc, key=True)
        return Diagnostic(doc.path, line, col, Severity.ERROR, message, "unknown-field")
    if kind == "missing":
        parent = _model_at(model, loc[:-1])
        is_model = isinstance(parent, type) and issubclass(parent, BaseModel)
        field = parent.model_fields.get(str(loc[-1])) if is_model else None
        about = f" ({field.description})" if field and field.description else ""
        message = f'required field "{loc[-1]}" is missing in {_path(loc[:-1])}{about}'
        line, col = doc.locate(loc[:-1])
        return Diagnostic(doc.path, line, col, Severity.ERROR, message, "missing-field")
    line, col = doc.locate(loc)
    message = f"{_path(loc)}: {_expected(error, model)}"
    return Diagnostic(doc.path, line, col, Severity.ERROR, message, "type")


MAX_REPORTED = 200
"""The most findings reported; the rest are counted in one line."""


@dataclass
class _Part:
    """One file of the plan as read: its model (None when it has errors) and its findings."""

    model: BaseModel | None = None
    doc: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    omitted: int = 0
    """Model errors found but not turned into findings (beyond MAX_REPORTED)."""


def _load_part(root: Path, rel: str, model: type[BaseModel], required: bool) -> _Part:
    path = root / rel
    if not path.is_file():
        if not required:
            return _Part()
        message = f"the file is missing: the plan needs {rel}"
        return _Part(diagnostics=[Diagnostic(rel, 1, 1, Severity.ERROR, message, "missing-file")])
    doc, diagnostics = load_yaml(path, rel)
    if doc is None:
        return _Part(diagnostics=diagnostics)
    if not isinstance(doc.data, dict):
        message = f"expected a map of fields (name: value) at the top, found {_describe(doc.data)}"
        return _Part(
            None, doc, [*diagnostics, Diagnostic(rel, 1, 1, Severity.ERROR, message, "type")]
        )
    try:
        return _Part(model.model_validate(doc.data), doc, diagnostics)
    except ValidationError as exc:
        found = itertools.islice(exc.errors(include_url=False), MAX_REPORTED)
        errors = [_diagnostic(e, doc, model) for e in found]
        return _Part(None, doc, diagnostics + errors, exc.error_count() - len(errors))
    except RecursionError:
        message = "the data is nested too deeply to check"
        return _Part(
            None, doc, [*diagnostics, Diagnostic(rel, 1, 1, Severity.ERROR, message, "yaml")]
        )


def _title(markdown: str) -> str | None:
    match = re.search(r"^# +(.+?)\s*#*\s*$", markdown, re.MULTILINE)
    return match.group(1) if match else None


def load_chapters(root: Path) -> tuple[list[Chapter], list[Diagnostic]]:
    """Read plan/chapters/ja/*.md and their English twins in plan/chapters/en/."""
    chapters: list[Chapter] = []
    diagnostics: list[Diagnostic] = []
    first_file: dict[str, str] = {}
    for ja_path in sorted((root / CHAPTERS_DIR / "ja").glob("*.md")):
        rel = f"{CHAPTERS_DIR}/ja/{ja_path.name}"
        chapter_id = re.sub(r"^[0-9]+-", "", ja_path.stem)
        if chapter_id in first_file:
            message = (
                f'the chapter id "{chapter_id}" is already used by {first_file[chapter_id]}: '
                "rename one of the files"
            )
            diagnostics.append(Diagnostic(rel, 1, 1, Severity.ERROR, message, "chapter"))
            continue
        first_file[chapter_id] = ja_path.name
        ja, problems = read_chapter(ja_path, rel)
        diagnostics += problems
        en_path = root / CHAPTERS_DIR / "en" / ja_path.name
        en: str | None = None
        if en_path.is_symlink() or en_path.exists():
            en, problems = read_chapter(en_path, f"{CHAPTERS_DIR}/en/{ja_path.name}")
            diagnostics += problems
        else:
            message = f"chapter {ja_path.name} has no English translation (en/{ja_path.name})"
            diagnostics.append(Diagnostic(rel, 1, 1, Severity.WARNING, message, "english"))
        if ja is None:
            continue
        title_ja, title_en = _title(ja), _title(en) if en else None
        if title_ja is None:
            message = "a chapter must start with a title line: # タイトル"
            diagnostics.append(Diagnostic(rel, 1, 1, Severity.ERROR, message, "chapter"))
            continue
        try:
            title = Text(ja=title_ja, en=title_en)
            chapters.append(Chapter(id=chapter_id, title=title, ja=ja, en=en))
        except ValidationError as exc:
            message = exc.errors()[0]["msg"].removeprefix("Value error, ")
            message = f"the file name gives the chapter id: {message}"
            diagnostics.append(Diagnostic(rel, 1, 1, Severity.ERROR, message, "chapter"))
    return chapters, diagnostics


@dataclass
class Result:
    """What validation found: the plan (None when there are errors) and every finding."""

    project: Project | None
    diagnostics: list[Diagnostic]
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per file: how many texts have English, out of how many."""
    omitted: int = 0
    """Findings left out of `diagnostics` (beyond the first MAX_REPORTED)."""

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the run fails (warnings count under `strict`)."""
        return self.project is None or has_errors(self.diagnostics, strict=strict)


def _coverage(project: Project) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    for loc, text in crosscheck.texts(project):
        key = str(loc[0])
        rel = FILES[key][0] if key in FILES else f"{CHAPTERS_DIR}/en/"
        done, total = counts.get(rel, (0, 0))
        counts[rel] = (done + text.translated("en"), total + 1)
    return counts


def validate(root: Path, *, today: datetime.date | None = None) -> Result:
    """Load and check the plan under `root`, collecting every problem."""
    diagnostics: list[Diagnostic] = []
    parts: dict[str, BaseModel] = {}
    docs: dict[str, Document] = {}
    omitted = 0
    for key, (rel, model, required) in FILES.items():
        part = _load_part(root, rel, model, required)
        diagnostics += part.diagnostics
        omitted += part.omitted
        if part.model is not None:
            parts[key] = part.model
        if part.doc is not None:
            docs[key] = part.doc
    chapters, problems = load_chapters(root)
    diagnostics += problems + check_config(root) + read_accessibility(root)[1]
    if all(key in parts for key, (_, _, required) in FILES.items() if required):
        project = Project.model_validate({**parts, "chapters": chapters}, strict=False)
        locate = crosscheck.Locator(docs, FILES)
        diagnostics += crosscheck.run(project, locate, today or clock.today())
    else:
        project = None
    diagnostics = sorted(set(diagnostics))
    coverage = _coverage(project) if project else {}
    failed = has_errors(diagnostics) or omitted > 0
    omitted += max(0, len(diagnostics) - MAX_REPORTED)
    shown = diagnostics[:MAX_REPORTED]
    return Result(None if failed else project, shown, coverage, omitted)
