"""guidelines.yaml: key guidelines (重点指針) grouped by category."""

from __future__ import annotations

from .base import Id, Model
from .text import Text


class Guideline(Model):
    """One key guideline, e.g. 現場主義."""

    name: Text
    """Its name."""
    description: Text
    """What it asks of everyone."""


class GuidelineCategory(Model):
    """A category, e.g. 『マインド』：心掛けておくこと."""

    id: Id
    """The category's id."""
    name: Text
    """Its name, e.g. マインド."""
    description: Text | None = None
    """What the category covers."""
    guidelines: list[Guideline]
    """Its guidelines."""


class GuidelinesFile(Model):
    """guidelines.yaml: the key guidelines."""

    introduction: list[Text] = []
    """Paragraphs introducing the guidelines."""
    categories: list[GuidelineCategory] = []
    """Categories of guidelines, in order."""
