"""The words of reading files: encodings, YAML syntax, characters, sizes (ja and en)."""

LOAD: dict[str, dict[str, str]] = {
    "load.outside": {
        "ja": "プロジェクトの外のファイルへのリンクです: ファイルそのものをコミットしてください",
        "en": "the file is a link to a file outside the project: commit the file itself",
    },
    "load.into_git": {
        "ja": ".git の中へのシンボリックリンクです（ジョブの認証情報が置かれます）: "
        "ファイルそのものをコミットしてください",
        "en": "the file is a link into .git, which holds the job's credentials: "
        "commit the file itself",
    },
    "load.not_regular": {
        "ja": "通常のファイルではありません",
        "en": "this is not a regular file",
    },
    "load.too_big": {
        "ja": "ファイルが {size} MB あります。上限は {limit} MB です",
        "en": "the file is {size} MB; the limit is {limit} MB",
    },
    "load.grew": {
        "ja": "ファイルが {limit} MB を超えています",
        "en": "the file is over {limit} MB",
    },
    "load.cannot_read": {"ja": "読み込めません: {problem}", "en": "cannot read: {problem}"},
    "load.utf32": {
        "ja": "ファイルの文字コードが UTF-32 です: UTF-8 で保存してください",
        "en": "the file is in UTF-32: save it as UTF-8",
    },
    "load.utf16": {
        "ja": "ファイルの文字コードが UTF-16 です: UTF-8 で保存してください",
        "en": "the file is in UTF-16: save it as UTF-8",
    },
    "load.binary": {
        "ja": "バイナリファイルです。YAML や Markdown のテキストではありません",
        "en": "this is a binary file, not YAML or Markdown text",
    },
    "load.shift_jis": {
        "ja": "ファイルの文字コードが Shift_JIS のようです: UTF-8 で保存してください",
        "en": "the file looks like Shift_JIS: save it as UTF-8",
    },
    "load.not_utf8": {
        "ja": "UTF-8 として読めないバイトがあります（{byte} バイト目）: UTF-8 で保存してください",
        "en": "the file is not valid UTF-8 (byte {byte}): save it as UTF-8",
    },
    "load.empty": {"ja": "ファイルが空です", "en": "the file is empty"},
    "load.too_many_items": {
        "ja": "ファイルが大きすぎます（行と「,」区切りが {count:,} 個。上限は {limit:,} 個）。"
        "計画のファイルはふつう数千行です",
        "en": "the file is too large ({count:,} lines and commas; the limit is {limit:,}): "
        "a plan's file has some thousands of lines",
    },
    "load.too_many_nodes": {
        "ja": "値が多すぎます（上限 {limit:,} 個）。計画のファイルはふつう数万個です",
        "en": "the file holds too many values (the limit is {limit:,}); a plan's file holds "
        "some tens of thousands",
    },
    "load.alias": {
        "ja": "アンカーとエイリアス（&名前、*名前）は使えません: 値をそのまま書いてください",
        "en": "anchors and aliases (&name, *name) are not supported: write the value out",
    },
    "load.deep": {
        "ja": "入れ子が {limit} 段より深くなっています",
        "en": "the data is nested more than {limit} levels deep",
    },
    "load.tag": {
        "ja": "YAML のタグ {tag} は使えません: タグを消して値だけを書いてください"
        '（文字として読ませたいときは "…" で囲みます）',
        "en": "the YAML tag {tag} is not allowed in the plan: remove the tag and write "
        'the value itself (in quotes "…" to make it text)',
    },
    "load.character": {
        "ja": "U+{code:04X}（{what}）が含まれています。この文字は使えません: 削除してください",
        "en": "the text contains U+{code:04X} ({what}), which is not allowed in text: remove it",
    },
    "load.raw_character": {
        "ja": "U+{code:04X}（{what}）が含まれています。この文字はファイルに書けません: "
        "削除してください",
        "en": "the character U+{code:04X} ({what}) is not allowed in YAML: remove it",
    },
    "char.control": {"ja": "制御文字", "en": "a control character"},
    "char.surrogate": {"ja": "単独のサロゲート", "en": "a lone surrogate"},
    "char.noncharacter": {"ja": "非文字", "en": "a noncharacter"},
    "char.bidi": {
        "ja": "文字の向きを変える見えない制御文字。表示をごまかせます",
        "en": "an invisible bidirectional control, which can disguise what is shown",
    },
    "char.zero_width": {
        "ja": "幅のない見えない文字。コピー＆ペーストで紛れ込みがちです",
        "en": "an invisible zero-width character, often pasted in by accident",
    },
    "char.line_separator": {
        "ja": "見えない改行文字。エディタと行番号がずれます",
        "en": "an invisible line break that shifts line numbers between editors",
    },
    "char.bom": {
        "ja": "ファイルの途中のバイト順マーク（BOM）",
        "en": "a byte order mark in the middle of the file",
    },
    "load.long_text": {
        "ja": "文字が {length:,} 字あります。上限は {limit:,} 字です",
        "en": "the text is {length:,} characters long; the limit is {limit:,}",
    },
    "load.digits": {
        "ja": "数値の有効数字が {digits} 桁あります。正確に扱えるのは {limit} 桁までです",
        "en": "the number has {digits} significant digits; at most {limit} are kept exactly",
    },
    "load.date": {
        "ja": "「{value}」は正しい日付ではありません",
        "en": '"{value}" is not a valid date',
    },
    "load.key_not_plain": {
        "ja": "キー（「:」の左）には名前を書きます。リストやマップは書けません",
        "en": "a key must be a plain name, not a list or map",
    },
    "load.merge": {
        "ja": "マージキー（<<）は使えません: 値をそのまま書いてください",
        "en": "merge keys (<<) are not supported",
    },
    "load.duplicate": {
        "ja": "キー「{key}」が二度書かれています（最初は {line} 行目）。"
        "YAML では後の方だけが残ってしまいます",
        "en": 'duplicate key "{key}" (first written at line {line}); '
        "YAML would silently keep only the last one",
    },
    "load.tab": {
        "ja": "字下げにタブ文字は使えません: 半角スペースで字下げしてください",
        "en": "a tab character is not allowed in YAML indentation: indent with spaces",
    },
    "load.documents": {
        "ja": "1 つのファイルに書ける YAML 文書は 1 つだけです: 余分な「---」を消してください",
        "en": "only one YAML document per file: remove the extra `---`",
    },
    "load.syntax": {
        "ja": "YAML の書き方の誤りです（{problem}）",
        "en": "YAML syntax error: {problem}",
    },
    "yaml.full_width_colon": {
        "ja": "「：」（全角のコロン）を「:」（半角）に直してください。"
        "「名前: 値」の「:」は半角で、後ろに半角スペースを入れます",
        "en": 'a full-width colon "：": write the half-width ":" followed by a space (name: value)',
    },
    "yaml.full_width_space": {
        "ja": "字下げに全角スペース「　」が使われています: 半角スペースで字下げしてください",
        "en": 'a full-width space "　" in the indentation: indent with half-width spaces',
    },
    "yaml.dash_space": {
        "ja": "「-」の後に半角スペースが必要です: 「- {rest}」と書いてください",
        "en": 'a list item needs a space after "-": write "- {rest}"',
    },
    "yaml.colon_space": {
        "ja": "「:」の後に半角スペースが必要です: 「{key}: {rest}」と書いてください",
        "en": 'a space is needed after ":": write "{key}: {rest}"',
    },
    "yaml.unclosed_quote": {
        "ja": "引用符 {quote} が閉じていません: 文の終わりにも {quote} を書いてください",
        "en": "the quote {quote} is not closed: end the text with {quote} too",
    },
    "yaml.unclosed_bracket": {
        "ja": "「{bracket}」が閉じていません: 同じ行の終わりに「{closing}」を書いてください",
        "en": '"{bracket}" is not closed: close it with "{closing}" at the end of the line',
    },
    "yaml.colon_in_text": {
        "ja": '文の中の「: 」は YAML の区切りと読まれます: 文全体を "…" で囲んでください',
        "en": 'a ": " inside text reads as a YAML separator: put the whole text in quotes "…"',
    },
    "yaml.misaligned": {
        "ja": "キー「{key}」の字下げがそろっていません: 同じ階層のキーと同じ {column} 列目から"
        "書いてください",
        "en": 'the key "{key}" is not aligned: start it at column {column}, like the keys '
        "beside it",
    },
    "yaml.missing_colon": {
        "ja": "「:」がありません: 「名前: 値」の形で書いてください",
        "en": 'no ":" found: write name: value',
    },
    "yaml.smart_quotes": {
        "ja": "{value} の {open} {close} を取り除いて {inner} と書いてください"
        "（全角の引用符は YAML の引用符にならず、そのまま表示されます。"
        '囲むときは半角の " を使います）',
        "en": "remove the {open} {close} around {value} and write {inner} (curly and full-width "
        'quotes are not YAML quotes: the site would show them; use straight quotes " if any)',
    },
    "yaml.smart_quotes_only": {
        "ja": "{value} は引用符だけです: {open} {close} を取り除いてください"
        "（全角の引用符は YAML の引用符にならず、そのまま表示されます）",
        "en": "{value} is only quotes: remove the {open} {close} (curly and full-width quotes "
        "are not YAML quotes: the site would show them)",
    },
    "yaml.comma_in_text": {
        "ja": "「{name}」は前の文の続きではありませんか。{{ }} の中の文に「,」を使うときは、"
        '文全体を "…" で囲んでください',
        "en": '"{name}" looks like the rest of the text before it: inside {{ }}, put a text '
        'holding "," in quotes "…"',
    },
}
