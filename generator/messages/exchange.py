"""The words of the progress workbooks and of `dxsite collect` / `dxsite import` (ja and en)."""

EXCHANGE: dict[str, dict[str, str]] = {
    "sheet.dated": {"ja": "{value}（{year}）", "en": "{value} ({year})"},
    "sheet.range": {"ja": "{first}〜{last}", "en": "{first}–{last}"},
    "sheet.glue": {"ja": "、", "en": "; "},
    "sheet.actions": {"ja": "取組", "en": "Actions"},
    "sheet.kpis": {"ja": "数値目標", "en": "KPIs"},
    "column.actions.id": {"ja": "ID", "en": "ID"},
    "column.actions.name": {"ja": "取組", "en": "Action"},
    "column.actions.schedule": {"ja": "実施時期", "en": "Schedule"},
    "column.actions.last_status": {"ja": "前回の状況", "en": "Last status"},
    "column.actions.last_note": {"ja": "前回の備考", "en": "Last note"},
    "column.actions.status": {
        "ja": "{year}の状況（記入）",
        "en": "Status {year} (fill in)",
    },
    "column.actions.note": {"ja": "{year}の備考（記入）", "en": "Note {year} (fill in)"},
    "column.kpis.id": {"ja": "ID", "en": "ID"},
    "column.kpis.name": {"ja": "指標", "en": "Indicator"},
    "column.kpis.unit": {"ja": "単位", "en": "Unit"},
    "column.kpis.baseline": {"ja": "基準値", "en": "Baseline"},
    "column.kpis.targets": {"ja": "目標値", "en": "Targets"},
    "column.kpis.actuals": {"ja": "これまでの実績値", "en": "Earlier actuals"},
    "column.kpis.value": {"ja": "{year}の実績値（記入）", "en": "Actual {year} (fill in)"},
    "column.kpis.note": {"ja": "{year}の備考（記入）", "en": "Note {year} (fill in)"},
    "collect.title.actions": {
        "ja": "{year} 進捗照会（取組の状況）　{owner}",
        "en": "{year} progress survey (actions): {owner}",
    },
    "collect.title.kpis": {
        "ja": "{year} 進捗照会（数値目標の実績値）　{owner}",
        "en": "{year} progress survey (KPI actuals): {owner}",
    },
    "collect.no_owner": {"ja": "担当課未設定", "en": "No department"},
    "collect.everyone": {"ja": "全庁", "en": "All departments"},
    "collect.unknown_owner": {
        "ja": "担当課「{owner}」の取組も数値目標もありません（担当課: {owners}）",
        "en": 'no action or KPI is owned by "{owner}" (departments: {owners})',
    },
    "collect.status_title": {"ja": "状況", "en": "Status"},
    "collect.status_prompt": {
        "ja": "一覧から選んでください。変わらない場合も選んでください。",
        "en": "Choose from the list, also when nothing changed.",
    },
    "collect.status_error": {
        "ja": "一覧にある言葉を選んでください。",
        "en": "Choose one of the words in the list.",
    },
    "collect.value_title": {"ja": "実績値", "en": "Actual"},
    "collect.value_prompt": {
        "ja": "数値だけを書いてください（単位は書きません）。測れなかったときは空欄のまま。",
        "en": "Write the number only, without its unit; leave empty when not measured.",
    },
    "collect.failed": {
        "ja": "計画にエラーがあるため、照会票は作りませんでした",
        "en": "the plan has errors: no workbook was written",
    },
    "collect.written": {"ja": "{path} を作りました", "en": "Wrote {path}"},
    "import.macro": {
        "ja": "マクロ有効ブック（.xlsm やマクロを含むブック）は読み込みません。"
        "「Excel ブック（.xlsx）」として保存し直してください",
        "en": "macro-enabled workbooks (.xlsm, or a workbook holding macros) are not read: "
        "save it again as an Excel Workbook (.xlsx)",
    },
    "import.not_sheet": {
        "ja": "照会票（.xlsx）か、それを CSV で保存したファイル（.csv）を指定してください",
        "en": "expected a progress workbook (.xlsx) or one of its sheets saved as CSV (.csv)",
    },
    "import.too_big": {
        "ja": "ファイルが大きすぎます（上限 {mb} MB）。照会票の通常の大きさは数十 KB です",
        "en": "the file is too large (limit {mb} MB); a progress workbook is some tens of KB",
    },
    "import.unreadable": {"ja": "読み込めません: {problem}", "en": "cannot read it: {problem}"},
    "import.encrypted": {
        "ja": "パスワード付きのブックか、古い形式（.xls）のため読み込めません。"
        "パスワードを外し「Excel ブック（.xlsx）」として保存してください",
        "en": "the workbook is password-protected or in the old .xls format: remove the "
        "password and save it as an Excel Workbook (.xlsx)",
    },
    "import.malformed": {
        "ja": "Excel ブック（.xlsx）として読み込めません（壊れているか、別の形式です）",
        "en": "this is not a readable Excel workbook (.xlsx): it is damaged or of another kind",
    },
    "import.unpacks": {
        "ja": "ブックを展開すると {mb} MB を超えます（圧縮爆弾の疑い）。"
        "照会票を保存し直してください",
        "en": "the workbook unpacks to more than {mb} MB (a zip bomb?); save the progress "
        "workbook again",
    },
    "import.external": {
        "ja": "ほかのファイルへのリンク（外部参照）を含むブックは読み込みません。"
        "リンクを解除して値だけにしてから保存してください",
        "en": "the workbook links to other files (external references): break the links so "
        "that only values remain, then save it",
    },
    "import.too_many_rows": {
        "ja": "行が多すぎます（上限 {limit:,} 行）。照会票の行を増やさないでください",
        "en": "the sheet has too many rows (limit {limit:,}): do not add rows to the sheet",
    },
    "import.not_dxsite": {
        "ja": "dxsite collect で作った照会票ではありません（目印のシートか見出しの行がありません）",
        "en": "this is not a sheet made by dxsite collect (its marker or header row is missing)",
    },
    "import.missing_sheet": {
        "ja": "シート「{sheet}」がありません。シート名を変えずに返送してください",
        "en": 'the sheet "{sheet}" is missing: send the workbook back without renaming sheets',
    },
    "import.header": {
        "ja": "見出しが「{found}」になっています。「{expected}」のはずです"
        "（列を入れ替えたり、別の年度の照会票を使ったりしていませんか）",
        "en": 'the header reads "{found}"; expected "{expected}" (were columns moved, or is '
        "this another year's sheet?)",
    },
    "import.csv_encoding": {
        "ja": "CSV の文字コードが UTF-8 でも Shift_JIS でもありません",
        "en": "the CSV file is neither UTF-8 nor Shift_JIS",
    },
    "import.malformed_csv": {
        "ja": "CSV として読み込めません（引用符が閉じていないなど）",
        "en": "the CSV file cannot be read (an unclosed quote?)",
    },
    "import.layout": {
        "ja": "{file} の書き方（字下げなど）をそのまま保てないため、書き込みません",
        "en": "{file}: its layout (indentation) could not be kept, so it is not written",
    },
    "import.other_year": {
        "ja": "この照会票は{found}のものです。取り込む年度は{year}です",
        "en": "this sheet collects {found}, but {year} is being imported",
    },
    "import.old_year": {
        "ja": "この照会票は{found}のものです。"
        "古い年度を取り込むときは --year {year} と指定してください",
        "en": "this sheet collects {found}: to import an earlier year, say so with --year {year}",
    },
    "import.mixed_years": {
        "ja": "年度の違う照会票が混ざっています（{years}）。年度ごとに取り込んでください",
        "en": "the sheets collect different years ({years}): import one year at a time",
    },
    "import.no_id": {
        "ja": "ID が空です。行を追加せず、ID は変えないでください",
        "en": "the ID is empty: do not add rows or change IDs",
    },
    "import.unknown.actions": {
        "ja": "取組 ID「{id}」は計画にありません（ID は変えないでください）",
        "en": 'the plan has no action with the ID "{id}" (do not change IDs)',
    },
    "import.unknown.kpis": {
        "ja": "数値目標 ID「{id}」は計画にありません（ID は変えないでください）",
        "en": 'the plan has no KPI with the ID "{id}" (do not change IDs)',
    },
    "import.twice": {
        "ja": "ID「{id}」の回答が二つあります（最初は {first}）",
        "en": 'the ID "{id}" is answered twice (first at {first})',
    },
    "import.formula": {
        "ja": "数式の計算結果が保存されていません。数式ではなく値を入力してください",
        "en": "the cell holds a formula with no computed value: type the value instead",
    },
    "import.note_alone.actions": {
        "ja": "備考だけでは記録できません。状況も選んでください",
        "en": "a note alone cannot be recorded: choose the status too",
    },
    "import.note_alone.kpis": {
        "ja": "備考だけでは記録できません。実績値も書いてください",
        "en": "a note alone cannot be recorded: write the actual value too",
    },
    "import.not_status": {
        "ja": "「{found}」は状況の言葉ではありません。次から選んでください: {words}",
        "en": '"{found}" is not a status: choose one of {words}',
    },
    "import.single_status": {
        "ja": "この取組は年度ごとの記録（progress）ではなく status: {status} で書かれています。"
        "先に progress へ移してください",
        "en": "this action records one status (status: {status}) instead of a status per "
        "year: move it into progress first",
    },
    "import.cell_error": {
        "ja": "セルが計算エラー（{found}）になっています。値を入力してください",
        "en": "the cell shows a spreadsheet error ({found}): type the value",
    },
    "import.plan_invalid": {
        "ja": "計画にエラーがあるため取り込みません。先に dxsite check のエラーを直してください",
        "en": "the plan has errors: fix what dxsite check reports first",
    },
    "import.would_break": {
        "ja": "取り込むと計画が次のエラーになるため、取り込みません:",
        "en": "the answers would make the plan invalid:",
    },
    "import.refused": {
        "ja": "ファイルは何も書き換えていません。",
        "en": "No file was changed.",
    },
    "import.nothing": {"ja": "（なし）", "en": "(none)"},
    "import.change.actions": {
        "ja": "取組「{name}」（{id}）{year}の状況: {before} → {after}（{where}）",
        "en": 'action "{name}" ({id}), status {year}: {before} → {after} ({where})',
    },
    "import.change.kpis": {
        "ja": "数値目標「{name}」（{id}）{year}の実績値: {before} → {after}（{where}）",
        "en": 'KPI "{name}" ({id}), actual {year}: {before} → {after} ({where})',
    },
    "import.note_set": {"ja": "、備考「{note}」", "en": ', note "{note}"'},
    "import.note_removed": {"ja": "、備考を削除", "en": ", note removed"},
    "import.no_changes": {"ja": "変更はありません。", "en": "No changes."},
    "import.dry_run": {
        "ja": "（--dry-run: ファイルは書き換えていません）",
        "en": "(--dry-run: no file was changed)",
    },
    "import.written": {"ja": "{file} を書き換えました", "en": "Updated {file}"},
}
