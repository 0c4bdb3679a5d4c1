"""Council-ready PDFs of the yearly reports, printed by Chromium through Playwright.

An optional build step (`dxsite build --pdf`): Playwright (the `pdf` extra) and Debian's
chromium are needed only then. Chromium prints the very page the site publishes, with the
site's print stylesheet (A4, no navigation, repeated table headers), its Noto CJK fonts and
its SVG charts, and numbers the pages in its footer: more faithful to the page than WeasyPrint,
which lays the page out again with its own CSS engine and does not run the Material theme.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from . import accessibility
from .errors import BuildError
from .messages import say
from .render.pages import report_pdf

_FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


_GATHER = """async () => {
  for (const note of [...document.querySelectorAll("article .dx-list__pages")]) {
    const pager = note.nextElementSibling;
    const parts = [];
    for (const link of pager.querySelectorAll("a")) {
      const html = await (await fetch(link.href)).text();
      const page = new DOMParser().parseFromString(html, "text/html");
      const pagers = page.querySelectorAll("article nav.dx-pager");
      for (let n = pagers[0].nextElementSibling; n && n !== pagers[pagers.length - 1];
           n = n.nextElementSibling) {
        parts.push(document.importNode(n, true));
      }
    }
    pager.remove();
    note.replaceWith(...parts);
  }
}"""
"""A long list of a report is on pages of its own (render/layout.py): the printed report takes
their items in the place of the links to them, so the PDF holds the whole report."""


def _header(title: str) -> str:
    return (
        '<div style="font-size:8px;width:100%;text-align:right;padding-right:12mm;'
        f'font-family:sans-serif">{escape(title)}</div>'
    )


def print_reports(site: Path, years: list[int]) -> list[Path]:
    """Print every yearly report of the built `site` (both languages) to a PDF beside its
    page; returns the files written."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BuildError(say("pdf.needs_playwright")) from None
    written = []
    try:
        with (
            accessibility.serve(site) as base,
            sync_playwright() as playwright,
        ):
            browser = accessibility.launch(playwright)
            page = browser.new_page()
            page.emulate_media(media="print")
            for year in years:
                for lang, prefix in (("ja", ""), ("en", "/en")):
                    page.goto(f"{base}{prefix}/reports/{year}/")
                    page.evaluate(_GATHER)
                    target = (
                        site / prefix.lstrip("/") / "reports" / str(year) / report_pdf(year, lang)
                    )
                    page.pdf(
                        path=str(target),
                        format="A4",
                        print_background=True,
                        display_header_footer=True,
                        header_template=_header(page.title()),
                        footer_template=_FOOTER,
                        margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                    )
                    written.append(target)
            browser.close()
    except Error as exc:
        raise BuildError(say("pdf.failed", problem=exc.message)) from None
    return written
