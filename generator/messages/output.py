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
}
