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
    "build.waiting": {
        "ja": "dxsite: このプロジェクトの別のビルドが動いています。終わるのを待ちます",
        "en": "dxsite: another build of this project is running; waiting for it",
    },
    "build.os_error": {
        "ja": "{where}: {problem}: 以前のサイトはそのままです",
        "en": "{where}: {problem}: the previous site is unchanged",
    },
    "build.config_yaml": {
        "ja": "mkdocs.yml: YAML として読めません: {problem}",
        "en": "mkdocs.yml: not valid YAML: {problem}",
    },
    "pdf.needs_playwright": {
        "ja": "--pdf には Playwright が必要です: pip install 'dxsite[pdf]'"
        "（と apt-get install chromium）を実行してください",
        "en": "--pdf needs Playwright: pip install 'dxsite[pdf]' (and apt-get install chromium)",
    },
    "pdf.failed": {
        "ja": "年次報告の PDF を印刷できませんでした: {problem}",
        "en": "printing the yearly reports failed: {problem}",
    },
}
