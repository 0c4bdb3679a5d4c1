"""`python -m benchmarks [--sizes S,M,L] [--output FILE] [--repeat N] [--pairs N] [--profile]`.

Builds each size's plan, measures every stage in fresh processes, writes the JSON report,
prints the table and then every target of the issue as met or missed (by how much, and why).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import report
from .measure import measure_size, profile
from .synthetic import REPO, SIZES

ALL_SIZES = ("S", *SIZES)
DEFAULT_SIZES = ["S", "M", "L", "XL"]
OUTPUT = REPO / "benchmarks" / "output"


def _sizes(value: str) -> list[str]:
    known = {s.upper(): s for s in ALL_SIZES}
    sizes = [known.get(s.strip().upper(), s.strip()) for s in value.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in ALL_SIZES]
    if unknown or not sizes:
        raise argparse.ArgumentTypeError(f"sizes are {', '.join(ALL_SIZES)}; got {value!r}")
    return sizes


def parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[2])
    p.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES, help="default: S,M,L,XL")
    p.add_argument("--output", type=Path, default=OUTPUT / "report.json", help="the JSON report")
    p.add_argument("--repeat", type=int, default=3, help="runs per stage; the best is reported")
    p.add_argument(
        "--pairs",
        type=int,
        default=3,
        help="paired runs of the whole build and the reference, for the CPU ratio",
    )
    p.add_argument("--work", type=Path, default=OUTPUT / "work", help="where the plans are built")
    p.add_argument(
        "--profile", action="store_true", help="also write pyinstrument profiles per size"
    )
    return p


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "pydantic": version("pydantic"),
    }


def main(argv: list[str] | None = None) -> int:
    """Measure, write the report, print the table and the targets."""
    args = parser().parse_args(argv)
    work = args.work.resolve()
    results: dict[str, Any] = {}
    for size in args.sizes:
        started = time.perf_counter()
        print(f"measuring {size} ({args.repeat} run(s) per stage) …", flush=True)
        results[size] = measure_size(
            size, work, repeat=args.repeat, serve=size in report.SERVE_SECONDS, pairs=args.pairs
        )
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
        if args.profile:
            profile(size, work, args.output.parent)
    found = report.targets(results)
    document = {
        "machine": machine(),
        "repeat": args.repeat,
        "pairs": args.pairs,
        "sizes": results,
        "targets": found,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print()
    print(report.table(results))
    if kinds := report.page_types_table(results):
        print()
        print(kinds)
    print()
    print("Targets")
    print(report.render_targets(found))
    if warning := report.busy(results, os.cpu_count() or 1):
        print(f"\n{warning}")
    print(f"\nreport: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
