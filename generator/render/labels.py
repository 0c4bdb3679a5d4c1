"""Fixed words of the site in both languages (the glossary in docs/glossary.md lists them too)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "home": {"ja": "ホーム", "en": "Home"},
    "strategies": {"ja": "基本戦略", "en": "Basic strategies"},
    "strategy": {"ja": "基本戦略", "en": "Basic strategy"},
    "measures": {"ja": "施策", "en": "Measures"},
    "actions": {"ja": "取組", "en": "Actions"},
    "action": {"ja": "取組", "en": "Action"},
    "measure_actions": {"ja": "この施策の取組（{}件）", "en": "The measure's actions ({})"},
    "owner": {"ja": "担当", "en": "Owner"},
    "schedule": {"ja": "実施時期", "en": "Schedule"},
    "status": {"ja": "状況", "en": "Status"},
    "budget": {"ja": "予算", "en": "Budget"},
    "national_priority": {"ja": "国の重点取組事項", "en": "National priority"},
    "keywords": {"ja": "推進キーワード", "en": "Keywords"},
    "kpis": {"ja": "数値目標（KPI）", "en": "KPIs"},
    "kpi": {"ja": "指標", "en": "Indicator"},
    "unit": {"ja": "単位", "en": "Unit"},
    "baseline": {"ja": "基準値", "en": "Baseline"},
    "target": {"ja": "目標値", "en": "Target"},
    "actual": {"ja": "実績値", "en": "Actual"},
    "latest": {"ja": "最新の実績値", "en": "Latest actual"},
    "progress": {"ja": "進捗率", "en": "Progress"},
    "grade": {"ja": "評価", "en": "Grade"},
    "manual_grade": {"ja": "評価（手動）", "en": "Grade (set by hand)"},
    "rationale": {"ja": "目標設定の考え方", "en": "Rationale for the target"},
    "source": {"ja": "出典", "en": "Source"},
    "direction": {"ja": "方向", "en": "Direction"},
    "fiscal_year": {"ja": "年度", "en": "Fiscal year"},
    "value": {"ja": "値", "en": "Value"},
    "kind": {"ja": "区分", "en": "Type of value"},
    "none": {"ja": "—", "en": "—"},
    "no_baseline": {"ja": "基準値なし", "en": "No baseline"},
    "guidelines": {"ja": "重点指針", "en": "Key guidelines"},
    "governance": {"ja": "推進体制", "en": "Governance"},
    "roles": {"ja": "役職", "en": "Roles"},
    "bodies": {"ja": "組織", "en": "Organizations"},
    "head": {"ja": "長", "en": "Head"},
    "holder": {"ja": "担当者", "en": "Held by"},
    "members": {"ja": "構成員", "en": "Members"},
    "duties": {"ja": "役割", "en": "Duties"},
    "timeline": {"ja": "策定経過", "en": "Formulation timeline"},
    "date": {"ja": "日付", "en": "Date"},
    "pages": {"ja": "ページ", "en": "Pages"},
    "list_in_pages": {
        "ja": "{}件を{}ページに分けて掲載しています。",
        "en": "{} items, on {} pages:",
    },
    "planned": {"ja": "（予定）", "en": "(planned)"},
    "how_to_submit": {"ja": "提出方法", "en": "How to submit"},
    "chapters": {"ja": "計画本文", "en": "Plan text"},
    "revisions": {"ja": "改訂履歴", "en": "Revision history"},
    "version": {"ja": "版", "en": "Version"},
    "summary": {"ja": "内容", "en": "Summary"},
    "open_data": {"ja": "オープンデータ", "en": "Open data"},
    "accessibility": {"ja": "ウェブアクセシビリティ方針", "en": "Accessibility policy"},
    "search": {"ja": "検索", "en": "Search"},
    "search_words": {"ja": "検索する言葉", "en": "Words to search for"},
    "search_results": {"ja": "件見つかりました", "en": "results found"},
    "search_none": {
        "ja": "見つかりませんでした。言葉を短くするか、別の言葉でお試しください。",
        "en": "Nothing found. Try fewer or other words.",
    },
    "search_loading": {"ja": "読み込み中…", "en": "Loading…"},
    "search_needs_js": {
        "ja": "検索にはJavaScriptが必要です。メニューからページをたどることもできます。",
        "en": "Search needs JavaScript. You can also find every page from the menu.",
    },
    "plan_period": {"ja": "計画期間", "en": "Plan period"},
    "periods": {"ja": "期", "en": "Periods"},
    "vision": {"ja": "目指すべき姿", "en": "Vision"},
    "contact": {"ja": "お問い合わせ", "en": "Contact"},
    "address": {"ja": "住所", "en": "Address"},
    "phone": {"ja": "電話", "en": "Phone"},
    "fax": {"ja": "ファクス", "en": "Fax"},
    "email": {"ja": "メール", "en": "E-mail"},
    "web_page": {"ja": "ウェブページ", "en": "Web page"},
    "adoption": {"ja": "策定", "en": "Adopted"},
    "publication": {"ja": "公表", "en": "Published"},
    "deputies": {"ja": "副長", "en": "Deputy heads"},
    "closing": {"ja": "〜{}締切", "en": "Until {} (closing date)"},
    "no_measures": {
        "ja": "この基本戦略の施策は、まだ記載されていません。",
        "en": "No measures have been written for this strategy yet.",
    },
    "kpi_summary": {"ja": "数値目標の状況", "en": "KPIs at a glance"},
    "grades_by_strategy": {"ja": "評価の内訳", "en": "Grades"},
    "details": {"ja": "詳細", "en": "Details"},
    "yearly_values": {"ja": "年度別の値", "en": "Values by fiscal year"},
    "trend": {"ja": "推移", "en": "Trend"},
    "downloads": {"ja": "データのダウンロード", "en": "Download the data"},
    "untranslated": {"ja": "", "en": "Not yet translated"},
    "machine": {"ja": "", "en": "Machine translation"},
    "japanese_prevails": {
        "ja": "",
        "en": "This English version is provided for convenience; the Japanese version prevails.",
    },
    "chapter_untranslated": {
        "ja": "",
        "en": "This chapter has not yet been translated into English; the Japanese text is shown.",
    },
    "schedule_chart": {"ja": "取組の実施スケジュール", "en": "Schedule of the actions"},
    "period_chart": {"ja": "計画期間と期", "en": "Plan period and its phases"},
    "language_name": {"ja": "日本語", "en": "English"},
    "switch_to": {"ja": "English", "en": "日本語"},
    "last_updated": {"ja": "最終更新", "en": "Last updated"},
    "licence": {"ja": "利用条件", "en": "License"},
    "progress_summary": {"ja": "進捗のまとめ", "en": "Progress at a glance"},
    "as_of": {"ja": "{}時点", "en": "as of {}"},
    "kpi_grades": {"ja": "数値目標の評価", "en": "KPI grades"},
    "action_statuses": {"ja": "取組の状況", "en": "Action statuses"},
    "kpis_by_grade": {"ja": "評価別の数値目標", "en": "KPIs by grade"},
    "reports": {"ja": "年次報告", "en": "Yearly reports"},
    "kpi_download": {"ja": "この指標のデータ（CSV）", "en": "Download this KPI (CSV)"},
    "csv_formulas": {
        "ja": "CSVの文字列のうち、表計算ソフトが数式として読むもの（先頭が {} のもの）には、"
        "先頭にアポストロフィ（'）を付けて文字列のまま開けるようにしています"
        "（OWASPの推奨によるCSVインジェクション対策）。数値の列はそのままです。",
        "en": "Text cells that a spreadsheet would read as a formula (starting with {}) begin "
        "with an apostrophe (') so that they open as text (CSV injection, as OWASP recommends); "
        "number columns are written as they are.",
    },
    "reports_lead": {
        "ja": "計画期間の各年度について、その年度までに分かっていた"
        "データだけで評価した進捗状況です。",
        "en": "The progress of each fiscal year of the plan, graded from the data known for that "
        "year only.",
    },
    "report_title": {"ja": "{}の進捗状況", "en": "Progress in {}"},
    "report_closed": {
        "ja": "{}末時点の進捗状況です。この年度までのデータだけで評価しており、"
        "後の年度のデータを加えても変わりません。",
        "en": "The plan as it stood at the end of {}, graded from the data known for that year "
        "only; later years' data do not change it.",
    },
    "report_current": {
        "ja": "{}は年度の途中です。評価は前年度までの実績によります。",
        "en": "{} has not ended: the grades rest on the actuals of the years before.",
    },
    "year_in_progress": {"ja": "年度途中", "en": "year in progress"},
    "report_overview": {"ja": "概要", "en": "Overview"},
    "report_changes": {"ja": "前年度からの変化", "en": "Changes since the previous year"},
    "report_first": {
        "ja": "計画期間の初年度のため、前年度との比較はありません。",
        "en": "The plan's first year: there is no previous year to compare with.",
    },
    "report_evaluation": {
        "ja": "基本戦略・施策の評価",
        "en": "Evaluation of strategies and measures",
    },
    "report_no_evaluation": {
        "ja": "この年度の評価は記録されていません。",
        "en": "No evaluation is recorded for this year.",
    },
    "evaluated_by": {"ja": "評価：{}", "en": "Evaluated by {}"},
    "comment": {"ja": "コメント", "en": "Comment"},
    "year_actual": {"ja": "当該年度の実績値", "en": "Actual of the year"},
    "final_target": {"ja": "最終目標値", "en": "Final target"},
    "previous_grade": {"ja": "前年度の評価", "en": "Grade the year before"},
    "recorded_in": {"ja": "（{}の記録）", "en": " (recorded in {})"},
    "overdue_mark": {"ja": "期限超過", "en": "overdue"},
    "nothing": {"ja": "なし", "en": "None"},
    "report_pdf": {"ja": "印刷用PDF（A4）", "en": "PDF for printing (A4)"},
    "report_print": {
        "ja": "このページはA4で印刷できます（ナビゲーションは印刷されません）。",
        "en": "This page prints on A4 (without the navigation).",
    },
    "actions_by_status": {"ja": "状況別の取組", "en": "Actions by status"},
    "overdue": {"ja": "期限を過ぎた取組", "en": "Overdue actions"},
    "unreported": {"ja": "実績が未報告の数値目標", "en": "KPIs not reported"},
    "past_due": {
        "ja": "予定のまま日付を過ぎた策定経過",
        "en": "Planned milestones past their date",
    },
    "attention": {"ja": "要対応の項目", "en": "Needs attention"},
    "attention_lead": {
        "ja": "計画期間の年度が進み、対応が必要になった項目です（{}時点）。",
        "en": "Items that need attention as the plan's fiscal years pass (as of {}).",
    },
    "overdue_lead": {
        "ja": "実施時期が終わっていますが、完了または中止になっていない取組です。",
        "en": "Actions whose schedule has ended that are neither done nor cancelled.",
    },
    "unreported_lead": {
        "ja": "目標年度が終わっていますが、その年度以降の実績値がない数値目標です。",
        "en": "KPIs whose target year has ended without an actual for that year or later.",
    },
    "past_due_lead": {
        "ja": "日付が過ぎても「予定」のままの策定経過です。",
        "en": "Milestones still marked planned after their date.",
    },
    "nothing_overdue": {"ja": "該当する取組はありません。", "en": "No action is overdue."},
    "nothing_unreported": {
        "ja": "該当する数値目標はありません。",
        "en": "Every KPI that was due has been reported.",
    },
    "nothing_past_due": {
        "ja": "該当する策定経過はありません。",
        "en": "No planned milestone is past its date.",
    },
    "ended_schedule": {"ja": "終了年度", "en": "Schedule ended"},
    "missing_year": {"ja": "未報告の年度", "en": "Missing year"},
    "current_status": {"ja": "現在の状況", "en": "Current status"},
    "status_history": {"ja": "年度別の状況", "en": "Status by fiscal year"},
    "methodology": {"ja": "評価の方法", "en": "How grades are computed"},
    "count_of": {"ja": "{}件", "en": "{}"},
    "manual_only": {"ja": "手動でのみ付ける評価です。", "en": "Given by hand only."},
    "worked_example": {"ja": "計算の例", "en": "A worked example"},
    "data_history": {"ja": "データの更新履歴", "en": "Data history"},
    "data_as_of": {"ja": "実績値の更新日", "en": "Data as of"},
    "feed": {"ja": "更新情報（Atomフィード）", "en": "Updates (Atom feed)"},
    "feed_title": {"ja": "{}の更新情報", "en": "{}: updates"},
    "sample_note": {
        "ja": "架空のサンプルデータです。実在の自治体の計画・数値ではありません。",
        "en": "Fictional sample data: not the plan or figures of any real municipality.",
    },
}

OUTCOME_DEFINITION = {
    "achieved": {
        "ja": "最新の実績値が最終の目標値に届いている。",
        "en": "The latest actual reaches the final target.",
    },
    "on-track": {
        "ja": "最新の実績値が、その年度の期待される経路の値に届いている。",
        "en": "The latest actual reaches the expected path's value for its year.",
    },
    "behind": {
        "ja": "最新の実績値が、その年度の期待される経路の値に届いていない。",
        "en": "The latest actual falls short of the expected path's value for its year.",
    },
    "not-measured": {
        "ja": "実績値がまだなく、実績の報告時期もまだ来ていない。",
        "en": "No actual yet, and none is due yet.",
    },
    "not-reported": {
        "ja": "目標年度が終わったが、その年度以降の実績値が報告されていない。",
        "en": "A target year has ended without an actual for that year or later.",
    },
    "not-assessable": {
        "ja": "目標が定性的、または基準値がなく最初の目標年度より前のため、数値では評価しない。",
        "en": "A qualitative target, or no baseline before the first target year: not graded.",
    },
}

CONTROL_NAME = {
    "\t": {"ja": "タブ", "en": "a tab"},
    "\r": {"ja": "復帰文字（CR）", "en": "a carriage return"},
}
"""Names of the control characters a reader cannot see."""

CHANGE = {
    "up": {"ja": "評価が上がった数値目標", "en": "KPIs whose grade went up"},
    "down": {"ja": "評価が下がった数値目標", "en": "KPIs whose grade went down"},
    "changed": {"ja": "評価が変わった数値目標", "en": "KPIs whose grade changed"},
    "completed": {"ja": "完了した取組", "en": "Actions completed"},
    "started": {"ja": "始まった取組", "en": "Actions started"},
    "delayed": {
        "ja": "遅れた取組（延期・期限超過）",
        "en": "Actions delayed (postponed or overdue)",
    },
    "stopped": {"ja": "休止・中止した取組", "en": "Actions suspended or cancelled"},
}
"""The headings of a yearly report's changes against the previous year."""

REASON = {
    "qualitative": {
        "ja": "定性的な目標のため、数値では評価しません",
        "en": "a qualitative target: not graded from numbers",
    },
    "no-baseline": {
        "ja": "基準値がないため、最初の目標年度以降の実績で評価します",
        "en": "no baseline: graded from the first target year on",
    },
    "not-reported": {
        "ja": "{}の実績値が報告されていません",
        "en": "no actual reported for {}",
    },
}

COMMA = {"ja": "、", "en": ", "}
"""How a list of words is joined in running text."""
DOT = {"ja": "・", "en": "·"}
"""The separator between the items of a line of facts (plan · city · period)."""

STATUS = {
    "draft": {"ja": "素案", "en": "Draft"},
    "proposal": {"ja": "案", "en": "Proposal"},
    "adopted": {"ja": "策定済", "en": "Adopted"},
}
STATUS_NOTE = {
    "draft": {
        "ja": "この計画は素案です。内容は今後変更されることがあります。",
        "en": "This plan is a draft ({}); its contents may change.",
    },
    "proposal": {
        "ja": "この計画は案です。内容は今後変更されることがあります。",
        "en": "This plan is a proposal ({}); its contents may change.",
    },
}
ACTION_STATUS = {
    "planned": {"ja": "予定", "en": "Planned"},
    "in-progress": {"ja": "実施中", "en": "In progress"},
    "done": {"ja": "完了", "en": "Done"},
    "postponed": {"ja": "延期", "en": "Postponed"},
    "suspended": {"ja": "休止", "en": "Suspended"},
    "cancelled": {"ja": "中止", "en": "Cancelled"},
    "not-recorded": {"ja": "記録なし", "en": "Not recorded"},
}
DIRECTION = {
    "increase": {"ja": "増やす", "en": "Increase"},
    "decrease": {"ja": "減らす", "en": "Decrease"},
    "maintain": {"ja": "維持する", "en": "Maintain"},
}
NATIONAL_PRIORITY = {
    "frontyard": {"ja": "フロントヤード改革", "en": "Front-yard reform"},
    "standardization": {
        "ja": "情報システムの標準化・共通化",
        "en": "Standardization of information systems",
    },
    "eltax": {"ja": "公金収納におけるeLTAXの活用", "en": "eLTAX for public payments"},
    "my-number-card": {"ja": "マイナンバーカードの普及促進・利用の推進", "en": "My Number Card"},
    "security": {"ja": "セキュリティ対策の徹底", "en": "Information security"},
    "ai-rpa": {"ja": "自治体のAI・RPAの利用推進", "en": "AI and RPA"},
    "telework": {"ja": "テレワークの推進", "en": "Telework"},
    "online-procedures": {"ja": "行政手続のオンライン化", "en": "Online administrative procedures"},
}
MILESTONE_KIND = {
    "meeting": {"ja": "会議", "en": "Meeting"},
    "working-group": {"ja": "ワーキンググループ", "en": "Working group"},
    "public-comment": {"ja": "パブリックコメント", "en": "Public comment"},
    "call-for-opinions": {"ja": "意見募集", "en": "Call for opinions"},
    "adoption": {"ja": "策定", "en": "Adoption"},
    "publication": {"ja": "公表", "en": "Publication"},
    "other": {"ja": "その他", "en": "Other"},
}
SUBMIT_METHOD = {
    "form": {"ja": "応募フォーム", "en": "Online form"},
    "email": {"ja": "電子メール", "en": "E-mail"},
    "post": {"ja": "郵送", "en": "Post"},
    "fax": {"ja": "ファクス", "en": "Fax"},
    "in-person": {"ja": "持参", "en": "In person"},
}
LICENCE = {
    "PDL-1.0": {
        "ja": "公共データ利用規約 第1.0版（PDL1.0）",
        "en": "Public Data License (Version 1.0)",
    },
    "CC-BY-4.0": {
        "ja": "クリエイティブ・コモンズ 表示 4.0 国際",
        "en": "Creative Commons Attribution 4.0 International",
    },
}
HISTORY = {
    "actual_added": {"ja": "{year}の実績値 {value} を追加", "en": "{year} actual {value} added"},
    "actual_changed": {
        "ja": "{year}の実績値を {old} から {new} に変更",
        "en": "{year} actual changed from {old} to {new}",
    },
    "actual_removed": {
        "ja": "{year}の実績値 {value} を削除",
        "en": "{year} actual {value} removed",
    },
    "target_changed": {
        "ja": "{year}の目標値を {old} から {new} に変更",
        "en": "{year} target changed from {old} to {new}",
    },
    "baseline_changed": {
        "ja": "基準値を {old} から {new} に変更",
        "en": "Baseline changed from {old} to {new}",
    },
    "status_added": {"ja": "{year}の状況「{new}」を記録", "en": "{year} status recorded: {new}"},
    "status_changed": {
        "ja": "{year}の状況を「{old}」から「{new}」に変更",
        "en": "{year} status changed from {old} to {new}",
    },
    "status_note": {
        "ja": "{year}の状況「{new}」の説明を更新",
        "en": "{year} status note updated ({new})",
    },
    "status_set": {
        "ja": "状況を「{old}」から「{new}」に変更",
        "en": "Status changed from {old} to {new}",
    },
    "note": {"ja": "（{}）", "en": " ({})"},
    "evaluation_added": {
        "ja": "{year}の評価（{by}）を追加",
        "en": "{year} evaluation by {by} added",
    },
    "evaluation_changed": {
        "ja": "{year}の評価（{by}）を更新",
        "en": "{year} evaluation by {by} updated",
    },
    "revision_added": {
        "ja": "版 {version} を追加: {summary}",
        "en": "Version {version} added: {summary}",
    },
}
"""The words of a change in the data's history (generator/history.py)."""
