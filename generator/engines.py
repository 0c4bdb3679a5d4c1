"""The builders dxsite hands its generated configs to: MkDocs (the default) or Zensical.

Each builder takes the per-language configs `site.render` wrote and a folder, and leaves each
language's site in OUT/LANG, both languages built in parallel processes. Everything before
(rendering, sanitising) and after (assembling ja and en, search, phrase breaks, the CSP, the
sitemap) is dxsite's own and the same whichever builder ran.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from . import stages
from .errors import BuildError
from .messages import say

ENGINES = ("mkdocs", "zensical")
"""The builders `dxsite build --engine` takes; MkDocs is the default while Material for MkDocs
is maintained (it reaches end of life on 2027-05-05)."""
DEFAULT = "mkdocs"
NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}
"""How each builder is named in what dxsite says."""
KEEP_RAW_HTML = frozenset({"mkdocs"})
"""The builders that publish a page's raw HTML blocks exactly as Markdown passed them, so that
dxsite may set the blocks aside and put them back into the built pages (generator/blocks.py).
Zensical rewrites them (it drops the data-search-exclude attributes of dxsite's charts) and
indexes their text in its own search index: it gets the pages whole."""
ZENSICAL_SITE = "zensical"
"""The folder beside the configs that Zensical builds into (it accepts no site_dir outside the
config's folder), one subfolder per language, moved to OUT/LANG afterwards."""


_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
_TRACEBACK = re.compile(r"^Traceback \(most recent call last\):\n(?:[ \t].*\n)*", re.M)


def _readable(output: str) -> str:
    """A builder's output as a message: without terminal colours (Zensical writes them whatever
    NO_COLOR says) and without the Python traceback of a failed run, whose last line, the error,
    stays."""
    return _TRACEBACK.sub("", _COLOUR.sub("", output)).strip()


def _environment(epoch: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


def _run(name: str, commands: dict[str, list[str]], epoch: str) -> None:
    """Run one command per language at once; a BuildError with the output of each that failed."""
    env = _environment(epoch)
    running = {
        lang: subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for lang, command in commands.items()
    }
    failures = []
    for lang, process in running.items():
        stages.building(NAMES[name], lang)
        output, _ = process.communicate()
        if process.returncode != 0:
            failures.append(f"{name} build ({lang}) failed:\n{_readable(output)}")
    if failures:
        raise BuildError("\n".join(failures))


def mkdocs(
    configs: dict[str, Path], out: Path, *, strict: bool, epoch: str, dirty: bool = False
) -> None:
    """Build every language with MkDocs into out/LANG (`dirty`: only the pages whose source is
    newer than their output there, see generator/incremental.py)."""
    commands = {
        lang: [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
        + ["-d", str(out / lang)]
        + (["--strict"] if strict else [])
        + (["--dirty"] if dirty else [])
        for lang, config in configs.items()
    }
    _run("mkdocs", commands, epoch)


def zensical_config(config: Path, lang: str) -> Path:
    """Zensical's config of one language, beside MkDocs' one: the same settings with the site
    folder inside the configs' folder and Material's classic look (without it Zensical shows
    its own)."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["site_dir"] = f"{ZENSICAL_SITE}/{lang}"
    settings["theme"] = {**settings["theme"], "variant": "classic"}
    path = config.with_name(f"zensical.{lang}.yml")
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def zensical_installed() -> bool:
    """Whether Zensical can be imported here (dxsite[zensical])."""
    return importlib.util.find_spec("zensical") is not None


def zensical(configs: dict[str, Path], out: Path, *, strict: bool, epoch: str) -> None:
    """Build every language with Zensical, then move each language's site to out/LANG."""
    if not zensical_installed():
        raise BuildError(say("engine.zensical_missing"))
    commands = {
        lang: [sys.executable, "-m", "zensical", "build", "-f", str(zensical_config(config, lang))]
        + (["--strict"] if strict else [])
        for lang, config in configs.items()
    }
    _run("zensical", commands, epoch)
    for lang, config in configs.items():
        shutil.rmtree(out / lang, ignore_errors=True)  # an earlier build's
        shutil.move(config.parent / ZENSICAL_SITE / lang, out / lang)


def run(
    engine: str,
    configs: dict[str, Path],
    out: Path,
    *,
    strict: bool,
    epoch: str,
    dirty: bool = False,
) -> None:
    """Build every language with `engine` (one of ENGINES) into out/LANG; `dirty` (MkDocs only)
    rebuilds only the pages whose source changed."""
    if engine == "mkdocs":
        mkdocs(configs, out, strict=strict, epoch=epoch, dirty=dirty)
    else:
        zensical(configs, out, strict=strict, epoch=epoch)
