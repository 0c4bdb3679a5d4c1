"""dxsite installed from its own wheel, away from any checkout, starts, checks and builds a city's
repository, whose pre-commit hook then runs the installed dxsite.

The sdist and the wheel are built with `python -m build --no-isolation` (the wheel from the
sdist, so both must carry the theme) by the test environment's setuptools: no network. The wheel
goes into a fresh virtual environment in tmp_path with `--no-deps --no-index`; its dependencies
(MkDocs, Material, Pydantic …) are this environment's, added after the install by a path line in
a .pth file. A path line adds only that folder: its .pth files, among them the editable install
of the checkout, are not run, so `generator` can only come from the wheel. That keeps the test
offline and fast; which versions pip resolves for `mkdocs>=1.6,<2` is pip's business, and the
wheel's metadata is checked for the pins instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from generator import __version__

from .conftest import ROOT, Run
from .test_ci_files import assert_valid

SOURCES = ("pyproject.toml", "README.md", "generator", "theme")
WHEEL = f"dxsite-{__version__}-py3-none-any.whl"
SDIST = f"dxsite-{__version__}.tar.gz"


def _run(*command: str | Path, cwd: Path, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(extra)
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding the sdist and the wheel built from it."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, source, cwd=source)
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the checkout with the wheel installed."""
    home = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", home, cwd=home)
    python = home / "bin" / "python"
    pip = (sys.executable, "-m", "pip", "--python", python, "install", "--quiet")
    _run(*pip, "--no-deps", "--no-index", dist / WHEEL, cwd=home)
    site_packages = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=home
    )
    (Path(site_packages.strip()) / "dxsite-test-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    return home


def test_the_sdist_and_the_wheel_carry_the_theme_the_templates_and_the_scaffold(
    dist: Path,
) -> None:
    theme = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "theme").rglob("*") if p.is_file()
    )
    with tarfile.open(dist / SDIST) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert set(theme) <= in_sdist
    in_wheel = set(zipfile.ZipFile(dist / WHEEL).namelist())
    assert {f"generator/{name}" for name in theme} <= in_wheel
    shipped = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "generator").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped <= in_wheel, "files of generator/ missing from the wheel (pyproject.toml)"


def test_the_wheel_keeps_mkdocs_below_2(dist: Path) -> None:
    metadata = zipfile.ZipFile(dist / WHEEL).read(f"dxsite-{__version__}.dist-info/METADATA")
    assert "Requires-Dist: mkdocs<2,>=1.6" in metadata.decode("utf-8").splitlines()


def test_the_installed_dxsite_starts_checks_and_builds_a_city_outside_the_checkout(
    venv: Path, tmp_path: Path
) -> None:
    dxsite = venv / "bin" / "dxsite"
    where = _run(
        venv / "bin" / "python", "-c", "import generator; print(generator.__file__)", cwd=tmp_path
    )
    assert Path(where.strip()).is_relative_to(venv)
    assert _run(dxsite, "--version", cwd=tmp_path).strip() == f"dxsite {__version__}"
    _run(dxsite, "new", "city", cwd=tmp_path)
    assert not (tmp_path / "city" / "theme").exists()
    _run(dxsite, "check", "city", cwd=tmp_path)  # warns only of the placeholder site_url
    _run(dxsite, "build", "city", cwd=tmp_path)
    site = tmp_path / "city" / "site"
    assert (site / "index.html").is_file()
    assert (site / "en" / "index.html").is_file()
    assert (site / "assets/stylesheets/dxsite.css").read_bytes() == (
        ROOT / "theme/assets/stylesheets/dxsite.css"
    ).read_bytes()
    city = tmp_path / "city"
    workflows = sorted((city / ".github/workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["publish.yml", "pull-request.yml"]
    assert_valid("github-workflows", *workflows)
    assert_valid("dependabot", city / ".github/dependabot.yml")
    assert f"dxsite=={__version__}" in (city / "requirements.txt").read_text(encoding="utf-8")
    _run("git", "init", "--quiet", cwd=city)
    _run("git", "add", "--all", cwd=city)
    hook = _run(
        sys.executable,
        "-m",
        "pre_commit",
        "run",
        "--all-files",
        cwd=city,
        PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit"),
    )
    assert "dxsite check" in hook and "Passed" in hook
    assert (city / "README.md").is_file()


def test_dxsite_new_refuses_a_file_with_a_message(tmp_path: Path, dxsite: Run) -> None:
    (tmp_path / "city").write_text("keep me", encoding="utf-8")
    code, out = dxsite("new", str(tmp_path / "city"), "--lang", "en")
    assert code == 1
    assert (
        out.strip()
        == f"dxsite: error: {tmp_path / 'city'} exists and is not an empty folder: choose a new one"
    )
    assert (tmp_path / "city").read_text(encoding="utf-8") == "keep me"
