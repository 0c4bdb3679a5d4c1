"""dxsite's own words come from one catalogue, in Japanese and English; Japanese by default."""

from __future__ import annotations

import string
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator import messages
from generator.messages.catalogue import CATALOGUE
from generator.model.project import FILES
from tests.conftest import Run


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_fields(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(messages.LANGS), f"{key} lacks a language"
    fields = {
        lang: {name for _, name, _, _ in string.Formatter().parse(entry[lang]) if name}
        for lang in messages.LANGS
    }
    assert all(entry[lang].strip() for lang in messages.LANGS), f"{key} has an empty text"
    assert fields["ja"] == fields["en"], f"{key}: the languages fill different fields"


def test_japanese_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(messages.ENV, raising=False)
    messages.use(None)
    assert messages.current() == "ja"
    assert messages.say("summary.clean") == "問題は見つかりませんでした。"


def test_dxsite_lang_chooses_english(monkeypatch: pytest.MonkeyPatch) -> None:
    messages.use(None)
    monkeypatch.setenv(messages.ENV, "en")
    assert messages.say("summary.counts", errors=1, warnings=2) == "1 error(s), 2 warning(s)."


def test_check_speaks_japanese_by_default(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(messages.ENV, raising=False)
    (scaffold / "kpis.yaml").write_text(
        (scaffold / "kpis.yaml").read_text(encoding="utf-8").replace("unit:", "unti:", 1),
        encoding="utf-8",
    )
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert ": エラー: " in out
    assert out.rstrip().splitlines()[-1].startswith("エラー ")


def test_lang_option_overrides_the_environment(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(messages.ENV, "ja")
    (scaffold / "kpis.yaml").write_text(
        (scaffold / "kpis.yaml").read_text(encoding="utf-8").replace("unit:", "unti:", 1),
        encoding="utf-8",
    )
    code, out = dxsite("check", "--lang", "en", str(scaffold))
    assert code == 1
    assert ": error: " in out
    assert out.rstrip().splitlines()[-1].endswith("error(s), 0 warning(s).")


def _fields(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[tuple[str, bool]]:
    """Every field name of `model` and the models under it, and whether it holds a list."""
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        pending = [info.annotation]
        while pending:
            annotation = pending.pop()
            if typing.get_origin(annotation) is list:
                yield name, True
            pending += typing.get_args(annotation)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                yield from _fields(annotation, seen)
        yield name, False


def test_every_field_and_list_item_of_the_format_has_a_label_in_both_languages() -> None:
    seen: set[type[BaseModel]] = set()
    names = {pair for _, model, _ in FILES.values() for pair in _fields(model, seen)}
    missing = [
        f"{'item' if is_list else 'field'}.{name}"
        for name, is_list in sorted(names)
        if f"{'item' if is_list else 'field'}.{name}" not in CATALOGUE
    ]
    assert missing == []
