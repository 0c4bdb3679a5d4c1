"""The pipeline as commands: build (check → render → mkdocs → swap), serve, new, collect, import."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Generator
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, clock, engines, stages
from .apart import Apart
from .errors import DxsiteError, PlanError
from .messages import current, say
from .model.fiscal import format_fiscal_year, parse_fiscal_year
from .parsed import Parsed
from .schema import write_schemas
from .site import THEME_DIR, WORK_DIR, Paths, Ready, prepare
from .site import build as build_site
from .validate import Result, validate

if TYPE_CHECKING:
    from .importer import Outcome

SCAFFOLD = Path(__file__).with_name("scaffold")
REQUIREMENTS = """\
# The dxsite that CI and editors install (pip install -r requirements.txt). To upgrade, change
# the version in a pull request and look at its preview.
dxsite=={version}
"""
WATCHED = ("plan", "kpis.yaml", THEME_DIR, "mkdocs.yml")

Report = Callable[[Result], None]


def build(
    root: Path,
    site_dir: Path,
    *,
    strict: bool,
    report: Report,
    pdf: bool = False,
    engine: str = engines.DEFAULT,
) -> None:
    """Validate exactly as `check` does; build only a valid plan (with `engine`, see
    generator/engines.py); raise PlanError otherwise. Validation and rendering run in a child
    process that ends before the builder starts (see `apart`), so the plan's memory is given
    back while the builder runs."""
    paths = Paths(root.resolve(), Path(os.path.abspath(site_dir)))

    def plan() -> Generator[tuple[Result, bool] | Ready, None, None]:
        result = validate(root, parsed=Parsed(paths.work))
        failed = result.failed(strict=strict)
        project, result.project = result.project, None
        yield result, failed
        assert project is not None
        yield prepare(project, paths, pdf=pdf, engine=engine)

    def write() -> Ready:
        """Validate, then write the pages: called once the build has checked the project's
        folders and holds its lock, since validating keeps the plan's parse in .dxsite/."""
        stages.stage("validate")
        with Apart(plan) as child:
            validated = child.next()
            assert isinstance(validated, tuple)
            result, failed = validated
            report(result)
            if failed:
                raise PlanError(say("build.failed"))
            ready = child.finish(None)
            assert isinstance(ready, Ready)
            return ready

    build_site(paths, write, strict=strict, pdf=pdf, engine=engine)


def _snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        candidates = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in candidates:
            if file.is_file():
                stamps[str(file)] = file.stat().st_mtime
    return stamps


def serve(
    root: Path,
    host: str,
    port: int,
    *,
    report: Report,
    once: bool = False,
    engine: str = engines.DEFAULT,
) -> None:
    """Build into .dxsite/serve with `engine`, serve it on localhost, rebuild when the sources
    change."""
    site_dir = root / WORK_DIR / "serve"

    def rebuild() -> None:
        started = time.perf_counter()
        try:
            build(root, site_dir, strict=False, report=report, engine=engine)
        except DxsiteError as exc:
            print(say("serve.kept", problem=exc), flush=True)
            return
        print(say("serve.rebuilt", seconds=time.perf_counter() - started), flush=True)

    rebuild()
    site_dir.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(say("serve.listening", host=host, port=server.server_address[1]), flush=True)
    seen = _snapshot(root)
    try:
        while not once:
            time.sleep(0.3)
            now = _snapshot(root)
            if now != seen:
                seen = now
                rebuild()
    finally:
        server.shutdown()


_LOCAL_HOST = re.compile(r"^(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?$", re.IGNORECASE)
"""The Host headers serve answers: a page on another site that rebinds its DNS name to 127.0.0.1
sends its own name, so it cannot read the preview."""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site to localhost only, without logging every request."""

    def parse_request(self) -> bool:
        """Refuse (403) a request whose Host is not 127.0.0.1 or localhost."""
        if not super().parse_request():
            return False
        if _LOCAL_HOST.match(self.headers.get("Host", "")):
            return True
        self.send_error(HTTPStatus.FORBIDDEN, explain=say("serve.host"))
        return False

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


def fiscal_year(text: str) -> int:
    """A fiscal year typed on the command line (令和7年度, R7, 2025 …), or a DxsiteError."""
    try:
        return parse_fiscal_year(text)
    except ValueError as exc:
        raise DxsiteError(str(exc)) from None


def collect(
    root: Path, year: int, out: Path, owner: str | None, *, together: bool, report: Report
) -> list[Path]:
    """Validate as `check` does, then write the progress workbooks of a valid plan."""
    from . import collect as exchange_collect  # the Excel libraries, only where they are used

    result = validate(root)
    if result.project is None:
        report(result)
        raise PlanError(say("collect.failed"))
    chosen = exchange_collect.choose(result.project, owner, together=together)
    return exchange_collect.collect(result.project, year, out, chosen)


def import_sheets(root: Path, files: list[Path], year: int | None, *, dry_run: bool) -> Outcome:
    """Read returned sheets and write their answers into the plan (see `importer`)."""
    from . import importer  # the Excel libraries, only where they are used
    from .sheets import read as read_sheets

    sheets = [sheet for path in files for sheet in read_sheets(path)]
    years = sorted({s.year for s in sheets})
    if year is None:
        if len(years) > 1:
            shown = "、".join(str(y) for y in years)
            raise DxsiteError(say("import.mixed_years", years=shown))
        now = clock.current_fiscal_year()
        year = years[0] if years else now
        if year not in (now, now - 1):
            found = sheets[0]
            raise DxsiteError(
                f"{found.file}: "
                + say("import.old_year", found=format_fiscal_year(year, current()), year=year)
            )
    return importer.run(root, sheets, year, dry_run=dry_run)


def new(target: Path) -> None:
    """Write a city's repository: a minimal valid plan (both languages) that builds at once, the
    pull-request and publish workflows, the pre-commit configuration, requirements.txt pinning
    this dxsite and a README for the editors. No theme/: the site takes the pinned dxsite's."""
    try:
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise DxsiteError(say("new.not_empty", dir=target))
        shutil.copytree(SCAFFOLD, target, dirs_exist_ok=True)
        (target / "requirements.txt").write_text(
            REQUIREMENTS.format(version=__version__), encoding="utf-8"
        )
        write_schemas(target)
    except OSError as exc:
        raise DxsiteError(say("new.failed", dir=target, problem=exc.strerror or exc)) from None
