"""What `dxsite check` prints is safe and bounded, whatever the plan holds (issue 17, 6–8).

File names and texts reach a terminal and GitHub's log as escapes, never as commands; a huge
file is refused before it is parsed; the list of findings is capped.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator import load
from generator.diagnostics import Diagnostic, Severity
from generator.load import MAX_ITEMS
from generator.validate import MAX_REPORTED

from .conftest import ROOT, Run

pytestmark = pytest.mark.usefixtures("english")

ESCAPES = "\x1b]0;owned\x07\x1b]52;c;ZWNobyBoaQ==\x07\x1b[2J"
"""A window title, a clipboard write (OSC 52) and a screen clear."""


def test_terminal_escapes_in_a_file_name_and_message_are_shown_as_escapes() -> None:
    found = Diagnostic(f"plan/chapters/ja/01-{ESCAPES}.md", 1, 1, Severity.ERROR, f"x{ESCAPES}")
    text = found.as_text()
    assert "\x1b" not in text and "\x07" not in text
    assert text.startswith("plan/chapters/ja/01-\\x1b]0;owned\\x07\\x1b]52;c;")
    assert text.endswith(": error: x\\x1b]0;owned\\x07\\x1b]52;c;ZWNobyBoaQ==\\x07\\x1b[2J")


def test_bidi_and_zero_width_characters_in_output_are_shown_as_escapes() -> None:
    found = Diagnostic("kpis.yaml", 1, 1, Severity.ERROR, "a\u202eb\u2066c\u200bd\u2028e")
    assert found.as_text() == "kpis.yaml:1:1: error: a\\u202eb\\u2066c\\u200bd\\u2028e"


def test_github_properties_are_escaped_as_github_documents() -> None:
    found = Diagnostic(
        "a,b:c%d\r\n::error file=x::forged", 3, 4, Severity.WARNING, "m%\r\n::x", "id"
    )
    assert found.as_github() == (
        "::warning file=a%2Cb%3Ac%25d%0D%0A%3A%3Aerror file=x%3A%3Aforged,line=3,col=4,"
        "title=dxsite id::m%25%0D%0A::x"
    )


def test_a_chapter_file_name_with_escapes_is_printed_escaped(scaffold: Path, dxsite: Run) -> None:
    chapters = scaffold / "plan/chapters/ja"
    (chapters / f"01-{ESCAPES}.md").write_text("# 題\n", encoding="utf-8")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "plan/chapters/ja/01-\\x1b]0;owned\\x07" in out


def test_a_file_name_with_a_newline_cannot_forge_an_annotation(scaffold: Path, dxsite: Run) -> None:
    chapters = scaffold / "plan/chapters/ja"
    (chapters / "01-a\n::error file=README.md,line=1::forged.md").write_text("x\n")
    code, out = dxsite("check", str(scaffold), "--format", "github")
    assert code == 1
    assert not [line for line in out.splitlines() if line.startswith("::error file=README.md")]
    assert "file=plan/chapters/ja/01-a%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.md," in out


LIMITED = """
import json, resource, sys, time
from pathlib import Path
from generator.validate import validate
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
result = validate(Path(sys.argv[1]))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - imported
found = [d.as_text() for d in result.diagnostics]
print(json.dumps({"seconds": seconds, "mb": peak, "found": found}))
"""


def _measured(project: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(project)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"DXSITE_LANG": "en", "PATH": "/usr/bin:/bin"},
    )
    measured: dict[str, object] = json.loads(done.stdout)
    return measured


@pytest.mark.parametrize(
    "content",
    ["kpis:\n" + "  - x\n" * 1_000_000, "kpis: [" + "1, " * 1_000_000 + "]\n"],
    ids=["block-list", "flow-list"],
)
def test_a_million_items_are_refused_before_parsing_in_bounded_memory(
    scaffold: Path, content: str
) -> None:
    (scaffold / "kpis.yaml").write_text(content, encoding="utf-8")
    measured = _measured(scaffold)
    assert measured["found"] == [
        f"kpis.yaml:1:1: error: the file is too large (1,000,001 lines and commas; the limit is "
        f"{MAX_ITEMS:,}): a plan's file has some thousands of lines"
    ]
    # the time it takes (about 0.01 s) is a figure, not an assertion: a loaded machine slows it
    assert isinstance(measured["seconds"], float)
    assert isinstance(measured["mb"], float) and measured["mb"] <= 300


def test_values_nested_many_to_a_line_stop_at_the_value_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(load, "MAX_NODES", 1_000)
    doc, found = load.load_text("kpis:\n" + ("  - " + "- " * 30 + "x\n") * 100, "kpis.yaml")
    assert doc is None
    assert [d.as_text() for d in found] == [
        "kpis.yaml:34:15: error: the file holds too many values (the limit is 1,000); "
        "a plan's file holds some tens of thousands"
    ]


def test_the_findings_are_capped_with_a_count_of_the_rest(scaffold: Path, dxsite: Run) -> None:
    keys = "".join(f"    k{i}: 1\n" for i in range(1_000))
    kpis = (scaffold / "kpis.yaml").read_text(encoding="utf-8")
    (scaffold / "kpis.yaml").write_text(kpis.replace("    unit:", keys + "    unit:", 1))
    code, out = dxsite("check", str(scaffold))
    lines = out.splitlines()
    assert code == 1
    assert len([line for line in lines if ": error: " in line]) == MAX_REPORTED
    assert f"800 more problem(s) not shown (only the first {MAX_REPORTED} are listed)." in lines


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("plan/plan.yaml", "status: ", "status: !!str "),
        ("plan/strategies.yaml", "id: ", "id: !id "),
        ("plan/timeline.yaml", "kind: ", "kind: !!str "),
        ("plan/governance.yaml", "id: ", "id: !!python/str "),
        ("plan/guidelines.yaml", "id: ", "id: !!binary "),
    ],
)
def test_an_explicit_tag_in_any_plan_file_is_an_error_at_its_line(
    scaffold: Path, dxsite: Run, rel: str, old: str, new: str
) -> None:
    text = (scaffold / rel).read_text(encoding="utf-8")
    before = text[: text.index(old)]
    line, col = before.count("\n") + 1, len(before) - before.rfind("\n") + len(old)
    (scaffold / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out = dxsite("check", str(scaffold))
    tag = new.removeprefix(old).strip()
    assert code == 1
    assert f"{rel}:{line}:{col}: error: the YAML tag {tag} is not allowed in the plan" in out


def test_a_tagged_number_in_the_plan_never_reaches_the_build(scaffold: Path, dxsite: Run) -> None:
    kpis = (scaffold / "kpis.yaml").read_text(encoding="utf-8")
    (scaffold / "kpis.yaml").write_text(kpis.replace("{value: 100,", '{value: !!int "abc",'))
    code, out = dxsite("build", str(scaffold))
    assert code == 1
    assert "the YAML tag !!int is not allowed in the plan" in out
    assert not (scaffold / "site").exists()
