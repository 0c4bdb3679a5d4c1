"""Folded text: YAML's line folding joins Japanese lines without a space, Latin words with one."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.history import _fast
from generator.load import _compose, _Loader, load_text
from generator.validate import validate

from .conftest import EXAMPLES


def loaded(text: str) -> dict[str, object]:
    """The data as dxsite reads it, by both of its parsers (libyaml first, pure Python)."""
    doc, problems = load_text(text, "x.yaml")
    assert doc is not None and not problems
    slow, _, _ = _compose(_Loader(text), text, "x.yaml")
    assert slow is not None and slow.data == doc.data
    assert _fast(text) == doc.data, "the history reads past versions the same way"
    data: dict[str, object] = doc.data
    return data


def test_a_folded_japanese_sentence_has_no_space_where_the_line_broke() -> None:
    text = "a: >-\n  本市の人口は\n  減少しています。\n"
    assert loaded(text) == {"a": "本市の人口は減少しています。"}


def test_latin_words_and_digits_keep_the_space_of_the_line_break() -> None:
    text = "a: >-\n  Digital\n  Agency の\n  2023\n  年度\n  計画\n"
    assert loaded(text) == {"a": "Digital Agency の 2023 年度計画"}


def test_japanese_punctuation_and_full_width_forms_join_without_a_space() -> None:
    text = "a: >-\n  取組（案）、\n  「市民サービス」\n  ＤＸ推進\n"
    assert loaded(text) == {"a": "取組（案）、「市民サービス」ＤＸ推進"}


def test_a_blank_line_still_starts_a_new_line_and_chomping_is_kept() -> None:
    text = "a: >\n  第一\n  段落\n\n  第二\n  段落\nb: >+\n  末尾\n  まで\n\n"
    assert loaded(text) == {"a": "第一段落\n第二段落\n", "b": "末尾まで\n\n"}


def test_more_indented_lines_keep_their_line_breaks() -> None:
    text = "a: >\n  一覧\n    項目一\n    項目二\n  以上\n"
    assert loaded(text) == {"a": "一覧\n  項目一\n  項目二\n以上\n"}


def test_plain_text_over_several_lines_folds_the_same_way() -> None:
    text = "a: 本市の\n  計画 and\n  plan\nb: {ja: 日本\n    語, en: Japanese}\n"
    assert loaded(text) == {"a": "本市の計画 and plan", "b": {"ja": "日本語", "en": "Japanese"}}


def test_literal_and_quoted_text_is_left_as_yaml_reads_it() -> None:
    text = 'a: |\n  日本\n  語\nb: "日本\n  語"\nc: >2\n   日本\n   語\n'
    assert loaded(text) == yaml.safe_load(text)


def test_korean_keeps_its_spaces() -> None:
    assert loaded("a: >-\n  한국어\n  문장\n") == {"a": "한국어 문장"}


@given(
    words=st.lists(
        st.sampled_from(["本市", "の", "計画", "です。", "「DX」", "デジタル", "推進", "、"]),
        min_size=1,
        max_size=12,
    ),
    cuts=st.lists(st.booleans(), min_size=12, max_size=12),
    style=st.sampled_from([">-", ">", ""]),
)
def test_a_japanese_paragraph_reads_the_same_wherever_its_lines_are_broken(
    words: list[str], cuts: list[bool], style: str
) -> None:
    lines, line = [], ""
    for word, cut in zip(words, cuts, strict=False):
        line += word
        if cut:
            lines.append(line)
            line = ""
    lines = [*lines, line] if line else lines
    paragraph = "".join(words)
    if style:
        text = f"a: {style}\n" + "".join(f"  {part}\n" for part in lines)
        expected = paragraph + ("\n" if style == ">" else "")
    else:
        text = "a: " + "\n  ".join(lines) + "\n"
        expected = paragraph
    assert loaded(text) == {"a": expected}


def test_the_matsue_example_has_no_stray_spaces_in_its_japanese_sentences() -> None:
    matsue = next(p for p in EXAMPLES if p.name == "matsue")
    project = validate(Path(matsue)).project
    assert project is not None
    duties = [d.ja for b in project.governance.bodies for d in b.duties]
    assert any("について、何が課題なのか" in d for d in duties)
    assert not any(" " in d for d in duties)
