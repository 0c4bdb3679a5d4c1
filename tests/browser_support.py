"""Helpers for the browser tests: a watched browser context and what a keyboard user sees."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Route,
    WebError,
    sync_playwright,
)

from generator import accessibility

LOCAL_HOSTS = {"127.0.0.1"}


def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium (for a module-scoped fixture); skips without it."""
    if not accessibility.CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {accessibility.CHROMIUM}")
    with sync_playwright() as playwright:
        launched = accessibility.launch(playwright)
        yield launched
        launched.close()


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}

# What has keyboard focus, and whether a sighted person can see it: rendered, not transparent,
# not clipped to nothing and inside the viewport once scrolled to (an off-canvas drawer is not).
FOCUS = """(scroll) => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (scroll) e.scrollIntoView({block: "nearest", inline: "nearest", behavior: "instant"});
  const r = e.getBoundingClientRect();
  const visible = e.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < innerWidth && r.top < innerHeight;
  const text = (e.getAttribute("aria-label") || e.textContent || "").trim().replace(/\\s+/g, " ");
  return {
    tag: e.tagName.toLowerCase(), cls: e.className && String(e.className) || "",
    href: e.getAttribute("href"), text: text.slice(0, 40), visible,
    main: !!e.closest(".md-content"), drawer: !!e.closest(".md-sidebar--primary"),
  };
}"""


@dataclass
class Watcher:
    """Creates browser contexts that record console errors and requests off localhost.

    Requests to any other host are aborted as well as recorded, so a test never leaks.
    """

    browser: Browser
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def context(self, scheme: str = "light", **options: Any) -> BrowserContext:
        """A fresh context (light or dark) that records what it should not do."""
        context = accessibility.new_context(self.browser, scheme, **options)
        context.route("**/*", self._route)
        context.on("request", self._request)
        context.on("console", self._console)
        context.on("weberror", self._weberror)
        return context

    def page(self, scheme: str = "light", **options: Any) -> Page:
        """A page in a fresh watched context (closed with the context)."""
        return self.context(scheme, **options).new_page()

    def _check(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            if url not in self.outside:
                self.outside.append(url)
            return False
        return True

    def _request(self, request: Request) -> None:
        self._check(request.url)

    def _route(self, route: Route) -> None:
        if self._check(route.request.url):
            route.continue_()
        else:
            route.abort()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.page.url if message.page else "?"
            self.errors.append(f"{where}: {message.text}")

    def _weberror(self, error: WebError) -> None:
        where = error.page.url if error.page else "?"
        self.errors.append(f"{where}: uncaught {error.error}")

    def assert_clean(self) -> None:
        """No console error and no request to another host so far."""
        assert not self.errors, "console errors:\n" + "\n".join(self.errors)
        assert not self.outside, "requests off localhost:\n" + "\n".join(self.outside)


def focused(page: Page, *, settle: bool = True) -> dict[str, Any] | None:
    """What has focus; waits out CSS transitions (skip link, drawer) and smooth scrolling
    before judging."""
    state: dict[str, Any] | None = page.evaluate(FOCUS, False)
    if settle and state is not None and not state["visible"]:
        page.wait_for_timeout(400)
        state = page.evaluate(FOCUS, True)
    return state


def tab_until(page: Page, done: str, limit: int = 80) -> list[dict[str, Any]]:
    """Press Tab until the focused element satisfies the key `done` (main, drawer …)."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if state is None:
            continue
        stops.append(state)
        if state[done]:
            return stops
    raise AssertionError(f"{limit} Tabs never reached {done}: {[s['text'] for s in stops]}")


# What scrolls sideways: the page itself, or any element whose content is wider than its box.
SIDEWAYS = """() => {
  const wide = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth) {
    wide.push(`page ${root.scrollWidth}>${root.clientWidth}`);
  }
  for (const e of document.querySelectorAll("body *")) {
    const x = getComputedStyle(e).overflowX;
    if ((x === "auto" || x === "scroll") && e.scrollWidth > e.clientWidth + 1) {
      const name = e.getAttribute("aria-label") || e.className;
      wide.push(`${e.tagName.toLowerCase()} ${name} ${e.scrollWidth}>${e.clientWidth}`);
    }
  }
  return wide;
}"""

# The cells of the page's tables that lie (partly) beyond the left or right edge of the screen,
# how many grades and action statuses the tables show, and how many rows are actions.
CELLS_OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const off = [];
  for (const cell of document.querySelectorAll("article table tbody :is(th, td)")) {
    const r = cell.getBoundingClientRect();
    if (r.width && (r.left < 0 || r.right > width)) off.push(cell.textContent.trim().slice(0, 30));
  }
  const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width && r.left >= 0 && r.right <= width;
  }).length;
  return {
    off,
    grades: shown("article table .dx-grade"),
    statuses: shown("article table :is(.dx-astatus, .dx-action__status)"),
    actions: document.querySelectorAll("article tr[data-action]").length,
  };
}"""


# Each chart's smallest text as the reader sees it (font size times the SVG's scale), the texts
# cut with "…", and the texts that reach beyond the chart's box.
CHART_TEXT = """() => [...document.querySelectorAll("figure.dx-chart svg")].map((svg) => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll("text")];
  const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  const cut = texts.filter((t) => t.firstChild.textContent.endsWith("…"));
  const outside = texts.filter((t) => {
    const r = t.getBoundingClientRect();
    return r.left < box.left - 1 || r.right > box.right + 1;
  });
  return {
    id: svg.closest("figure").id,
    smallest: Math.min(...sizes),
    cut: cut.map((t) => t.textContent),
    outside: outside.map((t) => t.textContent),
  };
})"""


# Lines that end inside a word: within one text node (the build ends a text node at every
# phrase boundary with <wbr>), a character on a lower line than the one before it, where neither
# a space nor punctuation allows the break (unless the text is wider than its box).
WORDS_SPLIT = """() => {
  const after = /[\\s、。，．・：；）」』】〕？！\\-\\/–—〜]/;
  const before = /[\\s（「『【〔〜–—]/;
  const seen = new Set();
  const splits = [];
  for (const el of document.querySelectorAll("article :is(h1, h2, h3, h4, th, td, caption, li)")) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen.has(node)) continue;
      seen.add(node);
      const s = node.textContent;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = node.parentElement.closest("h1, h2, h3, h4, th, td, caption, li");
      const wide = [...range.getClientRects()].reduce((w, r) => w + r.width, 0);
      if (wide > box.clientWidth) continue; // one phrase wider than its box: it must break
      let top = null;
      for (let i = 0; i < s.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (!rects.length || /\\s/.test(s[i])) continue;
        const y = rects[0].top;
        if (top !== null && y > top + 2 && !after.test(s[i - 1]) && !before.test(s[i])) {
          splits.push(`${s.slice(Math.max(0, i - 8), i)}／${s.slice(i, i + 8)}`);
        }
        top = y;
      }
    }
  }
  return splits;
}"""
