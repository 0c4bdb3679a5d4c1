"""The words of `dxsite schema` and `dxsite accessibility`, and of the dates and fiscal years
the models turn down beyond the format's fields (ja and en)."""

COMMANDS: dict[str, dict[str, str]] = {
    "schema.updated": {
        "ja": "schemas/: {count} 件のファイルを更新しました",
        "en": "schemas/: {count} file(s) updated",
    },
    "schema.current": {
        "ja": "schemas/: 変更はありません",
        "en": "schemas/: up to date",
    },
    "schema.readme": {
        "ja": "README.md: 形式の説明を更新しました",
        "en": "README.md: format reference updated",
    },
    "schema.guide": {
        "ja": "{guide}: 編集の手引きを更新しました",
        "en": "{guide}: editors' guide updated",
    },
    "a11y.summary": {
        "ja": "{tool}（{tags}）、{browser}: {pages} ページを{schemes}の配色で試験し、"
        "違反は {violations} 件でした。{report} に記録しました（公開するにはサイトを作り直して"
        "ください）",
        "en": "{tool} ({tags}), {browser}: {pages} pages in {schemes} schemes, "
        "{violations} violation(s); recorded in {report} (rebuild the site to publish it)",
    },
    "a11y.and": {"ja": "と", "en": " and "},
    "a11y.scheme.light": {"ja": "ライト", "en": "light"},
    "a11y.scheme.dark": {"ja": "ダーク", "en": "dark"},
    "a11y.violation": {"ja": "{url}（{scheme}）{problem}", "en": "{url} [{scheme}] {problem}"},
    "a11y.rule": {
        "ja": "{rule}（{impact}）: {help}。場所: {where}",
        "en": "{rule} ({impact}): {help} at {where}",
    },
    "a11y.install": {
        "ja": "{what}がインストールされていません: a11y の追加機能"
        "（pip install 'dxsite[a11y]'）と Debian の chromium をインストールしてください",
        "en": "{what} is not installed: install the a11y extra (pip install 'dxsite[a11y]') "
        "and Debian's chromium",
    },
    "a11y.no_chromium": {
        "ja": "{path} がありません: apt-get install chromium でインストールしてください",
        "en": "{path} is missing: apt-get install chromium",
    },
    "a11y.no_pages": {
        "ja": "{site} に HTML のページがありません: 先にサイトを作ってください（dxsite build）",
        "en": "{site} holds no HTML page: build the site first",
    },
    "a11y.browser": {
        "ja": "ブラウザーが失敗しました: {problem}",
        "en": "the browser failed: {problem}",
    },
    "model.end_before_date": {
        "ja": "終わり（end: {end}）が日付（date: {date}）より前です",
        "en": "the end ({end}) is before the date ({date})",
    },
    "fiscal.before_eras": {
        "ja": "{year}年度は{era}（{first}年）より前のため、元号で表せません",
        "en": "{year} is before {era} ({first}); no era name known",
    },
}
