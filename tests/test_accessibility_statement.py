"""The accessibility statement per JIS X 8341-3:2016 Annex JB: what the evidence supports.

The automated run (accessibility.json) and the manual results (accessibility-manual.yaml)
give every success criterion of levels A and AA one result, and the degree of conformance
(準拠 / 一部準拠 / 配慮) follows by the rule the page states.
"""

from __future__ import annotations

import datetime
import json
import posixpath
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import accessibility, jis
from generator.model.accessibility import ManualFile
from generator.render import statement

from .conftest import ROOT, Run, build_as_of, japanese_punctuation_in_english, soup

SAMPLE_EPOCH = "1796000000"


def _report(failing: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """A recorded run over two pages; `failing` maps a page to the rules it broke."""
    failing = failing or {}
    return {
        "date": "2026-11-24",
        "pages": [
            {"url": url, "violations": len(failing.get(url, [])), "rules": failing.get(url, [])}
            for url in ("/", "/en/")
        ],
        "rule_criteria": {
            "image-alt": ["1.1.1"],
            "color-contrast": ["1.4.3"],
            "reflow": ["1.4.10"],
        },
    }


def _manual(results: dict[str, str], plan: bool = False) -> ManualFile:
    data: dict[str, Any] = {
        "tester": "DX推進課",
        "start": "2026-11-16",
        "end": "2026-11-20",
        "criteria": {cid: {"result": result} for cid, result in results.items()},
    }
    if plan:
        data["plan"] = {"ja": "令和9年度に改修します", "en": "We will fix it in FY2027"}
    return ManualFile.model_validate(data, strict=False)


ALL_MET = {c.id: "適合" for c in jis.CRITERIA} | {"1.2.1": "適用なし"}


def test_the_criteria_are_wcag_2_0_a_and_aa_with_their_jis_names() -> None:
    assert len(jis.CRITERIA) == 38 and len(jis.IDS) == 38
    assert sum(c.level == "A" for c in jis.CRITERIA) == 25
    assert "1.4.10" not in jis.IDS and "2.5.8" not in jis.IDS  # WCAG 2.1 / 2.2 only
    names = {c.id: c.ja for c in jis.CRITERIA}
    assert names["2.4.1"] == "ブロックスキップ" and names["3.3.4"].startswith("誤り防止")
    assert jis.criteria_of(["cat.text-alternatives", "wcag2a", "wcag111", "wcag1410"]) == [
        "1.1.1",
        "1.4.10",
    ]


def test_an_automated_violation_makes_a_criterion_not_met_whatever_was_recorded_by_hand() -> None:
    rows = statement.checklist(_report({"/en/": ["color-contrast"]}), _manual(ALL_MET))
    by_id = {r.criterion.id: r for r in rows}
    assert by_id["1.4.3"].result == statement.FAIL and by_id["1.4.3"].failing == ["/en/"]
    assert by_id["1.1.1"].result == statement.PASS and by_id["1.1.1"].rules == ["image-alt"]
    assert by_id["1.2.1"].result == statement.NA
    assert [r.criterion.id for r in rows] == [c.id for c in jis.CRITERIA]  # 1.4.10 is not JIS


def test_without_a_manual_check_no_criterion_is_met_however_clean_the_run() -> None:
    rows = statement.checklist(_report(), None)
    assert {r.result for r in rows} == {statement.UNCHECKED}
    assert statement.degree(rows, _report(), None) == statement.CONSIDERED


@pytest.mark.parametrize(
    ("failing", "results", "plan", "expected"),
    [
        ({}, ALL_MET, False, statement.FULL),
        ({}, ALL_MET | {"2.4.7": "不適合"}, True, statement.PARTIAL),
        ({}, ALL_MET | {"2.4.7": "不適合"}, False, statement.CONSIDERED),  # no plan stated
        ({"/": ["image-alt"]}, ALL_MET, True, statement.PARTIAL),
        ({}, {k: v for k, v in ALL_MET.items() if k != "3.1.2"}, True, statement.CONSIDERED),
    ],
)
def test_the_degree_is_decided_by_the_stated_rule(
    failing: dict[str, list[str]], results: dict[str, str], plan: bool, expected: str
) -> None:
    report, manual = _report(failing), _manual(results, plan)
    rows = statement.checklist(report, manual)
    assert statement.degree(rows, report, manual) == expected
    assert statement.degree(rows, None, manual) == statement.CONSIDERED  # no automated run


MANUAL = """\
tester: {ja: DX推進課, en: DX Office}
start: 2026-11-16
end: 2026-11-20
criteria:
  1.2.1: {result: 適用なし, note: {ja: 映像はありません, en: No video}}
  2.1.1: {result: 適合}
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "ja", "en"),
    [
        (
            "  2.1.1: {result: 適合}",
            "  1.4.10: {result: 適合}",
            6,
            "1.4.10 は JIS",
            "1.4.10: not a",
        ),
        (
            "{result: 適合}",
            "{result: 合格}",
            6,
            "次のどれかを書いてください: 適合, 不適合, 適用なし（文字「合格」が書かれています）",
            'expected one of 適合, 不適合, 適用なし; found text "合格"',
        ),
        ("end: 2026-11-20", "end: 2026-11-10", 3, "終了日（2026-11-10）", "ends (2026-11-10)"),
        ("start: 2026-11-16", "start: 11月16日", 2, "11月16日 は日付", "11月16日 is not a date"),
    ],
)
def test_check_locates_mistakes_in_the_manual_results_in_both_languages(
    scaffold: Path, dxsite: Run, old: str, new: str, line: int, ja: str, en: str
) -> None:
    (scaffold / "accessibility-manual.yaml").write_text(MANUAL.replace(old, new), encoding="utf-8")
    for lang, words in (("ja", ja), ("en", en)):
        code, out = dxsite("check", str(scaffold), "--lang", lang)
        assert code == 1, out
        found = [x for x in out.splitlines() if x.startswith("accessibility-manual.yaml:")]
        assert len(found) == 1 and words in found[0], out
        assert found[0].split(":")[1] == str(line), found


def test_a_valid_manual_file_checks_clean_and_reaches_the_page(
    scaffold: Path, dxsite: Run, tmp_path: Path
) -> None:
    (scaffold / "accessibility-manual.yaml").write_text(MANUAL, encoding="utf-8")
    code, out = dxsite("check", str(scaffold))
    assert "accessibility-manual.yaml" not in out
    code, out = dxsite("build", str(scaffold), "--site-dir", str(tmp_path / "site"))
    assert code == 0, out
    rows = _rows(_article(tmp_path / "site" / "accessibility" / "index.html"))
    assert rows["1.2.1"] == statement.NA and rows["2.1.1"] == statement.PASS
    assert rows["1.1.1"] == statement.UNCHECKED


def _article(path: Path) -> BeautifulSoup:
    article = soup(path).select_one("article")
    assert article is not None
    return article


def _rows(article: BeautifulSoup) -> dict[str, str]:
    return {
        str(tr["data-criterion"]): str(tr["data-result"])
        for tr in article.select("table.dx-checklist tr[data-criterion]")
    }


@pytest.fixture(scope="module")
def arao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan built as on the day of its recorded run (noon in Japan): the yearly
    reports it has depend on the day."""
    report = json.loads((ROOT / accessibility.REPORT).read_text(encoding="utf-8"))
    noon = datetime.datetime.fromisoformat(f"{report['date']}T12:00:00+09:00")
    return build_as_of(
        ROOT, tmp_path_factory.mktemp("statement") / "arao", str(int(noon.timestamp()))
    )


def test_the_shipped_plan_claims_the_jis_as_it_is_and_only_what_was_checked(arao: Path) -> None:
    assert not (ROOT / "accessibility-manual.yaml").exists()  # never invented for Arao
    for lang, prefix in (("ja", ""), ("en", "en/")):
        article = _article(arao / prefix / "accessibility" / "index.html")
        text = article.get_text(" ", strip=True)
        assert "JIS X 8341-3:2016" in text and "WCAG 2.0" in text
        assert "WCAG 2.1 AA" not in text and "WCAG 2.1 level AA)" not in text
        degree = article.select_one(".dx-degree")
        assert degree is not None and degree["data-degree"] == statement.CONSIDERED
        assert ("配慮" if lang == "ja" else "considered") in degree.get_text()
        rows = _rows(article)
        assert list(rows) == [c.id for c in jis.CRITERIA]
        assert set(rows.values()) == {statement.UNCHECKED}  # the run found no violation
        assert ("手動での確認はまだ行っていません" if lang == "ja" else "No manual check") in text


def test_the_tested_pages_are_listed_by_title_with_links_to_both_languages(arao: Path) -> None:
    report = json.loads((ROOT / accessibility.REPORT).read_text(encoding="utf-8"))
    for prefix in ("", "en/"):
        page = arao / prefix / "accessibility" / "index.html"
        table = _article(page).select("table")[-1]
        rows = table.select("tbody tr")
        assert len(rows) * 2 == len(report["pages"])
        for row in rows:
            links = row.select("th a[href]")
            assert len(links) == 2, row.get_text()
            assert not links[0].get_text().startswith("/")
            for link in links:
                target = posixpath.normpath(
                    posixpath.join("/" + prefix + "accessibility/", link["href"])
                )
                path = arao / target.lstrip("/")
                assert path.is_file() or (path / "index.html").is_file(), (prefix, link["href"])


def test_the_shipped_run_covers_exactly_the_pages_the_site_has(arao: Path) -> None:
    """A page recorded but gone (the old /timeline/) or built but never tested is noticed."""
    report = json.loads((ROOT / accessibility.REPORT).read_text(encoding="utf-8"))
    assert [p["url"] for p in report["pages"]] == accessibility.site_pages(arao)
    assert report["rule_criteria"]["color-contrast"] == ["1.4.3"]
    assert report["violations"] == 0


def test_a_recorded_page_the_site_no_longer_has_is_marked_not_linked(
    scaffold: Path, tmp_path: Path, dxsite: Run
) -> None:
    report = _report() | {
        "tool": "axe-core 4.12.1",
        "tags": list(accessibility.TAGS),
        "browser": "Chromium",
        "violations": 0,
    }
    report["pages"].append({"url": "/removed-page/", "violations": 0, "rules": []})
    (scaffold / accessibility.REPORT).write_text(json.dumps(report), encoding="utf-8")
    code, out = dxsite("build", str(scaffold), "--site-dir", str(tmp_path / "site"))
    assert code == 0, out
    table = _article(tmp_path / "site" / "accessibility" / "index.html").select("table")[-1]
    gone = [tr for tr in table.select("tbody tr") if "/removed-page/" in tr.get_text()]
    assert len(gone) == 1 and not gone[0].select("a")
    assert "現在このサイトにないページ" in gone[0].get_text()


def test_the_sample_city_shows_its_manual_results_and_stays_considered(
    tmp_path: Path,
) -> None:
    built = build_as_of(ROOT / "examples" / "sample-city", tmp_path / "city", SAMPLE_EPOCH)
    source = ROOT / "examples" / "sample-city" / "accessibility-manual.yaml"
    manual = ManualFile.model_validate(yaml.safe_load(source.read_text("utf-8")), strict=False)
    for lang, prefix in (("ja", ""), ("en", "en/")):
        article = _article(built / prefix / "accessibility" / "index.html")
        rows = _rows(article)
        assert {k for k, v in rows.items() if v == statement.NA} == set(manual.criteria)
        assert all(v == statement.UNCHECKED for k, v in rows.items() if k not in manual.criteria)
        degree = article.select_one(".dx-degree")
        assert degree is not None and degree["data-degree"] == statement.CONSIDERED
        text = article.get_text(" ", strip=True)
        assert manual.tester.get(lang) in text
        assert ("2026年11月16日" if lang == "ja" else "16 Nov 2026") in text
    english = japanese_punctuation_in_english(built)
    assert "en/accessibility/index.html" not in english, english.get("en/accessibility/index.html")
    marked = _article(built / "en" / "accessibility" / "index.html").select('[lang="ja"]')
    assert any(m.get_text() == "配慮" for m in marked)


def test_a_run_recorded_before_the_rules_were_kept_says_so_instead_of_no_rule(
    scaffold: Path, tmp_path: Path, dxsite: Run
) -> None:
    report = _report() | {"tool": "axe-core 4.10.0", "tags": [], "browser": "Chromium"}
    del report["rule_criteria"]
    (scaffold / accessibility.REPORT).write_text(json.dumps(report | {"violations": 0}), "utf-8")
    code, out = dxsite("build", str(scaffold), "--site-dir", str(tmp_path / "site"))
    assert code == 0, out
    for prefix, words in (("", "ルールとの対応は未記録"), ("en/", "Rules not recorded")):
        article = _article(tmp_path / "site" / prefix / "accessibility" / "index.html")
        cells = [
            tr.select("td")[3].get_text() for tr in article.select("table.dx-checklist tbody tr")
        ]
        assert cells == [words] * 38
