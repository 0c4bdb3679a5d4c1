"""The tables and lists with a row per KPI or action, written in plain Python.

A plan of thousands of actions and KPIs lists each of them on several pages (its strategy's
or measure's page, the lists by grade and by status, every yearly report), in both languages:
these rows are written tens of thousands of times per build, where a Jinja macro call costs
several times the string it returns. Their HTML is the templates' own, escaped alike
(markupsafe's escape, as autoescape does); the page layouts stay templates.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from markupsafe import Markup

from ..history import ACTION_KINDS
from ..model.kpi import Grade, Kpi, Outcome
from ..model.strategy import Action, Measure, Strategy
from ..model.text import Text
from ..progress import Assessment
from ..report import ActionLine, Change, KpiLine
from ..tracking import NOT_RECORDED, Placed, span
from . import cards, labels, layout, text
from . import format as fmt
from .charts import status_word

if TYPE_CHECKING:
    from .pages import PageRenderer

T = TypeVar("T")

SYMBOLS = {
    Outcome.ACHIEVED: "◎",
    Outcome.ON_TRACK: "○",
    Outcome.BEHIND: "△",
    Outcome.NOT_MEASURED: "－",
    Outcome.NOT_REPORTED: "！",
    Outcome.NOT_ASSESSABLE: "／",
}
"""The mark shown before each outcome's grade."""


def _e(value: object) -> str:
    """A value as autoescape writes it into the page: markupsafe's escape, without building a
    Markup of every cell."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return (
        str(value)
        .replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def change_groups(
    items: Sequence[tuple[Change, Any]], kinds: Sequence[Change] | None
) -> list[tuple[Change, list[Any]]]:
    """A report's changes by kind: every one of `kinds`, else the kinds present."""
    groups = [(c, [x for k, x in items if k is c]) for c in kinds or Change]
    return [(c, found) for c, found in groups if kinds or found]


def strategy_groups(
    strategies: Sequence[Strategy], lines: Iterable[ActionLine]
) -> list[tuple[Strategy, list[ActionLine]]]:
    """A report's action lines by strategy, in the plan's order (strategies with none left out)."""
    by_strategy: dict[str, list[ActionLine]] = {s.id: [] for s in strategies}
    for line in lines:
        by_strategy[line.placed.strategy.id].append(line)
    return [(s, by_strategy[s.id]) for s in strategies if by_strategy[s.id]]


class Rows:
    """The row-per-item parts of the page at `path` in the renderer's language; each returns
    the HTML the page's template inserts as it is."""

    def __init__(self, r: PageRenderer, path: str) -> None:
        self.r = r
        self.path = path
        self.lang = r.lang
        self.L = r.words
        self._links: dict[str, str] = {}
        self._methodology = _e(self.link("methodology.md"))

    def link(self, to: str) -> str:
        """A link from this page to the page `to` (many rows link to the same measure page)."""
        found = self._links.get(to)
        if found is None:
            found = self._links[to] = layout.relative(self.path, to)
        return found

    def t(self, value: Text | str | None) -> str:
        """Editor-written text, escaped (the templates' `|t`)."""
        return text.inline_html(value, self.lang)

    def fy(self, year: int) -> str:
        return _e(fmt.year(year, self.lang))

    def qty(self, value: float, kpi: Kpi) -> str:
        return _e(fmt.quantity(value, kpi.precision, kpi.unit, self.lang))

    def status(self, status: object) -> str:
        return _e(status_word(str(status), self.lang))

    def kpi_link(self, kpi: Kpi) -> str:
        return _e(self.link(f"kpis/{kpi.id}.md"))

    def action_link(self, placed: Placed) -> str:
        """The link to an action: its row on its measure's or strategy's page."""
        page = self.r.measure_pages[placed.measure.id]
        return _e(self.link(page) + f"#{placed.action.id}")

    def grade(self, a: Assessment) -> Markup:
        """A KPI's grade, linked to its definition on the methodology page."""
        manual = '<span class="dx-grade__manual">*</span>' if a.manual else ""
        return Markup(
            f'<a class="dx-grade dx-grade--{_e(a.outcome.value)}" href="{self._methodology}'
            f'#grade-{_e(a.grade.id)}"><span aria-hidden="true">{_e(SYMBOLS.get(a.outcome))}'
            f"</span> {self.t(a.grade.label)}{manual}</a>"
        )

    def _table(
        self,
        classes: str,
        caption: str,
        label: str,
        columns: Sequence[str],
        row: Callable[[T, list[str]], str],
        items: Iterable[T],
    ) -> str:
        """A table of `items`, a `row` each; `row` is given the start of a data cell in each
        column, the cell labelled with its column's header as cards.label_cells labels it
        (which then leaves the table as it is)."""
        head = "".join(f'<th scope="col">{_e(c)}</th>' for c in columns)
        td = [f'<td data-label="{words}"' for words in cards.column_labels(head)]
        body = "".join(row(item, td) for item in items)
        return (
            f'<div class="dx-table-wrap" tabindex="0" role="region" aria-label="{label}">'
            f'<table class="{classes}"><caption>{caption}</caption><thead><tr>{head}</tr>'
            f"</thead><tbody>{body}</tbody></table></div>"
        )

    def kpi_table(self, kpis: Sequence[Kpi], caption: str) -> Markup:
        """The KPIs' baseline, latest actual, targets, progress and grade."""
        L, shown = self.L, _e(caption)
        columns = [L["kpi"], L["baseline"], L["latest"], L["target"], L["progress"], L["grade"]]
        return Markup(
            self._table("dx-table dx-kpi-table", shown, shown, columns, self._kpi_row, kpis)
        )

    def _kpi_row(self, kpi: Kpi, td: list[str]) -> str:
        a = self.r.assessments[kpi.id]
        if kpi.baseline:
            baseline = (
                f"{self.qty(kpi.baseline.value, kpi)}<br>"
                f'<span class="dx-year">{self.fy(kpi.baseline.year)}</span>'
            )
        else:
            baseline = _e(self.L["no_baseline"])
        latest = "—"
        if a.latest:
            latest = (
                f'{self.qty(a.latest.value, kpi)}<br><span class="dx-year">'
                f"{self.fy(a.latest.year)}</span>"
            )
        targets = "<br>".join(
            f"{self.qty(t.value, kpi) if t.value is not None else self.t(t.text)}<br>"
            f'<span class="dx-year">{self.fy(t.year)}</span>'
            for t in kpi.targets
        )
        return (
            f'<tr><th scope="row"><a href="{self.kpi_link(kpi)}">{self.t(kpi.name)}</a></th>'
            f"{td[1]}>{baseline}</td>{td[2]}>{latest}</td>{td[3]}>{targets}</td>"
            f"{td[4]}>{_e(fmt.percent(a.progress, self.lang))}</td>"
            f"{td[5]}>{self.grade(a)}</td></tr>"
        )

    def action_table(self, m: Measure) -> Markup:
        """A measure's actions: owner, schedule, status now and its history."""
        L = self.L
        columns = [L["action"], L["owner"], L["schedule"], L["status"]]
        return Markup(
            self._table(
                "dx-table dx-action-table",
                f"{_e(L['actions'])}: {self.t(m.name)}",
                f"{_e(L['actions'])}: {_e(m.name.get(self.lang))}",
                columns,
                self._action_row,
                m.actions,
            )
        )

    def _action_row(self, a: Action, td: list[str]) -> str:
        L, r = self.L, self.r
        head = self.t(a.name)
        if a.description:
            head += f'<div class="dx-action__description">{self.t(a.description)}</div>'
        if a.budget:
            note = f" {self.t(a.budget.note)}" if a.budget.note else ""
            head += (
                f'<div class="dx-action__budget">{_e(L["budget"])}: {_e(r.yen(a.budget.amount))}'
                f" ({self.fy(a.budget.year)}){note}</div>"
            )
        if a.national_priority:
            head += (
                f'<div class="dx-action__national">{_e(L["national_priority"])}: '
                f"{_e(labels.NATIONAL_PRIORITY[a.national_priority.value][self.lang])}</div>"
            )
        now = a.current_status
        status = "—"
        if now:
            status = (
                f'<span class="dx-astatus dx-astatus--{_e(now.value)}">{self.status(now)}</span>'
            )
            if a.current:
                status += f' <span class="dx-year">{self.fy(a.current.year)}</span>'
        return (
            f'<tr id="{_e(a.id)}"><th scope="row">{head}</th>'
            f"{td[1]}>{self.t(a.owner) if a.owner else '—'}</td>"
            f'{td[2]} class="dx-schedule">{_e(r.schedule(a.schedule))}</td>'
            f'{td[3]} class="dx-action__status" data-status="'
            f'{_e(now.value if now else NOT_RECORDED)}">{status}{self._action_history(a)}</td></tr>'
        )

    def _action_history(self, a: Action) -> str:
        """The details of an action's status by year and its data history, when it has any."""
        changes = self.r.history.of(a.id, ACTION_KINDS)
        if not (len(a.progress) > 1 or (a.current and a.current.note) or changes):
            return ""
        summary = _e(self.L["status_history"])
        out = [f'<details class="dx-action__history"><summary>{summary}</summary>']
        if a.progress:
            out.append("<ul>")
            for record in sorted(a.progress, key=lambda record: record.year):
                note = f" — {self.t(record.note)}" if record.note else ""
                out.append(f"<li>{self.fy(record.year)}: {self.status(record.status)}{note}</li>")
            out.append("</ul>")
        if changes:
            title = _e(self.L["data_history"])
            out.append(f'<p class="dx-history__title">{title}</p><ul class="dx-history">')
            out += [
                f'<li id="{_e(c.anchor)}" data-kind="{_e(c.kind.value)}"><time datetime="'
                f'{_e(c.date)}">{_e(self.r.date(c.date))}</time> {_e(c.words[self.lang])}</li>'
                for c in changes
            ]
            out.append("</ul>")
        out.append("</details>")
        return "".join(out)

    def status_items(self, placed: Sequence[Placed], st: str) -> Markup:
        """A list of actions (of one status), each linked to its row."""
        items = "".join(
            f'<li data-action="{_e(p.action.id)}"><a href="{self.action_link(p)}">'
            f"{self.t(p.action.name)}</a></li>"
            for p in placed
        )
        return Markup(f'<ul data-status="{_e(st)}">{items}</ul>')

    def grade_items(self, kpis: Sequence[Kpi], g: Grade) -> Markup:
        """A list of KPIs (of one grade), each linked to its page."""
        items = "".join(
            f'<li data-kpi="{_e(k.id)}"><a href="{self.kpi_link(k)}">{self.t(k.name)}</a></li>'
            for k in kpis
        )
        return Markup(f'<ul data-grade="{_e(g.id)}">{items}</ul>')

    def _attention(
        self,
        name: str,
        columns: Sequence[str],
        row: Callable[[T, list[str]], str],
        items: Iterable[T],
    ) -> Markup:
        """One table of the attention page (`name`: its list and its label), captioned by it."""
        label = _e(self.L[name])
        classes = f'dx-table dx-attention-table" data-list="{name}'
        return Markup(self._table(classes, label, label, columns, row, items))

    def overdue_table(self, overdue: Sequence[Placed]) -> Markup:
        """The actions whose schedule has ended, with the year it ended and their status."""
        L = self.L
        columns = [L["action"], L["strategy"], L["ended_schedule"], L["current_status"]]
        return self._attention("overdue", columns, self._overdue_row, overdue)

    def _overdue_row(self, p: Placed, td: list[str]) -> str:
        when = span(p.action.schedule, self.r.project.plan)
        assert when is not None  # an overdue action's schedule has ended
        now = p.action.current_status
        return (
            f'<tr data-action="{_e(p.action.id)}"><th scope="row"><a href="'
            f'{self.action_link(p)}">{self.t(p.action.name)}</a></th>'
            f"{td[1]}>{self.t(p.strategy.name)} / {self.t(p.measure.name)}</td>"
            f"{td[2]}>{self.fy(when[1])}</td>"
            f"{td[3]}>{self.status(now.value if now else NOT_RECORDED)}</td></tr>"
        )

    def unreported_table(self, unreported: Sequence[Kpi]) -> Markup:
        """The KPIs whose target year ended without an actual, with their latest one."""
        L = self.L
        columns = [L["kpi"], L["strategy"], L["missing_year"], L["latest"]]
        return self._attention("unreported", columns, self._unreported_row, unreported)

    def _unreported_row(self, kpi: Kpi, td: list[str]) -> str:
        a = self.r.assessments[kpi.id]
        latest = "—"
        if a.latest:
            latest = (
                f'{self.qty(a.latest.value, kpi)} <span class="dx-year">'
                f"{self.fy(a.latest.year)}</span>"
            )
        assert a.missing is not None  # an unreported KPI misses a year's actual
        return (
            f'<tr data-kpi="{_e(kpi.id)}"><th scope="row"><a href="{self.kpi_link(kpi)}">'
            f"{self.t(kpi.name)}</a></th>{td[1]}>{self.t(self.r.names[kpi.measures])}</td>"
            f"{td[2]}>{self.fy(a.missing)}</td>{td[3]}>{latest}</td></tr>"
        )

    def report_changes(
        self, items: Sequence[tuple[Change, Any]], kinds: Sequence[Change] | None = None
    ) -> Markup:
        """A report's changes against the previous year, by kind (see `change_groups`)."""
        out = ['<div class="dx-report__changes">']
        for c, found in change_groups(items, kinds):
            value = _e(c.value)
            out.append(
                f'<section class="dx-report__change" aria-labelledby="change-{value}">'
                f'<h3 id="change-{value}">{_e(labels.CHANGE[c.value][self.lang])}</h3>'
            )
            if found:
                lines = "".join(map(self._change_line, found))
                out.append(f'<ul data-change="{value}">{lines}</ul>')
            else:
                out.append(f'<p data-change="{value}">{_e(self.L["nothing"])}</p>')
            out.append("</section>")
        out.append("</div>")
        return Markup("".join(out))

    def _change_line(self, x: KpiLine | ActionLine) -> str:
        if isinstance(x, KpiLine):
            assert x.previous is not None  # a changed grade had one the year before
            return (
                f'<li data-kpi="{_e(x.kpi.id)}"><a href="{self.kpi_link(x.kpi)}">'
                f"{self.t(x.kpi.name)}</a>: {self.t(x.previous.grade.label)} → "
                f"{self.t(x.assessment.grade.label)}</li>"
            )
        overdue = _e(fmt.paren(self.L["overdue_mark"], self.lang)) if x.overdue else ""
        return (
            f'<li data-action="{_e(x.placed.action.id)}"><a href="{self.action_link(x.placed)}">'
            f"{self.t(x.placed.action.name)}</a>: {self.status(x.previous)} → "
            f"{self.status(x.status)}{overdue}</li>"
        )

    def report_kpis(self, lines: Sequence[KpiLine], year: int) -> Markup:
        """A report's KPIs: the year's actual, the final target, the grade then and before."""
        L = self.L
        columns = [L["kpi"], L["year_actual"], L["final_target"], L["grade"], L["previous_grade"]]
        caption = f"{_e(L['kpis'])}{_e(fmt.paren(fmt.year(year, self.lang), self.lang))}"
        classes = 'dx-table dx-report-table" data-list="kpis'
        return Markup(
            self._table(classes, caption, _e(L["kpis"]), columns, self._report_kpi_row, lines)
        )

    def _report_kpi_row(self, x: KpiLine, td: list[str]) -> str:
        a, kpi = x.assessment, x.kpi
        previous = f' data-previous="{_e(x.previous.grade.id)}"' if x.previous else ""
        actual = self.qty(x.actual.value, kpi) if x.actual else "—"
        target = "—"
        if a.target and a.target.value is not None:  # the final numeric target
            target = (
                f'{self.qty(a.target.value, kpi)} <span class="dx-year">{self.fy(a.target.year)}'
                "</span>"
            )
        return (
            f'<tr data-kpi="{_e(kpi.id)}" data-grade="{_e(a.grade.id)}"{previous}>'
            f'<th scope="row"><a href="{self.kpi_link(kpi)}">{self.t(kpi.name)}</a></th>'
            f"{td[1]}>{actual}</td>{td[2]}>{target}</td>{td[3]}>{self.grade(a)}</td>"
            f"{td[4]}>{self.t(x.previous.grade.label) if x.previous else '—'}</td></tr>"
        )

    def report_actions(self, items: Sequence[ActionLine], year: int) -> Markup:
        """A report's actions, a table per strategy: the year's status and note."""
        L = self.L
        columns = [L["action"], L["owner"], L["schedule"], L["status"], L["comment"]]
        tables = (
            self._table(
                'dx-table dx-report-table" data-list="actions',
                self.t(s.name),
                _e(s.name.get(self.lang)),
                columns,
                functools.partial(self._report_action_row, year=year),
                lines,
            )
            for s, lines in strategy_groups(self.r.project.strategies.strategies, items)
        )
        return Markup("".join(f"{table}\n" for table in tables))

    def _report_action_row(self, x: ActionLine, td: list[str], year: int) -> str:
        L, action = self.L, x.placed.action
        status = self.status(x.status)
        if x.since is not None and x.since != year:
            status += _e(L["recorded_in"].format(fmt.year(x.since, self.lang)))
        if x.overdue:
            status += f" <strong>{_e(L['overdue_mark'])}</strong>"
        note = ""
        if x.note_year:
            record = action.status_in(year)
            assert record is not None  # the note is of a record of that year
            note = self.t(record.note) if record.note else ""
        return (
            f'<tr data-action="{_e(action.id)}" data-status="{_e(x.status)}">'
            f'<th scope="row"><a href="{self.action_link(x.placed)}">{self.t(action.name)}</a></th>'
            f"{td[1]}>{self.t(action.owner) if action.owner else '—'}</td>"
            f"{td[2]}>{_e(self.r.schedule(action.schedule))}</td>"
            f'{td[3]} class="dx-astatus dx-astatus--{_e(x.status)}">{status}</td>'
            f"{td[4]}>{note}</td></tr>"
        )
