"""What dxsite prints while it works (issue 18, 3–4): warnings of one kind that fill a file are
summarised, `--verbose` lists them all, errors are always listed in full; long commands show
their stages on stderr (an updating line on a terminal, one line per stage elsewhere, nothing
with `--quiet`)."""

from __future__ import annotations

import functools
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator import accessibility, cli, commands, messages, stages, validate
from generator.diagnostics import SHOWN, Diagnostic, Severity, arrange

from .conftest import ROOT, Run, copy_project

NO_ENGLISH = "no English translation for"


def _untranslate(node: object, budget: list[int]) -> None:
    """Remove `en` from the first budget[0] texts under `node`."""
    if budget[0] == 0:
        return
    if isinstance(node, dict):
        if "ja" in node and "en" in node:
            del node["en"]
            budget[0] -= 1
            return
        for value in node.values():
            _untranslate(value, budget)
    elif isinstance(node, list):
        for item in node:
            _untranslate(item, budget)


def untranslate(project: Path, rel: str, count: int) -> None:
    """Take the English out of the first `count` texts of a plan file."""
    yaml = YAML()
    path = project / rel
    data = yaml.load(path.read_text(encoding="utf-8"))
    budget = [count]
    _untranslate(data, budget)
    assert budget == [0], f"{rel} has fewer than {count} translated texts"
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(data, file)


def future_actuals(project: Path, count: int) -> None:
    """Give every KPI `count` actual values for years to come (one error each)."""
    yaml = YAML()
    path = project / "kpis.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    for kpi in data["kpis"]:
        kpi.setdefault("actuals", []).extend({"value": 1, "year": 2100 + n} for n in range(count))
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(data, file)


@pytest.fixture
def fifty(tmp_path: Path) -> Path:
    """The shipped plan with 50 texts untranslated: 40 in plan/strategies.yaml, 10 in kpis.yaml."""
    project = copy_project(ROOT, tmp_path / "fifty")
    untranslate(project, "plan/strategies.yaml", 40)
    untranslate(project, "kpis.yaml", 10)
    return project


def lines_with(text: str, out: str) -> list[str]:
    return [line for line in out.splitlines() if text in line]


def test_fifty_untranslated_texts_are_a_summary_by_default_and_all_listed_with_verbose(
    fifty: Path, dxsite: Run, english: None
) -> None:
    code, out = dxsite("check", str(fifty))
    assert code == 0, out
    assert len(lines_with(NO_ENGLISH, out)) == 2 * SHOWN
    lines = out.splitlines()
    heading = lines.index(
        "warning english: 50 in all (per file: the count and the first 3; --verbose lists all):"
    )
    assert lines[heading + 1] == "  kpis.yaml: 10"
    assert lines[heading + 2].startswith("    kpis.yaml:5:5: KPI convenience-rate")
    assert NO_ENGLISH in lines[heading + 2]
    assert lines[heading + 5] == "    … and 7 more"
    assert lines[heading + 6] == "  plan/strategies.yaml: 40"
    assert lines[heading + 10] == "    … and 37 more"
    assert lines[-1] == "0 error(s), 50 warning(s)."
    assert "  plan/strategies.yaml: 18/58 texts translated (31%)" in lines

    code, out = dxsite("check", str(fifty), "--verbose")
    assert code == 0
    listed = [line for line in lines_with(NO_ENGLISH, out) if ": warning: " in line]
    assert len(listed) == 50
    assert sum(line.startswith("kpis.yaml:") for line in listed) == 10
    assert "in all" not in out


def test_the_summary_speaks_the_editors_language(fifty: Path, dxsite: Run) -> None:
    code, out = dxsite("check", str(fifty), "--lang", "ja")
    assert code == 0
    heading = "警告「english」50 件（ファイルごとに件数と最初の 3 か所。すべては --verbose で）:"
    assert heading in out.splitlines()
    assert "  plan/strategies.yaml: 40 件" in out
    assert "    …ほか 37 件" in out


def test_errors_are_listed_in_full_beside_a_summary_of_warnings(
    fifty: Path, dxsite: Run, english: None
) -> None:
    future_actuals(fifty, 4)
    code, out = dxsite("check", str(fifty))
    assert code == 1
    errors = lines_with("lies in the future", out)
    assert len(errors) == 12
    assert all(": error: KPI " in line and "an actual value for FY21" in line for line in errors)
    assert "warning english: 50 in all" in out
    assert out.rstrip().endswith("12 error(s), 50 warning(s).")


def test_warnings_never_push_an_error_out_of_the_capped_list(
    fifty: Path, dxsite: Run, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validate, "MAX_REPORTED", 5)
    future_actuals(fifty, 4)
    code, out = dxsite("check", str(fifty))
    assert code == 1
    assert len(lines_with(": error: ", out)) == 5
    assert "7 more problem(s) not shown (only the first 5 are listed)." in out
    assert "warning english: 50 in all" in out


def test_a_few_warnings_of_a_kind_are_listed_as_they_are() -> None:
    found = [
        Diagnostic("kpis.yaml", n, 1, Severity.WARNING, "w", "english") for n in range(SHOWN)
    ] + [Diagnostic("plan/plan.yaml", n, 1, Severity.WARNING, "w", "english") for n in range(2)]
    listed, groups = arrange(found)
    assert listed == found
    assert groups == []


def test_many_errors_of_a_kind_in_one_file_are_all_listed() -> None:
    found = [Diagnostic("kpis.yaml", n, 1, Severity.ERROR, "e", "type") for n in range(20)]
    assert arrange(found) == (found, [])


def test_github_format_annotates_every_location_and_groups_the_log(
    fifty: Path, dxsite: Run, english: None
) -> None:
    future_actuals(fifty, 1)
    code, out = dxsite("check", str(fifty), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len([line for line in lines if line.startswith("::error ")]) == 3
    annotations = [line for line in lines if line.startswith("::warning ")]
    assert len(annotations) == 50
    assert all(",title=dxsite english::" in line and NO_ENGLISH in line for line in annotations)
    start = lines.index("::group::50 annotations: warning english")
    end = lines.index("::endgroup::")
    assert lines[start + 1 : end] == annotations
    assert lines[end + 1].startswith("warning english: 50 in all")
    assert len(lines_with(NO_ENGLISH, "\n".join(lines[end:]))) == 2 * SHOWN
    commands = ("::error ", "::warning ", "::group::", "::endgroup::")
    assert all(line.startswith(commands) for line in lines if line.lstrip().startswith("::"))


def test_a_reader_that_stops_early_gets_no_traceback(fifty: Path) -> None:
    command = [sys.executable, "-m", "generator.cli", "check", str(fifty), "--verbose"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head` does, before dxsite has written a line
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""


def test_json_format_holds_every_finding(fifty: Path, dxsite: Run, english: None) -> None:
    code, out = dxsite("check", str(fifty), "--format", "json")
    assert code == 0
    found = json.loads(out)["diagnostics"]
    assert [d["code"] for d in found].count("english") == 50


def test_build_summarises_the_warnings_and_lists_them_all_with_verbose(
    scaffold: Path, dxsite: Run, english: None
) -> None:
    untranslate(scaffold, "plan/strategies.yaml", 5)
    code, out = dxsite("build", str(scaffold))
    assert code == 0, out
    assert (
        "warning english: 5 in all (per file: the count and the first 3; --verbose lists all):"
        in out
    )
    assert len(lines_with(NO_ENGLISH, out)) == SHOWN
    assert "    … and 2 more" in out.splitlines()
    code, out = dxsite("build", str(scaffold), "--verbose")
    assert code == 0, out
    assert len([line for line in lines_with(NO_ENGLISH, out) if ": warning: " in line]) == 5


# --- stages -------------------------------------------------------------------------------------

BUILD_STAGES = [
    "dxsite: checking the plan",
    "dxsite: rendering the Japanese pages",
    "dxsite: rendering the English pages",
    "dxsite: building the Japanese site with MkDocs (both languages in parallel)",
    "dxsite: building the English site with MkDocs (both languages in parallel)",
    "dxsite: assembling the site (search index, CSP)",
]


def test_build_prints_one_line_per_stage_on_stderr_when_not_a_terminal(
    scaffold: Path, capsys: pytest.CaptureFixture[str], english: None
) -> None:
    assert cli.main(["build", str(scaffold)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == BUILD_STAGES
    assert captured.out.rstrip().splitlines()[-1].startswith("Built ")


def test_quiet_build_prints_no_stage(
    scaffold: Path, capsys: pytest.CaptureFixture[str], english: None
) -> None:
    assert cli.main(["build", str(scaffold), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "Built " in captured.out


def test_a_failed_build_stops_after_the_stage_that_failed(
    scaffold: Path, capsys: pytest.CaptureFixture[str], english: None
) -> None:
    future_actuals(scaffold, 1)
    assert cli.main(["build", str(scaffold)]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == BUILD_STAGES[:1]


def test_serve_prints_the_stages_of_its_build(
    scaffold: Path,
    capsys: pytest.CaptureFixture[str],
    english: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(commands, "serve", functools.partial(commands.serve, once=True))
    assert cli.main(["serve", str(scaffold), "--port", "0"]) == 0
    assert capsys.readouterr().err.splitlines() == BUILD_STAGES
    assert cli.main(["serve", str(scaffold), "--port", "0", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_accessibility_prints_its_stage_and_nothing_with_quiet(tmp_path: Path) -> None:
    if not accessibility.CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {accessibility.CHROMIUM}")
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    page = '<!doctype html><html lang="{0}"><head><title>t</title></head><body><main><h1>t</h1>'
    (site / "index.html").write_text(page.format("ja") + "</main></body></html>", "utf-8")
    (site / "en" / "index.html").write_text(page.format("en") + "</main></body></html>", "utf-8")
    command = [sys.executable, "-m", "generator.cli", "accessibility", str(tmp_path)]
    command += ["--site-dir", str(site)]
    env = {**os.environ, "DXSITE_LANG": "en"}
    run = functools.partial(
        subprocess.run, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    done = run(command, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.splitlines() == ["dxsite: testing the pages with axe-core"]
    quiet = run([*command, "--quiet"], check=False)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert quiet.stderr == ""


def in_a_terminal(*args: str) -> str:
    """What `dxsite ARGS` writes to a terminal (a pseudo-terminal: stdout and stderr alike)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: dxsite, its output on the terminal
        os.environ["DXSITE_LANG"] = "en"
        os.environ["TERM"] = "xterm"
        os.execv(sys.executable, [sys.executable, "-m", "generator.cli", *args])
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child has exited and closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return b"".join(chunks).decode("utf-8")


def test_on_a_terminal_the_stages_rewrite_one_line_and_clear_it_before_the_result(
    scaffold: Path,
) -> None:
    written = in_a_terminal("build", str(scaffold))
    for line in BUILD_STAGES:
        assert stages.CLEAR + line in written
    assert "\n" not in written.split(stages.CLEAR + BUILD_STAGES[1])[1].split("Built ")[0]
    assert stages.CLEAR + "Built " in written
    assert stages.CLEAR not in in_a_terminal("build", str(scaffold), "--quiet")


def test_a_line_never_outgrows_the_terminal() -> None:
    assert stages.fit("dxsite: 日本語のページ", 14) == "dxsite: 日本…"
    assert stages.fit("dxsite: 日本語", 14) == "dxsite: 日本語"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def xterm(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal that can rewrite a line (not TERM=dumb)."""
    monkeypatch.setenv("TERM", "xterm")


def test_on_a_terminal_a_stage_shows_how_far_it_has_come_in_the_editors_language(
    monkeypatch: pytest.MonkeyPatch, xterm: None
) -> None:
    monkeypatch.setattr(stages, "REDRAW", 0)
    monkeypatch.delenv(messages.ENV, raising=False)
    terminal = Terminal()
    with stages.reporting(quiet=False, stream=terminal):
        stages.rendering("en")
        stages.advance()
        stages.advance()
        stages.stage("audit", total=4)
        stages.advance()
    assert terminal.getvalue().split(stages.CLEAR) == [
        "",
        "dxsite: 英語のページを書き出しています",
        "dxsite: 英語のページを書き出しています（1 ページ）",
        "dxsite: 英語のページを書き出しています（2 ページ）",
        "dxsite: axe-core でページを試験しています（0/4 ページ）",
        "dxsite: axe-core でページを試験しています（1/4 ページ）",
        "",
    ]


def test_on_a_terminal_what_the_command_prints_clears_the_line_first(
    capsys: pytest.CaptureFixture[str], xterm: None
) -> None:
    terminal = Terminal()
    with stages.reporting(quiet=False, stream=terminal):
        stages.stage("validate")
        print("kpis.yaml:1:1: warning: w")
        stages.stage("assemble")
    assert terminal.getvalue().count(stages.CLEAR) == 4  # two stages, each cleared once
    assert capsys.readouterr().out == "kpis.yaml:1:1: warning: w\n"


def test_a_dumb_terminal_gets_one_line_per_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv(messages.ENV, "en")
    terminal = Terminal()
    with stages.reporting(quiet=False, stream=terminal):
        stages.stage("validate")
        stages.advance()
        stages.stage("assemble")
    assert terminal.getvalue() == (
        "dxsite: checking the plan\ndxsite: assembling the site (search index, CSP)\n"
    )


def test_stages_are_not_reported_outside_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    stages.stage("validate")
    stages.advance()
    assert capsys.readouterr() == ("", "")
