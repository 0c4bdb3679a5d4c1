"""Numbers as editors type them: what is a number, and the corrected number when it is not.

One rule for the plan's YAML (`dxsite check`) and for the progress sheets (`dxsite import`): a
number is written with half-width digits, without thousands separators, units or quotes. Text
that is nearly a number — full-width digits (９８.５), a comma (25,607), a unit (98%), the
accounting minus (△5) — is refused with the number it should have been.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import say

_PLAIN = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_UNIT = re.compile(r"^([+-]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*\D+$")
_MINUS = str.maketrans({"−": "-", "ー": "-", "－": "-"})


def _half_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().translate(_MINUS)


def read_number(text: str) -> int | float | None:
    """The number `text` is when written as the format wants (80, -5, 98.5), else None."""
    if not _PLAIN.match(text.strip()):
        return None
    return float(text) if "." in text else int(text)


def correction(text: str) -> str:
    """Why `text` is not a number, with the number it should have been when that is clear."""
    plain = _half_width(text)
    if read_number(text) is not None:
        return say("number.quoted", found=text, fixed=text.strip())
    if _PLAIN.match(plain):
        return say("number.full_width", found=text, fixed=plain)
    if _GROUPED.match(plain):
        return say("number.comma", found=text, fixed=plain.replace(",", ""))
    if plain.startswith(("△", "▲")) and _PLAIN.match(plain[1:]):
        return say("number.accounting_minus", found=text, fixed="-" + plain[1:])
    unit = _UNIT.match(plain)
    if unit and _PLAIN.match(unit.group(1).replace(",", "")):
        return say("number.unit", found=text, fixed=unit.group(1).replace(",", ""))
    return say("number.not_number", found=text)
