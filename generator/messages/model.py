"""The words of the format's own rules, raised by the models' validators (ja and en)."""

MODEL: dict[str, dict[str, str]] = {
    "model.bad_id": {
        "ja": "「{value}」は ID に使えません: 半角の小文字 a–z、数字、ハイフンで、"
        "先頭と末尾は英字か数字にします（例: online-procedures）",
        "en": '"{value}" is not a valid id: use lower-case letters a–z, digits and hyphens, '
        "starting and ending with a letter or digit (e.g. online-procedures)",
    },
    "model.reserved_id": {
        "ja": "「{value}」は予約された名前のため ID に使えません: 別の ID にしてください",
        "en": '"{value}" is reserved: choose another id',
    },
    "model.grade_or_comment": {
        "ja": "評価（grade）かコメント（comment）のどちらか（または両方）を書いてください",
        "en": "give a grade or a comment (or both)",
    },
    "model.target_needs_value": {
        "ja": "目標値には数値（value）か文章（text、定性的な目標）を書いてください",
        "en": "a target needs a value (a number) or a text (a qualitative target)",
    },
    "model.grade_missing_outcome": {
        "ja": "評価の段階には outcome「{outcome}」の段階がちょうど 1 つ必要です"
        "（{count} 個あります）",
        "en": 'the grade scale needs exactly one grade with outcome "{outcome}" (found {count})',
    },
    "model.grade_twice_outcome": {
        "ja": "評価の段階で outcome「{outcome}」を持てるのは 1 つだけです（{count} 個あります）",
        "en": 'the grade scale may have only one grade with outcome "{outcome}" (found {count})',
    },
    "model.bad_link": {
        "ja": "「{value}」は使えないリンクです: http://、https://、mailto: のどれかで"
        "始めてください",
        "en": '"{value}" is not an allowed link: use an http://, https:// or mailto: address',
    },
    "model.bad_email": {
        "ja": "「{value}」はメールアドレスではありません（例: dx@city.example.lg.jp）",
        "en": '"{value}" is not an e-mail address: write e.g. dx@city.example.lg.jp',
    },
    "model.bad_date": {
        "ja": "「{value}」は正しい日付ではありません",
        "en": '"{value}" is not a valid date',
    },
    "model.not_date": {
        "ja": "「{value}」は日付ではありません: YYYY-MM-DD（月だけなら YYYY-MM）の形で"
        "書いてください",
        "en": '"{value}" is not a date: write YYYY-MM-DD, or YYYY-MM for a month',
    },
    "model.end_before_start": {
        "ja": "終わり（{end}）が始まり（{start}）より前です",
        "en": "the end ({end}) is before the start ({start})",
    },
    "model.schedule_both": {
        "ja": "実施時期は start と end か、periods（期）のどちらかで書きます（両方は書けません）",
        "en": "give either start and end, or periods, not both",
    },
    "model.schedule_neither": {
        "ja": "実施時期には start と end（年度）の両方か、periods（期）を書いてください",
        "en": "give both start and end (fiscal years), or periods",
    },
    "model.status_twice": {
        "ja": "状況は progress に年度ごとに書くか、status に 1 つだけ書きます（両方は書けません）: "
        "status: {status} を progress に {{year: <年度>, status: {status}}} として移してください",
        "en": "give the status per fiscal year in progress, or one status, not both: move "
        "status: {status} into progress as {{year: <fiscal year>, status: {status}}}",
    },
    "fiscal.examples": {
        "ja": "{shown} は年度ではありません: 2023、2023年度、令和5年度、R5 のように書いてください",
        "en": "{shown} is not a fiscal year: expected e.g. 2023, 2023年度, 令和5年度 or R5",
    },
    "fiscal.range": {
        "ja": "{shown} は年度ではありません: {low} から {high} までの年を書いてください",
        "en": "{shown} is not a fiscal year: expected a year between {low} and {high}",
    },
    "fiscal.whole": {
        "ja": "{shown} は年度ではありません: 2023 のように整数で書いてください",
        "en": "{shown} is not a fiscal year: expected a whole year such as 2023",
    },
    "fiscal.no_era": {
        "ja": "{shown} は年度ではありません: 令和元年度 のように元号を書いてください",
        "en": "{shown} is not a fiscal year: name the era, e.g. 令和元年度",
    },
    "fiscal.era_zero": {
        "ja": "{shown} は年度ではありません: 元号の年は 1（元年）から数えます",
        "en": "{shown} is not a fiscal year: era years start at 1 (元年)",
    },
    "fiscal.era_ended": {
        "ja": "{shown} は年度ではありません: {era}は{last}年（{end}年）までです",
        "en": "{shown} is not a fiscal year: {era} ended in its year {last} ({end})",
    },
}
