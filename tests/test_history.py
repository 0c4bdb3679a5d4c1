"""Change history from git: a test repository whose kpis.yaml changes in three commits."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import feedparser
import pytest

from generator import history
from generator.history import History, Kind

from .conftest import ROOT, build_at, copy_project, soup

EPOCH = "1796000000"
SAMPLE = ROOT / "examples/sample-city"
COMMITS = [
    ("2025-06-01T10:00:00+09:00", "      - {year: 令和6年度, value: 78.9}\n", "", "add FY2024"),
    (
        "2025-07-15T10:00:00+09:00",
        "      - {year: 令和6年度, value: 78.9}\n",
        "      - {year: R6, value: 79.4}\n",
        "correct FY2024",
    ),
    ("2025-09-30T10:00:00+09:00", "      - {year: 令和7年度, value: 100}\n", "", "drop FY2025"),
]
"""(date, line, replacement, message): each commit edits the online-rate KPI's actuals."""
EXPECTED = {
    "ja": [
        "2025-09-30 令和7年度（2025年度）の実績値 100% を削除",
        "2025-07-15 令和6年度（2024年度）の実績値を 78.9% から 79.4% に変更",
        "2025-06-01 令和6年度（2024年度）の実績値 78.9% を追加",
    ],
    "en": [
        "2025-09-30 FY2025 actual 100% removed",
        "2025-07-15 FY2024 actual changed from 78.9% to 79.4%",
        "2025-06-01 FY2024 actual 78.9% added",
    ],
}


def git(project: Path, *args: str, date: str = "2025-04-01T10:00:00+09:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)


def commit_all(project: Path, message: str, date: str) -> None:
    git(project, "add", "-A", date=date)
    git(project, "commit", "-qm", message, date=date)


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample city in a git repository: one first commit, then the three COMMITS."""
    project = copy_project(SAMPLE, tmp_path / "city")
    kpis = project / "kpis.yaml"
    # The FY2024 actual is added by the first of COMMITS.
    edit(kpis, "      - {year: 令和6年度, value: 78.9}\n", "")
    git(project, "init", "-q")
    commit_all(project, "start", "2025-04-01T10:00:00+09:00")
    for date, old, new, message in COMMITS:
        if message == "add FY2024":
            fy2025 = "      - {year: 令和7年度, value: 100}\n"
            edit(kpis, fy2025, old + fy2025)
        else:
            edit(kpis, old, new)
        commit_all(project, message, date)
    return project


def build(project: Path) -> Path:
    return build_at(project, EPOCH)


def test_history_reads_the_changes_of_each_kpi_in_one_git_log(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    run = subprocess.run

    def counting(command: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(list(command))
        return run(command, *args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", counting)
    found = History.read(repo)
    logs = [c for c in calls if "log" in c]
    assert len(logs) == 1
    assert len([c for c in calls if "cat-file" in c]) == 1
    changes = found.of("online-rate", history.KPI_KINDS)
    assert [(c.date, c.kind, c.year) for c in changes] == [
        ("2025-09-30", Kind.ACTUAL_REMOVED, 2025),
        ("2025-07-15", Kind.ACTUAL_CHANGED, 2024),
        ("2025-06-01", Kind.ACTUAL_ADDED, 2024),
    ]
    assert [f"{c.date} {c.words['ja']}" for c in changes] == EXPECTED["ja"]
    assert [f"{c.date} {c.words['en']}" for c in changes] == EXPECTED["en"]
    assert found.data_as_of("online-rate") == "2025-09-30"
    assert found.data_as_of("card-rate") == "2025-04-01"
    assert found.last_changed(("kpis.yaml",)) == "2025-09-30"
    assert found.last_changed(("plan/plan.yaml",)) == "2025-04-01"
    assert found.last_changed(("plan/nothing.yaml",)) is None
    assert not found.of("card-rate", history.KPI_KINDS)


def test_each_kpi_page_lists_its_changes_newest_first_in_both_languages(repo: Path) -> None:
    site = build(repo)
    for lang, prefix in (("ja", ""), ("en", "en/")):
        page = soup(site / prefix / "kpis/online-rate/index.html")
        items = page.select("ul.dx-history li")
        shown = {
            "ja": {
                "2025-09-30": "2025年9月30日",
                "2025-07-15": "2025年7月15日",
                "2025-06-01": "2025年6月1日",
            },
            "en": {
                "2025-09-30": "30 Sep 2025",
                "2025-07-15": "15 Jul 2025",
                "2025-06-01": "1 Jun 2025",
            },
        }[lang]
        expected = [shown[e[:10]] + e[10:] for e in EXPECTED[lang]]
        assert [" ".join(li.get_text().split()) for li in items] == expected
        assert [li.time["datetime"] for li in items if li.time] == [
            "2025-09-30",
            "2025-07-15",
            "2025-06-01",
        ]
        asof = page.select_one(".dx-data-asof time")
        assert asof is not None and asof["datetime"] == "2025-09-30"
        assert page.select_one("#data-history") is not None
        unchanged = soup(site / prefix / "kpis/card-rate/index.html")
        assert not unchanged.select("ul.dx-history")
        updated = unchanged.select_one(".dx-updated time")
        assert updated is not None and updated["datetime"] == "2025-09-30"
        assert asof.get_text() == updated.get_text() == shown["2025-09-30"]  # one date style


def test_action_status_changes_show_in_the_action_history(repo: Path) -> None:
    edit(
        repo / "plan/strategies.yaml",
        "- {year: 令和4年度, status: in-progress}",
        "- {year: 令和4年度, status: postponed, note: {ja: 調達の遅れ, en: Late procurement}}",
    )
    commit_all(repo, "postpone", "2025-10-01T10:00:00+09:00")
    changes = [c for c in History.read(repo).changes if c.kind in history.ACTION_KINDS]
    assert [(c.date, c.kind, c.year) for c in changes] == [
        ("2025-10-01", Kind.STATUS_CHANGED, 2022)
    ]
    assert changes[0].words == {
        "ja": "令和4年度（2022年度）の状況を「実施中」から「延期」に変更（調達の遅れ）",
        "en": "FY2022 status changed from In progress to Postponed (Late procurement)",
    }
    site = build(repo)
    for prefix in ("", "en/"):
        pages = sorted((site / prefix / "strategies").glob("*/index.html"))
        found = [li for p in pages for li in soup(p).select(".dx-action__history ul.dx-history li")]
        assert [li.get("id") for li in found] == [changes[0].anchor]


BASE = "https://example.github.io/sample-city/"
"""The sample city's site_url."""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_atom_feed_of_each_language_lists_the_changes_newest_first(
    repo: Path, lang: str
) -> None:
    site = build(repo)
    prefix = "" if lang == "ja" else "en/"
    parsed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    name = "行政手続のオンライン化率" if lang == "ja" else "Share of procedures available online"
    separator = "：" if lang == "ja" else ": "
    # The removal of an actual is not news; the addition and the correction are.
    wanted = EXPECTED[lang][1:]
    entries = parsed.entries
    assert [e.title for e in entries] == [name + separator + w.split(" ", 1)[1] for w in wanted]
    assert [e.updated for e in entries] == [
        "2025-07-15T10:00:00+09:00",
        "2025-06-01T10:00:00+09:00",
    ]
    assert parsed.feed.updated == entries[0].updated
    page = f"{BASE}{prefix}kpis/online-rate/"
    assert all(e.link.startswith(page + "#change-online-rate-") for e in entries)
    assert len({e.id for e in entries}) == 2 and all(e.id.startswith(page) for e in entries)
    assert parsed.feed.id == f"{BASE}{prefix}feed.xml"
    self_link = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_link == [f"{BASE}{prefix}feed.xml"]
    kpi_page = soup(site / prefix / "kpis/online-rate/index.html")
    for entry in entries:
        assert kpi_page.find(id=entry.link.split("#")[1]) is not None
    head = kpi_page.select_one('link[type="application/atom+xml"]')
    assert head is not None and head["href"] == "../../feed.xml"
    assert head["rel"] == ["alternate", "feed"]
    visible = kpi_page.select_one(".dx-history__feed a")
    assert visible is not None and visible["href"] == "../../feed.xml"


def test_the_feed_announces_statuses_evaluations_and_revisions_without_a_site_url(
    repo: Path,
) -> None:
    (repo / "mkdocs.yml").write_text(
        (repo / "mkdocs.yml").read_text(encoding="utf-8").replace("site_url:", "# site_url:"),
        encoding="utf-8",
    )
    edit(
        repo / "plan/strategies.yaml",
        "- {year: 令和4年度, status: in-progress}",
        "- {year: 令和4年度, status: done}",
    )
    evaluations = repo / "plan/evaluations.yaml"
    evaluations.write_text(
        evaluations.read_text(encoding="utf-8")
        + "  - year: 令和7年度\n    by: {ja: DX推進本部 <&>, en: DX headquarters <&>}\n"
        + "    summary: {ja: 順調, en: On track}\n",
        encoding="utf-8",
    )
    plan = repo / "plan/plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + 'revisions:\n  - {version: "1.1", summary: {ja: 令和7年度の見直し, en: FY2025 review}}\n',
        encoding="utf-8",
    )
    commit_all(repo, "news", "2025-11-01T09:00:00+09:00")
    site = build(repo)
    parsed = feedparser.parse((site / "en/feed.xml").read_bytes())
    assert not parsed.bozo
    news = [e for e in parsed.entries if e.updated.startswith("2025-11-01")]
    assert sorted(e.title for e in news) == sorted(
        [
            "FY2025 evaluation by DX headquarters <&> added",
            "Expanding online applications: FY2022 status changed from In progress to Done",
            "Version 1.1 added: FY2025 review",
        ]
    ), [e.title for e in news]
    links = {e.title.split(" ")[0]: e.link for e in news}
    assert links["Version"] == "revisions/"
    assert links["FY2025"] == "reports/2025/"
    assert links["Expanding"].startswith("strategies/kurashi/#change-online-forms-")
    assert all(e.id.startswith("urn:uuid:") for e in parsed.entries)
    assert not [link for link in parsed.feed.links if link.rel == "self"]
    assert "&lt;&amp;&gt;" in (site / "en/feed.xml").read_text(encoding="utf-8")


def test_a_checkout_without_git_history_builds_without_history_sections(repo: Path) -> None:
    shutil.rmtree(repo / ".git")
    assert History.read(repo) == History()
    site = build(repo)
    for prefix in ("", "en/"):
        page = soup(site / prefix / "kpis/online-rate/index.html")
        assert not page.select("ul.dx-history") and not page.select(".dx-data-asof")
        assert not page.select(".dx-updated")
        assert not page.select('link[type="application/atom+xml"]')
        assert not (site / prefix / "feed.xml").exists()


def test_a_shallow_clone_or_unparsable_versions_give_no_traceback(
    repo: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert History.read(clone) == History()
    (repo / "kpis.yaml").write_text("kpis: [\n  - {id: broken\n", encoding="utf-8")
    commit_all(repo, "broken", "2025-10-02T10:00:00+09:00")
    (repo / "kpis.yaml").write_text("\xff not yaml: [", encoding="latin-1")
    commit_all(repo, "binary", "2025-10-03T10:00:00+09:00")
    (repo / "kpis.yaml").write_text("- just a list\n", encoding="utf-8")
    commit_all(repo, "list", "2025-10-04T10:00:00+09:00")
    found = History.read(repo)
    assert len(found.of("online-rate", history.KPI_KINDS)) == 3
    assert found.last_changed(("kpis.yaml",)) == "2025-10-04"


@pytest.mark.parametrize(
    "text",
    [
        "kpis:\n- id: a\n  name: x\n# c\n- id: b\ngrades: []\n",
        "kpis:\n  - id: a\n    t: |\n      - not an item\n  -\n    id: b\nother: 1\n",
        "kpis:  # c\n  # lead\n  - {id: a}\n  - id: b\n    x: [1,\n      2]\n",
        "x: &a {id: q}\nkpis:\n  - *a\n",
        "kpis:\n  - id: a\n  - id: b\nkpis: []\n",
        "kpis:\n  - id: a\n---\nkpis: []\n",
        "kpis: [{id: a}]\n",
        "kpis:\n  a: 1\n",
        *[(root / "kpis.yaml").read_text(encoding="utf-8") for root in (ROOT, SAMPLE)],
    ],
)
def test_a_version_read_item_by_item_reads_as_the_whole_file(text: str) -> None:
    whole = history._load(text, "kpis.yaml")
    cache: dict[str, Any] = {}
    for _ in range(2):  # the second time from the cache
        found = history._parse(text.encode(), "kpis.yaml", "kpis", cache)
        if not isinstance(whole, dict):
            assert found is None
        else:
            assert found is not None and (found.get("kpis") or None) == (whole.get("kpis") or None)
