"""Build-time inline SVG charts: a KPI's trend, the plan period and the actions' schedule.

Each chart is a <figure>: a caption, an <svg role="img"> whose <title> names it and whose
<desc> states its data in words, and the same data as an HTML table. Shapes carry CSS classes
only (charts.css colours them); marker shapes, dash patterns and words carry the meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model.fiscal import era_name, era_short
from ..model.kpi import Kpi
from ..model.plan import PlanFile
from ..model.strategy import Action, Measure, Strategy
from ..progress import expected_path
from ..tracking import NOT_RECORDED, span
from . import _svg as svg
from . import format as fmt
from .labels import ACTION_STATUS, LABELS

__all__ = [
    "gantt_chart",
    "measure_chart",
    "measure_gantt",
    "period_chart",
    "strategy_chart",
    "trend_chart",
]

_WORDS: dict[str, dict[str, str]] = {
    "start": {"ja": "開始年度", "en": "Start"},
    "end": {"ja": "終了年度", "en": "End"},
    "not_scheduled": {"ja": "未定", "en": "not scheduled"},
    "plan_line": {"ja": "目標への経路（評価の基準）", "en": "Expected path (the grading rule)"},
    "now": {"ja": "現在", "en": "Now"},
    "now_is": {"ja": "現在は{}", "en": "now is {}"},
    "ended": {
        "ja": "計画期間は{}末で終了しました",
        "en": "the plan period ended at the end of {}",
    },
    "current_period": {"ja": "（現在）", "en": " (current)"},
    "status_of": {"ja": "状況", "en": "Status"},
    "actions_count": {"ja": "{}件", "en": "{} actions"},
    "measure_chart": {
        "ja": "施策ごとの実施スケジュール",
        "en": "Schedule of the measures",
    },
    "strategy_chart": {
        "ja": "基本戦略ごとの実施スケジュール",
        "en": "Schedule of the basic strategies",
    },
    "strategies": {"ja": "基本戦略", "en": "Basic strategies"},
    "unit": {"ja": "単位：{}", "en": "Unit: {}"},
    "trend": {"ja": "{}の推移", "en": "{}: trend"},
    "values": {"ja": "{}の年度別の値", "en": "{}: values by fiscal year"},
    "no_chart": {
        "ja": "この指標には数値の基準値・目標値・実績値がないため、グラフはありません。",
        "en": "This indicator has no numeric values to chart.",
    },
    "note": {"ja": "備考", "en": "Note"},
    "period": {"ja": "区分", "en": "Period"},
}
_KINDS = ("baseline", "actual", "target")


def _say(key: str, lang: str) -> str:
    """A fixed word in the language (Japanese when it has no translation)."""
    words = _WORDS.get(key) or LABELS[key]
    return words.get(lang) or words["ja"]


def _short(fy: int, lang: str) -> str:
    """R5 / FY2023: axis labels."""
    if lang == "en":
        return f"FY{fy}"
    try:
        return era_short(fy)
    except ValueError:  # before 昭和
        return str(fy)


def _long(fy: int, lang: str) -> str:
    """令和5年度 / FY2023: descriptions."""
    if lang == "en":
        return f"FY{fy}"
    try:
        return era_name(fy)
    except ValueError:
        return f"{fy}年度"


def _cell(fy: int, lang: str) -> str:
    """令和5年度（2023年度） / FY2023: table cells."""
    try:
        return fmt.year(fy, lang)
    except ValueError:
        return f"{fy}年度"


def _span(start: int, end: int, lang: str, *, short: bool = False) -> str:
    """令和4年度〜令和7年度 / FY2022–FY2025, or R4〜R7 when short."""
    show = _short if short else _long
    if start == end:
        return show(start, lang)
    return f"{show(start, lang)}{'〜' if lang == 'ja' else '–'}{show(end, lang)}"


def _colon(lang: str) -> str:
    return "：" if lang == "ja" else ": "


def _sentence(parts: Sequence[str], lang: str) -> str:
    """Parts joined into one sentence: 「…、…。」 or "…; …."."""
    return "、".join(parts) + "。" if lang == "ja" else "; ".join(parts) + "."


# --- KPI trend -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One value of a KPI: year, kind (baseline, actual, target), number, words, note."""

    year: int
    kind: str
    value: float | None
    text: str
    note: str = ""


def _said(entries: Sequence[_Entry], lang: str) -> str:
    """基準値 25,046百万円（平成30年度）、… / Baseline 25,046 million yen (FY2018); target …."""
    parts = []
    for i, e in enumerate(entries):
        kind = _say(e.kind, lang)
        if lang == "ja":
            parts.append(f"{kind} {e.text}（{_long(e.year, lang)}）")
        else:
            parts.append(f"{kind if i == 0 else kind.lower()} {e.text} ({_long(e.year, lang)})")
    return _sentence(parts, lang)


def _entries(kpi: Kpi, lang: str) -> list[_Entry]:
    """The KPI's values: the baseline, the actuals by year, the targets by year."""

    def shown(value: float) -> str:
        return fmt.quantity(value, kpi.precision, kpi.unit, lang)

    base = [kpi.baseline] if kpi.baseline else []
    found = [_Entry(b.year, "baseline", b.value, shown(b.value)) for b in base]
    for a in sorted(kpi.actuals, key=lambda a: a.year):
        note = a.note.get(lang) if a.note else ""
        found.append(_Entry(a.year, "actual", a.value, shown(a.value), note))
    for t in sorted(kpi.targets, key=lambda t: t.year):
        words = shown(t.value) if t.value is not None else t.text.get(lang) if t.text else ""
        found.append(_Entry(t.year, "target", t.value, words))
    return found


def _series(kpi: Kpi, frame: svg.Frame, entries: list[_Entry], lang: str) -> list[str]:
    """The expected path (the grading rule's: baseline and every target), the actuals' line,
    then every marker."""
    points = [(e, frame.x(e.year), frame.y(e.value)) for e in entries if e.value is not None]
    base = [(x, y) for e, x, y in points if e.kind == "baseline"]
    actual = [(x, y) for e, x, y in points if e.kind == "actual"]
    path = [(frame.x(year), frame.y(value)) for year, value in expected_path(kpi)]
    out = ['<g class="dx-chart__series">']
    if len(path) > 1:
        out.append(svg.polyline(path, "dx-chart__line dx-chart__line--plan"))
    if len(base + actual) > 1 and actual:
        out.append(svg.polyline(base[:1] + actual, "dx-chart__line dx-chart__line--actual"))
    for e, x, y in points:
        tip = f"{_say(e.kind, lang)} {_short(e.year, lang)}: {e.text}"
        out.append(svg.marker(e.kind, x, y, tip))
    return [*out, "</g>"]


def _legend(kpi: Kpi, entries: list[_Entry], lang: str, top: float) -> tuple[list[str], float]:
    """The legend: a shape and its words for each kind of value shown."""
    kinds = [k for k in _KINDS if any(e.kind == k and e.value is not None for e in entries)]
    keys = [(k, _say(k, lang)) for k in kinds]
    if len(expected_path(kpi)) > 1:
        keys.append(("plan", _say("plan_line", lang)))
    return svg.legend(keys, top)


def _trend_table(kpi: Kpi, entries: list[_Entry], lang: str) -> str:
    noted = any(e.note for e in entries)
    head = [_say(k, lang) for k in ("fiscal_year", "kind", "value")]
    rows = []
    for e in sorted(entries, key=lambda e: (e.year, _KINDS.index(e.kind))):
        cells = [_say(e.kind, lang), e.text, *([e.note] if noted else [])]
        rows.append(svg.row(_cell(e.year, lang), cells))
    caption = _say("values", lang).format(kpi.name.get(lang))
    return svg.table(caption, [*head, *([_say("note", lang)] if noted else [])], rows)


def _no_chart(kpi: Kpi, lang: str, chart_id: str) -> str:
    """The words that stand in for a chart when a KPI has only qualitative targets."""
    words = f"{_say('no_chart', lang)} {_said(_entries(kpi, lang), lang)}"
    return f'<p class="dx-chart-none" id="{svg.esc(chart_id)}">{svg.esc(words)}</p>'


def trend_chart(kpi: Kpi, lang: str, chart_id: str) -> str:
    """A KPI's baseline, actuals and targets on a fiscal-year axis, with its data table."""
    entries = _entries(kpi, lang)
    values = [e.value for e in entries if e.value is not None]
    if not values:
        return _no_chart(kpi, lang, chart_id)
    ticks, decimals = svg.nice_ticks(min(values), max(values))
    left = min(max(svg.text_width(fmt.number(t, decimals)) for t in ticks) + 14, 200.0)
    years = (min(e.year for e in entries), max(e.year for e in entries))
    frame = svg.Frame(left, 34.0, svg.WIDTH - 16, 234.0, years, (ticks[0], ticks[-1]))
    legend, height = _legend(kpi, entries, lang, frame.bottom + 44)
    unit = svg.text(svg.PAD, 16, _say("unit", lang).format(kpi.unit.get(lang)), "dx-chart__unit")
    labels = [(t, fmt.number(t, decimals)) for t in ticks]
    heads = _heads(*years, lang)
    body = [unit, *svg.axes(frame, labels, heads), *_series(kpi, frame, entries, lang), *legend]
    title = _say("trend", lang).format(kpi.name.get(lang))
    desc = _said(entries, lang)
    table = _trend_table(kpi, entries, lang)
    return svg.figure(chart_id, "trend", (svg.WIDTH, height), (title, desc), body, table)


# --- Plan period and schedules ---------------------------------------------------------------


def _named_span(name: str, start: int, end: int, lang: str, *, short: bool = False) -> str:
    """第1期（R4〜R5） / Phase 1 (FY2022–FY2023), or with long years: 第1期 令和4年度〜令和5年度."""
    span = _span(start, end, lang, short=short)
    if not short:
        return f"{name} {span}"
    return f"{name}（{span}）" if lang == "ja" else f"{name} ({span})"


def _heads(first: int, last: int, lang: str) -> list[str]:
    return [_short(fy, lang) for fy in range(first, last + 1)]


def _column_table(
    caption: str, first: str, lang: str, body: Sequence[str], noted: bool = False
) -> str:
    """A table of spans: name, start year, end year (and a note)."""
    head = [first, _say("start", lang), _say("end", lang), *([_say("note", lang)] * noted)]
    return svg.table(caption, head, body)


def _now(year: int, first: int, last: int, lang: str) -> svg.Now | None:
    """The "now" line of a timeline, when the current fiscal year lies on its axis."""
    if not first <= year <= last:
        return None
    return svg.Now(
        year - first,
        f"{_say('now', lang)}（{_short(year, lang)}）"
        if lang == "ja"
        else f"{_say('now', lang)} ({_short(year, lang)})",
    )


def plan_line(lang: str) -> str:
    """The legend's words for the expected path."""
    return _say("plan_line", lang)


def ended_note(plan: PlanFile, year: int, lang: str) -> str:
    """「計画期間は令和7年度末で終了しました」 when the plan period is over, else ""."""
    if plan.period.end >= year:
        return ""
    return _say("ended", lang).format(_long(plan.period.end, lang))


def period_chart(plan: PlanFile, lang: str, chart_id: str, year: int) -> str:
    """The plan period on a fiscal-year axis: one bar for the whole plan, one per period (期);
    the current period marked, a "now" line, and whether the plan period has ended."""
    spans = [(_say("plan_period", lang), plan.period.start, plan.period.end, "dx-chart__plan", "")]
    for p in plan.periods:
        current = p.start <= year <= p.end
        name = p.name.get(lang) + (_say("current_period", lang) if current else "")
        cls = "dx-chart__period" + (" dx-chart__period--current" if current else "")
        spans.append((name, p.start, p.end, cls, p.id))
    notes = [""] + [p.note.get(lang) if p.note else "" for p in plan.periods]
    first, last = min(s[1] for s in spans), max(s[2] for s in spans)
    rows = [
        svg.Bar(_named_span(name, s, e, lang, short=True), (s, e), cls, svg.data("period", pid))
        for name, s, e, cls, pid in spans
    ]
    now = _now(year, first, last, lang)
    body, height = svg.timeline(rows, first, _heads(first, last, lang), "", now)
    said = [_named_span(name, s, e, lang) for name, s, e, _, _ in spans]
    ended = ended_note(plan, year, lang)
    said.append(ended or _say("now_is", lang).format(_long(year, lang)))
    desc = _sentence(said, lang)
    table_rows = [
        svg.row(name, [_cell(s, lang), _cell(e, lang), *([note] if any(notes) else [])])
        for (name, s, e, _, _), note in zip(spans, notes, strict=True)
    ]
    title = _say("period_chart" if plan.periods else "plan_period", lang)
    table = _column_table(title, _say("period", lang), lang, table_rows, any(notes))
    return svg.figure(chart_id, "period", (svg.WIDTH, height), (title, desc), body, table)


@dataclass(frozen=True)
class _Task:
    """A row of a schedule chart: an action (or a measure's summary) and its fiscal years."""

    ident: str
    label: str
    when: tuple[int, int] | None
    status: str
    """An ActionStatus value, or NOT_RECORDED."""
    kind: str = "action"


def _status(action: Action) -> str:
    return str(action.current_status) if action.current_status else NOT_RECORDED


def status_word(status: str, lang: str) -> str:
    """予定, 実施中 … or 記録なし."""
    return ACTION_STATUS[status][lang]


def _tasks(strategy: Strategy, plan: PlanFile, lang: str) -> list[_Task]:
    return [t for m in strategy.measures for t in _action_tasks(m, plan, lang)]


def _action_tasks(measure: Measure, plan: PlanFile, lang: str) -> list[_Task]:
    return [
        _Task(a.id, a.name.get(lang), span(a.schedule, plan), _status(a)) for a in measure.actions
    ]


def _measure_task(measure: Measure, plan: PlanFile, lang: str) -> _Task | None:
    """One bar for a measure: from its first action's start to its last action's end."""
    return _span_task(measure.id, measure.name.get(lang), measure.actions, "measure", plan, lang)


def _span_task(
    ident: str, name: str, actions: list[Action], kind: str, plan: PlanFile, lang: str
) -> _Task | None:
    """One bar for a group of actions: from the first one's start to the last one's end."""
    spans = [w for a in actions if (w := span(a.schedule, plan))]
    if not actions:
        return None
    when = (min(w[0] for w in spans), max(w[1] for w in spans)) if spans else None
    statuses = {_status(a) for a in actions}
    status = statuses.pop() if len(statuses) == 1 else "mixed"
    count = _say("actions_count", lang).format(len(actions))
    label = f"{name}（{count}）" if lang == "ja" else f"{name} ({count})"
    return _Task(ident, label, when, status, kind)


def _gantt_group(name: str, tasks: list[_Task], lang: str) -> tuple[list[svg.Bar], str, str]:
    """One strategy's rows, its sentence for the description, and its <tbody>."""
    bars, said, rows = [svg.Bar(name)], [], []
    never = _say("not_scheduled", lang)
    for t in tasks:
        word = status_word(t.status, lang) if t.status != "mixed" else ""
        attrs = svg.data(t.kind, t.ident) + svg.data("status", t.status)
        cls = f"dx-chart__action dx-status--{t.status}"
        bars.append(svg.Bar(t.label, t.when, cls, attrs, svg.STATUS_GLYPHS[t.status]))
        status_said = f"（{word}）" if lang == "ja" and word else f" ({word})" if word else ""
        if t.when is None:
            said.append(f"{t.label} {never}{status_said}")
            rows.append(svg.row(t.label, [never, word or "—"], colspan=2))
        else:
            said.append(_named_span(t.label, *t.when, lang) + status_said)
            cells = [_cell(t.when[0], lang), _cell(t.when[1], lang), word or "—"]
            rows.append(svg.row(t.label, cells))
    return bars, f"{name}{_colon(lang)}{_sentence(said, lang)}", svg.group(name, 4, rows)


def _schedule_figure(
    groups: list[tuple[str, list[_Task]]],
    plan: PlanFile,
    lang: str,
    chart_id: str,
    year: int,
    title: str,
) -> str:
    parts = [_gantt_group(name, tasks, lang) for name, tasks in groups if tasks]
    if not parts:
        return ""
    years = [y for _, tasks in groups for t in tasks if t.when for y in t.when]
    first, last = min(plan.period.start, *years), max(plan.period.end, *years)
    bars = [bar for group_bars, _, _ in parts for bar in group_bars]
    never = _say("not_scheduled", lang)
    now = _now(year, first, last, lang)
    body, height = svg.timeline(bars, first, _heads(first, last, lang), never, now)
    statuses = sorted(
        {t.status for _, tasks in groups for t in tasks if t.status != "mixed"},
        key=list(ACTION_STATUS).index,
    )
    keys, height = svg.status_legend([(s, status_word(s, lang)) for s in statuses], height + 12)
    said = [sentence for _, sentence, _ in parts]
    said.append(
        _sentence(
            [ended_note(plan, year, lang) or _say("now_is", lang).format(_long(year, lang))], lang
        )
    )
    desc = ("" if lang == "ja" else " ").join(said)
    head = [_say("action", lang), _say("start", lang), _say("end", lang), _say("status_of", lang)]
    table = svg.table(title, head, [tbody for _, _, tbody in parts])
    return svg.figure(chart_id, "gantt", (svg.WIDTH, height), (title, desc), [*body, *keys], table)


def gantt_chart(
    strategies: list[Strategy], plan: PlanFile, lang: str, chart_id: str, year: int
) -> str:
    """The actions' schedules and statuses by strategy, with a "now" line ("" when none)."""
    groups = [(s.name.get(lang), _tasks(s, plan, lang)) for s in strategies]
    title = _say("schedule_chart", lang)
    if len(strategies) == 1:
        title = f"{title}{_colon(lang)}{strategies[0].name.get(lang)}"
    return _schedule_figure(groups, plan, lang, chart_id, year, title)


def measure_gantt(measure: Measure, plan: PlanFile, lang: str, chart_id: str, year: int) -> str:
    """The schedules and statuses of one measure's actions (its own page's chart)."""
    tasks = _action_tasks(measure, plan, lang)
    title = f"{_say('schedule_chart', lang)}{_colon(lang)}{measure.name.get(lang)}"
    return _schedule_figure([(measure.name.get(lang), tasks)], plan, lang, chart_id, year, title)


def strategy_chart(
    strategies: list[Strategy], plan: PlanFile, lang: str, chart_id: str, year: int
) -> str:
    """For plans with many measures: one bar per strategy (its actions' span and count)."""
    tasks = [
        t
        for s in strategies
        if (t := _span_task(s.id, s.name.get(lang), _actions(s), "strategy", plan, lang))
    ]
    return _schedule_figure(
        [(_say("strategies", lang), tasks)],
        plan,
        lang,
        chart_id,
        year,
        _say("strategy_chart", lang),
    )


def _actions(strategy: Strategy) -> list[Action]:
    return [a for m in strategy.measures for a in m.actions]


def measure_chart(
    strategies: list[Strategy], plan: PlanFile, lang: str, chart_id: str, year: int
) -> str:
    """For plans with many actions: one bar per measure (its actions' span and count)."""
    groups = [
        (s.name.get(lang), [t for m in s.measures if (t := _measure_task(m, plan, lang))])
        for s in strategies
    ]
    return _schedule_figure(groups, plan, lang, chart_id, year, _say("measure_chart", lang))
