"""Japanese text gets <wbr> between its phrases; markup, SVG and English stay as they were."""

from __future__ import annotations

from generator.phrases import break_phrases


def page(article: str) -> str:
    head = "<html><head><title>指標の一覧</title></head><body><nav>数値目標</nav>"
    return f'{head}<article class="md-content__inner">{article}</article></body></html>'


def test_phrases_of_japanese_text_are_separated_by_wbr() -> None:
    done = break_phrases(page("<td>マイナンバーカードの普及・利活用促進</td>"))
    assert "<td>マイナンバーカードの<wbr>普及・利活用促進</td>" in done


def test_words_stay_whole_and_entities_stay_escaped() -> None:
    done = break_phrases(page('<p class="a&amp;b">未測定 &lt;実施中&gt; &amp; 基準値</p>'))
    assert '<p class="a&amp;b">' in done
    for word in ("未測定", "実施中", "基準値"):
        assert word in done  # not split by a <wbr>
    assert "&lt;" in done and "&amp; " in done and "<実施中>" not in done


def test_outside_the_article_svg_and_english_are_left_alone() -> None:
    svg = '<svg viewBox="0 0 1 1"><text>マイナンバーカードの普及</text></svg>'
    done = break_phrases(page(f"{svg}<p>Expanding online applications</p>"))
    assert svg in done and "<p>Expanding online applications</p>" in done
    assert "<title>指標の一覧</title>" in done and "<nav>数値目標</nav>" in done
