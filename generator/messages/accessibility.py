"""The words of the 404 pages, in both languages on both pages (ja, en)."""

ACCESSIBILITY: dict[str, dict[str, str]] = {
    "a11y.404.title": {"ja": "ページが見つかりません", "en": "Page not found"},
    "a11y.404.lead": {
        "ja": "お探しのページは見つかりませんでした。移動または削除されたか、"
        "アドレスが間違っている可能性があります。",
        "en": "The page you are looking for was not found. It may have moved or been removed, "
        "or the address may be mistyped.",
    },
    "a11y.404.home": {"ja": "トップページ", "en": "Home page"},
    "a11y.404.search": {"ja": "サイト内検索", "en": "Search the site"},
    "a11y.404.links": {"ja": "このサイトの入口", "en": "Ways into the site"},
}
