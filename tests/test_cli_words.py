"""What `dxsite new`, `schema`, `check` and `accessibility` print comes from the catalogue: in
Japanese (--lang ja) no line is an English sentence, and in English the same lines are English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import accessibility, messages
from generator.accessibility import PageResult, Report, Violation
from generator.model.fiscal import era_name

from .conftest import Run

_ENGLISH = re.compile(r"[A-Za-z]{2,}[,:;]? [A-Za-z]{2,}")
"""Two English words in a row: a sentence, not a path, a command or a rule's id alone."""


def _english_lines(out: str) -> list[str]:
    """The lines of `out` written in English only (ASCII, with two words in a row)."""
    return [line for line in out.splitlines() if line.isascii() and _ENGLISH.search(line)]


def _report() -> Report:
    missing_alt = Violation("image-alt", "critical", "Images must have alternate text", ["img"])
    return Report(
        date="2026-04-01",
        tool="axe-core 4.10.2",
        browser="Chromium 131 (headless)",
        pages=[PageResult("/kpis/", {"light": [missing_alt], "dark": []}), PageResult("/en/")],
    )


def _session(tmp_path: Path, dxsite: Run, lang: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Everything the commands print in `lang` for a new city's repository."""
    city = str(tmp_path / "city")
    outputs = [dxsite("new", city, "--lang", lang), dxsite("new", city, "--lang", lang)]
    outputs.append(dxsite("schema", city, "--lang", lang))
    (tmp_path / "city" / "plan" / "timeline.yaml").write_text(
        "milestones:\n  - {date: 2025-06-10, end: 2025-06-01, kind: meeting, title: 会議}\n",
        encoding="utf-8",
    )
    outputs.append(dxsite("check", city, "--lang", lang))
    empty = tmp_path / "empty-site"
    empty.mkdir()
    outputs.append(dxsite("accessibility", city, "--site-dir", str(empty), "--lang", lang))
    monkeypatch.setattr(accessibility, "run", lambda root, site, build: _report())
    outputs.append(dxsite("accessibility", city, "--lang", lang))
    messages.use(None)  # --lang chose the language for this process
    return "\n".join(out for _, out in outputs)


def test_the_commands_print_no_english_sentence_in_japanese(
    tmp_path: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _session(tmp_path, dxsite, "ja", monkeypatch)
    assert _english_lines(out) == []
    for said in (
        "を作りました",
        "空のフォルダーではありません",
        "schemas/: 変更はありません",
        "docs/editing.ja.md: 編集の手引きを更新しました",
        "終わり（end: 2025-06-01）が日付（date: 2025-06-10）より前です",
        "HTML のページがありません",
        "/kpis/（ライト）image-alt（critical）: Images must have alternate text。場所: img",
        "2 ページをライトとダークの配色で試験し、違反は 1 件でした",
    ):
        assert said in out


def test_the_commands_print_the_same_lines_in_english(
    tmp_path: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _session(tmp_path, dxsite, "en", monkeypatch)
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", out.replace("会議", ""))
    for said in (
        "Created ",
        "exists and is not an empty folder",
        "schemas/: up to date",
        "docs/editing.ja.md: editors' guide updated",
        "the end (2025-06-01) is before the date (2025-06-10)",
        "holds no HTML page: build the site first",
        "/kpis/ [light] image-alt (critical): Images must have alternate text at img",
        "2 pages in light and dark schemes, 1 violation(s)",
    ):
        assert said in out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "1867年度は明治（1868年）より前のため、元号で表せません"),
        ("en", "1867 is before 明治 (1868); no era name known"),
    ],
)
def test_a_year_before_the_eras_is_refused_in_the_editors_language(lang: str, said: str) -> None:
    messages.use(lang)  # type: ignore[arg-type]
    try:
        with pytest.raises(ValueError, match=re.escape(said)):
            era_name(1867)
    finally:
        messages.use(None)
