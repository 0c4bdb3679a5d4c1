"""The `dxsite` command: check, schema, build, serve, new, accessibility, collect, import."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, commands, engines, messages, stages
from .config import theme_changes
from .diagnostics import Severity, arrange, summary
from .errors import DxsiteError
from .guide import GUIDE, write_guide
from .messages import say
from .reference import update_readme
from .schema import write_schemas
from .validate import Result, validate


def _report(result: Result, fmt: str, *, strict: bool, verbose: bool = False) -> None:
    """Print the findings: in `json` every one; in text and GitHub's format every error, and
    the warnings of a kind that fills a file summarised (all listed when `verbose`)."""
    if fmt == "json":
        print(json.dumps(_as_json(result), ensure_ascii=False, indent=2))
        return
    listed, groups = arrange(result.diagnostics, verbose=verbose)
    for d in listed:
        print(d.as_github() if fmt == "github" else d.as_text())
    for group in groups:
        print("\n".join(group.as_github() if fmt == "github" else group.as_text()))
    if result.unread:
        print(say("summary.skipped", files=say("where.join").join(result.unread)))
    if fmt == "text" and result.coverage:
        print(say("coverage.title"))
        for rel, (done, total) in sorted(result.coverage.items()):
            percent = 100 * done / total if total else 100.0
            print(say("coverage.line", file=rel, done=done, total=total, percent=percent))
    if result.omitted:
        shown = sum(d.severity is Severity.ERROR for d in result.diagnostics)
        print(say("summary.omitted", count=result.omitted, shown=shown))
    line = summary(result.diagnostics)
    if strict and not any(d.severity is Severity.ERROR for d in result.diagnostics):
        line += say("summary.strict") if result.diagnostics else ""
    print(line)


def _as_json(result: Result) -> dict[str, object]:
    """The findings for tools and editors (each with its field path), and what was left out."""
    return {
        "diagnostics": [d.as_json() for d in result.diagnostics],
        "omitted": result.omitted,
        "skipped_because_unreadable": result.unread,
        "coverage": {
            rel: {"translated": done, "texts": total}
            for rel, (done, total) in sorted(result.coverage.items())
        },
    }


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the plan and report every problem at PATH:LINE:COL."""
    result = validate(Path(args.dir))
    if args.format == "github":
        result.diagnostics += theme_changes(Path(args.dir))
    _report(result, args.format, strict=args.strict, verbose=args.verbose)
    return 1 if result.failed(strict=args.strict) else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Validate, render and build the site into site/ (untouched when anything fails)."""
    root = Path(args.dir)
    site_dir = Path(args.site_dir) if args.site_dir else root / "site"
    report = _reporter("text", args.strict, args.verbose)
    with stages.reporting(quiet=args.quiet):
        commands.build(
            root, site_dir, strict=args.strict, report=report, pdf=args.pdf, engine=args.engine
        )
    print(say("build.done", site=site_dir))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Preview on localhost, rebuilding on every change."""
    report = _reporter("text", False, args.verbose)
    with stages.reporting(quiet=args.quiet):
        commands.serve(Path(args.dir), args.host, args.port, report=report, engine=args.engine)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Start a city's own repository."""
    commands.new(Path(args.dir))
    print(say("new.created", dir=args.dir))
    return 0


def _reporter(fmt: str, strict: bool, verbose: bool = False) -> commands.Report:
    def report(result: Result) -> None:
        if result.diagnostics:
            _report(result, fmt, strict=strict, verbose=verbose)

    return report


def cmd_accessibility(args: argparse.Namespace) -> int:
    """Test every page of both languages with axe-core and record DIR/accessibility.json."""
    from . import accessibility  # Playwright and axe-core are optional: imported only here

    root = Path(args.dir)
    site_dir = Path(args.site_dir) if args.site_dir else None

    def build(project: Path, target: Path) -> None:
        commands.build(project, target, strict=False, report=_reporter("text", False))

    with stages.reporting(quiet=args.quiet):
        report = accessibility.run(root, site_dir, build=build)
    for problem in report.problems():
        print(problem)
    schemes = say("a11y.and").join(say(f"a11y.scheme.{scheme}") for scheme in report.schemes)
    print(
        say(
            "a11y.summary",
            tool=report.tool,
            tags=", ".join(report.tags),
            browser=report.browser,
            pages=len(report.pages),
            schemes=schemes,
            violations=report.violations,
            report=root / accessibility.REPORT,
        )
    )
    return 1 if report.violations else 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas into DIR/schemas/ and, where DIR has a README.md, the README's
    format reference and the editors' guide docs/editing.ja.md."""
    root = Path(args.dir)
    changed = write_schemas(root)
    print(say("schema.updated", count=len(changed)) if changed else say("schema.current"))
    if (root / "README.md").is_file() and update_readme(root / "README.md"):
        print(say("schema.readme"))
    if (root / "README.md").is_file() and write_guide(root):
        print(say("schema.guide", guide=GUIDE))
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    """Write the progress workbooks (one per department) for a fiscal year."""
    root = Path(args.dir)
    year = commands.fiscal_year(args.year)
    out = Path(args.out) if args.out else root / ".dxsite" / "collect" / f"FY{year}"
    for path in commands.collect(
        root, year, out, args.owner, together=args.all, report=_reporter("text", False)
    ):
        print(say("collect.written", path=path))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Write the answers of returned progress sheets into kpis.yaml and plan/strategies.yaml."""
    from . import importer  # the Excel libraries, only where they are used

    year = commands.fiscal_year(args.year) if args.year else None
    try:
        outcome = commands.import_sheets(
            Path(args.dir), [Path(f) for f in args.files], year, dry_run=args.dry_run
        )
    except importer.ImportFailed as exc:
        print(exc)
        return 1
    for change in outcome.changes:
        print(change.describe())
    for warning in outcome.warnings:
        print(warning)
    if not outcome.changes:
        print(say("import.no_changes"))
    for rel in outcome.written:
        print(say("import.written", file=rel))
    if args.dry_run and outcome.changes:
        print(say("import.dry_run"))
    return 0


def _verbose_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every warning (by default a kind of warning that fills a file is summarised)",
    )


def _quiet_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="do not show the stages of the work (on stderr: one updating line on a terminal, "
        "one line per stage elsewhere)",
    )


def _lang_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=messages.LANGS,
        help=f"language of dxsite's messages (default: ${messages.ENV}, else ja)",
    )


def _engine_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine",
        choices=engines.ENGINES,
        default=engines.DEFAULT,
        help="the builder: mkdocs (default) or zensical (needs dxsite[zensical]); "
        "see the README's migration note",
    )


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    top = argparse.ArgumentParser(prog="dxsite", description=__doc__)
    top.add_argument("--version", action="version", version=f"dxsite {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate the plan")
    check.add_argument("dir", nargs="?", default=".", help="the project (default: .)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="text (default), GitHub annotations, or JSON with each field's path for tools",
    )
    _verbose_option(check)
    _lang_option(check)
    check.set_defaults(run=cmd_check)

    build = sub.add_parser("build", help="build the bilingual site into site/")
    build.add_argument("dir", nargs="?", default=".")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("--site-dir", help="where to write the site (default: DIR/site)")
    build.add_argument(
        "--pdf",
        action="store_true",
        help="also print each yearly report to an A4 PDF (needs dxsite[pdf] and chromium)",
    )
    _verbose_option(build)
    _quiet_option(build)
    _engine_option(build)
    _lang_option(build)
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="preview on localhost, rebuilding on changes")
    serve.add_argument("dir", nargs="?", default=".")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    _verbose_option(serve)
    _quiet_option(serve)
    _engine_option(serve)
    _lang_option(serve)
    serve.set_defaults(run=cmd_serve)

    new = sub.add_parser(
        "new",
        help="write a city's repository (plan, workflows, pinned dxsite) into a new directory",
    )
    new.add_argument("dir")
    _lang_option(new)
    new.set_defaults(run=cmd_new)

    a11y = sub.add_parser(
        "accessibility", help="test every page with axe-core and record accessibility.json"
    )
    a11y.add_argument("dir", nargs="?", default=".")
    a11y.add_argument(
        "--site-dir", help="test this built site instead of building DIR into a temporary one"
    )
    _quiet_option(a11y)
    _lang_option(a11y)
    a11y.set_defaults(run=cmd_accessibility)

    collect = sub.add_parser("collect", help="write Excel workbooks asking for a year's progress")
    collect.add_argument("year", help="the fiscal year to collect, e.g. 令和7年度, R7 or 2025")
    collect.add_argument("dir", nargs="?", default=".", help="the project (default: .)")
    collect.add_argument("--owner", help="only this department's workbook (its Japanese name)")
    collect.add_argument("--all", action="store_true", help="one workbook for every department")
    collect.add_argument("--out", help="where to write (default: DIR/.dxsite/collect/FYyyyy)")
    _lang_option(collect)
    collect.set_defaults(run=cmd_collect)

    load = sub.add_parser("import", help="write returned progress sheets into the plan")
    load.add_argument("files", nargs="+", help="the returned .xlsx workbooks or .csv sheets")
    load.add_argument("--dir", default=".", help="the project (default: .)")
    load.add_argument("--year", help="the fiscal year being imported (default: the sheets')")
    load.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    _lang_option(load)
    load.set_defaults(run=cmd_import)

    schema = sub.add_parser(
        "schema", help="write JSON Schemas, the README's format reference and the editors' guide"
    )
    schema.add_argument("dir", nargs="?", default=".")
    _lang_option(schema)
    schema.set_defaults(run=cmd_schema)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; editors' mistakes end in messages, never a traceback."""
    args = parser().parse_args(argv)
    messages.use(getattr(args, "lang", None))
    try:
        return int(args.run(args))
    except DxsiteError as exc:
        print(say("cli.error", problem=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader stopped early (`dxsite check | head`): the rest goes nowhere, quietly, and
        # so does what Python would flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
