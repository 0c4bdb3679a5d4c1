"""The words of what citizens meet on the published site, as `dxsite check` warns of it (ja, en)."""

CITIZEN: dict[str, dict[str, str]] = {
    "config.placeholder_site_url": {
        "ja": "site_url が新しい計画の仮の値（{url}）のままです。公開する URL に直してください"
        "（フィード、サイトマップ、canonical リンクがこの値を使います）",
        "en": "site_url is still the new plan's placeholder ({url}): set it to the address the "
        "site is published at (the feeds, the sitemap and canonical links use it)",
    },
}
