"""The evidence the accessibility statement stands on, as `check` and the build read it.

accessibility.json is the last automated run: `dxsite accessibility` writes the file, but it
arrives in the repository like any other, so a hand-edited one (month 13, a missing key, broken
JSON) is an error at its line, not a crash. accessibility-manual.yaml is what a person checked
by hand, per success criterion; its mistakes are located like those of the plan's files.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import paths as safe
from .diagnostics import Diagnostic, Severity
from .errors import BuildError
from .load import load_text, load_yaml, read_text
from .messages import say
from .model.accessibility import AccessibilityReport, ManualFile
from .wording import explain

ACCESSIBILITY_REPORT = "accessibility.json"
ACCESSIBILITY_MANUAL = "accessibility-manual.yaml"


class Evidence(BaseModel):
    """What the statement may claim: the last automated run and the manual results."""

    report: AccessibilityReport | None = None
    manual: ManualFile | None = None


def _error(line: int, col: int, key: str, **values: object) -> Diagnostic:
    message = say(key, **values)
    return Diagnostic(ACCESSIBILITY_REPORT, line, col, Severity.ERROR, message, "accessibility")


def read_accessibility(root: Path) -> tuple[AccessibilityReport | None, list[Diagnostic]]:
    """The last recorded run (None when none was recorded) and the problems of the file."""
    try:
        path = safe.source_file(root, ACCESSIBILITY_REPORT)
    except BuildError as exc:
        return None, [_error(1, 1, "accessibility.unsafe", problem=exc)]
    if path is None:
        return None, []
    text, problems = read_text(path, ACCESSIBILITY_REPORT)
    if text is None:
        return None, problems
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        line, col = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (1, 1)
        return None, [_error(line, col, "accessibility.json", problem=exc)]
    try:
        return AccessibilityReport.model_validate(data), []
    except ValidationError as exc:
        doc, _ = load_text(text, ACCESSIBILITY_REPORT)
        found = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            line, col = doc.locate(loc) if doc else (1, 1)
            field = ".".join(str(part) for part in loc) or "-"
            problem = error["msg"].removeprefix("Value error, ")
            found.append(_error(line, col, "accessibility.invalid", where=field, problem=problem))
        return None, found


def _manual_error(key: str, **values: object) -> Diagnostic:
    message = say(key, **values)
    return Diagnostic(ACCESSIBILITY_MANUAL, 1, 1, Severity.ERROR, message, "accessibility")


def read_manual(root: Path) -> tuple[ManualFile | None, list[Diagnostic]]:
    """The results of the manual test (None when none was recorded) and the file's problems."""
    try:
        path = safe.source_file(root, ACCESSIBILITY_MANUAL)
    except BuildError as exc:
        return None, [_manual_error("a11y.manual.unsafe", problem=exc)]
    if path is None:
        return None, []
    doc, problems = load_yaml(path, ACCESSIBILITY_MANUAL)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [*problems, _manual_error("a11y.manual.top")]
    try:
        return ManualFile.model_validate(doc.data), problems
    except ValidationError as exc:
        return None, problems + [explain(e, doc, ManualFile) for e in exc.errors()]


def read_evidence(root: Path) -> tuple[Evidence | None, list[Diagnostic]]:
    """Both records (None when neither exists) and the problems of both files."""
    report, problems = read_accessibility(root)
    manual, manual_problems = read_manual(root)
    evidence = Evidence(report=report, manual=manual) if report or manual else None
    return evidence, problems + manual_problems
