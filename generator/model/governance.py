"""governance.yaml: the promotion structure (推進体制): roles and bodies."""

from __future__ import annotations

from .base import Id, Model
from .text import Text


class Role(Model):
    """A role such as CIO, CIO補佐官 or デジタル担当職員, with the city's own title."""

    id: Id
    """The role's id, e.g. cio."""
    title: Text
    """The title as the city writes it, e.g. 最高情報統括責任者（CIO）; cities differ (CDO …)."""
    holder: Text | None = None
    """Who holds it, e.g. 副市長."""
    description: Text | None = None
    """What the role does."""


class Body(Model):
    """A body such as the DX推進本部 or a working group."""

    id: Id
    """The body's id, e.g. dx-headquarters."""
    name: Text
    """Its name."""
    description: Text | None = None
    """What the body is."""
    head: Id | None = None
    """The id of the role that heads it."""
    deputies: list[Text] = []
    """Who deputises for the head (副本部長 …), e.g. 副市長, 教育長."""
    members: list[Text] = []
    """Its members."""
    duties: list[Text] = []
    """What it does."""


class GovernanceFile(Model):
    """governance.yaml: roles and bodies."""

    roles: list[Role] = []
    """Roles, with configurable titles."""
    bodies: list[Body] = []
    """Bodies, e.g. the DX推進本部 and working groups."""
