"""timeline.yaml: the formulation timeline (策定経過) of dated milestones."""

from __future__ import annotations

import enum

from pydantic import model_validator

from ..messages import say
from .base import Choice, Id, Model
from .plan import PartialDate, Url
from .text import Text


class MilestoneKind(enum.StrEnum):
    """What kind of step a milestone is.

    ja: 策定経過の項目の区分。"""

    MEETING = "meeting"
    WORKING_GROUP = "working-group"
    PUBLIC_COMMENT = "public-comment"
    CALL_FOR_OPINIONS = "call-for-opinions"
    ADOPTION = "adoption"
    PUBLICATION = "publication"
    OTHER = "other"


class SubmitMethod(enum.StrEnum):
    """How to submit a comment or an opinion.

    ja: 意見の提出方法。"""

    FORM = "form"
    EMAIL = "email"
    POST = "post"
    FAX = "fax"
    IN_PERSON = "in-person"


class Submission(Model):
    """One way to submit a comment.

    ja: 意見の提出方法の一つ。"""

    method: Choice[SubmitMethod]
    """form, email, post, fax or in-person.

    ja: form、email、post、fax、in-person のいずれか。"""
    url: Url | None = None
    """The form or mailto: address.

    ja: フォームのアドレスか mailto: のアドレス。"""
    detail: Text | None = None
    """Address, fax number or where to bring it.

    ja: 宛先、FAX番号、持参する場所など。"""


class Milestone(Model):
    """A dated step in the plan's formulation.

    ja: 計画を策定するまでの、日付のある一歩。"""

    date: PartialDate | None = None
    """The date (YYYY-MM-DD), or the month (YYYY-MM) when the day is not known; the first day of
    a consultation. Leave it out only for a consultation known by its closing date alone.

    ja: 日付（YYYY-MM-DD）。日が分からなければ月（YYYY-MM）。意見募集などでは初日です。
    締切日しか分からない意見募集のときだけ省きます。"""
    end: PartialDate | None = None
    """The last day (締切) of a consultation (public comment, call for opinions).

    ja: パブリックコメントや意見募集の最終日（締切）。"""
    kind: Choice[MilestoneKind]
    """meeting, working-group, public-comment (パブリックコメント), call-for-opinions (意見募集),
    adoption, publication or other.

    ja: 次のいずれか: meeting, working-group, public-comment（パブリックコメント）,
    call-for-opinions（意見募集）, adoption, publication, other。"""
    title: Text
    """What happened.

    ja: 行ったこと。"""
    planned: bool = False
    """True while the milestone is only planned (予定).

    ja: まだ予定の項目なら true（予定）。"""
    body: Id | None = None
    """The id of the governance body that met.

    ja: 会議を開いた組織の ID。"""
    description: Text | None = None
    """Details, e.g. the agenda.

    ja: 詳細（例: 議題）。"""
    submit: list[Submission] = []
    """How to submit, for a public comment or a call for opinions.

    ja: パブリックコメントや意見募集での意見の提出方法。"""

    @model_validator(mode="after")
    def _end_after_start(self) -> Milestone:
        if self.date is None and self.end is None:
            raise ValueError(say("format.milestone_undated"))
        if self.date is not None and self.end is not None and self.end < self.date:
            raise ValueError(say("model.end_before_date", end=self.end, date=self.date))
        return self

    @property
    def day(self) -> str:
        """The date it is listed by: its date, else its closing date."""
        return self.date or self.end or ""


class TimelineFile(Model):
    """timeline.yaml: the milestones, oldest first.

    ja: timeline.yaml: 策定経過。古い順に書きます。"""

    milestones: list[Milestone] = []
    """The milestones.

    ja: 策定経過の項目。"""
