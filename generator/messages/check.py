"""The words of `dxsite check`: findings about the plan's fields and how they are reported."""

CHECK: dict[str, dict[str, str]] = {
    "summary.omitted": {
        "ja": "ほかに {count:,} 件の問題があります（最初の {shown} 件だけを表示しました）。",
        "en": "{count:,} more problem(s) not shown (only the first {shown} are listed).",
    },
}
