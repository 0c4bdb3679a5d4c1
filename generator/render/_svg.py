"""Building blocks of the charts: escaping, text widths, nice ticks, shapes, table and figure.

Every function that takes editor-written text escapes it (quotes too); callers pass plain text.
Shapes carry CSS classes only, never colours: charts.css colours them.
"""

from __future__ import annotations

import functools
import html
import math
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

FONT = 15.0
"""The font size of chart text, in viewBox units."""
WIDTH = 400.0
"""The width of every chart's viewBox: about a phone's column, so that on a 375 px phone (a
343 px column) the text is 12.9 px; charts.css caps the width on larger screens (text 18 px)."""
LINE = FONT + 4
"""The distance between the lines of a label that wraps."""
LABEL_LINES = 3
"""At most this many lines for a label; a longer one is cut with … on its last line."""
PAD = 8.0
"""The margin on the left and right of a chart."""

_NICE = (1.0, 2.0, 2.5, 5.0)
_NEWLINES = re.compile(r"\s*[\r\n]\s*")


def esc(text: str) -> str:
    """Escape text for an HTML/SVG text node or a quoted attribute value, on one line (a blank
    line would end the raw HTML block in Markdown)."""
    if "\n" in text or "\r" in text:
        text = _NEWLINES.sub(" ", text)
    return html.escape(text, quote=True)


def num(value: float) -> str:
    """A coordinate with one decimal."""
    return f"{value:.1f}"


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


class _Widths(dict[str, float]):
    """Each character's estimated width at one font size, looked up once per character."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def __missing__(self, char: str) -> float:
        width = self[char] = self.size if _wide(char) else 0.6 * self.size
        return width


@functools.cache
def _widths(size: float) -> _Widths:
    return _Widths(size)


def text_width(text: str, size: float = FONT) -> float:
    """An estimate of the rendered width: full-width characters 1 em, others 0.6 em."""
    return sum(map(_widths(size).__getitem__, text))


def fit(text: str, width: float, size: float = FONT) -> str:
    """The text, cut with … when it would be wider than `width`."""
    if text_width(text, size) <= width:
        return text
    room, kept = width - text_width("…", size), 0
    for char in text:  # one pass: a long label must not cost quadratic time
        room -= text_width(char, size)
        if room < 0:
            break
        kept += 1
    return text[:kept] + "…"


MIN_SPAN = 1e-9
"""Values closer than this are drawn as one level (a KPI has at most 6 decimals); below it the
step would underflow (0 to 5e-324)."""


_CLOSING = set("、。，．・：；？！）」』】〕ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ")
"""Characters a Japanese line must not start with (kinsoku): they stay with the one before."""


def _joins(token: str, char: str) -> bool:
    """Whether `char` stays with the token before it (no line break between them)."""
    if char == " " or char in _CLOSING:
        return True
    last = token[-1]
    return not (_wide(char) or _wide(last) or last == " ")


def _tokens(text: str) -> list[str]:
    """The pieces a label may break between: Latin words with their trailing space, and each
    full-width character with the punctuation that must not start a line."""
    tokens: list[str] = []
    for char in text:
        if tokens and _joins(tokens[-1], char):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def wrap(text: str, width: float, lines: int = LABEL_LINES, size: float = FONT) -> list[str]:
    """The text on as many lines of `width` as it needs, at most `lines` (the last cut with …).

    Latin text breaks at spaces, Japanese between characters but never before 、。）」 or a small
    kana; a word wider than the line is cut."""
    out: list[str] = []
    current = ""
    for token in _tokens(" ".join(text.split())):
        if current and text_width((current + token).rstrip(), size) > width:
            out.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    out.append(current.rstrip())
    if len(out) > lines:
        out = [*out[: lines - 1], fit(" ".join(out[lines - 1 :]) + "…", width, size)]
    return [fit(line, width, size) for line in out]


def nice_ticks(low: float, high: float) -> tuple[list[float], int]:
    """4–5 round tick values covering low..high, and the decimals needed to print them. Near the
    largest float (±1e308), where round ticks beyond the values would overflow, the ticks are
    low..high in four even steps."""
    low, high = min(low, high), max(low, high)
    if high / 2 - low / 2 <= max(max(abs(low), abs(high)) * 1e-12, MIN_SPAN):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    quarter = high / 4 - low / 4  # (high - low) / 4 would overflow from ±1e308
    if not math.isfinite(low) or not math.isfinite(high):
        low, high = max(low, -sys.float_info.max), min(high, sys.float_info.max)
        quarter = high / 4 - low / 4
    exponent = math.floor(math.log10(quarter))
    for power in (exponent - 1, exponent, exponent + 1):
        for mantissa in _NICE:
            step = mantissa * 10.0**power
            first, last = math.floor(low / step), math.ceil(high / step)
            if last - first <= 4:
                ticks = _extend(first, last, step, low)
                if all(math.isfinite(t) for t in ticks):
                    return ticks, min(max(0, -power + (mantissa == 2.5)), 12)
    return [low + i * quarter for i in range(4)] + [high], 0


def _extend(first: int, last: int, step: float, low: float) -> list[float]:
    """Tick values from first*step to last*step, widened to at least four ticks."""
    while last - first < 3:
        if (last - first) % 2 and (first > 0 or low < 0):
            first -= 1
        else:
            last += 1
    return [i * step for i in range(first, last + 1)]


def text(
    x: float,
    y: float,
    content: str,
    cls: str = "",
    anchor: str = "start",
    width: float = 0,
    whole: str = "",
) -> str:
    """A <text> (escaped); cut to `width` if given, keeping the full text (or `whole`, the
    label a cut line belongs to) as a tooltip."""
    shown = fit(content, width) if width else content
    full = whole or content
    tip = f"<title>{esc(full)}</title>" if shown != content or whole else ""
    classes = f"dx-chart__text {cls}".strip()
    return (
        f'<text class="{classes}" x="{num(x)}" y="{num(y)}" text-anchor="{anchor}">'
        f"{esc(shown)}{tip}</text>"
    )


def _close(tag: str, tip: str) -> str:
    """End an element: empty, or holding a plain-text <title> tooltip."""
    return f"><title>{esc(tip)}</title></{tag}>" if tip else "/>"


def line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return f'<line class="{cls}" x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"/>'


def polyline(points: Sequence[tuple[float, float]], cls: str) -> str:
    """A <polyline> through the points."""
    coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
    return f'<polyline class="{cls}" points="{coords}"/>'


def rect(x: float, y: float, w: float, h: float, cls: str, attrs: str = "", tip: str = "") -> str:
    """A <rect>; `attrs` is raw attribute text (escape its values), `tip` a tooltip."""
    return (
        f'<rect class="{cls}" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"'
        f"{attrs}{_close('rect', tip)}"
    )


def circle(x: float, y: float, r: float, cls: str, tip: str = "") -> str:
    """A round marker."""
    return f'<circle class="{cls}" cx="{num(x)}" cy="{num(y)}" r="{num(r)}"{_close("circle", tip)}'


def square(x: float, y: float, r: float, cls: str, tip: str = "") -> str:
    """A square marker centred on (x, y)."""
    return rect(x - r, y - r, 2 * r, 2 * r, cls, tip=tip)


def diamond(x: float, y: float, r: float, cls: str, tip: str = "") -> str:
    """A diamond marker centred on (x, y)."""
    points = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    coords = " ".join(f"{num(px)},{num(py)}" for px, py in points)
    return f'<polygon class="{cls}" points="{coords}"{_close("polygon", tip)}'


def data(name: str, value: str) -> str:
    """A data-NAME attribute (escaped), or nothing for an empty value."""
    return f' data-{name}="{esc(value)}"' if value else ""


def thinning(labels: Sequence[str], band: float) -> int:
    """Label every n-th band of this width so that the labels do not overlap."""
    return max(1, math.ceil((max(text_width(s) for s in labels) + 6) / band))


@dataclass(frozen=True)
class Frame:
    """A plot area and the mapping of (fiscal year, value) into it; one band per year."""

    left: float
    top: float
    right: float
    bottom: float
    years: tuple[int, int]
    values: tuple[float, float]

    def x(self, fy: int) -> float:
        """The centre of the year's band."""
        first, last = self.years
        band = (self.right - self.left) / (last - first + 1)
        return self.left + (fy - first + 0.5) * band

    def y(self, value: float) -> float:
        """The height of a value, kept inside the area."""
        low, high = self.values
        share = min(max((value / 2 - low / 2) / (high / 2 - low / 2), 0.0), 1.0)
        return self.bottom - share * (self.bottom - self.top)


@dataclass(frozen=True)
class Bar:
    """A timeline row: a label and a bar over fiscal years (no `cls`: a group header row)."""

    label: str
    span: tuple[int, int] | None = None
    cls: str = ""
    attrs: str = ""
    """Raw attribute text for the bar (escape its values)."""
    glyph: str = ""
    """A symbol before the label (a status's shape: ✓, ▶ …)."""


@dataclass(frozen=True)
class Now:
    """The "now" line: the column of the current fiscal year and its label."""

    column: int
    label: str


STATUS_GLYPHS = {
    "planned": "○",
    "in-progress": "▶",
    "done": "✓",
    "postponed": "→",
    "suspended": "‖",
    "cancelled": "×",
    "not-recorded": "?",
    "mixed": "",
}
"""The shape of each action status: status is told by shape, fill and colour, never colour
alone (charts.css fills planned and postponed bars only as outlines, dashed when postponed)."""


def _now_line(now: Now, col: float, bottom: float) -> list[str]:
    x = PAD + (now.column + 0.5) * col
    fits = x + 3 + text_width(now.label) <= WIDTH - PAD
    label = text(
        x + 3 if fits else x - 3,
        bottom + 14,
        now.label,
        "dx-chart__now-label",
        "start" if fits else "end",
    )
    return [line(x, 22, x, bottom, "dx-chart__now"), label]


def status_legend(keys: Sequence[tuple[str, str]], top: float) -> tuple[list[str], float]:
    """Each status shown: a small bar in its style, its shape and its words; wrapping."""
    out, x, y = ['<g class="dx-chart__legend">'], PAD, top + 12
    for status, words in keys:
        step = 44 + text_width(words) + 14
        if x + step > WIDTH and x > PAD:
            x, y = PAD, y + 22
        out.append(rect(x, y - 12, 24, 12, f"dx-chart__key dx-status--{status}"))
        out.append(text(x + 28, y - 1, STATUS_GLYPHS[status], "dx-chart__glyph"))
        out.append(text(x + 44, y - 1, words))
        x += step
    return [*out, "</g>"], y + 10


def timeline(
    rows: Sequence[Bar], first: int, heads: Sequence[str], empty: str, now: Now | None = None
) -> tuple[list[str], float]:
    """Year columns headed by `heads` from the year `first`, then the rows, and the height.

    Each row is its label on one line and its bar below; a row without a span gets the words
    `empty` instead of a bar. `now` draws a line through the current fiscal year's column.
    """
    col = (WIDTH - 2 * PAD) / len(heads)
    every = thinning(heads, col)
    out, y = [], 30.0
    for r in rows:
        if not r.cls:
            out.append(line(PAD, y + 6, WIDTH - PAD, y + 6, "dx-chart__rule"))
            out.append(text(PAD, y + 23, r.label, "dx-chart__group", width=WIDTH - 2 * PAD))
            y += 32
            continue
        indent = 18.0 if r.glyph else 0.0
        if r.glyph:
            out.append(text(PAD, y + 16, r.glyph, "dx-chart__glyph"))
        label = wrap(r.label, WIDTH - 2 * PAD - indent)
        cut = r.label if label[-1].endswith("…") else ""
        for i, words in enumerate(label):
            whole = cut if i == len(label) - 1 else ""
            out.append(text(PAD + indent, y + 16 + i * LINE, words, whole=whole))
        y += (len(label) - 1) * LINE
        if r.span is None:
            out.append(text(PAD, y + 34, empty, "dx-chart__unscheduled"))
        else:
            start, end = r.span
            x, w = PAD + (start - first) * col + 2, (end - start + 1) * col - 4
            out.append(rect(x, y + 23, w, 12, f"dx-chart__bar {r.cls}", r.attrs, r.label))
        y += 44
    grid = []
    for i, head in enumerate(heads):
        x = PAD + i * col
        if i % 2:
            grid.append(rect(x, 24, col, y - 24, "dx-chart__band"))
        grid.append(line(x, 24, x, y, "dx-chart__grid"))
        if i % every == 0:
            grid.append(text(x + col / 2, 18, head, "dx-chart__year", "middle"))
    grid.append(line(WIDTH - PAD, 24, WIDTH - PAD, y, "dx-chart__grid"))
    if now is not None:
        return [*grid, *out, *_now_line(now, col, y)], y + 22
    return [*grid, *out], y + 8


MARKERS = {"baseline": (square, 4.5), "actual": (circle, 4.5), "target": (diamond, 6.5)}
"""The marker shape and size of each kind of value: a square, a dot, a diamond."""


def marker(kind: str, x: float, y: float, tip: str = "") -> str:
    """The marker of a kind of value (class dx-chart__KIND)."""
    shape, radius = MARKERS[kind]
    return shape(x, y, radius, f"dx-chart__marker dx-chart__{kind}", tip)


def axes(frame: Frame, ticks: Sequence[tuple[float, str]], years: Sequence[str]) -> list[str]:
    """The value grid with its labels at the left, and the year axis (one label a band)."""
    out = []
    for tick, label in ticks:
        y = frame.y(tick)
        out.append(line(frame.left, y, frame.right, y, "dx-chart__grid"))
        out.append(text(frame.left - 6, y + 4, label, anchor="end"))
    out.append(line(frame.left, frame.bottom, frame.right, frame.bottom, "dx-chart__axis"))
    every = thinning(years, (frame.right - frame.left) / len(years))
    for i, label in enumerate(years):
        x = frame.x(frame.years[0] + i)
        out.append(line(x, frame.bottom, x, frame.bottom + 4, "dx-chart__axis"))
        if i % every == 0:
            out.append(text(x, frame.bottom + 18, label, "dx-chart__year", "middle"))
    return out


def legend(keys: Sequence[tuple[str, str]], top: float) -> tuple[list[str], float]:
    """Keys (a marker kind, or "plan" for the dashed line) with their words, wrapping; and
    the y below the legend."""
    out, x, y = ['<g class="dx-chart__legend">'], PAD, top
    for kind, words in keys:
        step = 22 + text_width(words) + 16
        if x + step > WIDTH and x > PAD:
            x, y = PAD, y + 20
        if kind == "plan":
            out.append(line(x, y - 4, x + 16, y - 4, "dx-chart__line dx-chart__line--plan"))
        else:
            out.append(marker(kind, x + 8, y - 4))
        out.append(text(x + 22, y, words))
        x += step
    return [*out, "</g>"], y + 12


def row(header: str, cells: Sequence[str], colspan: int = 1) -> str:
    """A table row: a row header and data cells (plain text, escaped here)."""
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    tds = "".join(f"<td{span}>{esc(c)}</td>" for c in cells)
    return f'<tr><th scope="row">{esc(header)}</th>{tds}</tr>'


def group(header: str, colspan: int, rows: Sequence[str]) -> str:
    """A <tbody> headed by a row-group header spanning the table."""
    head = f'<tr><th scope="rowgroup" colspan="{colspan}">{esc(header)}</th></tr>'
    return f"<tbody>{head}{''.join(rows)}</tbody>"


def table(caption: str, head: Sequence[str], body: Sequence[str]) -> str:
    """A scrollable, focusable data table; `body` holds <tr>/<tbody> HTML built with row()."""
    ths = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    rows = "".join(body)
    if not rows.startswith("<tbody"):
        rows = f"<tbody>{rows}</tbody>"
    return (
        f'<div class="dx-table-wrap" tabindex="0" role="region" aria-label="{esc(caption)}">'
        f'<table class="dx-table dx-chart__table"><caption>{esc(caption)}</caption>'
        f"<thead><tr>{ths}</tr></thead>{rows}</table></div>"
    )


def figure(
    chart_id: str,
    kind: str,
    size: tuple[float, float],
    labels: tuple[str, str],
    body: Sequence[str],
    data_table: str,
) -> str:
    """The chart: <figure> with its caption, the <svg> (desc, body) and the data table.

    `labels` are the caption and the description in words (plain text). The chart is named
    once, by the caption; the image by the description (the data in words); the table's own
    caption says what it holds. No line is blank or indented, so the figure
    survives as one raw HTML block inside Markdown.
    """
    caption, desc = labels
    cid = esc(chart_id)
    width, height = size
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dx-chart__svg" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" font-size="{FONT:g}" role="img" '
        f'aria-labelledby="{cid}-desc" data-search-exclude="">',
        f'<desc id="{cid}-desc">{esc(desc)}</desc>',
        *body,
        "</svg>",
    ]
    return "\n".join(
        [
            f'<figure class="dx-chart dx-chart--{kind}" id="{cid}">',
            f'<figcaption class="dx-chart__caption">{esc(caption)}</figcaption>',
            *svg,
            data_table,
            "</figure>",
        ]
    )
