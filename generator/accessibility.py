"""Test the built site with axe-core in headless Chromium and record the result.

`dxsite accessibility` and the browser tests share this runner. Playwright and axe-core (from
axe-playwright-python, which bundles it) are optional: they are imported only when a test runs,
so `dxsite build` works without them (`pip install dxsite[a11y]`).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import http.server
import importlib.resources
import json
import shutil
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import stages
from .errors import DxsiteError
from .jis import criteria_of
from .messages import say

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
SCHEMES = ("light", "dark")
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
REPORT = "accessibility.json"


@dataclass
class Violation:
    """One axe rule broken on a page, with where."""

    rule: str
    impact: str
    help: str
    targets: list[str]

    def describe(self) -> str:
        """One line for a person: the rule, what it asks (axe's words) and the first elements."""
        where = ", ".join(self.targets[:3]) + (" …" if len(self.targets) > 3 else "")
        return say("a11y.rule", rule=self.rule, impact=self.impact, help=self.help, where=where)


@dataclass
class PageResult:
    """axe's verdict on one page in every colour scheme tested."""

    url: str
    violations: dict[str, list[Violation]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """axe's violations (rules broken) on this page, over all schemes."""
        return sum(len(found) for found in self.violations.values())


@dataclass
class Report:
    """A whole run: what was tested, with what, and what was found."""

    date: str
    tool: str
    browser: str
    pages: list[PageResult]
    tags: tuple[str, ...] = TAGS
    schemes: tuple[str, ...] = SCHEMES
    rule_criteria: dict[str, list[str]] = field(default_factory=dict)
    """Every axe-core rule run → the success criteria its tags name (1.1.1, 1.4.10 …)."""

    @property
    def violations(self) -> int:
        """Every violation on every page."""
        return sum(page.count for page in self.pages)

    def problems(self) -> list[str]:
        """Every violation as `URL [scheme] rule …`, for a message."""
        return [
            say(
                "a11y.violation",
                url=page.url,
                scheme=say(f"a11y.scheme.{scheme}"),
                problem=v.describe(),
            )
            for page in self.pages
            for scheme, found in page.violations.items()
            for v in found
        ]

    def as_json(self) -> dict[str, Any]:
        """The recorded form that the accessibility policy page is generated from."""
        return {
            "date": self.date,
            "tool": self.tool,
            "tags": list(self.tags),
            "schemes": list(self.schemes),
            "browser": self.browser,
            "pages": [
                {
                    "url": page.url,
                    "violations": page.count,
                    "rules": sorted({v.rule for found in page.violations.values() for v in found}),
                }
                for page in self.pages
            ],
            "violations": self.violations,
            "rule_criteria": self.rule_criteria,
        }


def axe_script() -> str:
    """axe-core's source, as bundled with axe-playwright-python."""
    try:
        bundled = importlib.resources.files("axe_playwright_python") / "axe.min.js"
        return bundled.read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        raise DxsiteError(say("a11y.install", what="axe-core")) from None


def site_pages(site: Path) -> list[str]:
    """The URL path of every HTML page of the built site (both languages), in order."""
    urls = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        urls.append("/" + rel.removesuffix("index.html"))
    return sorted(urls, key=lambda url: (url.startswith("/en/"), url))


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under its prefix, without logging every request.

    A miss inside the site gets the nearest 404.html above it, with status 404, as a host
    serves its error page (GitHub Pages the site's /404.html, nginx an error_page).
    """

    prefix = "/"

    def translate_path(self, path: str) -> str:
        """Map PREFIX/… to the site; anything else to a file that does not exist."""
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".dxsite-outside-the-site" / "missing")
        return super().translate_path("/" + path[len(self.prefix) :])

    def _not_found_page(self) -> Path | None:
        """The 404.html nearest above the requested path, None outside the site."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        parts = [p for p in path[len(self.prefix) :].split("/")[:-1] if p not in ("", ".", "..")]
        for depth in range(len(parts), -1, -1):
            page = Path(self.directory, *parts[:depth], "404.html")
            if page.is_file():
                return page
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The site's own 404 page for a miss inside the site; the stock page otherwise."""
        page = self._not_found_page() if code == http.HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


class _Server(http.server.ThreadingHTTPServer):
    """A local server that does not print a traceback when the browser hangs up early."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore connections the browser dropped (a page closed mid-download)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port under `prefix`; yields the base URL.

    The base URL has no trailing slash: add a page's path (/, /en/kpis/ …) to it.
    """
    handler_class = type("Handler", (_Handler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Playwright) -> Browser:
    """Debian's headless Chromium, kept quiet and offline."""
    if not CHROMIUM.exists():
        raise DxsiteError(say("a11y.no_chromium", path=CHROMIUM))
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(LAUNCH_ARGS)
    )


def new_context(browser: Browser, scheme: str = "light", **options: Any) -> BrowserContext:
    """A fresh browser context in the light or dark colour scheme."""
    return browser.new_context(color_scheme="dark" if scheme == "dark" else "light", **options)


def run_axe(page: Page, script: str, tags: Sequence[str] = TAGS) -> list[Violation]:
    """Run axe-core on the loaded page with `tags`; its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(script)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        list(tags),
    )
    return [
        Violation(
            rule=str(v["id"]),
            impact=str(v.get("impact") or ""),
            help=str(v.get("help") or ""),
            targets=[" ".join(map(str, node.get("target", []))) for node in v.get("nodes", [])],
        )
        for v in results.get("violations", [])
    ]


def rule_criteria(page: Page, script: str, tags: Sequence[str] = TAGS) -> dict[str, list[str]]:
    """The rules axe-core runs with `tags`, each with the success criteria its tags name."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(script)
    rules = page.evaluate("tags => axe.getRules(tags).map(r => [r.ruleId, r.tags])", list(tags))
    return {str(rule): criteria_of([str(t) for t in found]) for rule, found in sorted(rules)}


def axe_version(page: Page, script: str) -> str:
    """The version of axe-core the script holds."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(script)
    return str(page.evaluate("axe.version"))


# Material picks the palette from prefers-color-scheme in its JavaScript: wait until it has.
_SCHEME_APPLIED = (
    "s => !document.querySelector('[data-md-component=palette]')"
    " || document.body.dataset.mdColorScheme === s"
)


def audit(
    browser: Browser,
    base_url: str,
    urls: Sequence[str],
    *,
    schemes: Sequence[str] = SCHEMES,
    tags: Sequence[str] = TAGS,
    context: Callable[[str], BrowserContext] | None = None,
) -> Report:
    """Load every URL in every colour scheme and run axe-core on it.

    `context` makes the browser context for a scheme (the tests' record console errors).
    """
    script = axe_script()
    results = {url: PageResult(url) for url in urls}
    stages.stage("audit", total=len(urls) * len(schemes))
    tool = "axe-core"
    criteria: dict[str, list[str]] = {}
    for scheme in schemes:
        scheme_context = context(scheme) if context else new_context(browser, scheme)
        try:
            page = scheme_context.new_page()
            for url in urls:
                page.goto(base_url + url, wait_until="load")
                expected = "slate" if scheme == "dark" else "default"
                page.wait_for_function(_SCHEME_APPLIED, arg=expected, timeout=10_000)
                results[url].violations[scheme] = run_axe(page, script, tags)
                stages.advance()
                if tool == "axe-core":
                    tool = f"axe-core {axe_version(page, script)}"
                    criteria = rule_criteria(page, script, tags)
        finally:
            scheme_context.close()
    return Report(
        date=datetime.date.today().isoformat(),
        tool=tool,
        browser=f"Chromium {browser.version} (headless)",
        pages=list(results.values()),
        tags=tuple(tags),
        schemes=tuple(schemes),
        rule_criteria=criteria,
    )


def audit_site(site: Path) -> Report:
    """Serve the built `site` on localhost and test every page of both languages."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ModuleNotFoundError:
        raise DxsiteError(say("a11y.install", what="Playwright")) from None
    axe_script()
    urls = site_pages(site)
    if not urls:
        raise DxsiteError(say("a11y.no_pages", site=site))
    try:
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                return audit(browser, base, urls)
            finally:
                browser.close()
    except Error as exc:
        raise DxsiteError(say("a11y.browser", problem=exc)) from None


def write_report(report: Report, path: Path) -> None:
    """Record the run where the site build reads it (accessibility.json)."""
    content = json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n"
    path.write_text(content, encoding="utf-8")


def run(
    root: Path,
    site_dir: Path | None,
    *,
    build: Callable[[Path, Path], object],
) -> Report:
    """Test `site_dir` (or a fresh build of `root`) and write ROOT/accessibility.json."""
    if site_dir is not None:
        report = audit_site(site_dir)
    else:
        tmp = Path(tempfile.mkdtemp(prefix="dxsite-a11y-"))
        try:
            build(root, tmp / "site")
            report = audit_site(tmp / "site")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    write_report(report, root / REPORT)
    return report
