"""Messages of the format's own rules: milestones, contact numbers, targets, order (ja and en)."""

FORMAT: dict[str, dict[str, str]] = {
    "format.milestone_undated": {
        "ja": "日付（date:）がありません。締切日しか分からない意見募集やパブリックコメントは"
        "end: に締切日だけを書きます",
        "en": "the milestone has no date (date:); a consultation known only by its closing "
        "date gives end: alone",
    },
    "format.number_as_integer": {
        "ja": "{field}が数値 {number} として読まれ、先頭の 0 が消えています。"
        '"{fixed}" のように引用符で囲んで書いてください',
        "en": "the {field} was read as the number {number}, which has lost its leading 0: "
        'write it as text in quotes, "{fixed}"',
    },
    "format.phone": {"ja": "電話番号", "en": "phone number"},
    "format.fax": {"ja": "ファクス番号", "en": "fax number"},
    "format.target_increase": {
        "ja": "目標値 {target}（{year}）が{what} {value}（{since}）を下回っていますが、"
        "方向（direction）は increase（増やす）です。値か方向を確かめてください",
        "en": "the target {target} ({year}) is below the {what} {value} ({since}) but the "
        "direction is increase: check the value or the direction",
    },
    "format.target_decrease": {
        "ja": "目標値 {target}（{year}）が{what} {value}（{since}）を上回っていますが、"
        "方向（direction）は decrease（減らす）です。値か方向を確かめてください",
        "en": "the target {target} ({year}) is above the {what} {value} ({since}) but the "
        "direction is decrease: check the value or the direction",
    },
    "format.baseline": {"ja": "基準値", "en": "baseline"},
    "format.previous_target": {"ja": "一つ前の目標値", "en": "previous target"},
    "format.targets": {"ja": "目標値", "en": "target"},
    "format.actuals": {"ja": "実績値", "en": "actual"},
    "format.evaluations": {"ja": "評価", "en": "evaluation"},
    "format.year_twice": {
        "ja": "{year}の{what}が二つあります: 一つにしてください",
        "en": "{year} has two {what} entries: keep one",
    },
    "format.year_order": {
        "ja": "{year}の{what}が{latest}の後に書かれています: 古い年度から順に並べてください",
        "en": "the {what} of {year} is listed after {latest}: list them oldest first",
    },
    "format.version_twice": {
        "ja": "版「{version}」が二回書かれています",
        "en": 'the version "{version}" is listed twice',
    },
    "format.revision_order": {
        "ja": "{date} の改訂が {latest} の改訂の後に書かれています: 古い順に並べてください",
        "en": "the revision of {date} is listed after that of {latest}: list them oldest first",
    },
    "format.item_twice": {
        "ja": "「{item}」は {first} 件目と同じです: 重複を消してください",
        "en": '"{item}" repeats item {first}: remove the duplicate',
    },
    "format.channel_twice": {
        "ja": "提出方法 {method} が同じ宛先で二回書かれています",
        "en": "the way to submit {method} is listed twice with the same address",
    },
}
