"""How dxsite reports: warnings of one kind summarised, and the stages of long work."""

OUTPUT: dict[str, dict[str, str]] = {
    "group.heading": {
        "ja": "{severity}「{code}」{count:,} 件（ファイルごとに件数と最初の {shown} か所。"
        "すべては --verbose で）:",
        "en": "{severity} {code}: {count:,} in all (per file: the count and the first {shown}; "
        "--verbose lists all):",
    },
    "group.file": {"ja": "  {file}: {count:,} 件", "en": "  {file}: {count:,}"},
    "group.more": {"ja": "    …ほか {count:,} 件", "en": "    … and {count:,} more"},
    "group.annotations": {
        "ja": "{severity}「{code}」の注釈 {count:,} 件",
        "en": "{count:,} annotations: {severity} {code}",
    },
    "stage.line": {"ja": "dxsite: {stage}", "en": "dxsite: {stage}"},
    "stage.validate": {"ja": "計画を検査しています", "en": "checking the plan"},
    "stage.render": {
        "ja": "{language}のページを書き出しています",
        "en": "rendering the {language} pages",
    },
    "stage.builder": {
        "ja": "{builder} で{language}のサイトを作っています（両方の言語を並行して）",
        "en": "building the {language} site with {builder} (both languages in parallel)",
    },
    "stage.assemble": {
        "ja": "サイトを組み立てています（検索索引、CSP）",
        "en": "assembling the site (search index, CSP)",
    },
    "stage.pdf": {"ja": "報告書を PDF に印刷しています", "en": "printing the reports to PDF"},
    "stage.audit": {
        "ja": "axe-core でページを試験しています",
        "en": "testing the pages with axe-core",
    },
    "stage.count": {"ja": "（{done:,} ページ）", "en": " ({done:,} pages)"},
    "stage.count_of": {"ja": "（{done:,}/{total:,} ページ）", "en": " ({done:,}/{total:,} pages)"},
}
