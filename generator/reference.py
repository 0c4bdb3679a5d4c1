"""The format reference in Markdown, generated from the models (embedded in the README)."""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fold import japanese_join
from .model.project import FILES
from .model.text import Text
from .render import labels

START = "<!-- format-reference:start -->"
END = "<!-- format-reference:end -->"
GLOSSARY_START = "<!-- glossary:start -->"
GLOSSARY_END = "<!-- glossary:end -->"
SCAFFOLD = Path(__file__).with_name("scaffold")


def _validator_names(extra: list[Any]) -> set[str]:
    return {getattr(getattr(e, "func", None), "__name__", "") for e in extra}


_TYPES = {
    "fiscal": {
        "en": "fiscal year (2023, 令和5年度, R5 …)",
        "ja": "年度（2023、令和5年度、R5 など）",
    },
    "slug": {"en": "id (a–z, 0–9, -)", "ja": "ID（半角の a–z、0–9、-）"},
    "url": {"en": "link (https:// or mailto:)", "ja": "リンク（https:// か mailto:）"},
    "date": {"en": "date (YYYY-MM-DD or YYYY-MM)", "ja": "日付（YYYY-MM-DD か YYYY-MM）"},
    "email": {"en": "e-mail address", "ja": "メールアドレス"},
    "or": {"en": " or ", "ja": " または "},
    "list": {"en": "list of {}", "ja": "{}のリスト"},
    "text": {"en": "text (ja / en)", "ja": "文（日本語／英語）"},
    "one_of": {"en": "one of {}", "ja": "{} のいずれか"},
    "str": {"en": "text", "ja": "文字"},
    "int": {"en": "whole number", "ja": "整数"},
    "float": {"en": "number", "ja": "数値"},
    "bool": {"en": "true / false", "ja": "true か false"},
}
"""How the reference (en) and the editors' guide (ja) name each kind of value."""
_VALIDATED = {
    "parse_fiscal_year": "fiscal",
    "_check_slug": "slug",
    "_check_url": "url",
    "_partial_date": "date",
    "_check_email": "email",
}


JA_MARK = "\n\nja: "
"""Where a model's or field's docstring turns from English to Japanese: the English first
(the README's reference), then a paragraph `ja: …` (the editors' guide); the JSON Schemas
carry both."""


def description(doc: str | None, lang: str = "en") -> str:
    """The English or Japanese part of a model's or field's docstring, on one line (Japanese
    lines joined without a space between two Japanese characters)."""
    english, _, japanese = inspect.cleandoc(doc or "").partition(JA_MARK)
    text = japanese if lang == "ja" else english
    out = ""
    for line in (line.strip() for line in text.splitlines()):
        if line:
            out += (japanese_join(out, line) if out else "") + line
    return out


def type_name(annotation: Any, lang: str = "en") -> str:
    """What kind of value a field holds, in the reference's (en) or the guide's (ja) words."""
    words = {key: word[lang] for key, word in _TYPES.items()}
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        found = [_VALIDATED[name] for name in _validator_names(extra) if name in _VALIDATED]
        return words[found[0]] if found else type_name(base, lang)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return words["or"].join(type_name(a, lang) for a in args)
    if origin is list:
        return words["list"].format(type_name(typing.get_args(annotation)[0], lang))
    if annotation is Text:
        return words["text"]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return words["one_of"].format(", ".join(f"`{m.value}`" for m in annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "str", int: "int", float: "float", bool: "bool"}
    if annotation in names:
        return words[names[annotation]]
    return getattr(annotation, "__name__", str(annotation))


def field_type(field: FieldInfo, lang: str = "en") -> str:
    """The kind of value of a model's field, validators included."""
    annotation = field.annotation
    if field.metadata:
        annotation = typing.Annotated.__class_getitem__((annotation, *field.metadata))  # type: ignore[attr-defined]
    return type_name(annotation, lang)


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel) and arg is not Text:
            found.append(arg)
        elif typing.get_args(arg):
            found += _nested(arg)
    return found


def models(model: type[BaseModel], seen: list[type[BaseModel]]) -> list[type[BaseModel]]:
    """`model` and every model its fields hold, in order of first use (added to `seen`)."""
    if model in seen:
        return seen
    seen.append(model)
    for field in model.model_fields.values():
        for inner in _nested(field.annotation):
            models(inner, seen)
    return seen


def table(model: type[BaseModel], names: Callable[[str], str] | None = None) -> str:
    """A model's fields as a Markdown table; with `names` (a field's Japanese name), the
    editors' guide's table in Japanese."""
    ja = names is not None
    head = (
        "| キー | 名前 | 書くもの | 必須 | 説明 |"
        if ja
        else "| field | type | required | what it is |"
    )
    lines = [f"#### {model.__name__}", "", description(model.__doc__, "ja" if ja else "en"), ""]
    lines.append(head)
    lines.append("|---|---|---|---|---|" if ja else "|---|---|---|---|")
    for name, field in model.model_fields.items():
        required = field.is_required()
        about = description(field.description, "ja" if ja else "en").replace("|", "\\|")
        if names is None:
            cells = [field_type(field), "yes" if required else "no", about]
        else:
            cells = [names(name), field_type(field, "ja"), "必須" if required else "任意", about]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def reference() -> str:
    """The whole format reference: per file, its models and one example."""
    parts = [START, "", "_Generated from the models by `dxsite schema`; do not edit by hand._", ""]
    seen: list[type[BaseModel]] = []
    for rel, model, required in FILES.values():
        new = [m for m in models(model, []) if m not in seen]
        seen += new
        parts += [f"### `{rel}`" + ("" if required else " (optional)"), ""]
        parts += [table(m) + "\n" for m in new]
        example = SCAFFOLD / rel
        if example.is_file():
            parts += [
                "Example:",
                "",
                "```yaml",
                example.read_text(encoding="utf-8").rstrip(),
                "```",
            ]
        parts.append("")
    parts.append(END)
    return "\n".join(parts)


def glossary() -> str:
    """The domain's words in Japanese and English, as the site uses them."""
    lines = [
        GLOSSARY_START,
        "",
        "| 日本語 | English | in the format |",
        "|---|---|---|",
    ]
    groups = [
        (labels.LABELS, ""),
        (labels.STATUS, "status"),
        (labels.ACTION_STATUS, "status"),
        (labels.DIRECTION, "direction"),
        (labels.NATIONAL_PRIORITY, "national_priority"),
        (labels.MILESTONE_KIND, "kind"),
    ]
    for words, field in groups:
        for key, word in words.items():
            if word["ja"] and word["ja"] != "—" and key not in _UI_ONLY:
                code = f"`{field}: {key}`" if field else ""
                lines.append(f"| {word['ja']} | {word['en']} | {code} |")
    lines.append(GLOSSARY_END)
    return "\n".join(lines)


_UI_ONLY = {"switch_to", "language_name", "planned", "none", "details", "pages", "closing"}
_UI_ONLY |= {"no_measures"}
_UI_ONLY |= {"search_words", "search_results", "search_none", "search_loading", "search_needs_js"}


def _replace(content: str, start: str, end: str, block: str) -> str:
    if start not in content or end not in content:
        return content
    before, rest = content.split(start, 1)
    return before + block + rest.split(end, 1)[1]


def update_readme(readme: Path) -> bool:
    """Regenerate the format reference and glossary in README.md; True when it changed."""
    content = readme.read_text(encoding="utf-8")
    updated = _replace(content, START, END, reference())
    updated = _replace(updated, GLOSSARY_START, GLOSSARY_END, glossary())
    if updated == content:
        return False
    readme.write_text(updated, encoding="utf-8")
    return True
