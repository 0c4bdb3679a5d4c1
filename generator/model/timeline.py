"""timeline.yaml: the formulation timeline (策定経過) of dated milestones."""

from __future__ import annotations

import enum

from pydantic import model_validator

from .base import Choice, Id, Model
from .plan import PartialDate, Url
from .text import Text


class MilestoneKind(enum.StrEnum):
    """What kind of step a milestone is."""

    MEETING = "meeting"
    WORKING_GROUP = "working-group"
    PUBLIC_COMMENT = "public-comment"
    ADOPTION = "adoption"
    PUBLICATION = "publication"
    OTHER = "other"


class SubmitMethod(enum.StrEnum):
    """How to submit a public comment."""

    FORM = "form"
    EMAIL = "email"
    POST = "post"
    FAX = "fax"
    IN_PERSON = "in-person"


class Submission(Model):
    """One way to submit a comment."""

    method: Choice[SubmitMethod]
    """form, email, post, fax or in-person."""
    url: Url | None = None
    """The form or mailto: address."""
    detail: Text | None = None
    """Address, fax number or where to bring it."""


class Milestone(Model):
    """A dated step in the plan's formulation."""

    date: PartialDate
    """The date (YYYY-MM-DD), or the month (YYYY-MM) when the day is not known."""
    end: PartialDate | None = None
    """The last day, for a public comment period."""
    kind: Choice[MilestoneKind]
    """meeting, working-group, public-comment, adoption, publication or other."""
    title: Text
    """What happened."""
    planned: bool = False
    """True while the milestone is only planned (予定)."""
    body: Id | None = None
    """The id of the governance body that met."""
    description: Text | None = None
    """Details, e.g. the agenda."""
    submit: list[Submission] = []
    """How to submit, for a public comment."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Milestone:
        if self.end is not None and self.end < self.date:
            raise ValueError(f"the end ({self.end}) is before the date ({self.date})")
        return self


class TimelineFile(Model):
    """timeline.yaml: the milestones, oldest first."""

    milestones: list[Milestone] = []
    """The milestones."""
