"""The editors' CI shipped in the repository is valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_validate_against_the_github_workflow_schema(workflow: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(workflow),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


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
