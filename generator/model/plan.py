"""plan.yaml: the plan's metadata, period, periods (期), vision, contact and revisions."""

from __future__ import annotations

import datetime
import enum
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..messages import current, say
from .base import Choice, Id, Model
from .fiscal import FiscalYear, format_fiscal_year
from .text import Text

_URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.IGNORECASE)


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(say("model.bad_link", value=value))
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    Field(json_schema_extra={"pattern": r"^(https?://|mailto:)\S+$"}),
]
"""A web (http/https) or mailto: address; other schemes such as javascript: are refused."""


def _check_email(value: str) -> str:
    if not re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+", value):
        raise ValueError(say("model.bad_email", value=value))
    return value


Email = Annotated[str, AfterValidator(_check_email)]
"""An e-mail address."""


def _partial_date(value: object) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", value.strip()):
        return value.strip()
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise ValueError(say("model.bad_date", value=value)) from None
    if isinstance(value, str):
        raise ValueError(say("model.not_date", value=value))
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"}),
]
"""A calendar date, or only a month when the day is not known."""


class Status(enum.StrEnum):
    """Where the plan stands: 素案 (draft), 案 (proposal), 策定済 (adopted).

    ja: 計画の状態: 素案（draft）、案（proposal）、策定済（adopted）。"""

    DRAFT = "draft"
    PROPOSAL = "proposal"
    ADOPTED = "adopted"


class Licence(enum.StrEnum):
    """The licence of the plan's content and open data.

    ja: 計画の本文とオープンデータの利用条件。"""

    PDL = "PDL-1.0"
    CC_BY = "CC-BY-4.0"


class Span(Model):
    """A span of fiscal years, both ends included.

    ja: 年度の範囲（始まりと終わりの年度を含みます）。"""

    start: FiscalYear
    """The first fiscal year (e.g. 令和4年度, R4 or 2022).

    ja: 最初の年度（例: 令和4年度、R4、2022）。"""
    end: FiscalYear
    """The last fiscal year, included.

    ja: 最後の年度（この年度を含みます）。"""

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(
                say(
                    "model.end_before_start",
                    end=format_fiscal_year(self.end, current()),
                    start=format_fiscal_year(self.start, current()),
                )
            )
        return self


class Period(Span):
    """A period (期) of the plan, e.g. 第1期 R4–R5; periods may differ in length.

    ja: 計画の期（例: 第1期 R4〜R5）。期ごとに長さが違ってもかまいません。"""

    id: Id
    """The period's id, referenced by actions' schedules (e.g. phase-1).

    ja: 期の ID。取組の実施時期から参照します（例: phase-1）。"""
    name: Text
    """Its name, e.g. 第1期.

    ja: 期の名前（例: 第1期）。"""
    note: Text | None = None
    """What happens in this period (e.g. 検証・次期策定).

    ja: この期に行うこと（例: 検証・次期策定）。"""


class Revision(Model):
    """One entry of the revision history (改訂履歴).

    ja: 改訂履歴の一件。"""

    version: str
    """The version, e.g. "1.0" or "第2版".

    ja: 版（例: "1.0"、"第2版"）。"""
    date: PartialDate | None = None
    """When it was published, if known.

    ja: 分かっていれば公表した日。"""
    summary: Text
    """What changed.

    ja: 変わったこと。"""


class Contact(Model):
    """The office that answers questions about the plan.

    ja: 計画についての問い合わせに答える部署。"""

    department: Text
    """The department or office, e.g. 総務部 デジタル推進室.

    ja: 部署（例: 総務部 デジタル推進室）。"""
    address: Text | None = None
    """Postal address.

    ja: 住所。"""
    phone: str | None = None
    """Telephone number, written as text (in quotes when it is only digits: "0968631111").

    ja: 電話番号。文字として書きます（数字だけのときは "0968631111" のように引用符で囲みます）。"""
    fax: str | None = None
    """Fax number, written as text like the phone number.

    ja: FAX番号。電話番号と同じく文字として書きます。"""
    email: Email | None = None
    """E-mail address.

    ja: メールアドレス。"""
    url: Url | None = None
    """A web page or form.

    ja: ウェブページや問い合わせフォーム。"""

    @field_validator("phone", "fax", mode="before")
    @classmethod
    def _number_as_text(cls, value: object, info: ValidationInfo) -> object:
        """A number written without quotes is read as a whole number, and its leading 0 is lost
        (Japanese numbers start with 0): say so, with the number as it was meant."""
        if isinstance(value, int) and not isinstance(value, bool):
            field = say(f"format.{info.field_name}")
            raise ValueError(
                say("format.number_as_integer", field=field, number=value, fixed=f"0{value}")
            )
        return value


class Adoption(Model):
    """When and by whom the plan was adopted (策定).

    ja: 計画を策定した日と組織。"""

    date: PartialDate
    """The date of adoption (YYYY-MM-DD), or the month (YYYY-MM).

    ja: 策定日（YYYY-MM-DD）、または月（YYYY-MM）。"""
    by: Text | None = None
    """The body that adopted it, e.g. 荒尾市DX推進本部.

    ja: 策定した組織（例: 荒尾市DX推進本部）。"""


class Vision(Model):
    """The vision (目指すべき姿): what the city aims to become.

    ja: 目指すべき姿: 市が目指すまちの姿。"""

    statement: Text
    """The vision in one line.

    ja: 目指すべき姿を一行で。"""
    tagline: Text | None = None
    """The tagline shown under it (e.g. 〜暮らしたいまち 日本一を目指して〜).

    ja: その下に表示するキャッチフレーズ（例: 〜暮らしたいまち 日本一を目指して〜）。"""
    description: Text | None = None
    """A paragraph explaining the vision.

    ja: 目指すべき姿を説明する段落。"""


class PlanFile(Model):
    """plan.yaml: the plan itself.

    ja: plan.yaml: 計画そのもの。"""

    municipality: Text
    """The municipality, e.g. 荒尾市 / Arao City.

    ja: 自治体の名前（例: 荒尾市 / Arao City）。"""
    title: Text
    """The plan's title.

    ja: 計画の名前。"""
    subtitle: Text | None = None
    """A subtitle.

    ja: 副題。"""
    status: Choice[Status]
    """draft (素案), proposal (案) or adopted (策定済); the site shows a banner until adopted.

    ja: draft（素案）、proposal（案）、adopted（策定済）のいずれか。策定済になるまで、
    サイトには注意書きが出ます。"""
    version: str | None = None
    """The current version, e.g. "1.0".

    ja: 今の版（例: "1.0"）。"""
    published: PartialDate | None = None
    """The publication date (公表日), if known; shown on the home page.

    ja: 分かっていれば公表日。ホームページに表示します。"""
    adoption: Adoption | None = None
    """The adoption (策定): its date and the adopting body, shown on the home page; when left
    out, the home page shows the timeline's adoption milestone, if any.

    ja: 策定: 策定日と策定した組織。ホームページに表示します。書かないときは、策定経過の「策定」
    の項目があればそれを表示します。"""
    period: Span
    """The plan period (計画期間) in fiscal years.

    ja: 計画期間（年度で書きます）。"""
    periods: list[Period] = []
    """Periods (期) inside the plan period, in order, not overlapping.

    ja: 計画期間の中の期。順に、重ならないように書きます。"""
    vision: Vision | None = None
    """The vision and tagline.

    ja: 目指すべき姿とキャッチフレーズ。"""
    licence: Choice[Licence] = Licence.PDL
    """The licence of the content and open data (default 公共データ利用規約 第1.0版).

    ja: 本文とオープンデータの利用条件（書かなければ公共データ利用規約 第1.0版）。"""
    contact: Contact | None = None
    """Who to contact about the plan.

    ja: 計画についての問い合わせ先。"""
    sample: bool = False
    """True for fictional sample data (e.g. the sample city): every page says so.

    ja: 架空のサンプルデータ（サンプル市など）なら true。全ページにその旨を表示します。"""
    revisions: list[Revision] = []
    """The revision history (改訂履歴), oldest first.

    ja: 改訂履歴。古い順に書きます。"""
    site_url: Url | None = None
    """Where the site is published (used in the open-data attribution).

    ja: サイトを公開するアドレス（オープンデータの出典表示に使います）。"""
