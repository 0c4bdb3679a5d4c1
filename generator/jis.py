"""The success criteria of JIS X 8341-3:2016 at levels A and AA, and axe-core's map onto them.

JIS X 8341-3:2016 is identical to ISO/IEC 40500:2012, that is WCAG 2.0: its 38 criteria of
levels A and AA are WCAG 2.0's, named here as the JIS names them (in the site's punctuation)
and as WCAG 2.0 does in English. axe-core tags each rule with the criteria it tests
(`wcag111` is 1.1.1); a rule tagged only with a WCAG 2.1 criterion (`wcag1410`, reflow) is an
additional automated check, not part of the JIS.
"""

from __future__ import annotations

import re
from typing import NamedTuple

STANDARD = "JIS X 8341-3:2016"
LEVEL = "AA"


class Criterion(NamedTuple):
    """One success criterion: its number, level and names."""

    id: str
    level: str
    ja: str
    en: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion("1.1.1", "A", "非テキストコンテンツ", "Non-text Content"),
    Criterion(
        "1.2.1", "A", "音声だけ及び映像だけ（収録済み）", "Audio-only and Video-only (Prerecorded)"
    ),
    Criterion("1.2.2", "A", "キャプション（収録済み）", "Captions (Prerecorded)"),
    Criterion(
        "1.2.3",
        "A",
        "音声解説又はメディアに対する代替コンテンツ（収録済み）",
        "Audio Description or Media Alternative (Prerecorded)",
    ),
    Criterion("1.2.4", "AA", "キャプション（ライブ）", "Captions (Live)"),
    Criterion("1.2.5", "AA", "音声解説（収録済み）", "Audio Description (Prerecorded)"),
    Criterion("1.3.1", "A", "情報及び関係性", "Info and Relationships"),
    Criterion("1.3.2", "A", "意味のある順序", "Meaningful Sequence"),
    Criterion("1.3.3", "A", "感覚的な特徴", "Sensory Characteristics"),
    Criterion("1.4.1", "A", "色の使用", "Use of Color"),
    Criterion("1.4.2", "A", "音声の制御", "Audio Control"),
    Criterion("1.4.3", "AA", "コントラスト（最低限レベル）", "Contrast (Minimum)"),
    Criterion("1.4.4", "AA", "テキストのサイズ変更", "Resize Text"),
    Criterion("1.4.5", "AA", "文字画像", "Images of Text"),
    Criterion("2.1.1", "A", "キーボード", "Keyboard"),
    Criterion("2.1.2", "A", "キーボードトラップなし", "No Keyboard Trap"),
    Criterion("2.2.1", "A", "タイミング調整可能", "Timing Adjustable"),
    Criterion("2.2.2", "A", "一時停止、停止及び非表示", "Pause, Stop, Hide"),
    Criterion("2.3.1", "A", "3回の閃光又は閾値以下", "Three Flashes or Below Threshold"),
    Criterion("2.4.1", "A", "ブロックスキップ", "Bypass Blocks"),
    Criterion("2.4.2", "A", "ページタイトル", "Page Titled"),
    Criterion("2.4.3", "A", "フォーカス順序", "Focus Order"),
    Criterion("2.4.4", "A", "リンクの目的（コンテキスト内）", "Link Purpose (In Context)"),
    Criterion("2.4.5", "AA", "複数の手段", "Multiple Ways"),
    Criterion("2.4.6", "AA", "見出し及びラベル", "Headings and Labels"),
    Criterion("2.4.7", "AA", "フォーカスの可視化", "Focus Visible"),
    Criterion("3.1.1", "A", "ページの言語", "Language of Page"),
    Criterion("3.1.2", "AA", "一部分の言語", "Language of Parts"),
    Criterion("3.2.1", "A", "フォーカス時", "On Focus"),
    Criterion("3.2.2", "A", "入力時", "On Input"),
    Criterion("3.2.3", "AA", "一貫したナビゲーション", "Consistent Navigation"),
    Criterion("3.2.4", "AA", "一貫した識別性", "Consistent Identification"),
    Criterion("3.3.1", "A", "エラーの特定", "Error Identification"),
    Criterion("3.3.2", "A", "ラベル又は説明", "Labels or Instructions"),
    Criterion("3.3.3", "AA", "エラー修正の提案", "Error Suggestion"),
    Criterion(
        "3.3.4",
        "AA",
        "誤り防止（法的、金融及びデータ）",
        "Error Prevention (Legal, Financial, Data)",
    ),
    Criterion("4.1.1", "A", "構文解析", "Parsing"),
    Criterion("4.1.2", "A", "名前（name）、役割（role）及び値（value）", "Name, Role, Value"),
)
IDS = frozenset(c.id for c in CRITERIA)

_TAG = re.compile(r"^wcag([1-4])([1-9])([0-9]{1,2})$")


def criterion_of_tag(tag: str) -> str | None:
    """The criterion an axe-core tag names (`wcag143` → 1.4.3), None for other tags."""
    match = _TAG.match(tag)
    return ".".join(match.groups()) if match else None


def criteria_of(tags: list[str]) -> list[str]:
    """The criteria an axe-core rule's tags name (WCAG 2.1's among them: the statement keeps
    only the JIS's)."""
    return [cid for tag in tags if (cid := criterion_of_tag(tag))]
