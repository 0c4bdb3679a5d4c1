"""Messages for numbers that are nearly numbers (generator/numbers.py)."""

NUMBERS: dict[str, dict[str, str]] = {
    "number.quoted": {
        "ja": "「{found}」は引用符で囲まれているため文字として読まれます。"
        "引用符を外して {fixed} と書いてください",
        "en": '"{found}" is quoted, so it reads as text: write {fixed} without quotes',
    },
    "number.full_width": {
        "ja": "「{found}」は全角の数字です。半角で {fixed} と書いてください",
        "en": '"{found}" is written with full-width digits: write {fixed}',
    },
    "number.comma": {
        "ja": "「{found}」はカンマを取って {fixed} と書いてください",
        "en": '"{found}": write the number without thousands separators, {fixed}',
    },
    "number.accounting_minus": {
        "ja": "「{found}」の △ はマイナスの意味ですか。{fixed} と書いてください",
        "en": 'does the △ in "{found}" mean minus? write {fixed}',
    },
    "number.unit": {
        "ja": "「{found}」には単位などが付いています。{fixed} のように数値だけを書いてください",
        "en": '"{found}" has a unit or other text: write the number only, e.g. {fixed}',
    },
    "number.not_number": {
        "ja": "「{found}」は数値ではありません。数値だけを書いてください",
        "en": '"{found}" is not a number: write the number only',
    },
}
