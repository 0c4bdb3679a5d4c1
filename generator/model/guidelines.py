"""guidelines.yaml: key guidelines (重点指針) grouped by category."""

from __future__ import annotations

from .base import Id, Model
from .text import Text


class Guideline(Model):
    """One key guideline, e.g. 現場主義.

    ja: 重点指針の一つ（例: 現場主義）。"""

    name: Text
    """Its name.

    ja: 名前。"""
    description: Text
    """What it asks of everyone.

    ja: すべての職員に求めること。"""


class GuidelineCategory(Model):
    """A category, e.g. 『マインド』：心掛けておくこと.

    ja: 指針の分類（例: 『マインド』：心掛けておくこと）。"""

    id: Id
    """The category's id.

    ja: 分類の ID。"""
    name: Text
    """Its name, e.g. マインド.

    ja: 名前（例: マインド）。"""
    description: Text | None = None
    """What the category covers.

    ja: この分類が扱うこと。"""
    guidelines: list[Guideline]
    """Its guidelines.

    ja: この分類の指針。"""


class GuidelinesFile(Model):
    """guidelines.yaml: the key guidelines.

    ja: guidelines.yaml: 重点指針。"""

    introduction: list[Text] = []
    """Paragraphs introducing the guidelines.

    ja: 重点指針の前文（段落ごとに一項目）。"""
    categories: list[GuidelineCategory] = []
    """Categories of guidelines, in order.

    ja: 指針の分類。順に書きます。"""
