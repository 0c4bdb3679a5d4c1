"""The rows of KPIs and actions (render/rows.py) are written as the Jinja macros wrote them.

The expected rows below are the sample city's pages as the macros rendered them, byte for
byte (SOURCE_DATE_EPOCH=1796083200, no git history): a difference in escaping, spacing or a
cell's label shows here before it shows on a phone or in a screen reader.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.cards import label_cells
from generator.render.pages import Rendered, render_language
from generator.tracking import Tracking
from generator.validate import validate

from .conftest import EXAMPLES, copy_project

SAMPLE_CITY = next(p for p in EXAMPLES if p.name == "sample-city")
EPOCH = "1796083200"
_LABEL = re.compile(r' data-label="[^"]*"')


def _pages(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Rendered]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = validate(root)
    assert not result.failed()
    tracking = Tracking.now(result.project)
    return {lang: render_language(tracking, lang) for lang in ("ja", "en")}


@pytest.fixture(scope="module")
def sample_city() -> dict[str, Rendered]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _pages(SAMPLE_CITY, monkeypatch)


def _row(page: str, start: str) -> str:
    """The table row of `page` that starts with `start`."""
    found = re.search(re.escape(start) + r".*?</tr>", page)
    assert found is not None, start
    return found.group(0)


def test_an_action_row_shows_its_owner_schedule_status_and_history(
    sample_city: dict[str, Rendered],
) -> None:
    page = sample_city["ja"].pages["strategies/kurashi.md"]
    assert _row(page, '<tr id="online-forms">') == (
        '<tr id="online-forms"><th scope="row">オンライン申請の拡充</th>'
        '<td data-label="担当">市民課</td>'
        '<td data-label="実施時期" class="dx-schedule">'
        "令和4年度（2022年度）〜令和6年度（2024年度）</td>"
        '<td data-label="状況" class="dx-action__status" data-status="done">'
        '<span class="dx-astatus dx-astatus--done">完了</span> '
        '<span class="dx-year">令和6年度（2024年度）</span><details class="dx-action__history">'
        "<summary>年度別の状況</summary><ul><li>令和4年度（2022年度）: 実施中</li>"
        "<li>令和5年度（2023年度）: 実施中</li>"
        "<li>令和6年度（2024年度）: 完了 — 100手続をオンライン化</li>"
        "</ul></details></td></tr>"
    )


def test_a_kpi_row_shows_its_baseline_latest_target_progress_and_grade(
    sample_city: dict[str, Rendered],
) -> None:
    page = sample_city["ja"].pages["kpis/index.md"]
    assert _row(page, '<tr><th scope="row"><a href="waiting-time/">') == (
        '<tr><th scope="row"><a href="waiting-time/">窓口の平均待ち時間</a></th>'
        '<td data-label="基準値">30分<br><span class="dx-year">令和3年度（2021年度）</span></td>'
        '<td data-label="最新の実績値">13分<br>'
        '<span class="dx-year">令和7年度（2025年度）</span></td>'
        '<td data-label="目標値">10分<br><span class="dx-year">令和8年度（2026年度）</span></td>'
        '<td data-label="進捗率">85%</td><td data-label="評価"><a class="dx-grade '
        'dx-grade--on-track" href="../methodology/#grade-on-track"><span aria-hidden="true">○'
        "</span> 順調</a></td></tr>"
    )


def test_a_yearly_report_lists_each_kpi_action_and_change_of_the_year(
    sample_city: dict[str, Rendered],
) -> None:
    page = sample_city["ja"].pages["reports/2025.md"]
    assert _row(page, '<tr data-kpi="online-rate"') == (
        '<tr data-kpi="online-rate" data-grade="achieved" data-previous="on-track">'
        '<th scope="row"><a href="../../kpis/online-rate/">行政手続のオンライン化率</a></th>'
        '<td data-label="当該年度の実績値">100%</td>'
        '<td data-label="最終目標値">100% <span class="dx-year">令和7年度（2025年度）</span></td>'
        '<td data-label="評価"><a class="dx-grade dx-grade--achieved" '
        'href="../../methodology/#grade-achieved"><span aria-hidden="true">◎</span> 達成</a></td>'
        '<td data-label="前年度の評価">順調</td></tr>'
    )
    assert _row(page, '<tr data-action="online-forms"') == (
        '<tr data-action="online-forms" data-status="done"><th scope="row">'
        '<a href="../../strategies/kurashi/#online-forms">オンライン申請の拡充</a></th>'
        '<td data-label="担当">市民課</td>'
        '<td data-label="実施時期">令和4年度（2022年度）〜令和6年度（2024年度）</td>'
        '<td data-label="状況" class="dx-astatus dx-astatus--done">'
        '完了（令和6年度（2024年度）の記録）</td><td data-label="コメント"></td></tr>'
    )
    assert (
        '<li data-kpi="waiting-time"><a href="../../kpis/waiting-time/">窓口の平均待ち時間</a>: '
        "遅れ → 順調</li>"
    ) in page


def test_the_attention_page_lists_overdue_actions_and_unreported_kpis(
    sample_city: dict[str, Rendered],
) -> None:
    page = sample_city["ja"].pages["attention.md"]
    assert _row(page, '<tr data-action="cashless"') == (
        '<tr data-action="cashless"><th scope="row"><a href="../strategies/kurashi/#cashless">'
        "窓口のキャッシュレス決済</a></th>"
        '<td data-label="基本戦略">暮らしのDX / 行政手続のオンライン化</td>'
        '<td data-label="終了年度">令和6年度（2024年度）</td>'
        '<td data-label="現在の状況">延期</td></tr>'
    )
    assert _row(page, '<tr data-kpi="rpa-hours"') == (
        '<tr data-kpi="rpa-hours"><th scope="row"><a href="../kpis/rpa-hours/">RPAによる削減時間'
        '</a></th><td data-label="基本戦略">業務の効率化</td>'
        '<td data-label="未報告の年度">令和5年度（2023年度）</td>'
        '<td data-label="最新の実績値">800時間 <span class="dx-year">令和4年度（2022年度）</span>'
        "</td></tr>"
    )


def test_rows_label_their_cells_as_the_card_layout_labels_a_table(
    sample_city: dict[str, Rendered],
) -> None:
    for rendered in sample_city.values():
        for path, page in rendered.pages.items():
            assert label_cells(_LABEL.sub("", page)) == page, path


def test_editor_text_in_a_row_is_escaped_as_the_templates_escape_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(SAMPLE_CITY, tmp_path / "city")
    strategies = root / "plan" / "strategies.yaml"
    source = strategies.read_text(encoding="utf-8")
    for old, new in (
        ("{ja: オンライン申請の拡充, en: Expanding online applications}", "'<b>\"A\" & ''B''</b>'"),
        ("{ja: 行政手続のオンライン化, en: Online procedures}", "'<i>\"M\" & ''N''</i>'"),
    ):
        assert old in source
        source = source.replace(old, new)
    strategies.write_text(source, encoding="utf-8")
    rendered = _pages(root, monkeypatch)
    page = rendered["en"].pages["strategies/kurashi.md"]
    name = "&lt;b&gt;&quot;A&quot; &amp; &#x27;B&#x27;&lt;/b&gt;"
    assert f'<tr id="online-forms"><th scope="row">{name}</th>' in page
    assert 'aria-label="Actions: &lt;i&gt;&#34;M&#34; &amp; &#39;N&#39;&lt;/i&gt;"' in page
    report = rendered["en"].pages["reports/2025.md"]
    assert f'#online-forms">{name}</a>' in report
