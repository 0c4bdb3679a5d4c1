"""The build's notion of today: SOURCE_DATE_EPOCH when set (reproducible), else now, in JST.

The current fiscal year (the "now" line, overdue actions, unreported KPIs) comes from here, so
a build with SOURCE_DATE_EPOCH fixed gives the same site on any day.
"""

from __future__ import annotations

import datetime
import os

from .errors import DxsiteError
from .model.fiscal import fiscal_year_of

JST = datetime.timezone(datetime.timedelta(hours=9), "JST")


def today() -> datetime.date:
    """The day in Japan at SOURCE_DATE_EPOCH, or now."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return datetime.datetime.now(JST).date()
    if not raw.isdigit() or len(raw) > 12:
        raise DxsiteError(
            f'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (got "{raw[:40]}")'
        )
    return datetime.datetime.fromtimestamp(int(raw), JST).date()


def current_fiscal_year() -> int:
    """The fiscal year (April–March) that today falls in."""
    return fiscal_year_of(today())
