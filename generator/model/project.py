"""The whole plan: one model per YAML file, the narrative chapters, and their union `Project`."""

from __future__ import annotations

from pydantic import BaseModel

from .base import Id, Model
from .evaluation import EvaluationsFile
from .governance import GovernanceFile
from .guidelines import GuidelinesFile
from .kpi import KpisFile
from .plan import PlanFile
from .strategy import StrategiesFile
from .text import Text
from .timeline import TimelineFile

FILES: dict[str, tuple[str, type[BaseModel], bool]] = {
    "plan": ("plan/plan.yaml", PlanFile, True),
    "strategies": ("plan/strategies.yaml", StrategiesFile, True),
    "guidelines": ("plan/guidelines.yaml", GuidelinesFile, False),
    "governance": ("plan/governance.yaml", GovernanceFile, False),
    "timeline": ("plan/timeline.yaml", TimelineFile, False),
    "evaluations": ("plan/evaluations.yaml", EvaluationsFile, False),
    "kpis": ("kpis.yaml", KpisFile, True),
}
"""Each part of the plan: its file (relative to the project), its model, whether it is required."""

CHAPTERS_DIR = "plan/chapters"
"""Narrative chapters live in plan/chapters/ja/NN-id.md and plan/chapters/en/NN-id.md."""


class Chapter(Model):
    """A narrative chapter in Markdown; its title is its first `#` heading."""

    id: Id
    """The chapter's id, from its file name (01-overview.md → overview)."""
    title: Text
    """The title, from the first heading of each language's file."""
    ja: str
    """The Japanese Markdown."""
    en: str | None = None
    """The English Markdown, if translated."""


class Project(Model):
    """A whole validated plan: what `plan.json` contains."""

    plan: PlanFile
    """plan/plan.yaml."""
    strategies: StrategiesFile
    """plan/strategies.yaml."""
    guidelines: GuidelinesFile = GuidelinesFile()
    """plan/guidelines.yaml."""
    governance: GovernanceFile = GovernanceFile()
    """plan/governance.yaml."""
    timeline: TimelineFile = TimelineFile()
    """plan/timeline.yaml."""
    evaluations: EvaluationsFile = EvaluationsFile()
    """plan/evaluations.yaml."""
    kpis: KpisFile
    """kpis.yaml."""
    chapters: list[Chapter] = []
    """The narrative chapters, in file-name order."""
