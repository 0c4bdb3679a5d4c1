"""Run every stage of one plan size in fresh processes; collect time, peak memory and output size.

Peak memory is the largest of: the stage process's own peak (ru_maxrss), the largest peak of
one of its children, and the sum over its whole process tree sampled every 50 ms from /proc
(on Linux), which is what counts while the two MkDocs builds run side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import search

from .report import PAGE_BYTES
from .synthetic import REPO, write_plan

PROC = Path("/proc")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
WORK_DIRS = (".dxsite", "site", ".dxsite-build-site")
"""What a build leaves in a project (the last the spare site, see generator/site.py); removed
before each cold measurement."""
EPOCH = "1796083200"
"""SOURCE_DATE_EPOCH of every measured build (2026-12-01): the same site from every run, so
that a rebuilt site can be compared with a clean build's byte for byte."""


def _process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants, from /proc (Linux only; else just `pid`)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir() if PROC.is_dir() else []:
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


def _resident(pid: int) -> int:
    """A process's resident memory in bytes (0 when unknown or gone)."""
    try:
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


class TreeSampler(threading.Thread):
    """Samples the summed resident memory of a process and its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, sum(map(_resident, _process_tree(self.pid))))
            self.done.wait(self.interval)

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self.done.set()
        self.join()
        return self.peak / (1 << 20)


def run_stage(
    stage: str,
    args: list[Path],
    *,
    repeat: int = 1,
    before: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Run a stage `repeat` times in fresh processes: the best time, the highest peak memory.

    The best of several runs, as timeit reports it: slower runs are slowed by other processes
    (this machine is shared), not by the code. Every run's time is kept in "runs".
    """
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "SOURCE_DATE_EPOCH": EPOCH}
    runs = []
    for _ in range(repeat):
        if before:
            before()
        command = [sys.executable, "-m", "benchmarks.stage", stage, *map(str, args)]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        sampler = TreeSampler(process.pid)
        sampler.start()
        out, err = process.communicate()
        tree_mb = sampler.stop()
        if process.returncode:
            raise RuntimeError(f"stage {stage} failed:\n{out}{err}")
        run = json.loads(out.strip().splitlines()[-1])
        run["tree_mb"] = tree_mb
        run["peak_mb"] = max(tree_mb, run["self_mb"], run["children_mb"])
        runs.append(run)
    result = dict(runs[0])
    result["seconds"] = min(r["seconds"] for r in runs)
    if "cpu_seconds" in result:
        result["cpu_seconds"] = min(r["cpu_seconds"] for r in runs)
    result["peak_mb"] = max(r["peak_mb"] for r in runs)
    result["runs"] = [round(r["seconds"], 3) for r in runs]
    return result


def site_stats(site: Path, largest: int = 5) -> dict[str, Any]:
    """What a built site weighs: every file, the HTML pages, the largest pages, how many pages
    are over the limit."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = sorted(
        ((p.stat().st_size, p.relative_to(site).as_posix()) for p in files if p.suffix == ".html"),
        reverse=True,
    )
    indexes = {(site / search.INDEX).resolve(), (site / "en" / search.INDEX).resolve()}
    found = [p.stat().st_size for p in files if p.resolve() in indexes]
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": len(html),
        "html_bytes": sum(size for size, _ in html),
        "search_index_bytes": sum(found),
        "largest_pages": [{"path": path, "bytes": size} for size, path in html[:largest]],
        "pages_over_limit": sum(1 for size, _ in html if size > PAGE_BYTES),
    }


def _clean(*paths: Path) -> Callable[[], None]:
    def clean() -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    return clean


def paired(
    build: Callable[[], dict[str, Any]], reference: Callable[[], dict[str, Any]], pairs: int
) -> dict[str, Any]:
    """`pairs` runs of the whole build and of the reference, one right after the other, the
    first of each pair in turn (build first, then reference first, ...), so that both meet the
    machine in the same state: each pair's CPU ratio, and their median. This machine's speed
    drifts by up to half within minutes, so a ratio of two stages measured minutes apart moves
    with the drift; the ratio within a pair does not."""
    runs = []
    for n in range(pairs):
        order = (build, reference) if n % 2 == 0 else (reference, build)
        first, second = (f() for f in order)
        done, plain = (first, second) if n % 2 == 0 else (second, first)
        runs.append(
            {
                "build_cpu_seconds": done["cpu_seconds"],
                "reference_cpu_seconds": plain["cpu_seconds"],
                "ratio": done["cpu_seconds"] / plain["cpu_seconds"],
                "build_seconds": done["seconds"],
                "reference_seconds": plain["seconds"],
            }
        )
    ratios = sorted(r["ratio"] for r in runs)
    return {"runs": runs, "ratio": statistics.median(ratios)}


def measure_size(
    size: str, work: Path, *, repeat: int = 1, serve: bool = False, pairs: int = 0
) -> dict[str, Any]:
    """Every stage of one size, cold (no earlier output), each in fresh processes; then
    `pairs` paired runs of the whole build and the reference (see `paired`)."""
    load_average = os.getloadavg()
    root = write_plan(size, work / size / "project")
    mkdocs_out, plain_out = work / size / "mkdocs-out", work / size / "plain-out"
    cold = _clean(*(root / name for name in WORK_DIRS))
    stages: dict[str, Any] = {}
    stages["build"] = run_stage("build", [root], repeat=repeat, before=cold)
    output = site_stats(root / "site")
    stages["rebuild"] = run_stage("rebuild", [root])
    stages["startup"] = run_stage("startup", [root], repeat=repeat)
    stages["validate"] = run_stage("validate", [root], repeat=repeat)
    stages["render"] = run_stage("render", [root], repeat=repeat, before=cold)
    stages["mkdocs"] = run_stage(
        "mkdocs", [root, mkdocs_out], repeat=repeat, before=_clean(mkdocs_out)
    )
    stages["finish"] = run_stage("finish", [root, mkdocs_out], repeat=repeat)
    stages["plain"] = run_stage("plain", [root, plain_out], repeat=repeat, before=_clean(plain_out))
    original = write_plan(size, work / size / "original")
    original_out = work / size / "original-out"
    stages["original"] = run_stage(
        "original", [original, original_out], repeat=repeat, before=_clean(original_out)
    )
    pages_out = work / size / "pages-out"
    stages["pages"] = run_stage("pages", [root, original, pages_out], before=_clean(pages_out))
    result = {
        "load_average": {"before": load_average, "after": os.getloadavg()},
        "items": stages["validate"].pop("items"),
        "source_bytes": stages["validate"].pop("source_bytes"),
        "stages": stages,
        "output": output,
        "plain_output": site_stats(plain_out),
    }
    if serve:
        copy = write_plan(size, work / size / "serve")
        result["serve"] = run_stage("serve", [copy])
    if pairs:
        result["pairs"] = paired(
            lambda: run_stage("build", [root], before=cold),
            lambda: run_stage("original", [original, original_out], before=_clean(original_out)),
            pairs,
        )
    return result


def profile(size: str, work: Path, out: Path) -> list[Path]:
    """pyinstrument profiles of dxsite's stages and of one MkDocs build (Japanese).

    Each is written twice as text: profile-SIZE-NAME.txt, the call tree, and
    profile-SIZE-NAME-flat.txt, the functions by their own time (library frames included).
    """
    root = work / size / "project"
    if not root.is_dir():
        write_plan(size, root)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    env["SOURCE_DATE_EPOCH"] = EPOCH
    config, site = root / ".dxsite" / "mkdocs.ja.yml", work / size / "profile-site"
    profiles = {
        "dxsite": ["-m", "benchmarks.stage", "render", str(root)],
        "mkdocs": ["-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
    }
    pyinstrument = [sys.executable, "-m", "pyinstrument"]
    written = []
    for name, args in profiles.items():
        session = work / size / f"{name}.pyisession"
        started = time.perf_counter()
        record = [*pyinstrument, "-r", "pyisession", "-o", str(session), *args]
        subprocess.run(record, env=env, check=True, capture_output=True)
        for suffix, options in (("", []), ("-flat", ["-p", "flat", "-p", "show_all"])):
            target = out / f"profile-{size}-{name}{suffix}.txt"
            show = [*pyinstrument, "--load", str(session), "-r", "text", *options]
            subprocess.run([*show, "-o", str(target)], env=env, check=True, capture_output=True)
            written.append(target)
        print(f"  profiled {name} at {size} in {time.perf_counter() - started:.1f} s")
    return written
