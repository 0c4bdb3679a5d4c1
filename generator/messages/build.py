"""What the build stage says about the files and settings it reads beside the plan."""

BUILD: dict[str, dict[str, str]] = {
    "accessibility.unsafe": {
        "ja": "{problem}",
        "en": "{problem}",
    },
    "accessibility.json": {
        "ja": "JSON として読めません（{problem}）: dxsite accessibility で記録し直してください",
        "en": "not valid JSON ({problem}): record it again with dxsite accessibility",
    },
    "accessibility.invalid": {
        "ja": "記録された試験結果ではありません（{where}: {problem}）: "
        "dxsite accessibility で記録し直してください",
        "en": "not a recorded run ({where}: {problem}): record it again with dxsite accessibility",
    },
    "clock.epoch": {
        "ja": "SOURCE_DATE_EPOCH は 1970 年からの秒数を 0〜{limit} の整数で書いてください"
        "（「{value}」になっています）",
        "en": "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, from 0 to {limit} "
        '(got "{value}")',
    },
}
