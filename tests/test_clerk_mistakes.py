"""Mistakes a clerk makes, each a small change to the shipped plan (issue 13).

Each case asserts the exact message in Japanese (the default) and English, and that the line
reported is the line of the mistake.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import messages
from generator.diagnostics import Diagnostic
from generator.validate import validate

from .conftest import ROOT, Run, copy_project


@dataclass(frozen=True)
class Mistake:
    """Replace `old` by `new` in `rel`; the finding (an error unless `severity` says otherwise) is
    on the line holding `at` (default `new`)."""

    rel: str
    old: str
    new: str
    ja: str
    en: str
    at: str = ""
    severity: str = "error"


KPI1 = "  - id: convenience-rate\n"
TARGET1 = "      - value: 80\n        year: 令和7年\n"
NAME2 = "      ja: 企業所得\n      en: Corporate income\n"
K1_JA = "数値目標「デジタル化による便利さを感じる市民の割合」"
K1_EN = 'KPI "Share of citizens who feel digitalization has made their lives more convenient"'
K2_JA = "数値目標「企業所得」"
K2_EN = 'KPI "Corporate income"'
ALLOWED = (
    "id, name, unit, direction, precision, measures, owner, baseline, targets, actuals, source, "
    "source_url, rationale, grade"
)

SMART_JA = (
    '（全角の引用符は YAML の引用符にならず、そのまま表示されます。囲むときは半角の " を使います）'
)
SMART_EN = (
    "(curly and full-width quotes are not YAML quotes: the site would show them; use straight "
    'quotes " if any)'
)

MISTAKES: dict[str, Mistake] = {
    "full-width colon": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        '    unit： "%"\n    direction: increase\n    measures: kurashi',
        "「：」（全角のコロン）を「:」（半角）に直してください。"
        "「名前: 値」の「:」は半角で、後ろに半角スペースを入れます",
        'a full-width colon "：": write the half-width ":" followed by a space (name: value)',
        at="unit：",
    ),
    "full-width space indentation": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi",
        "\u3000\u3000direction: increase\n    measures: kurashi",
        "字下げに全角スペース「\u3000」が使われています: 半角スペースで字下げしてください",
        'a full-width space "\u3000" in the indentation: indent with half-width spaces',
    ),
    "no space after the dash": Mistake(
        "kpis.yaml",
        TARGET1,
        "      -value: 80\n        year: 令和7年\n",
        "「-」の後に半角スペースが必要です: 「- value: 80」と書いてください",
        'a list item needs a space after "-": write "- value: 80"',
    ),
    "no space after the colon": Mistake(
        "kpis.yaml",
        "    measures: kurashi\n",
        "    measures:kurashi\n",
        "「:」の後に半角スペースが必要です: 「measures: kurashi」と書いてください",
        'a space is needed after ":": write "measures: kurashi"',
    ),
    "smart quotes": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        "    unit: “%”\n    direction: increase\n    measures: kurashi",
        f"“%” の “ ” を取り除いて % と書いてください{SMART_JA}",
        f"remove the “ ” around “%” and write % {SMART_EN}",
    ),
    "quotes an input method types": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        "    unit: ”%”\n    direction: increase\n    measures: kurashi",
        f"”%” の ” ” を取り除いて % と書いてください{SMART_JA}",
        f"remove the ” ” around ”%” and write % {SMART_EN}",
    ),
    "full-width quotes": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        "    unit: ＂%＂\n    direction: increase\n    measures: kurashi",
        f"＂%＂ の ＂ ＂ を取り除いて % と書いてください{SMART_JA}",
        f"remove the ＂ ＂ around ＂%＂ and write % {SMART_EN}",
    ),
    "curly quote closed by a straight one": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        '    unit: “%"\n    direction: increase\n    measures: kurashi',
        f'“%" の “ " を取り除いて % と書いてください{SMART_JA}',
        f'remove the “ " around “%" and write % {SMART_EN}',
    ),
    "comma inside flow-style text": Mistake(
        "kpis.yaml",
        "    unit:\n      ja: 百万円\n      en: million yen\n",
        "    unit: {ja: 百万円, 市内の企業, en: million yen}\n",
        "「市内の企業」は前の文の続きではありませんか。{ } の中の文に「,」を使うときは、"
        '文全体を "…" で囲んでください',
        '"市内の企業" looks like the rest of the text before it: inside { }, put a text holding '
        '"," in quotes "…"',
    ),
    "colon inside text": Mistake(
        "kpis.yaml",
        NAME2,
        "      ja: 企業所得: 法人\n      en: Corporate income\n",
        '文の中の「: 」は YAML の区切りと読まれます: 文全体を "…" で囲んでください',
        'a ": " inside text reads as a YAML separator: put the whole text in quotes "…"',
    ),
    "unclosed quote": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        '    unit: "%\n    direction: increase\n    measures: kurashi',
        '引用符 " が閉じていません: 文の終わりにも " を書いてください',
        'the quote " is not closed: end the text with " too',
    ),
    "unclosed bracket": Mistake(
        "kpis.yaml",
        "    unit:\n      ja: 百万円\n      en: million yen\n",
        "    unit: {ja: 百万円, en: million yen\n",
        "「{」が閉じていません: 同じ行の終わりに「}」を書いてください",
        '"{" is not closed: close it with "}" at the end of the line',
    ),
    "key indented too far": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi",
        "     direction: increase\n    measures: kurashi",
        "キー「direction」の字下げがそろっていません: 同じ階層のキーと同じ 5 列目から"
        "書いてください",
        'the key "direction" is not aligned: start it at column 5, like the keys beside it',
    ),
    "key indented too little": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi",
        "   direction: increase\n    measures: kurashi",
        "キー「direction」の字下げがそろっていません: 同じ階層のキーと同じ 5 列目から"
        "書いてください",
        'the key "direction" is not aligned: start it at column 5, like the keys beside it',
    ),
    "tab in the indentation": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi",
        "\tdirection: increase\n    measures: kurashi",
        "字下げにタブ文字は使えません: 半角スペースで字下げしてください",
        "a tab character is not allowed in YAML indentation: indent with spaces",
    ),
    "Japanese key": Mistake(
        "kpis.yaml",
        '    unit: "%"\n    direction: increase\n    measures: kurashi',
        '    単位: "%"\n    direction: increase\n    measures: kurashi',
        f"{K1_JA}: 「単位」という項目はここには書けません。「単位」は「unit」と書きます"
        f"（書ける項目: {ALLOWED}）",
        f'{K1_EN}: unknown field "単位"; "単位" is written "unit" (allowed here: {ALLOWED})',
        at="単位",
    ),
    "Japanese key inside a text": Mistake(
        "kpis.yaml",
        NAME2,
        "      日本語: 企業所得\n      en: Corporate income\n",
        "数値目標「corporate-income」の名前: 「日本語」という項目はここには書けません。"
        "「日本語」は「ja」と書きます（書ける項目: ja, en, machine）",
        f'{K2_EN}, name: unknown field "日本語"; "日本語" is written "ja" '
        "(allowed here: ja, en, machine)",
    ),
    "Japanese direction": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi",
        "    direction: 増加\n    measures: kurashi",
        f"{K1_JA}の方向: 次のどれかを書いてください: increase, decrease, maintain"
        "（文字「増加」が書かれています）。「増加」は「increase」と書きます",
        f'{K1_EN}, direction: expected one of increase, decrease, maintain; found text "増加"; '
        '"増加" is written "increase"',
    ),
    "Japanese action status": Mistake(
        "plan/strategies.yaml",
        "            national_priority: online-procedures\n",
        "            status: 実施中\n            national_priority: online-procedures\n",
        "取組「オンライン申請の充実」の状況: 次のどれかを書いてください: planned, in-progress, "
        "done, postponed, suspended, cancelled（文字「実施中」が書かれています）。"
        "「実施中」は「in-progress」と書きます",
        'action "Expanding online applications", status: expected one of planned, in-progress, '
        'done, postponed, suspended, cancelled; found text "実施中"; "実施中" is written '
        '"in-progress"',
        at="status: 実施中",
    ),
    "English word for a status": Mistake(
        "plan/strategies.yaml",
        "            national_priority: online-procedures\n",
        "            status: In progress\n            national_priority: online-procedures\n",
        "取組「オンライン申請の充実」の状況: 次のどれかを書いてください: planned, in-progress, "
        "done, postponed, suspended, cancelled（文字「In progress」が書かれています）。"
        "「In progress」は「in-progress」と書きます",
        'action "Expanding online applications", status: expected one of planned, in-progress, '
        'done, postponed, suspended, cancelled; found text "In progress"; "In progress" is '
        'written "in-progress"',
        at="status: In progress",
    ),
    "thousands separator": Mistake(
        "kpis.yaml",
        "      - value: 25607\n",
        "      - value: 25,607\n",
        f"{K2_JA}の目標値（1件目）: 数値を書いてください。「25,607」はカンマを取って 25607 と"
        "書いてください",
        f'{K2_EN}, target 1: expected a number: "25,607": write the number without thousands '
        "separators, 25607",
    ),
    "accounting minus": Mistake(
        "kpis.yaml",
        "      value: 25046\n",
        "      value: △5\n",
        f"{K2_JA}の基準値: 数値を書いてください。「△5」の △ はマイナスの意味ですか。"
        "-5 と書いてください",
        f'{K2_EN}, baseline: expected a number: does the △ in "△5" mean minus? write -5',
    ),
    "full-width digits": Mistake(
        "kpis.yaml",
        TARGET1,
        "      - value: ８０\n        year: 令和7年\n",
        f"{K1_JA}の目標値（1件目）: 数値を書いてください。「８０」は全角の数字です。半角で 80 と"
        "書いてください",
        f'{K1_EN}, target 1: expected a number: "８０" is written with full-width digits: write 80',
    ),
    "unit after the number": Mistake(
        "kpis.yaml",
        TARGET1,
        "      - value: 80%\n        year: 令和7年\n",
        f"{K1_JA}の目標値（1件目）: 数値を書いてください。「80%」には単位などが付いています。"
        "80 のように数値だけを書いてください",
        f'{K1_EN}, target 1: expected a number: "80%" has a unit or other text: write the '
        "number only, e.g. 80",
    ),
    "quoted number": Mistake(
        "kpis.yaml",
        TARGET1,
        '      - value: "80"\n        year: 令和7年\n',
        f"{K1_JA}の目標値（1件目）: 数値を書いてください。「80」は引用符で囲まれているため"
        "文字として読まれます。引用符を外して 80 と書いてください",
        f'{K1_EN}, target 1: expected a number: "80" is quoted, so it reads as text: write 80 '
        "without quotes",
    ),
    "misspelt key": Mistake(
        "kpis.yaml",
        "    measures: kurashi\n",
        "    measure: kurashi\n",
        f"{K1_JA}: 「measure」という項目はここには書けません。「measures」のことですか？"
        f"（書ける項目: {ALLOWED}）",
        f'{K1_EN}: unknown field "measure"; did you mean "measures"? (allowed here: {ALLOWED})',
    ),
    "missing field": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi\n",
        "    direction: increase\n",
        f"{K1_JA}: 必須の項目「measures」（施策）がありません",
        f'{K1_EN}: the required field "measures" (measure) is missing',
        at=KPI1.strip(),
    ),
    "era year zero": Mistake(
        "kpis.yaml",
        TARGET1,
        "      - value: 80\n        year: 令和0年\n",
        f'{K1_JA}の目標値（1件目）の年度: "令和0年" は年度ではありません: 元号の年は 1（元年）から'
        "数えます",
        f'{K1_EN}, target 1, year: "令和0年" is not a fiscal year: era years start at 1 (元年)',
        at="令和0年",
    ),
    "not a fiscal year": Mistake(
        "kpis.yaml",
        TARGET1,
        "      - value: 80\n        year: 来年度\n",
        f'{K1_JA}の目標値（1件目）の年度: "来年度" は年度ではありません: 2023、2023年度、'
        "令和5年度、R5 のように書いてください",
        f'{K1_EN}, target 1, year: "来年度" is not a fiscal year: expected e.g. 2023, 2023年度, '
        "令和5年度 or R5",
        at="来年度",
    ),
    "wareki date": Mistake(
        "plan/timeline.yaml",
        "milestones: []\n",
        "milestones:\n  - date: 令和4年3月28日\n    kind: adoption\n    title: 計画の策定\n",
        "策定経過「計画の策定」の日付: 「令和4年3月28日」は日付ではありません: "
        "YYYY-MM-DD（月だけなら YYYY-MM）の形で書いてください。日付は西暦で 2022-03-28 と書きます",
        'milestone "計画の策定", date: "令和4年3月28日" is not a date: write YYYY-MM-DD, '
        "or YYYY-MM for a month; write the date in the Western calendar, 2022-03-28",
        at="令和4年3月28日",
    ),
    "yes for true": Mistake(
        "plan/timeline.yaml",
        "milestones: []\n",
        "milestones:\n  - date: 2026-04-01\n    kind: adoption\n    title: 計画の策定\n"
        "    planned: はい\n",
        "策定経過「計画の策定」の予定: true か false を書いてください"
        "（文字「はい」が書かれています）",
        'milestone "計画の策定", planned: expected true or false, found text "はい"',
        at="はい",
    ),
    "phone number as a number": Mistake(
        "plan/plan.yaml",
        "licence: PDL-1.0\n",
        "licence: PDL-1.0\ncontact:\n  department: DX推進課\n  phone: 0968631111\n",
        "問い合わせ先の電話番号: 電話番号が数値 968631111 として読まれ、先頭の 0 が消えています。"
        '"0968631111" のように引用符で囲んで書いてください',
        "contact, phone number: the phone number was read as the number 968631111, which has "
        'lost its leading 0: write it as text in quotes, "0968631111"',
        at="phone:",
    ),
    "version written as a number": Mistake(
        "plan/plan.yaml",
        "status: draft\n",
        "status: draft\nversion: 1.10\n",
        '版: 文字を書いてください。数字だけのときは "1.10" のように引用符で囲みます'
        "（囲まないと数値として読まれ、先頭の 0 などが消えます）",
        'version: expected text: put digits in quotes, "1.10" (unquoted they are read as a '
        "number, which loses leading zeros)",
        at="version:",
    ),
    "e-mail address without @": Mistake(
        "plan/plan.yaml",
        "licence: PDL-1.0\n",
        "licence: PDL-1.0\ncontact:\n  department: DX推進課\n  email: dx.city.arao.lg.jp\n",
        "問い合わせ先のメールアドレス: 「dx.city.arao.lg.jp」はメールアドレスではありません"
        "（例: dx@city.example.lg.jp）",
        'contact, e-mail address: "dx.city.arao.lg.jp" is not an e-mail address: write e.g. '
        "dx@city.example.lg.jp",
        at="email:",
    ),
    "link without its scheme": Mistake(
        "kpis.yaml",
        "    measures: kurashi\n",
        "    measures: kurashi\n    source_url: www.city.arao.lg.jp\n",
        f"{K1_JA}の出典のURL: 「www.city.arao.lg.jp」は使えないリンクです: http://、https://、"
        "mailto: のどれかで始めてください",
        f'{K1_EN}, source URL: "www.city.arao.lg.jp" is not an allowed link: use an http://, '
        "https:// or mailto: address",
        at="source_url:",
    ),
    "misspelt plan status": Mistake(
        "plan/plan.yaml",
        "status: draft\n",
        "status: drafts\n",
        "状況: 次のどれかを書いてください: draft, proposal, adopted"
        "（文字「drafts」が書かれています）。「draft」のことですか？",
        'status: expected one of draft, proposal, adopted; found text "drafts"; did you mean '
        '"draft"?',
    ),
    "upper-case id": Mistake(
        "kpis.yaml",
        KPI1,
        "  - id: Convenience-Rate\n",
        f"{K1_JA}のID: 「Convenience-Rate」は ID に使えません: 半角の小文字 a–z、数字、ハイフンで、"
        "先頭と末尾は英字か数字にします（例: online-procedures）",
        f'{K1_EN}, id: "Convenience-Rate" is not a valid id: use lower-case letters a–z, digits '
        "and hyphens, starting and ending with a letter or digit (e.g. online-procedures)",
    ),
    "duplicate key": Mistake(
        "kpis.yaml",
        "    direction: increase\n    measures: kurashi\n",
        "    direction: increase\n    direction: decrease\n    measures: kurashi\n",
        "キー「direction」が二度書かれています（最初は 8 行目）。"
        "YAML では後の方だけが残ってしまいます",
        'duplicate key "direction" (first written at line 8); YAML would silently keep only the '
        "last one",
        at="direction: decrease",
    ),
    "zero-width space pasted in": Mistake(
        "kpis.yaml",
        "      ja: 企業所得\n",
        "      ja: 企業\u200b所得\n",
        "U+200B（幅のない見えない文字。コピー＆ペーストで紛れ込みがちです）が含まれています。"
        "この文字はファイルに書けません: 削除してください",
        "the character U+200B (an invisible zero-width character, often pasted in by accident) "
        "is not allowed in YAML: remove it",
    ),
    "body id misspelt": Mistake(
        "plan/timeline.yaml",
        "milestones: []\n",
        "milestones:\n  - date: 2022-03-28\n    kind: meeting\n    title: 本部会議\n"
        "    body: dx-headquarter\n",
        "策定経過「本部会議」の会議体: ID が「dx-headquarter」の組織はありません。"
        "「dx-headquarters」のことですか？",
        'milestone "本部会議", body: no body has the id "dx-headquarter"; did you mean '
        '"dx-headquarters"?',
        at="body:",
    ),
    "baseline year after the target": Mistake(
        "kpis.yaml",
        "      value: 25046\n      year: 平成30年\n",
        "      value: 25046\n      year: 令和6年\n",
        f"{K2_JA}（id: corporate-income）の目標値（1件目）の年度: 目標年度 令和5年度（2023年度） は"
        "基準年度 令和6年度（2024年度） より後でなければなりません",
        'KPI corporate-income "Corporate income", target 1, year: the target year FY2023 must '
        "come after the baseline year FY2024",
        at="        year: 令和5年",
    ),
    "strategy id misspelt in a KPI": Mistake(
        "kpis.yaml",
        "    measures: kurashi\n",
        "    measures: kurasi\n",
        f"{K1_JA}（id: convenience-rate）の施策: ID が「kurasi」の基本戦略・施策はありません。"
        "「kurashi」のことですか？",
        f"KPI convenience-rate {K1_EN.removeprefix('KPI ')}, measure: no strategy or measure has "
        'the id "kurasi"; did you mean "kurashi"?',
    ),
    "action id used twice": Mistake(
        "plan/strategies.yaml",
        "          - id: one-stop-service\n",
        "          - id: online-applications\n",
        "取組「ワンストップの実現」のID: 取組の ID「online-applications」はすでに使われています"
        "（257 行目）",
        'action "Achieving one-stop service", id: the action id "online-applications" is '
        "already used (line 257)",
    ),
    "schedule ending before it starts": Mistake(
        "plan/strategies.yaml",
        "              start: 令和4年度\n              end: 令和7年度\n",
        "              start: 令和4年度\n              end: 令和3年度\n",
        "取組「オンライン申請の充実」の実施時期: 終わり（令和3年度（2021年度））が"
        "始まり（令和4年度（2022年度））より前です",
        'action "Expanding online applications", schedule: the end (FY2021) is before the start '
        "(FY2022)",
    ),
    "plan period ending before it starts": Mistake(
        "plan/plan.yaml",
        "  start: 令和4年度\n  end: 令和7年度\n",
        "  start: 令和4年度\n  end: 令和3年度\n",
        "計画期間: 終わり（令和3年度（2021年度））が始まり（令和4年度（2022年度））より前です",
        "plan period: the end (FY2021) is before the start (FY2022)",
    ),
    "period outside the plan period": Mistake(
        "plan/plan.yaml",
        "licence: PDL-1.0\n",
        "licence: PDL-1.0\nperiods:\n  - id: first\n    name: 第1期\n    start: 令和3年度\n"
        "    end: 令和5年度\n",
        "期「第1期」（id: first）の始まり: 期 令和3年度（2021年度）〜令和5年度（2023年度） が"
        "計画期間 令和4年度（2022年度）〜令和7年度（2025年度） の外にあります",
        'period first "第1期", start: the period FY2021–FY2023 lies outside the plan period '
        "FY2022–FY2025",
        at="start: 令和3年度",
    ),
}


WARNINGS: dict[str, Mistake] = {
    "schedule beyond the plan": Mistake(
        "plan/strategies.yaml",
        "              end: 令和7年度\n",
        "              end: 令和9年度\n",
        "取組「オンライン申請の充実」（id: online-applications）の実施時期の終わり: "
        "令和9年度（2027年度） は計画期間 令和4年度（2022年度）〜令和7年度（2025年度） より後です"
        "（計画の先を見ています）",
        'action online-applications "Expanding online applications", schedule, end: FY2027 is '
        "after the plan period FY2022–FY2025 (looks beyond the plan)",
        severity="warning",
    ),
    "share above 100%": Mistake(
        "kpis.yaml",
        TARGET1,
        "      - value: 180\n        year: 令和7年\n",
        f"{K1_JA}（id: convenience-rate）の目標値（1件目）: 180% は 0〜100% の範囲の外です",
        f"KPI convenience-rate {K1_EN.removeprefix('KPI ')}, target 1: 180% lies outside 0–100%",
        severity="warning",
    ),
    "target against the direction": Mistake(
        "kpis.yaml",
        "      - value: 25607\n",
        "      - value: 20000\n",
        f"{K2_JA}（id: corporate-income）の目標値（1件目）: 目標値 20,000百万円（令和5年度"
        "（2023年度））が基準値 25,046百万円（平成30年度（2018年度））を下回っていますが、"
        "方向（direction）は increase（増やす）です。値か方向を確かめてください",
        'KPI corporate-income "Corporate income", target 1: the target 20,000 million yen '
        "(FY2023) is below the baseline 25,046 million yen (FY2018) but the direction is "
        "increase: check the value or the direction",
        severity="warning",
    ),
    "name without English": Mistake(
        "kpis.yaml",
        NAME2,
        "      ja: 企業所得\n",
        f"{K2_JA}（id: corporate-income）の名前: 「企業所得」に英語の訳がありません"
        "（en: を書いてください）",
        'KPI corporate-income "企業所得", name: no English translation for "企業所得" (add en:)',
        severity="warning",
    ),
}
"""Warnings of the checks across items: each names its item, the item's id and the field."""
CASES = {**MISTAKES, **WARNINGS}


def test_a_file_with_a_syntax_error_skips_the_checks_across_files_in_one_line(
    tmp_path: Path, dxsite: Run
) -> None:
    project = copy_project(ROOT, tmp_path / "arao")
    governance = project / "plan/governance.yaml"
    text = governance.read_text(encoding="utf-8")
    governance.write_text(text.replace("    head: cio", "    head： cio", 1), encoding="utf-8")
    timeline = project / "plan/timeline.yaml"
    meetings = "".join(
        f"  - date: 2022-0{n}-01\n    kind: meeting\n    title: 第{n}回\n"
        "    body: dx-headquarters\n"
        for n in range(1, 10)
    )
    timeline.write_text(f"milestones:\n{meetings}", encoding="utf-8")
    code, out = dxsite("check", str(project))
    assert code == 1
    assert out.splitlines() == [
        "plan/governance.yaml:50:9: エラー: 「：」（全角のコロン）を「:」（半角）に直してください。"
        "「名前: 値」の「:」は半角で、後ろに半角スペースを入れます",
        "plan/governance.yaml にエラーがあるため、ファイルをまたぐ確認"
        "（ID の参照、年度、期間など）は省きました。エラーを直すと確認します。",
        "エラー 1 件、警告 0 件。",
    ]


def _apply(project: Path, mistake: Mistake) -> int:
    """Make the mistake in `project`; the 1-based line it is on."""
    path = project / mistake.rel
    text = path.read_text(encoding="utf-8")
    assert text.count(mistake.old) >= 1, mistake.old
    start = text.index(mistake.old)
    changed = text[:start] + mistake.new + text[start + len(mistake.old) :]
    path.write_text(changed, encoding="utf-8")
    marker = mistake.at or mistake.new.strip("\n").split("\n")[0].strip()
    found = changed.find(marker, start)  # the mistake, or (for a field left out) its item
    return changed[: found if found >= 0 else changed.index(marker)].count("\n") + 1


def _check(tmp_path: Path, mistake: Mistake, lang: messages.Lang) -> tuple[int, list[Diagnostic]]:
    """The line of `mistake` made in a copy of the shipped plan, and what check finds in `lang`."""
    project = copy_project(ROOT, tmp_path / "arao")
    line = _apply(project, mistake)
    messages.use(lang)
    try:
        return line, validate(project).diagnostics
    finally:
        messages.use(None)


@pytest.fixture(scope="module")
def arao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(ROOT, tmp_path_factory.mktemp("clean") / "arao")


def test_the_corpus_holds_at_least_thirty_mistakes() -> None:
    assert len(MISTAKES) >= 30


@pytest.mark.parametrize("lang", messages.LANGS)
@pytest.mark.parametrize("name", CASES)
def test_a_clerk_mistake_is_one_finding_in_plain_words_at_its_line(
    tmp_path: Path, name: str, lang: messages.Lang
) -> None:
    mistake = CASES[name]
    line, diagnostics = _check(tmp_path, mistake, lang)
    found = [(d.path, d.line, d.message) for d in diagnostics if d.severity == mistake.severity]
    assert found == [(mistake.rel, line, getattr(mistake, lang))]
    assert mistake.severity == "error" or not [d for d in diagnostics if d.severity == "error"]


def test_the_shipped_plan_is_clean(arao: Path) -> None:
    assert validate(arao).diagnostics == []


def test_json_output_keeps_the_machine_path_beside_the_clerks_words(
    tmp_path: Path, dxsite: Run
) -> None:
    project = copy_project(ROOT, tmp_path / "arao")
    _apply(project, MISTAKES["thousands separator"])
    code, out = dxsite("check", str(project), "--format", "json", "--lang", "en")
    found = json.loads(out)
    assert code == 1
    assert found["diagnostics"] == [
        {
            "path": "kpis.yaml",
            "line": 40,
            "col": 16,
            "severity": "error",
            "message": MISTAKES["thousands separator"].en,
            "code": "type",
            "loc": "kpis[2].targets[1].value",
        }
    ]
    assert found["skipped_because_unreadable"] == ["kpis.yaml"]
