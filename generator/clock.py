"""The build's notion of today: SOURCE_DATE_EPOCH when set (reproducible), else now, in JST.

The current fiscal year (the "now" line, overdue actions, unreported KPIs) comes from here, so
a build with SOURCE_DATE_EPOCH fixed gives the same site on any day.
"""

from __future__ import annotations

import datetime
import os

from .errors import DxsiteError
from .messages import say
from .model.fiscal import fiscal_year_of

JST = datetime.timezone(datetime.timedelta(hours=9), "JST")
MAX_EPOCH = 2**32 - 1
"""The last second a gzip header (MkDocs' sitemap.xml.gz) can hold: 2106-02-07."""


def epoch() -> int | None:
    """SOURCE_DATE_EPOCH as a number of seconds (None when unset); a DxsiteError saying what is
    expected when it is not a whole number of seconds from 1970 to 2106."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_EPOCH:
        raise DxsiteError(say("clock.epoch", value=raw[:40], limit=MAX_EPOCH))
    return int(raw)


def today() -> datetime.date:
    """The day in Japan at SOURCE_DATE_EPOCH, or now."""
    seconds = epoch()
    if seconds is None:
        return datetime.datetime.now(JST).date()
    return datetime.datetime.fromtimestamp(seconds, JST).date()


def current_fiscal_year() -> int:
    """The fiscal year (April–March) that today falls in."""
    return fiscal_year_of(today())
