"""accessibility.json as `check` and the build read it: a recorded run, or located errors.

`dxsite accessibility` writes the file, but it arrives in the repository like any other, so a
hand-edited one (month 13, a missing key, broken JSON) is an error at its line, not a crash.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from . import paths as safe
from .diagnostics import Diagnostic, Severity
from .errors import BuildError
from .load import load_text, read_text
from .messages import say
from .model.accessibility import AccessibilityReport

ACCESSIBILITY_REPORT = "accessibility.json"


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
