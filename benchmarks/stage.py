"""One measured stage, run in a fresh process: `python -m benchmarks.stage STAGE ROOT [OUT]`.

Each stage prints one JSON object: its wall time (`seconds`, measured around the stage only,
after imports), this process's peak resident memory and its children's (`self_mb`,
`children_mb`), and what it produced. A fresh process per stage keeps every stage's peak
memory its own; the caller adds the peak of the whole process tree, sampled while it runs.

Stages:
  startup ROOT       a fresh interpreter importing what `dxsite build` imports
  validate ROOT      load + validate (generator.validate.validate)
  render ROOT        render pages, charts and data files (validation first, not timed)
  mkdocs ROOT OUT    the two MkDocs builds exactly as dxsite runs them (generator.engines.mkdocs)
  finish ROOT OUT    from OUT's two languages (a copy), finish every page (search entries,
                     phrase breaks, CSP), assemble the site, write its search indexes and sitemap
  plain ROOT OUT     plain `mkdocs build` of the same configs and pages, less dxsite's hooks
  original ROOT OUT  the reference: ROOT's pages rendered in their original Markdown form (no
                     HTML blocks; not timed), then plain `mkdocs build` of them, as `plain`
  build ROOT         the whole `dxsite build ROOT`, as a command (startup and imports included)
  rebuild ROOT       a second `dxsite build ROOT` with nothing changed, then one after one KPI
                     value changed, each a command; the site compared with a clean build's
  serve ROOT         the rebuild `dxsite serve` does after one KPI value changes (3 times)
  pages ROOT ORIGINAL OUT
                     MkDocs' time per kind of page (Japanese), on ROOT's pages and on
                     ORIGINAL's, as `original` rendered them (benchmarks/page_hooks.py)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PLAIN_CONFIG = "plain.{lang}.yml"
"""The reference's configs, next to dxsite's generated ones in ROOT/.dxsite/."""
_CLI = "import sys; from generator.cli import main; sys.exit(main())"
_VALUE = re.compile(r"(\bvalue: )(-?[0-9]+(?:\.[0-9]+)?)")


def _mb(rusage_maxrss: int) -> float:
    """ru_maxrss in MB (Linux counts kB, macOS bytes)."""
    return rusage_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)


def _memory() -> dict[str, float]:
    return {
        "self_mb": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "children_mb": _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children so far."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Clock:
    """Wall time and CPU time around a stage; CPU time is barely touched by other processes."""

    def __enter__(self) -> Clock:
        self.started, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.started
        self.cpu_seconds = _cpu() - self.cpu

    def figures(self) -> dict[str, float]:
        """The stage's times and this process's peak memory (and its children's)."""
        return {"seconds": self.seconds, "cpu_seconds": self.cpu_seconds, **_memory()}


def _validated(root: Path) -> Any:
    from generator.validate import validate

    result = validate(root)
    if result.failed():
        problems = "\n".join(map(str, result.diagnostics[:10]))
        raise SystemExit(f"the plan in {root} does not validate:\n{problems}")
    return result


def stage_startup(root: Path) -> dict[str, Any]:
    """A fresh interpreter importing what `dxsite build` imports before it starts working (the
    command line, the pipeline, the builder's runner)."""
    command = [sys.executable, "-c", "import generator.cli, generator.commands, generator.site"]
    with Clock() as clock:
        subprocess.run(command, check=True, cwd=root)
    return clock.figures()


def stage_validate(root: Path) -> dict[str, Any]:
    """Load and validate; then, not timed, the share of it spent parsing YAML."""
    import generator.validate  # noqa: F401  (imported before the clock starts)
    from generator.load import load_yaml
    from generator.model.project import FILES

    with Clock() as clock:
        result = _validated(root)
    figures = clock.figures()
    started = time.perf_counter()
    for rel, _, _ in FILES.values():
        if (root / rel).is_file():
            load_yaml(root / rel, rel)
    yaml_seconds = time.perf_counter() - started
    project = result.project
    strategies = project.strategies.strategies
    measures = [m for s in strategies for m in s.measures]
    counts = {
        "strategies": len(strategies),
        "measures": len(measures),
        "actions": sum(len(m.actions) for m in measures),
        "kpis": len(project.kpis.kpis),
    }
    source_bytes = sum(p.stat().st_size for p in (root / "plan").rglob("*") if p.is_file())
    source_bytes += (root / "kpis.yaml").stat().st_size
    return {
        **figures,
        "yaml_seconds": yaml_seconds,
        "diagnostics": len(result.diagnostics),
        "items": counts,
        "source_bytes": source_bytes,
    }


def stage_render(root: Path) -> dict[str, Any]:
    """Render every page, chart, data file and config; then, not timed, the pages alone."""
    from generator.render.pages import render_language
    from generator.site import Paths, render
    from generator.tracking import Tracking

    project = _validated(root).project
    paths = Paths(root, root / "site")
    with Clock() as clock:
        configs = render(project, paths)
    figures = clock.figures()
    started = time.perf_counter()
    for lang in configs:
        render_language(Tracking.now(project), lang)
    pages_seconds = time.perf_counter() - started
    docs = [p for lang in configs for p in paths.docs(lang).rglob("*.md")]
    return {
        **figures,
        "pages_seconds": pages_seconds,
        "markdown_pages": len(docs),
        "markdown_bytes": sum(p.stat().st_size for p in docs),
    }


def stage_mkdocs(root: Path, out: Path) -> dict[str, Any]:
    """Both languages' MkDocs builds, in parallel, as `dxsite build` runs them."""
    from generator.engines import mkdocs
    from generator.site import WORK_DIR, source_date_epoch

    configs = {lang: root / WORK_DIR / f"mkdocs.{lang}.yml" for lang in ("ja", "en")}
    epoch = source_date_epoch(root)
    with Clock() as clock:
        mkdocs(configs, out, strict=False, epoch=epoch)
    return clock.figures()


def stage_finish(root: Path, out: Path) -> dict[str, Any]:
    """What the build does after MkDocs, from scratch: every page finished (search entries,
    phrase breaks, CSP) into the kept site, linked into a new one, the search indexes, the 404
    pages and the sitemap written (the search indexing is also reported alone)."""
    import shutil

    import yaml

    from generator import postprocess, search
    from generator.incremental import Cache
    from generator.render import text
    from generator.site import Paths

    project = _validated(root).project
    names = {lang: text.title(project.plan.title, lang) for lang in ("ja", "en")}
    user = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader) or {}
    scratch = out.with_name(out.name + "-finish")
    shutil.rmtree(scratch, ignore_errors=True)
    cache = Cache(scratch / "work")
    shutil.copytree(out, cache.mkdocs)
    indexing = [0.0]
    page_items = search.page_items

    def timed(html: str, url: str) -> list[dict[str, str]]:
        started = time.perf_counter()
        found = page_items(html, url)
        indexing[0] += time.perf_counter() - started
        return found

    search.page_items = timed
    site = scratch / "site"
    with Clock() as clock:
        cache.finish(names, Paths(root, root / "site").blocks)
        cache.copy_into(site)
        started = time.perf_counter()
        search.write_indexes((site, site / "en"), cache.search_items(site))
        indexing[0] += time.perf_counter() - started
        postprocess.write_not_found(site, project.plan, names)
        if user.get("site_url"):
            (site / "sitemap.xml").unlink(missing_ok=True)
            sitemap = postprocess.sitemap(site, user["site_url"])
            (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    index_bytes = sum((root / search.INDEX).stat().st_size for root in (site, site / "en"))
    shutil.rmtree(scratch)
    return {**clock.figures(), "search_seconds": indexing[0], "search_bytes": index_bytes}


def stage_plain(root: Path, out: Path) -> dict[str, Any]:
    """The same two builds with plain MkDocs: dxsite's configs less its hooks, in parallel."""
    import yaml

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    commands = []
    for lang in ("ja", "en"):
        config = yaml.safe_load((root / ".dxsite" / f"mkdocs.{lang}.yml").read_text("utf-8"))
        config.pop("hooks", None)
        plain = root / ".dxsite" / PLAIN_CONFIG.format(lang=lang)
        plain.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        commands.append([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain)])
        commands[-1] += ["-d", str(out / lang)]
    with Clock() as clock:
        running = [
            subprocess.Popen(
                c, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            for c in commands
        ]
        outputs = [process.communicate()[0] for process in running]
    for process, output in zip(running, outputs, strict=True):
        if process.returncode:
            raise SystemExit(f"plain mkdocs build failed:\n{output}")
    return clock.figures()


def stage_original(root: Path, out: Path) -> dict[str, Any]:
    """Plain MkDocs on the original Markdown form of the pages: rendered (not timed) without
    dxsite's HTML blocks, as every page reached the builder before issue 16, then built as
    `plain` builds them."""
    from generator.site import Paths, render

    render(_validated(root).project, Paths(root, root / "site"), blocks=False)
    docs = [p for p in (root / ".dxsite" / "docs").rglob("*.md")]
    return {**stage_plain(root, out), "markdown_bytes": sum(p.stat().st_size for p in docs)}


PAGE_TYPES = (
    ("home", re.compile(r"index\.md")),
    ("strategies overview", re.compile(r"strategies/index\.md")),
    ("strategy", re.compile(r"strategies/[^/]+/index\.md")),
    ("measure", re.compile(r"strategies/[^/]+/[^/]+/index\.md")),
    ("KPI list", re.compile(r"(kpis|kpi-list/[0-9]+)/index\.md")),
    ("KPI", re.compile(r"kpis/[^/]+/index\.md")),
    ("yearly report", re.compile(r"reports/[0-9]+/index\.md")),
    ("report list", re.compile(r"reports/[0-9]+/.+/index\.md")),
    ("list by status, grade, attention", re.compile(r"(by-status|by-grade|attention)/.+\.md")),
    ("chapter", re.compile(r"chapters/.+\.md")),
)
"""The kinds of pages dxsite generates, by their source path; any other page is a plan page
(methodology, governance, timeline, reports' list, open data …)."""


def page_type(source: str) -> str:
    """The kind of page written at `source` in a language's docs."""
    return next((name for name, path in PAGE_TYPES if path.fullmatch(source)), "plan page")


def _mkdocs_page_times(root: Path, out: Path) -> dict[str, float]:
    """Seconds MkDocs spends on each Japanese page of ROOT (benchmarks/page_hooks.py)."""
    import tempfile

    import yaml

    config = yaml.safe_load((root / ".dxsite" / "mkdocs.ja.yml").read_text("utf-8"))
    config["hooks"] = [str(Path(__file__).with_name("page_hooks.py"))]
    timed = root / ".dxsite" / "mkdocs.ja.timed.yml"
    timed.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        times = Path(scratch, "times.json")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DXSITE_PAGE_TIMES": str(times)}
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(timed), "-d", str(out)]
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"mkdocs build failed:\n{done.stdout}{done.stderr}")
        found: dict[str, float] = json.loads(times.read_text(encoding="utf-8"))
    return found


def stage_pages(root: Path, original: Path, out: Path) -> dict[str, Any]:
    """MkDocs' time per kind of page (Japanese): on dxsite's pages (ROOT, raw HTML blocks set
    aside) and on their original Markdown form (ORIGINAL, as `original` left it)."""
    with Clock() as clock:
        forms = {
            "blocks": _mkdocs_page_times(root, out / "blocks"),
            "whole": _mkdocs_page_times(original, out / "whole"),
        }
    types: dict[str, dict[str, float]] = {}
    for form, times in forms.items():
        for source, seconds in times.items():
            kind = types.setdefault(page_type(source), {"pages": 0, "blocks": 0.0, "whole": 0.0})
            kind[form] += seconds
            if form == "blocks":
                kind["pages"] += 1
    return {**clock.figures(), "types": types}


def _dxsite_build(root: Path) -> dict[str, Any]:
    """One `dxsite build ROOT` as editors and CI run it, timed as a command."""
    with Clock() as clock:
        command = [sys.executable, "-c", _CLI, "build", str(root)]
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"dxsite build failed:\n{done.stdout}{done.stderr}")
    return clock.figures()


def stage_build(root: Path) -> dict[str, Any]:
    """The whole `dxsite build ROOT` as editors and CI run it."""
    return _dxsite_build(root)


def _digests(site: Path) -> dict[str, str]:
    """Every file of a built site and its content's digest."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def stage_rebuild(root: Path) -> dict[str, Any]:
    """Warm rebuilds of the built project ROOT, as commands: `dxsite build` again with nothing
    changed, then again after one KPI value changed; then (not timed) a clean build of a copy
    with the same change, whose site must be byte-identical to the rebuilt one. kpis.yaml is
    put back as it was."""
    import shutil

    from .synthetic import copy_project

    kpis = root / "kpis.yaml"
    source = kpis.read_bytes()
    unchanged = _dxsite_build(root)
    change_one_value(kpis, 1)
    changed = _dxsite_build(root)
    clean = copy_project(root, root.with_name(root.name + "-clean"))
    _dxsite_build(clean)
    identical = _digests(root / "site") == _digests(clean / "site")
    shutil.rmtree(clean)
    kpis.write_bytes(source)
    return {
        **changed,
        "unchanged_seconds": unchanged["seconds"],
        "unchanged_cpu_seconds": unchanged["cpu_seconds"],
        "identical": identical,
    }


def change_one_value(kpis: Path, step: int) -> None:
    """Change the first KPI value in kpis.yaml, as an editor would: 80 → 80 + step."""
    source = kpis.read_text(encoding="utf-8")
    match = _VALUE.search(source)
    if match is None:
        raise SystemExit(f"{kpis} has no value to change")
    changed = f"{match.group(1)}{float(match.group(2)) + step:g}"
    kpis.write_text(source[: match.start()] + changed + source[match.end() :], encoding="utf-8")


def stage_serve(root: Path, rounds: int = 3) -> dict[str, Any]:
    """What `dxsite serve` does: one build, then a rebuild after each change of one KPI value."""
    from generator.commands import build
    from generator.site import WORK_DIR

    site_dir = root / WORK_DIR / "serve"

    def quiet(_: object) -> None:
        """The serve command prints the report; the benchmark does not."""

    started, cpu = time.perf_counter(), _cpu()
    build(root, site_dir, strict=False, report=quiet)
    first, first_cpu = time.perf_counter() - started, _cpu() - cpu
    rebuilds, cpus = [], []
    for step in range(1, rounds + 1):
        change_one_value(root / "kpis.yaml", step)
        started, cpu = time.perf_counter(), _cpu()
        build(root, site_dir, strict=False, report=quiet)
        rebuilds.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
    rebuilds.sort()
    cpus.sort()
    return {
        "seconds": rebuilds[len(rebuilds) // 2],
        "cpu_seconds": cpus[len(cpus) // 2],
        "rebuilds": rebuilds,
        "first_build": first,
        "first_cpu_seconds": first_cpu,
        **_memory(),
    }


def main(argv: list[str]) -> None:
    """Run one stage and print its JSON."""
    stage, root, *rest = argv
    runners = {
        "startup": stage_startup,
        "validate": stage_validate,
        "render": stage_render,
        "mkdocs": stage_mkdocs,
        "finish": stage_finish,
        "plain": stage_plain,
        "original": stage_original,
        "build": stage_build,
        "rebuild": stage_rebuild,
        "serve": stage_serve,
        "pages": stage_pages,
    }
    args = [Path(a).resolve() for a in (root, *rest)]
    print(json.dumps(runners[stage](*args)))


if __name__ == "__main__":
    main(sys.argv[1:])
