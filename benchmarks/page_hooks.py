"""MkDocs hooks of the benchmark's `pages` stage: how long MkDocs spends on each page.

Two spans per page, as MkDocs builds them (every page's Markdown first, then every page's
template): from `on_pre_page` to `on_page_content` (reading and converting the Markdown) and
from `on_page_context` to `on_post_page` (Material's page template). They are written, by the
page's source path, to the JSON file named by DXSITE_PAGE_TIMES when the build ends.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

_started: dict[str, float] = {}
_spent: dict[str, float] = {}


def _begin(page: Any) -> None:
    _started[page.file.src_uri] = time.perf_counter()


def _end(page: Any) -> None:
    uri = page.file.src_uri
    _spent[uri] = _spent.get(uri, 0.0) + time.perf_counter() - _started.pop(uri)


def on_pre_page(page: Any, **_: Any) -> Any:
    _begin(page)
    return page


def on_page_content(html: str, page: Any, **_: Any) -> str:
    _end(page)
    return html


def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    _begin(page)
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    _end(page)
    return output


def on_post_build(**_: Any) -> None:
    Path(os.environ["DXSITE_PAGE_TIMES"]).write_text(json.dumps(_spent), encoding="utf-8")
