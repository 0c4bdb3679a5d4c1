"""Validate a plan: load every file, check it against the models, then run the cross-checks.

Pydantic errors are translated into plain messages located at the YAML line that caused them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import clock, crosscheck
from .chapters import read_chapter
from .config import check_config
from .diagnostics import Diagnostic, Severity, has_errors
from .load import Document, load_yaml
from .messages import say
from .model.project import CHAPTERS_DIR, FILES, Chapter, Project
from .model.text import Text
from .parsed import Parsed
from .recorded import read_evidence
from .wording import describe, explain, without_echoes

MAX_REPORTED = 200
"""The most errors reported; the rest are counted in one line. Warnings are all kept (the output
summarises a kind of them that fills a file), so they never push an error out of the list."""


@dataclass
class _Part:
    """One file of the plan as read: its model (None when it has errors) and its findings."""

    model: BaseModel | None = None
    doc: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    omitted: int = 0
    """Model errors found but not turned into findings (beyond MAX_REPORTED)."""


def _load_part(
    root: Path, rel: str, model: type[BaseModel], required: bool, parsed: Parsed | None
) -> _Part:
    path = root / rel
    if not path.is_file():
        if not required:
            return _Part()
        message = say("check.missing_file", file=rel)
        return _Part(diagnostics=[Diagnostic(rel, 1, 1, Severity.ERROR, message, "missing-file")])
    doc, diagnostics = parsed.load(path, rel) if parsed else load_yaml(path, rel)
    if doc is None:
        return _Part(diagnostics=diagnostics)
    if not isinstance(doc.data, dict):
        message = say("check.top_not_map", found=describe(doc.data))
        return _Part(
            None, doc, [*diagnostics, Diagnostic(rel, 1, 1, Severity.ERROR, message, "type")]
        )
    try:
        return _Part(model.model_validate(doc.data), doc, diagnostics)
    except ValidationError as exc:
        found = without_echoes(exc.errors(include_url=False), model)[:MAX_REPORTED]
        errors = [explain(e, doc, model) for e in found]
        return _Part(None, doc, diagnostics + errors, exc.error_count() - len(errors))
    except RecursionError:
        message = say("check.too_deep")
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
            message = say("check.chapter_twice", id=chapter_id, file=first_file[chapter_id])
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
            message = say("check.chapter_no_english", file=ja_path.name)
            diagnostics.append(Diagnostic(rel, 1, 1, Severity.WARNING, message, "english"))
        if ja is None:
            continue
        title_ja, title_en = _title(ja), _title(en) if en else None
        if title_ja is None:
            message = say("check.chapter_no_title")
            diagnostics.append(Diagnostic(rel, 1, 1, Severity.ERROR, message, "chapter"))
            continue
        try:
            title = Text(ja=title_ja, en=title_en)
            chapters.append(Chapter(id=chapter_id, title=title, ja=ja, en=en))
        except ValidationError as exc:
            problem = exc.errors()[0]["msg"].removeprefix("Value error, ")
            message = say("check.chapter_id", problem=problem)
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
    """Errors left out of `diagnostics` (beyond the first MAX_REPORTED)."""
    unread: list[str] = field(default_factory=list)
    """Files that could not be read, so the checks across files were skipped."""

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


def validate(
    root: Path, *, today: datetime.date | None = None, parsed: Parsed | None = None
) -> Result:
    """Load and check the plan under `root`, collecting every problem; with `parsed`, the files
    parsed at the last build are read back where their text is the same (see
    generator/parsed.py)."""
    diagnostics: list[Diagnostic] = []
    parts: dict[str, BaseModel] = {}
    docs: dict[str, Document] = {}
    omitted = 0
    for key, (rel, model, required) in FILES.items():
        part = _load_part(root, rel, model, required, parsed)
        diagnostics += part.diagnostics
        omitted += part.omitted
        if part.model is not None:
            parts[key] = part.model
        if part.doc is not None:
            docs[key] = part.doc
    if parsed:
        parsed.save()
    chapters, problems = load_chapters(root)
    diagnostics += problems + check_config(root) + read_evidence(root)[1]
    # A file that could not be read would make the checks across files report its ids as
    # missing everywhere (no cascades): they are skipped, and the report says so once.
    unread = [
        rel
        for key, (rel, _, required) in FILES.items()
        if key not in parts and (required or (root / rel).is_file())
    ]
    project = None
    if not unread:
        project = Project.model_validate({**parts, "chapters": chapters}, strict=False)
        locate = crosscheck.Locator(docs, FILES)
        diagnostics += crosscheck.run(project, locate, today or clock.today())
    diagnostics = sorted(set(diagnostics))
    coverage = _coverage(project) if project else {}
    failed = has_errors(diagnostics) or omitted > 0
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    omitted += max(0, len(errors) - MAX_REPORTED)
    left_out = set(errors[MAX_REPORTED:])
    shown = [d for d in diagnostics if d not in left_out]
    return Result(None if failed else project, shown, coverage, omitted, unread)
