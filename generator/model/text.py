"""Bilingual text: a plain string (Japanese) or {ja, en, machine}."""

from __future__ import annotations

import re
from typing import Any

from pydantic import GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from .base import Model

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")


class Text(Model):
    """Human-readable text in Japanese and, where translated, English.

    ja: 読む人のための文。日本語と、翻訳があれば英語。"""

    ja: str
    """The Japanese text (the authoritative version).

    ja: 日本語の文（正本）。"""
    en: str | None = None
    """The English translation; when missing, English pages show the Japanese with a notice.

    ja: 英語の訳。ないときは、英語のページに日本語を注意書き付きで表示します。"""
    machine: bool = False
    """True when the English was machine-translated (the site labels it).

    ja: 英語が機械翻訳なら true（サイトにその旨を表示します）。"""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        return {"ja": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        as_object = handler(core_schema)
        return {
            "anyOf": [
                {"type": "string", "description": "Japanese text\n\nja: 日本語の文"},
                as_object,
            ],
        }

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Japanese (use `translated` to know which)."""
        return self.en if lang == "en" and self.en else self.ja

    def translated(self, lang: str) -> bool:
        """Whether `get(lang)` reads right in `lang` (text without Japanese needs no en)."""
        return lang == "ja" or bool(self.en) or not _JAPANESE.search(self.ja)
