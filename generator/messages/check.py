"""The words of `dxsite check`: findings about the plan's fields and how they are reported."""

CHECK: dict[str, dict[str, str]] = {
    "summary.omitted": {
        "ja": "ほかに {count:,} 件の問題があります（最初の {shown} 件だけを表示しました）。",
        "en": "{count:,} more problem(s) not shown (only the first {shown} are listed).",
    },
    "summary.skipped": {
        "ja": "{files} にエラーがあるため、ファイルをまたぐ確認（ID の参照、年度、期間など）は"
        "省きました。エラーを直すと確認します。",
        "en": "{files}: because of the errors above, the checks across files (references to "
        "ids, years, periods …) were skipped; they run once the errors are fixed.",
    },
    "where.named": {"ja": "{label}「{name}」", "en": '{label} "{name}"'},
    "where.named_id": {"ja": "{label}「{name}」（id: {id}）", "en": '{label} {id} "{name}"'},
    "where.nth": {"ja": "{label}（{n}件目）", "en": "{label} {n}"},
    "where.join": {"ja": "の", "en": ", "},
    "where.file": {"ja": "ファイル全体", "en": "the file"},
    "found.true": {"ja": "true", "en": "true"},
    "found.false": {"ja": "false", "en": "false"},
    "found.text": {"ja": "文字「{value}」", "en": 'text "{value}"'},
    "found.empty_text": {"ja": "空の文字", "en": "empty text"},
    "found.number": {"ja": "数値 {value}", "en": "the number {value}"},
    "found.nothing": {"ja": "空の値", "en": "nothing (an empty value)"},
    "found.list": {"ja": "リスト", "en": "a list"},
    "found.map": {"ja": "マップ（名前: 値）", "en": "a map of fields"},
    "check.missing_file": {
        "ja": "ファイルがありません: 計画には {file} が必要です",
        "en": "the file is missing: the plan needs {file}",
    },
    "check.top_not_map": {
        "ja": "ファイルの最上位には「名前: 値」の形の項目を書きます（{found}が書かれています）",
        "en": "expected a map of fields (name: value) at the top, found {found}",
    },
    "check.too_deep": {
        "ja": "入れ子が深すぎて確認できません",
        "en": "the data is nested too deeply to check",
    },
    "check.unknown_field": {
        "ja": "{where}: 「{name}」という項目はここには書けません{near}（書ける項目: {allowed}）",
        "en": '{where}: unknown field "{name}"{near} (allowed here: {allowed})',
    },
    "check.missing_field": {
        "ja": "{where}: 必須の項目「{name}」（{label}）がありません",
        "en": '{where}: the required field "{name}" ({label}) is missing',
    },
    "check.type": {"ja": "{where}: {problem}", "en": "{where}: {problem}"},
    "check.japanese_word": {
        "ja": "。「{found}」は「{word}」と書きます",
        "en": '; "{found}" is written "{word}"',
    },
    "expected.number": {
        "ja": "数値を書いてください（{found}が書かれています）",
        "en": "expected a number, found {found}",
    },
    "expected.whole_number": {
        "ja": "整数を書いてください（{found}が書かれています）",
        "en": "expected a whole number, found {found}",
    },
    "expected.number_text": {
        "ja": "数値を書いてください。{hint}",
        "en": "expected a number: {hint}",
    },
    "expected.text": {
        "ja": "文字を書いてください（{found}が書かれています）",
        "en": "expected text, found {found}",
    },
    "expected.quote": {
        "ja": '文字を書いてください。数字だけのときは "{raw}" のように引用符で囲みます'
        "（囲まないと数値として読まれ、先頭の 0 などが消えます）",
        "en": 'expected text: put digits in quotes, "{raw}" (unquoted they are read as a '
        "number, which loses leading zeros)",
    },
    "expected.bool": {
        "ja": "true か false を書いてください（{found}が書かれています）",
        "en": "expected true or false, found {found}",
    },
    "expected.list": {
        "ja": "リスト（「- 」で始まる行）を書いてください（{found}が書かれています）",
        "en": 'expected a list (lines starting with "- "), found {found}',
    },
    "expected.text_map": {
        "ja": "文字か、ja: と en: を持つマップを書いてください（{found}が書かれています）",
        "en": "expected text, or a map with ja: and en:, found {found}",
    },
    "expected.map": {
        "ja": "「名前: 値」の形の項目を書いてください（{found}が書かれています）",
        "en": "expected a map of fields (name: value), found {found}",
    },
    "expected.choice": {
        "ja": "次のどれかを書いてください: {choices}（{found}が書かれています）{near}",
        "en": "expected one of {choices}; found {found}{near}",
    },
    "expected.finite": {
        "ja": "有限の数値を書いてください（{value} が書かれています）",
        "en": "expected a finite number, found {value}",
    },
    "expected.items": {
        "ja": "少なくとも {minimum} 件書いてください",
        "en": "needs at least {minimum} item(s)",
    },
    "expected.other": {
        "ja": "値が正しくありません（{found}が書かれています）: {problem}",
        "en": "{problem}, found {found}",
    },
    "expected.iso_date": {
        "ja": "。日付は西暦で {iso} と書きます",
        "en": "; write the date in the Western calendar, {iso}",
    },
    "check.chapter_twice": {
        "ja": "章の ID「{id}」は {file} ですでに使われています: "
        "どちらかのファイル名を変えてください",
        "en": 'the chapter id "{id}" is already used by {file}: rename one of the files',
    },
    "check.chapter_no_english": {
        "ja": "章 {file} に英語版（en/{file}）がありません",
        "en": "chapter {file} has no English translation (en/{file})",
    },
    "check.chapter_no_title": {
        "ja": "章は見出しの行「# タイトル」で始めてください",
        "en": "a chapter must start with a title line: # タイトル",
    },
    "check.chapter_id": {
        "ja": "ファイル名が章の ID になります: {problem}",
        "en": "the file name gives the chapter id: {problem}",
    },
}
