"""The editors' guide in Japanese (docs/editing.ja.md), made from the models by `dxsite schema`.

Every file and field comes from the models (with its Japanese name from the message catalogue),
every example from the scaffold, and every common mistake's message from running the checks on
the scaffold with that one mistake made: the guide cannot say what dxsite does not.
"""

from __future__ import annotations

import contextvars
import datetime
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from . import messages
from .messages.catalogue import CATALOGUE
from .model.project import FILES
from .reference import SCAFFOLD, models, table
from .validate import validate

GUIDE = Path("docs") / "editing.ja.md"
TODAY = datetime.date(2025, 6, 1)
"""The day the mistakes are checked on (FY2025, inside the scaffold's plan period)."""

ABOUT = {
    "plan/plan.yaml": "計画の名前、状態、計画期間と期、目指すべき姿、策定日、問い合わせ先、"
    "改訂履歴。",
    "plan/strategies.yaml": "基本戦略、その施策、施策ごとの取組（担当、実施時期、状況、予算）。",
    "plan/guidelines.yaml": "重点指針（分類ごと）。ないときはファイルを置きません。",
    "plan/governance.yaml": "推進体制: 役職（CIO など）と組織（DX推進本部など）。",
    "plan/timeline.yaml": "策定経過: 会議、パブリックコメント、意見募集、策定、公表。",
    "plan/evaluations.yaml": "年度ごとの評価（評価した組織、総評、戦略・施策ごとの評価）。",
    "kpis.yaml": "数値目標（KPI）: 基準値、目標値、実績値と、評価の段階。",
}
"""What each file holds, in the editors' words (a file the format adds needs a line here)."""


@dataclass(frozen=True)
class Mistake:
    """One common mistake: the scaffold with `old` in `rel` replaced by `new`."""

    title: str
    rel: str
    old: str
    new: str


MISTAKES = (
    Mistake(
        "コロンが全角「：」", "kpis.yaml", "    direction: increase", "    direction：increase"
    ),
    Mistake(
        "字下げに全角スペース", "kpis.yaml", "    direction: increase", "  　direction: increase"
    ),
    Mistake("字下げにタブ", "kpis.yaml", "    direction: increase", "\tdirection: increase"),
    Mistake(
        "「-」の後に空白がない",
        "kpis.yaml",
        "      - {value: 100, year: R10}",
        "      -value: 100\n        year: R10",
    ),
    Mistake("キーを日本語で書いた", "kpis.yaml", '    unit: "%"', '    単位: "%"'),
    Mistake("キーの綴りの間違い", "kpis.yaml", '    unit: "%"', '    unti: "%"'),
    Mistake("選択肢を日本語で書いた", "kpis.yaml", "direction: increase", "direction: 増加"),
    Mistake("引用符が「“”」", "kpis.yaml", '    unit: "%"', "    unit: “%”"),
    Mistake("日本語入力の引用符「”…”」", "kpis.yaml", '    unit: "%"', "    unit: ”%”"),
    Mistake(
        "数値に桁区切りのカンマ",
        "kpis.yaml",
        "      - {value: 100, year: R10}",
        "      - value: 1,000\n        year: R10",
    ),
    Mistake("数値が全角", "kpis.yaml", "{value: 100, year: R10}", "{value: １００, year: R10}"),
    Mistake(
        "数値を引用符で囲んだ", "kpis.yaml", "{value: 100, year: R10}", '{value: "100", year: R10}'
    ),
    Mistake(
        "マイナスを「△」で書いた", "kpis.yaml", "{value: 10, year: R6}", "{value: △5, year: R6}"
    ),
    Mistake("目標値が方向と逆", "kpis.yaml", "{value: 100, year: R10}", "{value: 5, year: R10}"),
    Mistake(
        "存在しない ID を参照した",
        "kpis.yaml",
        "measures: online-procedures",
        "measures: online-procedure",
    ),
    Mistake(
        "同じキーを二回書いた", "kpis.yaml", '    unit: "%"\n', '    unit: "%"\n    unit: 件\n'
    ),
    Mistake(
        "英語がない（警告）",
        "kpis.yaml",
        "name: {ja: 行政手続きのオンライン化割合, "
        "en: Share of administrative procedures available online}",
        "name: 行政手続きのオンライン化割合",
    ),
    Mistake(
        "電話番号を引用符なしで書いた",
        "plan/plan.yaml",
        "  email: dx@city.example.jp\n",
        "  email: dx@city.example.jp\n  phone: 0954680140\n",
    ),
    Mistake("日付を和暦で書いた", "plan/timeline.yaml", "date: 2025-06-01", "date: 令和7年6月1日"),
)


def _label(name: str) -> str:
    entry = CATALOGUE.get(f"field.{name}")
    return entry["ja"] if entry else "—"


def _files() -> list[str]:
    lines = ["## ファイルと項目", ""]
    seen: list[type[BaseModel]] = []
    for rel, model, required in FILES.values():
        new = [m for m in models(model, []) if m not in seen]
        seen += new
        lines += [f"### `{rel}`（{'必須' if required else '任意'}）", "", ABOUT[rel], ""]
        for m in new:
            lines += [table(m, _label), ""]
        example = SCAFFOLD / rel
        if example.is_file():
            body = example.read_text(encoding="utf-8").rstrip()
            lines += ["例:", "", "```yaml", body, "```", ""]
    return lines


def _found(mistake: Mistake, work: Path) -> list[str]:
    """What `dxsite check` says about the scaffold with this one mistake (in Japanese)."""
    project = work / "plan-under-test"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(SCAFFOLD, project)
    path = project / mistake.rel
    text = path.read_text(encoding="utf-8")
    if mistake.old not in text:
        raise ValueError(f"the scaffold's {mistake.rel} no longer holds {mistake.old!r}")
    path.write_text(text.replace(mistake.old, mistake.new, 1), encoding="utf-8")
    result = validate(project, today=TODAY)
    return [d.as_text() for d in result.diagnostics]


def _mistakes() -> list[str]:
    messages.use("ja")
    lines = [
        "## よくある間違いと、そのときのメッセージ",
        "",
        "`dxsite new` が書く計画に間違いを一つだけ入れて `dxsite check` を実行した結果です"
        "（このページを作るたびに実際に検査しています）。",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for mistake in MISTAKES:
            shown = mistake.new.replace("\t", "→（タブ）")
            lines += [
                f"### {mistake.title}",
                "",
                f"`{mistake.rel}` に:",
                "",
                "```yaml",
                shown,
                "```",
                "",
                "メッセージ:",
                "",
                "```text",
                *(
                    _found(mistake, Path(tmp))
                    or ["（メッセージは出ません: この間違いは検査を通ってしまいます）"]
                ),
                "```",
                "",
            ]
    return lines


def guide() -> str:
    """The whole editors' guide, in Japanese."""
    lines = [
        "# 計画データの書き方（編集者向けガイド）",
        "",
        "_このページは `dxsite schema` がモデルから生成します。手で編集しないでください。_",
        "",
        "計画は `plan/` の YAML ファイルと `kpis.yaml`、本文の Markdown（`plan/chapters/ja/`、"
        "`plan/chapters/en/`）で書きます。`dxsite check .` で検査すると、間違いを"
        "「ファイル:行:列: エラー: メッセージ」の形で示します。",
        "",
        "- 文（日本語／英語）は、日本語だけなら `name: 数値目標` のように、英語もあれば "
        "`name: {ja: 数値目標, en: KPIs}` と書きます。英語がないと警告になり、英語のページには"
        "日本語が「Not yet translated」の表示付きで出ます。",
        "- 長い文は `>-` の後の行に続けて書けます。日本語の文字どうしの改行は詰めてつなぎます"
        "（英単語の間には空白が入ります）。",
        '- 電話番号・ファクス番号は `"0000-00-0000"` のように引用符で囲みます。',
        '- 引用符は半角の `"` です。日本語入力の “ ” ＂ などは引用符にならず、そのまま'
        "サイトに表示されるため、値をそれで囲むとエラーになります。",
        "- 年度は `令和7年度`、`R7`、`2025` のどれでも書けます。日付は `2025-06-01`"
        "（日が分からなければ `2025-06`）です。",
        "",
        *_files(),
        *contextvars.copy_context().run(_mistakes),
    ]
    return "\n".join(lines).rstrip() + "\n"


def write_guide(root: Path) -> bool:
    """Write the guide into root/docs/editing.ja.md; True when it changed."""
    path = root / GUIDE
    content = guide()
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return True
