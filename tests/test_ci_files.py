"""The editors' CI shipped in the repository is valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import __version__, cli

from .conftest import ROOT, SCAFFOLD

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CITY_WORKFLOWS = sorted((SCAFFOLD / ".github" / "workflows").glob("*.yml"))


def assert_valid(schema: str, *files: Path) -> None:
    """Each file validates against check-jsonschema's vendored `schema` (no network)."""
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    "workflow", WORKFLOWS + CITY_WORKFLOWS, ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_workflows_validate_against_the_github_workflow_schema(workflow: Path) -> None:
    assert_valid("github-workflows", workflow)


def test_the_city_dependabot_configuration_validates() -> None:
    assert_valid("dependabot", SCAFFOLD / ".github" / "dependabot.yml")


def test_the_city_pre_commit_configuration_validates() -> None:
    config = SCAFFOLD / ".pre-commit-config.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_city_repository_gets_this_repositorys_workflows() -> None:
    assert [p.name for p in CITY_WORKFLOWS] == [p.name for p in WORKFLOWS]
    for city, own in zip(CITY_WORKFLOWS, WORKFLOWS, strict=True):
        assert city.read_bytes() == own.read_bytes(), f"{city} differs from {own}"


def test_workflows_install_dxsite_from_requirements_txt() -> None:
    for workflow in WORKFLOWS:
        jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
        runs = [s.get("run", "") for job in jobs.values() for s in job["steps"]]
        installs = [r for r in runs if r.startswith("pip ")]
        assert installs in ([], ["pip install -r requirements.txt"]), workflow.name
    own = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in own if not line.startswith("#")] == ["-e ."]


def test_dxsite_new_pins_this_dxsite_and_hooks_dxsite_check(tmp_path: Path) -> None:
    assert cli.main(["new", str(tmp_path / "city")]) == 0
    pins = (tmp_path / "city/requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in pins if not line.startswith("#")] == [f"dxsite=={__version__}"]
    config = yaml.safe_load((tmp_path / "city/.pre-commit-config.yaml").read_text("utf-8"))
    (local,) = config["repos"]
    (hook,) = local["hooks"]
    (ours,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert local["repo"] == "local" and hook["language"] == "unsupported"
    for key in ("id", "entry", "pass_filenames", "files"):
        assert hook[key] == ours[key]
    readme = (tmp_path / "city/README.md").read_text(encoding="utf-8")
    assert "dxsite check ." in readme and "dxsite build ." in readme
    assert "dxsite collect" in readme and "dxsite import" in readme


def test_the_pull_request_job_checks_with_annotations_builds_strictly_and_uploads() -> None:
    steps = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())["jobs"]
    runs = [s.get("run", "") for s in steps["check"]["steps"]]
    uses = [s.get("uses", "") for s in steps["check"]["steps"]]
    assert "dxsite check . --format github" in runs
    assert "dxsite build . --strict" in runs
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_the_main_branch_job_deploys_to_pages() -> None:
    jobs = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())["jobs"]
    uses = [s.get("uses", "") for job in jobs.values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_pre_commit_hook_runs_dxsite_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "dxsite-check"
    assert hooks[0]["entry"].startswith("dxsite check")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./run test" in readme
    assert ci.rstrip().splitlines()[-1] == "exec ./run test"
