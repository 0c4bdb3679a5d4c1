"""The base of every format model: strict, closed, documented."""

from __future__ import annotations

import re
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..messages import say

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
_RESERVED = {
    *("con", "prn", "aux", "nul", "index", "en", "ja", "data", "assets", "search"),
    *(f"com{n}" for n in range(1, 10)),
    *(f"lpt{n}" for n in range(1, 10)),
}


class Model(BaseModel):
    """Strict: unknown keys are errors, text is never read as a number, NaN is refused."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
    )


def _check_slug(value: str) -> str:
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError(say("model.bad_id", value=value))
    if value in _RESERVED:
        raise ValueError(say("model.reserved_id", value=value))
    return value


Id = Annotated[
    str,
    AfterValidator(_check_slug),
    Field(json_schema_extra={"pattern": SLUG_PATTERN}),
]
"""An id that becomes part of URLs and file names, so it is a safe slug."""


E = TypeVar("E")

Choice = Annotated[E, Field(strict=False)]
"""One of an enumeration's values, written as text (strict mode would want the Python enum)."""
