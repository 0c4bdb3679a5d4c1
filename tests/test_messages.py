"""dxsite's own words come from one catalogue, in Japanese and English; Japanese by default."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from generator import messages
from generator.messages.catalogue import CATALOGUE
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
