"""dxsite's own words in Japanese and English, from one catalogue (Japanese by default).

The language is `--lang` (set with `use`), else the DXSITE_LANG environment variable, else ja.
"""

from __future__ import annotations

import contextvars
import os
from typing import Literal

from .catalogue import CATALOGUE

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")
ENV = "DXSITE_LANG"

_chosen: contextvars.ContextVar[Lang | None] = contextvars.ContextVar("dxsite_lang", default=None)


def use(lang: Lang | None) -> None:
    """Speak `lang` from now on (None: follow DXSITE_LANG, else Japanese)."""
    _chosen.set(lang)


def current() -> Lang:
    """The language dxsite speaks now."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    env = os.environ.get(ENV, "").strip().lower()
    return "en" if env == "en" else "ja"


def say(key: str, /, **values: object) -> str:
    """The catalogue's message `key` in the current language, filled with `values`."""
    return CATALOGUE[key][current()].format(**values)
