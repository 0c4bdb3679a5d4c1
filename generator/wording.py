"""Pydantic's findings in the editor's words: which item and field (named, not indexed), what
was expected, and the right word when a Japanese one was written.

「数値目標「企業所得」の目標値（1件目）: 数値を書いてください。…」 instead of
kpis[2].targets[1].value; the machine path stays in the finding (`Diagnostic.loc`).
"""

from __future__ import annotations

import difflib
import enum
import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .diagnostics import Diagnostic, Severity, did_you_mean
from .load import Document, Loc, machine_path
from .messages import current, say
from .messages.catalogue import CATALOGUE
from .model.fiscal import ERAS
from .model.text import Text
from .numbers import correction
from .render import labels

_NAMING = ("name", "title", "label", "id")
"""The fields that name a list item, first found first."""
_VALUE_OF = {"targets", "actuals", "baseline"}
"""Items whose `value` is the item itself: 目標値（1件目）, not 目標値（1件目）の値."""
_ENUM_WORDS = (
    labels.STATUS,
    labels.ACTION_STATUS,
    labels.DIRECTION,
    labels.NATIONAL_PRIORITY,
    labels.MILESTONE_KIND,
    labels.SUBMIT_METHOD,
)
_SYNONYMS = {"増加": "increase", "減少": "decrease", "維持": "maintain", "実施済み": "done"}
"""Words editors write for a value that the glossary words differently."""
_WAREKI = re.compile(r"^(令和|平成|昭和|[RHS])(元|[0-9０-９]{1,2})年(\d{1,2})月(?:(\d{1,2})日)?$")


def label(name: str, *, item: bool = False) -> str:
    """The editors' word for the field `name` (or one item of the list `name`)."""
    key = f"{'item' if item else 'field'}.{name}"
    return say(key) if key in CATALOGUE else name


def _name_of(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    for key in _NAMING:
        named = value.get(key)
        if isinstance(named, dict):
            named = named.get(current()) or named.get("ja")
        if isinstance(named, str) and named.strip():
            return named.strip()
    return None


def _id_of(value: Any) -> str | None:
    ident = value.get("id") if isinstance(value, dict) else None
    return ident.strip() if isinstance(ident, str) and ident.strip() else None


def where(loc: Loc, data: Any, *, ids: bool = False) -> str:
    """The item and field at `loc` in the editor's words (数値目標「企業所得」の目標値（1件目）);
    with `ids`, a named item's id beside its name (施策「…」（id: m1）)."""
    parts: list[str] = []
    value = data
    for n, part in enumerate(loc):
        value = _step(value, part)
        if isinstance(part, int):
            continue
        nxt = loc[n + 1] if n + 1 < len(loc) else None
        if isinstance(nxt, int):
            item = _step(value, nxt)
            named = _name_of(item)
            ident = _id_of(item) if ids and loc[n + 2 : n + 3] != ("id",) else None
            key = "where.named" if named else "where.nth"
            if named and ident and ident != named:
                key = "where.named_id"
            if (
                named
            ):  # a named item says enough: 取組「…」, not 基本戦略「…」の施策「…」の取組「…」
                parts.clear()
            parts.append(say(key, label=label(part, item=True), name=named, n=nxt + 1, id=ident))
        elif part == "value" and n > 0 and _field_before(loc, n) in _VALUE_OF:
            continue
        else:
            parts.append(label(part))
    return say("where.join").join(parts) if parts else say("where.file")


def _field_before(loc: Loc, n: int) -> str:
    return next((str(p) for p in reversed(loc[:n]) if isinstance(p, str)), "")


def _step(value: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return value[part] if isinstance(value, list) and part < len(value) else None
    return value.get(part) if isinstance(value, dict) else None


def describe(value: Any) -> str:
    """What the editor wrote, in words: 文字「…」, 数値 5, 空の値 …"""
    if isinstance(value, bool):
        return say("found.true" if value else "found.false")
    if isinstance(value, str):
        return say("found.text", value=value) if value else say("found.empty_text")
    if isinstance(value, int | float):
        return say("found.number", value=value)
    if value is None:
        return say("found.nothing")
    return say("found.list" if isinstance(value, list) else "found.map")


def _unwrap(annotation: Any, index: bool) -> Any:
    """The model type reached by one step into `annotation` (a list item when `index`)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0], index)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0], index) if len(args) == 1 else annotation
    if index and origin is list:
        return typing.get_args(annotation)[0]
    return annotation


def model_at(model: type[BaseModel], loc: Loc) -> Any:
    """The annotation of the value at `loc` in `model` (None when not found)."""
    current_type: Any = model
    for part in loc:
        current_type = _unwrap(current_type, isinstance(part, int))
        if isinstance(part, int):
            continue
        if not (isinstance(current_type, type) and issubclass(current_type, BaseModel)):
            return None
        found = current_type.model_fields.get(part)
        if found is None:
            return None
        current_type = found.annotation
    return _unwrap(current_type, False)


def _word_for(found: str, words: dict[str, str]) -> str:
    """「"単位" は "unit" と書きます」 when `found` is the editors' word for one of `words`."""
    word = words.get(found.strip())
    return say("check.japanese_word", found=found, word=word) if word else ""


def _field_words(fields: list[str]) -> dict[str, str]:
    words: dict[str, str] = {}
    for name in fields:
        for key in (f"field.{name}", f"item.{name}"):
            if key in CATALOGUE:
                words.setdefault(CATALOGUE[key]["ja"], name)
    return words


def _choice_words(choices: list[str]) -> dict[str, str]:
    words = {ja: value for ja, value in _SYNONYMS.items() if value in choices}
    for table in _ENUM_WORDS:
        for value, word in table.items():
            if value in choices:
                words.update({word["ja"]: value, word["en"]: value, word["en"].lower(): value})
    return words


def _raw(doc: Document, loc: Loc) -> str:
    """The value at `loc` as written in the source (0954680140, not the number it became)."""
    line, col = doc.locate(loc)
    lines = doc.source.splitlines()
    text = lines[line - 1][col - 1 :] if line <= len(lines) else ""
    match = re.match(r"[^\s,\]}#]+", text)
    return match.group() if match else ""


def iso_date(text: str) -> str | None:
    """令和4年3月28日 as 2022-03-28 (a month alone as 2022-03), or None when not a 和暦 date."""
    match = _WAREKI.match(
        text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    )
    if not match:
        return None
    era = next(e for e in ERAS if match.group(1) in (e.name, e.letter))
    year = era.first + (1 if match.group(2) == "元" else int(match.group(2))) - 1
    month, day = int(match.group(3)), match.group(4)
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def expected(error: ErrorDetails, doc: Document, model: type[BaseModel]) -> str:
    """The 'expected X, found Y' part of the message for one Pydantic error."""
    kind, value, loc = error["type"], error.get("input"), tuple(error["loc"])
    found = describe(value)
    if kind in ("float_type", "int_type", "int_from_float", "float_parsing", "int_parsing"):
        if isinstance(value, str):
            return say("expected.number_text", hint=correction(value))
        return say(
            "expected.whole_number" if kind.startswith("int") else "expected.number", found=found
        )
    if kind == "string_type":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return say("expected.quote", raw=_raw(doc, loc) or value)
        return say("expected.text", found=found)
    if kind == "bool_type":
        return say("expected.bool", found=found)
    if kind == "list_type":
        return say("expected.list", found=found)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        text = model_at(model, loc) is Text
        return say("expected.text_map" if text else "expected.map", found=found)
    if kind in ("enum", "literal_error"):
        annotation = model_at(model, loc)
        members: list[Any] = list(annotation) if isinstance(annotation, enum.EnumMeta) else []
        choices = [str(m.value) for m in members] or re.findall(
            r"'([^']*)'", str((error.get("ctx") or {}).get("expected", ""))
        )
        near = ""
        if isinstance(value, str):
            near = _word_for(value, _choice_words(choices)) or did_you_mean(value, choices)
        return say("expected.choice", choices=", ".join(choices), found=found, near=near)
    if kind == "finite_number":
        return say("expected.finite", value=value)
    if kind == "too_short":
        minimum = (error.get("ctx") or {}).get("min_length", 1)
        return say("expected.items", minimum=minimum)
    if kind in ("value_error", "assertion_error"):
        message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        iso = iso_date(value) if isinstance(value, str) else None
        return message + (say("expected.iso_date", iso=iso) if iso else "")
    return say("expected.other", problem=error["msg"], found=found)


def _meant(error: ErrorDetails, model: type[BaseModel]) -> str | None:
    """The field an unknown key most likely stands for (unti → unit, 単位 → unit), or None."""
    loc = tuple(error["loc"])
    parent = model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if _is_model(parent) else []
    name = str(loc[-1])
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return _field_words(allowed).get(name.strip()) or (close[0] if close else None)


def without_echoes(errors: list[ErrorDetails], model: type[BaseModel]) -> list[ErrorDetails]:
    """`errors` less "X is missing" where an unknown key beside it stands for X: one mistake,
    one finding."""
    meant = {
        (tuple(e["loc"][:-1]), _meant(e, model)) for e in errors if e["type"] == "extra_forbidden"
    }
    return [
        e
        for e in errors
        if e["type"] != "missing" or (tuple(e["loc"][:-1]), str(e["loc"][-1])) not in meant
    ]


def explain(error: ErrorDetails, doc: Document, model: type[BaseModel]) -> Diagnostic:
    """One Pydantic error as a located finding in the editor's words."""
    loc = tuple(error["loc"])
    kind = error["type"]
    path = machine_path(loc)
    if kind == "extra_forbidden":
        name, parent = str(loc[-1]), model_at(model, loc[:-1])
        allowed = list(parent.model_fields) if _is_model(parent) else []
        near = _word_for(name, _field_words(allowed)) or did_you_mean(name, allowed)
        line, col = doc.locate(loc, key=True)
        if parent is Text and error.get("input") is None and not near:
            message = say("yaml.comma_in_text", name=name)
            return Diagnostic(doc.path, line, col, Severity.ERROR, message, "yaml", path)
        message = say(
            "check.unknown_field",
            where=where(loc[:-1], doc.data),
            name=name,
            near=near,
            allowed=", ".join(allowed),
        )
        return Diagnostic(doc.path, line, col, Severity.ERROR, message, "unknown-field", path)
    if kind == "missing":
        name = str(loc[-1])
        message = say(
            "check.missing_field", where=where(loc[:-1], doc.data), name=name, label=label(name)
        )
        line, col = doc.locate(loc[:-1])
        return Diagnostic(doc.path, line, col, Severity.ERROR, message, "missing-field", path)
    line, col = doc.locate(loc)
    message = say("check.type", where=where(loc, doc.data), problem=expected(error, doc, model))
    return Diagnostic(doc.path, line, col, Severity.ERROR, message, "type", path)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
