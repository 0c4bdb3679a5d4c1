"""The benchmark's printed table and the issue's targets, each met or missed by how much and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OWN_SHARE = 0.10
"""dxsite's own stages (imports, load + validate, render, assemble + CSP) at most this share of
the whole build's CPU time."""
CPU_RATIO = 0.6
"""At L, the whole build's CPU time at most this times plain MkDocs' on the original Markdown."""
XL_SECONDS = 30.0
XL_MEMORY_MB = 1024.0
PER_ITEM = 0.20
"""From M to XL, the whole build's CPU time per item within this of the sizes' mean."""
LINEAR_SIZES = ("M", "L", "XL")
REBUILD_SECONDS = {"M": 2.0, "L": 5.0}
"""A second `dxsite build` after one KPI value changes, at most this, by size."""
GROWTH = 11.0
"""L / M at most this, for time and output size (L has about 10× M's items)."""
L_SECONDS = 180.0
L_MEMORY_MB = 1024.0
PAGE_BYTES = 200_000
"""No HTML page over 200 KB (1 KB = 1,000 bytes)."""
MEMORY_RATIO = 1.2
"""At XL the whole build's peak memory (all processes) at most this times plain MkDocs'."""
LARGE_SIZES = ("L", "XL", "L-uneven", "XL-uneven")
"""The sizes at which no page may be over PAGE_BYTES."""
SEARCH_SHARE = 0.15
"""Indexing the built site for search at most this share of the whole build."""
SERVE_SECONDS = {"S": 2.0, "M": 2.0, "L": 5.0}
"""The rebuild after one KPI value changes (what `dxsite serve` does), at most this, by size."""
SERVE_POLL = 0.3
"""How often `dxsite serve` looks for changes (generator/commands.py): added to what one waits."""

WHY_PAGE = {
    "strategies/index.html": "the strategies overview draws every action of the plan in one "
    "schedule chart and repeats them in its data table",
    "index.html": "the home page's KPI summary has a row for every KPI of the plan",
    "kpis/index.html": "the KPI list has a row for every KPI of the plan",
}
"""Why a page grows with the plan, by its path in either language."""

Row = tuple[str, Callable[[dict[str, Any]], str]]


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _mb(mb: float) -> str:
    return f"{mb:.0f} MB"


def _kb(size: float) -> str:
    return f"{size / 1000:,.0f} KB" if size < 10_000_000 else f"{size / 1_000_000:,.1f} MB"


def _cpu(result: dict[str, Any], stage: str) -> float:
    return float(result["stages"][stage]["cpu_seconds"])


def startup_cpu(result: dict[str, Any]) -> float:
    """Interpreter startup and imports: the `startup` stage, or in reports from before it, the
    whole build's CPU time less its measured stages (every stage is measured after its own
    imports; side by side, the stages can add up to more than the whole build)."""
    if "startup" in result["stages"]:
        return _cpu(result, "startup")
    measured = sum(_cpu(result, s) for s in ("validate", "render", "mkdocs", "finish"))
    return _cpu(result, "build") - measured


def own_seconds(result: dict[str, Any]) -> float:
    """dxsite's own stages in CPU time: startup and imports, load + validate, render, and
    assemble + CSP (the finishing step less its search indexing, which has a target of its own)."""
    finish = result["stages"]["finish"]
    finishing = float(finish["cpu_seconds"] - finish.get("search_seconds", 0.0))
    return _cpu(result, "validate") + _cpu(result, "render") + finishing + startup_cpu(result)


def share(result: dict[str, Any]) -> float:
    """dxsite's own stages as a share of the whole `dxsite build`'s CPU time."""
    return own_seconds(result) / _cpu(result, "build")


def cpu_ratio(result: dict[str, Any]) -> float:
    """The whole build's CPU time over plain MkDocs' on the original Markdown form: the median
    of the paired runs where there are any (see benchmarks/measure.py), else the best of each."""
    if "pairs" in result:
        return float(result["pairs"]["ratio"])
    return _cpu(result, "build") / _cpu(result, "original")


def _pairs(result: dict[str, Any]) -> str:
    """The paired runs' CPU ratios, lowest to highest."""
    if "pairs" not in result:
        return "-"
    return ", ".join(f"{r:.2f}" for r in sorted(p["ratio"] for p in result["pairs"]["runs"]))


def per_item_ms(result: dict[str, Any]) -> float:
    """The whole build's CPU time per item (strategy, measure, action, KPI), in ms."""
    return 1000 * _cpu(result, "build") / float(sum(result["items"].values()))


def memory_ratio(result: dict[str, Any]) -> float:
    """The whole build's peak memory (all processes) over plain MkDocs' on the same pages."""
    stages = result["stages"]
    return float(stages["build"]["peak_mb"] / stages["plain"]["peak_mb"])


def _over(result: dict[str, Any]) -> str:
    """How many HTML pages are over the limit ("-" when the report predates the count)."""
    count = result["output"].get("pages_over_limit")
    return "-" if count is None else f"{count:,}"


def _overhead(result: dict[str, Any]) -> str:
    """How much more CPU `dxsite build` takes than plain MkDocs on the original Markdown."""
    return f"{cpu_ratio(result):.2f}×"


def _wc(stage: str) -> Callable[[dict[str, Any]], str]:
    """A stage's wall time / CPU time."""

    def cell(result: dict[str, Any]) -> str:
        found = result["stages"].get(stage)
        if found is None:
            return "-"
        return f"{_s(found['seconds'])} / {_s(found['cpu_seconds'])}"

    return cell


def _rebuild(key: str | None) -> Callable[[dict[str, Any]], str]:
    """The second build's wall / CPU time (`key`: which one), or whether it was identical."""

    def cell(result: dict[str, Any]) -> str:
        found = result["stages"].get("rebuild")
        if found is None:
            return "-"
        if key is not None:
            return f"{_s(found[f'{key}seconds'])} / {_s(found[f'{key}cpu_seconds'])}"
        return "yes" if found["identical"] else "NO"

    return cell


ROWS: list[Row] = [
    ("items (strategies+measures+actions+KPIs)", lambda r: f"{sum(r['items'].values()):,}"),
    ("source YAML + Markdown", lambda r: _kb(r["source_bytes"])),
    ("stages, wall / CPU", lambda r: ""),
    ("load + validate", _wc("validate")),
    ("  of which YAML parsing (wall)", lambda r: _s(r["stages"]["validate"]["yaml_seconds"])),
    ("  peak memory", lambda r: _mb(r["stages"]["validate"]["peak_mb"])),
    ("render (pages, charts, data)", _wc("render")),
    ("  of which pages (2 langs, wall)", lambda r: _s(r["stages"]["render"]["pages_seconds"])),
    ("  peak memory", lambda r: _mb(r["stages"]["render"]["peak_mb"])),
    ("mkdocs build (dxsite, 2 langs)", _wc("mkdocs")),
    ("  peak memory (all processes)", lambda r: _mb(r["stages"]["mkdocs"]["peak_mb"])),
    ("assemble + search index + CSP + sitemap", _wc("finish")),
    ("  of which search index", lambda r: _s(r["stages"]["finish"].get("search_seconds", 0))),
    ("  search index size (2 langs)", lambda r: _kb(r["stages"]["finish"].get("search_bytes", 0))),
    ("startup, imports (CPU)", lambda r: _s(startup_cpu(r))),
    ("whole `dxsite build`", _wc("build")),
    ("  peak memory (all processes)", lambda r: _mb(r["stages"]["build"]["peak_mb"])),
    ("  dxsite's own share (CPU)", lambda r: f"{share(r):.1%}"),
    ("  CPU per item", lambda r: f"{per_item_ms(r):.1f} ms"),
    ("plain mkdocs, the same pages", _wc("plain")),
    ("  peak memory (all processes)", lambda r: _mb(r["stages"]["plain"]["peak_mb"])),
    ("  peak memory, whole build / plain mkdocs", lambda r: f"{memory_ratio(r):.2f}×"),
    ("reference: plain mkdocs, original Markdown", _wc("original")),
    ("  whole build / reference (CPU)", _overhead),
    ("    paired runs (CPU ratio of each)", _pairs),
    ("second build, nothing changed", _rebuild("unchanged_")),
    ("second build, one KPI value changed", _rebuild("")),
    ("  identical to a clean build", _rebuild(None)),
    ("output size (site/)", lambda r: _kb(r["output"]["bytes"])),
    ("  HTML pages", lambda r: f"{r['output']['html_pages']:,}"),
    ("  search index", lambda r: _kb(r["output"]["search_index_bytes"])),
    ("  largest page", lambda r: _kb(r["output"]["largest_pages"][0]["bytes"])),
    ("    which", lambda r: r["output"]["largest_pages"][0]["path"]),
    (f"  pages over {PAGE_BYTES // 1000} KB", _over),
    (
        "serve: rebuild after 1 KPI value",
        lambda r: _s(r["serve"]["seconds"]) if "serve" in r else "-",
    ),
    (
        "  CPU time (all processes)",
        lambda r: _s(r["serve"]["cpu_seconds"]) if "cpu_seconds" in r.get("serve", {}) else "-",
    ),
]


def table(sizes: dict[str, dict[str, Any]]) -> str:
    """Rows of figures, one column per size."""
    names = list(sizes)
    return _columns(
        [["", *names], *([label, *(cell(sizes[n]) for n in names)] for label, cell in ROWS)]
    )


def _columns(rows: list[list[str]]) -> str:
    """Rows as text: the first cell left-aligned, the others right-aligned, each column as wide
    as its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        (
            row[0].ljust(widths[0])
            + "".join(f"  {v.rjust(w)}" for v, w in zip(row[1:], widths[1:], strict=True))
        ).rstrip()
        for row in rows
    )


def page_types_table(sizes: dict[str, dict[str, Any]]) -> str:
    """MkDocs' time per Japanese page of each kind, on dxsite's pages (raw HTML blocks set
    aside) against their original Markdown form: ms per page and the ratio, one column per
    size ("-" where a size has no page of the kind)."""
    names = [n for n in sizes if "pages" in sizes[n]["stages"]]
    if not names:
        return ""
    kinds: dict[str, None] = {}
    for n in names:
        kinds |= dict.fromkeys(sizes[n]["stages"]["pages"]["types"])

    def cell(size: str, kind: str) -> str:
        found = sizes[size]["stages"]["pages"]["types"].get(kind)
        if not found or not found["pages"]:
            return "-"
        blocks, whole = (1000 * found[f] / found["pages"] for f in ("blocks", "whole"))
        return f"{found['pages']:,} × {blocks:.1f} / {whole:.1f} ms ({blocks / whole:.2f}×)"

    head = ["MkDocs per Japanese page: pages × ms (dxsite's / original)", *names]
    return _columns([head, *([kind, *(cell(n, kind) for n in names)] for kind in kinds)])


def _target(name: str, met: bool | None, measured: str, why: str = "") -> dict[str, Any]:
    status = "not measured" if met is None else "met" if met else "missed"
    return {"target": name, "status": status, "measured": measured, "why": "" if met else why}


def _own_share(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = (
        "dxsite's own stages (imports, load + validate, render, assemble + CSP) "
        f"≤ {OWN_SHARE:.0%} of the whole build's CPU time, at every size"
    )
    shares = {size: share(r) for size, r in sizes.items()}
    measured = ", ".join(f"{size} {value:.1%}" for size, value in shares.items())
    missed = [size for size, value in shares.items() if value > OWN_SHARE]
    why = []
    for size in missed:
        r = sizes[size]
        finish = r["stages"]["finish"]
        why.append(
            f"{size}: {(shares[size] - OWN_SHARE) * 100:.1f} points over: startup and imports "
            f"{_s(startup_cpu(r))}, load + validate {_s(_cpu(r, 'validate'))}, render "
            f"{_s(_cpu(r, 'render'))}, assemble + CSP "
            f"{_s(finish['cpu_seconds'] - finish.get('search_seconds', 0.0))} "
            f"of {_s(_cpu(r, 'build'))} CPU"
        )
    return _target(name, not missed, measured, "; ".join(why))


def _cpu_ratio(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = (
        f"L, both languages: the whole build's CPU ≤ {CPU_RATIO:g}× plain MkDocs' on the "
        "original Markdown"
    )
    measured = ", ".join(f"{size} {cpu_ratio(r):.2f}×" for size, r in sizes.items())
    if "L" not in sizes:
        return _target(name, None, measured or "needs size L")
    r = sizes["L"]
    paired = f"median of {len(r['pairs']['runs'])} paired runs; " if "pairs" in r else ""
    why = (
        f"{paired}best {_s(_cpu(r, 'build'))} against {_s(_cpu(r, 'original'))}: MkDocs on "
        "dxsite's pages "
        f"{_s(_cpu(r, 'mkdocs'))}, dxsite's own stages {_s(own_seconds(r))}, search index "
        f"{_s(r['stages']['finish'].get('search_seconds', 0.0))}"
    )
    return _target(name, cpu_ratio(r) <= CPU_RATIO, measured, why)


def _size_xl(sizes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    names = (
        f"XL builds in ≤ {XL_SECONDS:g} s (wall, quiet machine)",
        f"XL's peak memory ≤ {XL_MEMORY_MB / 1024:.0f} GB",
    )
    if "XL" not in sizes:
        return [_target(name, None, "needs size XL") for name in names]
    build = sizes["XL"]["stages"]["build"]
    seconds, peak = build["seconds"], build["peak_mb"]
    return [
        _target(
            names[0],
            seconds <= XL_SECONDS,
            f"{_s(seconds)} (CPU {_s(build['cpu_seconds'])})",
            f"{_s(seconds - XL_SECONDS)} over",
        ),
        _target(names[1], peak <= XL_MEMORY_MB, _mb(peak), f"{_mb(peak - XL_MEMORY_MB)} over"),
    ]


def _rebuilds(sizes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for size, limit in REBUILD_SECONDS.items():
        name = (
            f"a second `dxsite build` at {size} after one KPI value changes: ≤ {limit:g} s, "
            "byte-identical to a clean build"
        )
        rebuild = sizes.get(size, {}).get("stages", {}).get("rebuild")
        if rebuild is None:
            found.append(_target(name, None, f"needs size {size}"))
            continue
        seconds, identical = rebuild["seconds"], rebuild["identical"]
        measured = (
            f"{_s(seconds)}, CPU {_s(rebuild['cpu_seconds'])}, "
            + ("identical" if identical else "NOT identical")
            + f" (nothing changed: {_s(rebuild['unchanged_seconds'])})"
        )
        why = (
            f"{_s(seconds - limit)} over: the plan is validated and every page rendered again"
            if identical
            else "the rebuilt site differs from a clean build's"
        )
        found.append(_target(name, seconds <= limit and identical, measured, why))
    return found


def _linear(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = (
        f"linear growth from M to XL: the build's CPU per item within ±{PER_ITEM:.0%} "
        "of the sizes' mean"
    )
    measured_sizes = [size for size in LINEAR_SIZES if size in sizes]
    if len(measured_sizes) < 2:
        return _target(name, None, "needs two of " + ", ".join(LINEAR_SIZES))
    per_item = {size: per_item_ms(sizes[size]) for size in measured_sizes}
    mean = sum(per_item.values()) / len(per_item)
    measured = ", ".join(f"{size} {ms:.1f} ms" for size, ms in per_item.items())
    off = {size: ms / mean - 1 for size, ms in per_item.items()}
    why = ", ".join(f"{size} {value:+.0%}" for size, value in off.items())
    return _target(name, all(abs(v) <= PER_ITEM for v in off.values()), measured, why)


def _growth(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = f"time and output size grow at most linearly: L / M ≤ {GROWTH:g}×"
    if "M" not in sizes or "L" not in sizes:
        return _target(name, None, "needs sizes M and L")
    m, big = sizes["M"], sizes["L"]
    items = sum(big["items"].values()) / sum(m["items"].values())
    time = big["stages"]["build"]["seconds"] / m["stages"]["build"]["seconds"]
    size = big["output"]["bytes"] / m["output"]["bytes"]
    measured = f"items {items:.1f}×, build time {time:.1f}×, output size {size:.1f}×"
    ratios = {
        label: big["stages"][key]["seconds"] / m["stages"][key]["seconds"]
        for key, label in (("validate", "load + validate"), ("render", "render"))
    }
    ratios["mkdocs"] = big["stages"]["mkdocs"]["seconds"] / m["stages"]["mkdocs"]["seconds"]
    steep = [f"{label} {ratio:.1f}×" for label, ratio in ratios.items() if ratio > GROWTH]
    why = "stages growing faster than the plan: " + (", ".join(steep) or "none")
    if size > GROWTH:
        why += f"; output {_kb(m['output']['bytes'])} → {_kb(big['output']['bytes'])}"
    return _target(name, time <= GROWTH and size <= GROWTH, measured, why)


def _pages_over(result: dict[str, Any]) -> list[str]:
    found = []
    for page in result["output"]["largest_pages"]:
        if page["bytes"] > PAGE_BYTES:
            path = page["path"].removeprefix("en/")
            reason = WHY_PAGE.get(path, "")
            found.append(
                f"{page['path']} {_kb(page['bytes'])} ({page['bytes'] / PAGE_BYTES:.1f}× the limit"
                + (f": {reason})" if reason else ")")
            )
    return found


def _size_l(sizes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    names = (
        f"L builds, both languages, in under {L_SECONDS / 60:.0f} minutes",
        f"L's peak memory under {L_MEMORY_MB / 1024:.0f} GB",
        f"no HTML page over {PAGE_BYTES // 1000} KB at L",
    )
    if "L" not in sizes:
        return [_target(name, None, "needs size L") for name in names]
    r = sizes["L"]
    build = r["stages"]["build"]
    seconds, peak = build["seconds"], build["peak_mb"]
    pages = _pages_over(r)
    largest = r["output"]["largest_pages"][0]
    return [
        _target(names[0], seconds < L_SECONDS, _s(seconds), f"{_s(seconds - L_SECONDS)} over"),
        _target(names[1], peak < L_MEMORY_MB, _mb(peak), f"{_mb(peak - L_MEMORY_MB)} over"),
        _target(
            names[2],
            not pages,
            f"largest {_kb(largest['bytes'])} ({largest['path']})",
            f"{len(pages)} of the largest pages over: " + "; ".join(pages),
        ),
    ]


def _large_pages(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = f"no HTML page over {PAGE_BYTES // 1000} KB at {', '.join(LARGE_SIZES)}"
    measured = {size: sizes[size]["output"] for size in LARGE_SIZES if size in sizes}
    if not measured:
        return _target(name, None, f"needs one of {', '.join(LARGE_SIZES)}")
    over = {size: out.get("pages_over_limit") for size, out in measured.items()}
    figures = "; ".join(
        f"{size}: largest {_kb(out['largest_pages'][0]['bytes'])} "
        f"({out['largest_pages'][0]['path']}), {over[size]} over"
        for size, out in measured.items()
    )
    met = all(count == 0 for count in over.values())
    return _target(name, met, figures, "pages that list what grows with the plan")


def _memory(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = f"peak memory at XL (all processes) ≤ {MEMORY_RATIO:g}× plain MkDocs on the same pages"
    measured = {size: sizes[size] for size in ("XL", "XL-uneven") if size in sizes}
    if not measured:
        return _target(name, None, "needs size XL or XL-uneven")
    ratios = {size: memory_ratio(r) for size, r in measured.items()}
    figures = "; ".join(
        f"{size}: {_mb(r['stages']['build']['peak_mb'])} vs {_mb(r['stages']['plain']['peak_mb'])}"
        f" ({ratios[size]:.2f}×)"
        for size, r in measured.items()
    )
    why = (
        "the peak is the render child (the plan and one language's pages) beside dxsite's "
        "process, or both MkDocs builds beside it (generator/apart.py)"
    )
    return _target(name, all(v <= MEMORY_RATIO for v in ratios.values()), figures, why)


def _serve(sizes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for size, limit in SERVE_SECONDS.items():
        name = f"serve: preview rebuilt in under {limit:g} s at {size} after one KPI value changes"
        serve = sizes.get(size, {}).get("serve")
        if serve is None:
            found.append(_target(name, None, f"needs size {size}"))
            continue
        seconds = serve["seconds"]
        measured = (
            f"{_s(seconds)}, CPU {_s(serve.get('cpu_seconds', 0))} (median of "
            f"{len(serve['rebuilds'])}; + up to {SERVE_POLL:g} s until serve notices the change)"
        )
        why = f"{_s(seconds - limit)} over; the first build took {_s(serve['first_build'])}"
        found.append(_target(name, seconds < limit, measured, why))
    return found


def busy(sizes: dict[str, dict[str, Any]], cpus: int) -> str:
    """A warning when other processes loaded the machine while it measured ("" when quiet).

    The benchmark alone keeps the load near 2 while both MkDocs builds run; above the CPUs
    plus one, something else was running too.
    """
    loads = {
        size: max(r["load_average"]["before"][0], r["load_average"]["after"][0])
        for size, r in sizes.items()
    }
    shared = {size: load for size, load in loads.items() if load > cpus + 1}
    if not shared:
        return ""
    listed = ", ".join(f"{size} {load:.1f}" for size, load in shared.items())
    return (
        f"note: the machine was busy (1-minute load average {listed} on {cpus} CPUs): "
        "times are inflated; the best of the repeated runs is shown, all are in the report"
    )


def _search_share(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = f"search indexing ≤ {SEARCH_SHARE:.0%} of the whole build's CPU time"
    shares = {
        size: r["stages"]["finish"]["search_seconds"] / _cpu(r, "build")
        for size, r in sizes.items()
        if "search_seconds" in r["stages"]["finish"]
    }
    if not shares:
        return _target(name, None, "not recorded")
    measured = ", ".join(f"{size} {value:.1%}" for size, value in shares.items())
    missed = [size for size, value in shares.items() if value > SEARCH_SHARE]
    why = "one parse of every built page's article (generator/search.py)"
    return _target(name, not missed, measured, why)


def targets(sizes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every target of the issue: met, missed (by how much, and why) or not measured."""
    return [
        _cpu_ratio(sizes),
        _own_share(sizes),
        _linear(sizes),
        *_size_xl(sizes),
        *_rebuilds(sizes),
        _growth(sizes),
        *_size_l(sizes),
        _large_pages(sizes),
        _memory(sizes),
        *_serve(sizes),
        _search_share(sizes),
    ]


def render_targets(found: list[dict[str, Any]]) -> str:
    """The targets as lines: [met] / [MISSED] / [not measured], the figure, and why."""
    lines = []
    for t in found:
        mark = {"met": "[met]   ", "missed": "[MISSED]", "not measured": "[  -  ] "}[t["status"]]
        lines.append(f"{mark} {t['target']}: {t['measured']}")
        if t["why"]:
            lines.append(f"         why: {t['why']}")
    return "\n".join(lines)
