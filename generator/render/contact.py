"""The plan's contact (お問い合わせ) as HTML: the home page's section and every page's footer."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from ..model.plan import Contact
from . import text
from .labels import LABELS


def shown_url(url: str) -> str:
    """A link's text as readers should see it: an e-mail address without its "mailto:"."""
    return url[len("mailto:") :] if url.lower().startswith("mailto:") else url


def link(url: str) -> Markup:
    """A link that shows its address (without "mailto:")."""
    return Markup(f'<a href="{html.escape(url)}">{html.escape(shown_url(url))}</a>')


_HALF_WIDTH = str.maketrans("０１２３４５６７８９＋", "0123456789+")


def _tel(number: str) -> Markup:
    digits = re.sub(r"[^0-9+]", "", number.translate(_HALF_WIDTH))
    shown = html.escape(number)
    return Markup(f'<a href="tel:{digits}">{shown}</a>') if digits else Markup(shown)


def contact_html(contact: Contact | None, lang: str) -> Markup:
    """The contact as an <address>: department, address, phone, fax, e-mail and web page, each
    labelled; nothing when the plan names no contact."""
    if contact is None:
        return Markup("")
    label = {k: v[lang] for k, v in LABELS.items()}
    lines = [
        f'<span class="dx-contact__title">{label["contact"]}</span>',
        f'<span class="dx-contact__department">{text.inline(contact.department, lang)}</span>',
    ]
    if contact.address:
        lines.append(f"<span>{label['address']}: {text.inline(contact.address, lang)}</span>")
    if contact.phone:
        lines.append(f"<span>{label['phone']}: {_tel(contact.phone)}</span>")
    if contact.fax:
        lines.append(f"<span>{label['fax']}: {html.escape(contact.fax)}</span>")
    if contact.email:
        lines.append(f"<span>{label['email']}: {link('mailto:' + contact.email)}</span>")
    if contact.url:
        lines.append(f"<span>{label['web_page']}: {link(contact.url)}</span>")
    return Markup(f'<address class="dx-contact">{"".join(lines)}</address>')
