"""governance.yaml: the promotion structure (推進体制): roles and bodies."""

from __future__ import annotations

from .base import Id, Model
from .text import Text


class Role(Model):
    """A role such as CIO, CIO補佐官 or デジタル担当職員, with the city's own title.

    ja: CIO、CIO補佐官、デジタル担当職員などの役職。市での呼び方で書きます。"""

    id: Id
    """The role's id, e.g. cio.

    ja: 役職の ID（例: cio）。"""
    title: Text
    """The title as the city writes it, e.g. 最高情報統括責任者（CIO）; cities differ (CDO …).

    ja: 市での呼び方（例: 最高情報統括責任者（CIO））。市によって違います（CDO など）。"""
    holder: Text | None = None
    """Who holds it, e.g. 副市長.

    ja: 就いている人（例: 副市長）。"""
    description: Text | None = None
    """What the role does.

    ja: 役職の役割。"""


class Body(Model):
    """A body such as the DX推進本部 or a working group.

    ja: DX推進本部やワーキンググループなどの組織。"""

    id: Id
    """The body's id, e.g. dx-headquarters.

    ja: 組織の ID（例: dx-headquarters）。"""
    name: Text
    """Its name.

    ja: 名前。"""
    description: Text | None = None
    """What the body is.

    ja: どのような組織か。"""
    head: Id | None = None
    """The id of the role that heads it.

    ja: 長を務める役職の ID。"""
    deputies: list[Text] = []
    """Who deputises for the head (副本部長 …), e.g. 副市長, 教育長.

    ja: 長を補佐する人（副本部長など）（例: 副市長、教育長）。"""
    members: list[Text] = []
    """Its members.

    ja: 構成員。"""
    duties: list[Text] = []
    """What it does.

    ja: 組織の役割。"""


class GovernanceFile(Model):
    """governance.yaml: roles and bodies.

    ja: governance.yaml: 役職と組織。"""

    roles: list[Role] = []
    """Roles, with configurable titles.

    ja: 役職（呼び方は市ごとに書けます）。"""
    bodies: list[Body] = []
    """Bodies, e.g. the DX推進本部 and working groups.

    ja: 組織（例: DX推進本部、ワーキンググループ）。"""
