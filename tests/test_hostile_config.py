"""Configuration arriving by pull request: mkdocs.yml and theme/ (issue 17, item 2).

Every hostile mkdocs.yml is an error at its line in `check`; `build` refuses it before MkDocs
loads the file (MkDocs' own loader would construct the tags).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from generator.config import check_config

from .conftest import ROOT, Run

pytestmark = pytest.mark.usefixtures("english")

HOSTILE_CONFIGS = {
    "env": (
        "extra:\n  token: !ENV GITHUB_TOKEN\n",
        "mkdocs.yml:2:10: error: !ENV would publish the build machine's environment variables",
    ),
    "env-list": (
        "site_author: !ENV [AUTHOR, nobody]\n",
        "mkdocs.yml:1:14: error: !ENV would publish",
    ),
    "python-apply": (
        'extra:\n  x: !!python/object/apply:os.system ["touch PWNED"]\n',
        "mkdocs.yml:2:6: error: the Python tag !!python/object/apply:os.system would run code",
    ),
    "python-name": (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        "mkdocs.yml:3:20: error: the Python tag !!python/name:material.extensions.emoji.twemoji",
    ),
    "python-key": (
        "? !!python/object/new:os.system [id]\n: 1\n",
        "mkdocs.yml:1:3: error: the Python tag !!python/object/new:os.system",
    ),
    "relative": (
        "extra:\n  d: !relative $config_dir\n",
        "mkdocs.yml:2:6: error: the YAML tag !relative is not allowed in mkdocs.yml",
    ),
    "hooks": (
        "hooks:\n  - evil.py\n",
        "mkdocs.yml:1:1: error: hooks run Python code at build time",
    ),
    "hooks-quoted": (
        '"hooks": [evil.py]\n',
        "mkdocs.yml:1:1: error: hooks run Python code at build time",
    ),
    "plugins": (
        "plugins:\n  - search\n  - macros\n",
        "mkdocs.yml:1:1: error: MkDocs plugins run code at build time",
    ),
    "plugins-map": (
        "plugins:\n  macros: {}\n",
        "mkdocs.yml:1:1: error: MkDocs plugins run code at build time",
    ),
    "inherit": (
        "INHERIT: ../../secret.yml\n",
        "mkdocs.yml:1:1: error: INHERIT would load settings from another file",
    ),
    "merge-key": (
        "base: &b\n  hooks: [x.py]\nextra:\n  <<: *b\n",
        "mkdocs.yml:4:3: error: merge keys (<<) are not allowed in mkdocs.yml",
    ),
    "js-https": (
        "extra_javascript:\n  - js/ok.js\n  - https://evil.example/x.js\n",
        'mkdocs.yml:3:5: error: extra_javascript "https://evil.example/x.js" would load a file '
        "from another host",
    ),
    "js-scheme-relative": (
        "extra_javascript: [//cdn.example/x.js]\n",
        'mkdocs.yml:1:20: error: extra_javascript "//cdn.example/x.js"',
    ),
    "js-path": (
        "extra_javascript:\n  - path: HTTP://evil.example/m.js\n    type: module\n",
        'mkdocs.yml:2:11: error: extra_javascript "HTTP://evil.example/m.js"',
    ),
    "js-data": (
        "extra_javascript: ['data:text/javascript,alert(1)']\n",
        'mkdocs.yml:1:20: error: extra_javascript "data:text/javascript,alert(1)"',
    ),
    "css-https": (
        "extra_css:\n  - https://evil.example/x.css\n",
        'mkdocs.yml:2:5: error: extra_css "https://evil.example/x.css" would load a file',
    ),
    "syntax": (
        "theme: [material\n",
        "mkdocs.yml:2:1: error: YAML syntax error in mkdocs.yml",
    ),
}


def _append(project: Path, text: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(project: Path, text: str) -> None:
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(HOSTILE_CONFIGS))
def test_a_hostile_mkdocs_yml_is_a_located_error_in_check(
    scaffold: Path, dxsite: Run, name: str
) -> None:
    text, expected = HOSTILE_CONFIGS[name]
    _replace(scaffold, text)
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert expected in out, out
    assert "Traceback" not in out


@pytest.mark.parametrize("name", ["env", "python-apply", "hooks", "js-https", "inherit"])
def test_build_refuses_a_hostile_mkdocs_yml_before_mkdocs_reads_it(
    scaffold: Path, dxsite: Run, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_secret_value")
    text, expected = HOSTILE_CONFIGS[name]
    _replace(scaffold, text)
    code, out = dxsite("build", str(scaffold))
    assert code == 1
    assert expected in out
    assert not (scaffold / "site").exists()
    assert not (scaffold / "PWNED").exists()
    assert "ghs_secret_value" not in out


def test_every_finding_of_one_file_is_reported_at_its_own_line(scaffold: Path, dxsite: Run) -> None:
    _replace(
        scaffold, "".join(text for text, _ in HOSTILE_CONFIGS.values() if "[material" not in text)
    )
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert out.count("mkdocs.yml:") >= len(HOSTILE_CONFIGS) - 1


@pytest.mark.parametrize(
    "text",
    [
        "plugins: []\nhooks: []\n",
        "plugins:\n",
        "extra_javascript: [js/local.js, /abs/site.js]\nextra_css: [css/a.css]\n",
        "extra:\n  note: '!ENV is only text here'\n  when: 2024-04-01\n",
    ],
    ids=["empty-lists", "null-plugins", "local-assets", "plain-values"],
)
def test_harmless_settings_are_accepted(scaffold: Path, dxsite: Run, text: str) -> None:
    _append(scaffold, text)
    code, out = dxsite("check", str(scaffold))
    assert code == 0, out
    assert "mkdocs.yml" not in out


def test_the_shipped_configurations_are_clean() -> None:
    assert check_config(ROOT) == []
    scaffold = check_config(ROOT / "generator" / "scaffold")
    assert [(d.code, d.line) for d in scaffold] == [("config", 5)]  # only: set your site_url
    assert "site_url" in scaffold[0].message


def test_an_alias_bomb_in_mkdocs_yml_is_checked_in_bounded_time(
    scaffold: Path, dxsite: Run
) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    lines.append("extra_javascript: *a9")
    _replace(scaffold, "\n".join(lines) + "\n")
    code, out = dxsite("check", str(scaffold))
    assert code == 0, out


def test_a_mkdocs_yml_nested_too_deeply_is_an_error_not_a_traceback(
    scaffold: Path, dxsite: Run
) -> None:
    _replace(scaffold, "extra: " + "[" * 5000 + "]" * 5000 + "\n")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "mkdocs.yml:1:1: error: YAML syntax error in mkdocs.yml" in out


def test_a_mkdocs_yml_linked_outside_the_project_is_an_error(
    scaffold: Path, tmp_path: Path, dxsite: Run
) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("site_name: x\n", encoding="utf-8")
    (scaffold / "mkdocs.yml").unlink()
    (scaffold / "mkdocs.yml").symlink_to(outside)
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "mkdocs.yml:1:1: error: the file is a link to a file outside the project" in out


def test_messages_are_in_japanese_too(
    scaffold: Path, dxsite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DXSITE_LANG", "ja")
    _replace(scaffold, "hooks: [x.py]\n")
    code, out = dxsite("check", str(scaffold))
    assert code == 1
    assert "mkdocs.yml:1:1: エラー: hooks はビルド時に Python のコードを実行するため" in out


# --- theme/ changes in --format github -----------------------------------------------------------


def _git(project: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(project), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def repository(scaffold: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The scaffold as a git repository whose origin/main is its first commit."""
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    for key, value in {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }.items():
        monkeypatch.setenv(key, value)
    _git(scaffold, "init", "-q", "-b", "main")
    _git(scaffold, "add", "-A")
    _git(scaffold, "commit", "-q", "-m", "base")
    _git(scaffold, "update-ref", "refs/remotes/origin/main", "HEAD")
    _git(scaffold, "checkout", "-q", "-b", "pull-request")
    return scaffold


def test_a_change_to_theme_is_a_warning_in_github_format(repository: Path, dxsite: Run) -> None:
    template = next(p for p in sorted((repository / "theme").rglob("*.html")))
    template.write_text(template.read_text(encoding="utf-8") + "<!-- changed -->\n")
    (repository / "theme" / "added.js").write_text("alert(1)\n", encoding="utf-8")
    (repository / "plan" / "chapters" / "ja" / "01-introduction.md").write_text(
        "# はじめに\n\n変更\n", encoding="utf-8"
    )
    code, out = dxsite("check", str(repository), "--format", "github")
    rel = template.relative_to(repository).as_posix()
    assert f"::warning file={rel},line=1,col=1,title=dxsite theme::a change to theme/" in out
    assert "::warning file=theme/added.js,line=1,col=1," in out
    assert "01-introduction.md,line" not in out
    assert code == 0


def test_an_unchanged_theme_or_text_format_gives_no_theme_warning(
    repository: Path, dxsite: Run
) -> None:
    code, out = dxsite("check", str(repository), "--format", "github")
    assert "theme" not in out and code == 0
    (repository / "theme" / "added.js").write_text("alert(1)\n", encoding="utf-8")
    code, out = dxsite("check", str(repository))
    assert "theme" not in out and code == 0


def test_without_git_or_a_base_there_is_no_theme_warning(scaffold: Path, dxsite: Run) -> None:
    (scaffold / "theme" / "added.js").write_text("alert(1)\n", encoding="utf-8")
    code, out = dxsite("check", str(scaffold), "--format", "github")
    assert "theme" not in out and code == 0


# --- the shipped workflows -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["publish.yml", "pull-request.yml"])
def test_workflows_check_out_without_persisting_the_token(name: str) -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_jobs_running_project_code_have_a_read_only_token() -> None:
    workflows = ROOT / ".github/workflows"
    check = yaml.safe_load((workflows / "pull-request.yml").read_text(encoding="utf-8"))
    assert check["jobs"]["check"]["permissions"] == {"contents": "read"}
    publish = yaml.safe_load((workflows / "publish.yml").read_text(encoding="utf-8"))
    assert publish["permissions"] == {"contents": "read"}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert set(publish["jobs"]["deploy"]["permissions"]) == {"pages", "id-token"}
