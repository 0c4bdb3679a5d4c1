"""Every message, hint, severity word and summary of dxsite: key → {ja, en} (str.format fields)."""

CATALOGUE: dict[str, dict[str, str]] = {
    "severity.error": {"ja": "エラー", "en": "error"},
    "severity.warning": {"ja": "警告", "en": "warning"},
    "summary.clean": {"ja": "問題は見つかりませんでした。", "en": "No problems found."},
    "summary.counts": {
        "ja": "エラー {errors} 件、警告 {warnings} 件。",
        "en": "{errors} error(s), {warnings} warning(s).",
    },
    "summary.strict": {
        "ja": "（--strict: 警告もエラーとして数えます）",
        "en": " (--strict: warnings count as errors)",
    },
    "did_you_mean": {"ja": "。「{word}」のことですか？", "en": '; did you mean "{word}"?'},
    "coverage.title": {"ja": "英語の翻訳状況:", "en": "English coverage:"},
    "coverage.line": {
        "ja": "  {file}: {total} 件中 {done} 件を翻訳済み（{percent:.0f}%）",
        "en": "  {file}: {done}/{total} texts translated ({percent:.0f}%)",
    },
    "build.done": {
        "ja": "{site}/（日本語）と {site}/en/（英語）を作りました。",
        "en": "Built {site}/ (Japanese) and {site}/en/ (English).",
    },
    "build.failed": {
        "ja": "計画にエラーがあるため、サイトは作りませんでした（site/ はそのままです）",
        "en": "the plan has errors: the site was not built (site/ is unchanged)",
    },
    "serve.rebuilt": {
        "ja": "dxsite serve: {seconds:.2f} 秒で作り直しました",
        "en": "dxsite serve: rebuilt in {seconds:.2f} s",
    },
    "serve.kept": {
        "ja": "dxsite serve: {problem}。前回のサイトを表示し続けます",
        "en": "dxsite serve: {problem}; still serving the last good build",
    },
    "serve.listening": {
        "ja": "dxsite serve: http://{host}:{port}/ （Ctrl-C で終了）",
        "en": "dxsite serve: http://{host}:{port}/ (Ctrl-C to stop)",
    },
    "cli.error": {"ja": "dxsite: エラー: {problem}", "en": "dxsite: error: {problem}"},
}
