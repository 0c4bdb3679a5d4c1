"""What `check` says about a narrative chapter's Markdown (generator/chapters.py) and about the
ids that become element ids on a page."""

CHAPTERS: dict[str, dict[str, str]] = {
    "chapter.size": {
        "ja": "章のファイルが大きすぎます（上限 {limit}）: 複数の章に分けてください",
        "en": "the chapter is too large (the limit is {limit}): split it into several chapters",
    },
    "chapter.line": {
        "ja": "この行は {length:,} 文字あります。上限は {limit:,} 文字です: 行を分けてください",
        "en": "this line has {length:,} characters; the limit is {limit:,}: split it",
    },
    "chapter.nesting": {
        "ja": "箇条書き・注記・引用の入れ子が {limit} 段を超えています: 入れ子を浅くしてください",
        "en": "lists, admonitions and quotes are nested more than {limit} levels deep here: "
        "nest them less deeply",
    },
    "chapter.html_nesting": {
        "ja": "HTML の要素の入れ子が {limit} 段を超えています: 入れ子を浅くしてください",
        "en": "HTML elements are nested more than {limit} levels deep here: nest them less deeply",
    },
    "chapter.brackets": {
        "ja": "この段落には閉じていない [、]( または < が多すぎて、Markdown の処理が終わらなく"
        "なります: 括弧を閉じるか、\\[ や &lt; と書くか、段落を分けてください",
        "en": "this paragraph leaves too many [, ]( or < unclosed: Markdown would take too long "
        "to read the chapter; close them, write them as \\[ or &lt;, or split the paragraph",
    },
    "chapter.invisible": {
        "ja": "見えない制御文字・双方向制御文字（最初は {character}、全部で {count} 個）は"
        "表示を偽装できるため、ページからは取り除きます: ファイルからも削除してください",
        "en": "invisible control or bidi characters ({count}, the first {character} here) "
        "could disguise the text: they are removed from the page; delete them from the file",
    },
    "chapter.loop": {
        "ja": "シンボリックリンクがループしています: リンクを削除してください",
        "en": "a symbolic link loop: remove the link",
    },
    "id.reserved": {
        "ja": "ID「{id}」は使えません: {prefixes} で始まる ID は dxsite がページの中で使います",
        "en": 'the id "{id}" is not available: ids starting with {prefixes} are dxsite\'s own '
        "on the strategy pages",
    },
    "id.action_clash": {
        "ja": "取組の ID「{id}」は {line} 行目の基本戦略・施策と同じです: 同じページに並ぶため、"
        "別の ID にしてください",
        "en": 'the action id "{id}" is the id of the strategy or measure at line {line}: they '
        "share a page, so give the action another id",
    },
}
