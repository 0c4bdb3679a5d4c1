"""The words of the checks across the plan's files (generator/crosscheck.py), ja and en."""

CROSS: dict[str, dict[str, str]] = {
    "cross.about": {"ja": "{where}: {problem}", "en": "{where}: {problem}"},
    "kind.strategy or measure": {"ja": "基本戦略・施策", "en": "strategy or measure"},
    "kind.action": {"ja": "取組", "en": "action"},
    "kind.KPI": {"ja": "数値目標", "en": "KPI"},
    "kind.grade": {"ja": "評価の段階", "en": "grade"},
    "kind.period": {"ja": "期", "en": "period"},
    "kind.role": {"ja": "役職", "en": "role"},
    "kind.body": {"ja": "組織", "en": "body"},
    "kind.guideline category": {"ja": "指針の分類", "en": "guideline category"},
    "cross.duplicate_id": {
        "ja": "{kind}の ID「{value}」はすでに使われています（{line} 行目）",
        "en": 'the {kind} id "{value}" is already used (line {line})',
    },
    "cross.no_such_id": {
        "ja": "ID が「{value}」の{kind}はありません{near}",
        "en": 'no {kind} has the id "{value}"{near}',
    },
    "cross.period_outside": {
        "ja": "期 {start}〜{end} が計画期間 {plan_start}〜{plan_end} の外にあります",
        "en": "the period {start}–{end} lies outside the plan period {plan_start}–{plan_end}",
    },
    "cross.period_overlap": {
        "ja": "この期は {start} に始まりますが、前の期が {previous} まで続いています: "
        "期は順に、重ならないように書きます",
        "en": "this period starts in {start}, but the previous one runs until {previous}: "
        "periods must be in order and not overlap",
    },
    "cross.span": {"ja": "{start}〜{end}", "en": "{start}–{end}"},
    "cross.before_plan": {
        "ja": "{year} は計画期間 {span} より前です",
        "en": "{year} is before the plan period {span}",
    },
    "cross.after_plan": {
        "ja": "{year} は計画期間 {span} より後です（計画の先を見ています）",
        "en": "{year} is after the plan period {span} (looks beyond the plan)",
    },
    "cross.target_before_baseline": {
        "ja": "目標年度 {target} は基準年度 {baseline} より後でなければなりません",
        "en": "the target year {target} must come after the baseline year {baseline}",
    },
    "cross.actual_future": {
        "ja": "{year}の実績値は未来の値です（今は {current}）",
        "en": "an actual value for {year} lies in the future (the current fiscal year is "
        "{current})",
    },
    "cross.actual_twice": {
        "ja": "{year}の実績値が二つあります",
        "en": "{year} has two actual values",
    },
    "cross.percent": {
        "ja": "{value}% は 0〜100% の範囲の外です",
        "en": "{value}% lies outside 0–100%",
    },
    "cross.precision": {
        "ja": "{value} は小数点以下 {decimals} 桁ですが、この数値目標の precision は {precision} "
        "です: 書いたとおりに表示されます。precision を上げるか、丸めてください",
        "en": "{value} has {decimals} decimal(s) but the KPI's precision is {precision}: the site "
        "shows it as written; raise precision or round it",
    },
    "cross.status_future": {
        "ja": "{year}の状況は未来の記録です（今は {current}）",
        "en": "a status for {year} lies in the future (the current fiscal year is {current})",
    },
    "cross.status_twice": {
        "ja": "{year}の状況が二つあります",
        "en": "{year} has two statuses",
    },
    "cross.status_order": {
        "ja": "年度別の状況は古い年度から順に書きます",
        "en": "statuses should be listed oldest first",
    },
    "cross.overdue": {
        "ja": "実施時期は {end} に終わりましたが、取組はまだ「{status}」です: "
        "完了か中止を記録するか、実施時期を延ばしてください",
        "en": 'the schedule ended in {end} but the action is still "{status}": record it as '
        "done or cancelled, or extend the schedule",
    },
    "cross.done_early": {
        "ja": "実施時期は {start} に始まるのに、取組が完了になっています",
        "en": "the action is done although its schedule starts in {start}",
    },
    "cross.milestone_order": {
        "ja": "{date} は前の項目（{previous}）より前の日付です: 策定経過は古い順に書きます",
        "en": "{date} comes before the previous milestone ({previous}): list milestones "
        "oldest first",
    },
    "cross.milestone_past": {
        "ja": "この項目は予定のままですが、日付（{date}）が過ぎています: 実施したら "
        "planned: true を消すか、日付を直してください",
        "en": "this milestone is still planned but its date ({date}) has passed: remove "
        "planned: true once it took place, or change the date",
    },
    "cross.evaluation_future": {
        "ja": "{year}の評価は未来の評価です（今は {current}）",
        "en": "the evaluation of {year} lies in the future (the current fiscal year is {current})",
    },
    "cross.evaluated_twice": {
        "ja": "{year}の評価が二つあります",
        "en": "{year} is evaluated twice",
    },
    "cross.item_evaluated_twice": {
        "ja": "「{target}」が{year}に二度評価されています",
        "en": '"{target}" is evaluated twice in {year}',
    },
    "cross.no_english": {
        "ja": "「{text}」に英語の訳がありません（en: を書いてください）",
        "en": 'no English translation for "{text}" (add en:)',
    },
}
