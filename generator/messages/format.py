"""Messages of the format's own rules: milestones, contact numbers, targets, order (ja and en)."""

FORMAT: dict[str, dict[str, str]] = {
    "format.milestone_undated": {
        "ja": "日付（date:）がありません。締切日しか分からない意見募集やパブリックコメントは"
        "end: に締切日だけを書きます",
        "en": "the milestone has no date (date:); a consultation known only by its closing "
        "date gives end: alone",
    },
}
