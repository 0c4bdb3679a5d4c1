"""The words of `dxsite new`, which starts a city's own repository (ja and en)."""

PACKAGE: dict[str, dict[str, str]] = {
    "new.created": {
        "ja": "{dir} を作りました。plan/*.yaml と kpis.yaml を編集し、dxsite build {dir} で"
        "サイトを作ります（手順は {dir}/README.md）",
        "en": "Created {dir}: edit plan/*.yaml and kpis.yaml, then run dxsite build {dir} "
        "(the steps are in {dir}/README.md)",
    },
    "new.not_empty": {
        "ja": "{dir} は空のフォルダーではありません。新しいフォルダーを指定してください",
        "en": "{dir} exists and is not an empty folder: choose a new one",
    },
    "new.failed": {
        "ja": "{dir} を作れませんでした（{problem}）",
        "en": "could not write {dir} ({problem})",
    },
}
