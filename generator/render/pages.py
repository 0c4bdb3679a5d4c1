"""Render the plan into Markdown pages for one language, and the navigation that lists them."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import stages
from ..history import KPI_KINDS, History
from ..model.kpi import Grade, Kpi
from ..model.strategy import Measure, Schedule, Strategy
from ..model.text import Text
from ..model.timeline import MilestoneKind
from ..progress import Assessment
from ..report import Change, report_years, yearly_report
from ..search import JA_SEPARATOR
from ..tracking import Tracking
from . import cards, contact, labels, layout, statement, text
from . import format as fmt
from .chapter import render_chapter
from .charts import (
    ended_note,
    gantt_chart,
    measure_chart,
    measure_gantt,
    period_chart,
    plan_line,
    status_word,
    strategy_chart,
    trend_chart,
)
from .data import FORMULA_STARTS, attribution, kpi_csv_name
from .feed import FEED, feed_entries
from .layout import page_url, relative
from .memo import Always, Kept, Memo
from .method import worked_example
from .rows import SYMBOLS, Rows

Nav = list[dict[str, Any]]
Updated = Callable[[tuple[str, ...]], str | None]
"""Given the source files of a page, the date (YYYY-MM-DD) they last changed, if known."""
_SOURCES = {
    "index": ("plan/plan.yaml", "plan/strategies.yaml", "kpis.yaml"),
    "strategies": ("plan/strategies.yaml", "kpis.yaml"),
    "kpis": ("kpis.yaml",),
    "kpi-list": ("kpis.yaml",),
    "by-grade": ("kpis.yaml",),
    "by-status": ("plan/strategies.yaml",),
    "methodology": ("kpis.yaml",),
    "attention": ("plan/strategies.yaml", "kpis.yaml", "plan/timeline.yaml"),
    "guidelines": ("plan/guidelines.yaml",),
    "governance": ("plan/governance.yaml",),
    "timeline": ("plan/timeline.yaml",),
    "open-data": ("plan/plan.yaml", "kpis.yaml"),
    "accessibility": ("accessibility.json", "accessibility-manual.yaml"),
    "reports": (),
}
"""A yearly report shows no "last updated": a closed year's report must not change when later
years' data are committed."""


KPI_CHANGES = (Change.UP, Change.DOWN, Change.CHANGED)
"""The changes a yearly report lists of KPIs (the others are of actions)."""

HOME_KPI_LIMIT = 30
"""Up to this many KPIs the home page lists them all; beyond, it shows the grades by strategy."""
OVERVIEW_ACTION_LIMIT = 60
"""Up to this many actions the strategies overview draws one Gantt chart of all of them."""
OVERVIEW_MEASURE_LIMIT = 60
"""Beyond this many measures the overview's chart has a bar per strategy, not per measure."""
CARD_LIMIT = 30
"""Up to this many strategies their cards (home page, overview) show each one's progress and
measures; beyond, its name and summary (its own page has the rest)."""
DESCRIPTION_LIMIT = 160
"""Link previews and search results show about this many characters of a description."""

KPIS_PER_PAGE = 100
"""The KPI overview table is split into pages of this many rows (pages stay small)."""


def kpi_list_page(n: int) -> str:
    """Page n of the KPI overview: kpis/index.md, then kpi-list/2.md, kpi-list/3.md …"""
    return "kpis/index.md" if n == 1 else f"kpi-list/{n}.md"


def is_chapter(path: str) -> bool:
    """Whether a page is a narrative chapter (Markdown an editor wrote), not generated."""
    return path.startswith("chapters/")


def sources(path: str) -> tuple[str, ...]:
    """The files a page is made from (for its "last updated" date)."""
    if is_chapter(path):
        return (f"plan/chapters/*/*-{path.removeprefix('chapters/').removesuffix('.md')}.md",)
    return _SOURCES.get(path.split("/")[0].removesuffix(".md"), ("plan/plan.yaml",))


@dataclass
class Rendered:
    """The pages of one language (path → Markdown) and its navigation."""

    pages: dict[str, str | Kept] = field(default_factory=dict)
    nav: Nav = field(default_factory=list)

    def files(self) -> dict[str, str | Kept]:
        """The pages as the builder reads them: each in the file `source_file` names."""
        loose = _loose(self.nav)
        return {source_file(page, loose): markdown for page, markdown in self.pages.items()}

    def source_nav(self) -> Nav:
        """The navigation naming those files."""
        loose = _loose(self.nav)

        def entry(target: Any) -> Any:
            if isinstance(target, str):
                return source_file(target, loose)
            return [{k: entry(v) for k, v in item.items()} for item in target]

        return [{k: entry(v) for k, v in item.items()} for item in self.nav]


def source_file(page: str, loose: frozenset[str] = frozenset()) -> str:
    """The file the builder reads a page from: `kpis/a.md` is written as `kpis/a/index.md`, in
    the folder of its URL (`kpis/a/`), so that a link relative to the page is also relative to
    its file. MkDocs leaves the links of raw HTML as they are, Zensical resolves them against
    the page's file: only where the two are the same folder do both builders lead a link where
    dxsite meant it. `loose` pages keep their name (see `_loose`)."""
    if page == "index.md" or page.endswith("/index.md") or page in loose:
        return page
    return page.removesuffix(".md") + "/index.md"


def _loose(nav: Nav) -> frozenset[str]:
    """The pages of a navigation section that has no index page of its own (the chapters):
    written as index pages, the first would become the section's page (Material's
    navigation.indexes). They hold no link dxsite writes."""
    loose: set[str] = set()
    for item in nav:
        for target in item.values():
            if isinstance(target, list):
                children = [v for child in target for v in child.values() if isinstance(v, str)]
                if not any(c == "index.md" or c.endswith("/index.md") for c in children):
                    loose.update(children)
    return frozenset(loose)


def _in_page_language(
    write: Callable[[Any, str], Markup],
) -> Callable[[jinja2.runtime.Context, Any], Markup]:
    """A filter writing editor text in the language of the page it is used in."""
    return jinja2.pass_context(lambda context, value: write(value, context["lang"]))


@functools.cache
def _environment() -> jinja2.Environment:
    """The templates, compiled once for both languages (each page's context names its own)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters.update(
        t=_in_page_language(text.inline),
        p=_in_page_language(text.paragraphs),
        h=_in_page_language(text.heading),
    )
    return env


class PageRenderer:
    """Everything the templates need for one language."""

    def __init__(
        self,
        tracking: Tracking,
        lang: str,
        accessibility: dict[str, Any] | None,
        history: History | None,
        memo: Memo | Always | None = None,
    ) -> None:
        """`memo` decides which pages need rendering again (see generator/render/memo.py)."""
        project = tracking.project
        self.memo = memo or Always()
        self.tracking = tracking
        self.project = project
        self.history = history or History()
        self.updated: Updated | None = history.last_changed if history else None
        self.feed = bool(feed_entries(self.history))
        """Whether the language has an Atom feed (the history has something to announce)."""
        self.lang = lang
        self.accessibility = accessibility
        self.env = _environment()
        self.assessments: dict[str, Assessment] = tracking.assessments
        self.owner = self._owners()
        self.words = {k: v[lang] for k, v in labels.LABELS.items()}
        """The labels in this language (the templates' `L`)."""
        strategies = project.strategies.strategies
        self.measure_pages = {
            m.id: layout.measure_page(s, m) for s in strategies for m in s.measures
        }
        """The page that lists each measure's actions, by measure id."""
        self.names = {s.id: s.name for s in strategies}
        self.names |= {m.id: m.name for s in strategies for m in s.measures}
        """The name of each strategy and measure, by id."""
        self.measured: dict[str, list[Kpi]] = {}
        """The KPIs of each strategy or measure (those that name it in `measures`), by id."""
        for kpi in project.kpis.kpis:
            self.measured.setdefault(kpi.measures, []).append(kpi)
        self.has = {
            "kpis": bool(project.kpis.kpis),
            "actions": any(m.actions for s in project.strategies.strategies for m in s.measures),
            "milestones": bool(project.timeline.milestones),
        }
        """What kinds of things the plan holds: a section about a kind it lacks is left out."""

    def _owners(self) -> dict[str, Strategy]:
        """The strategy each strategy or measure id belongs to."""
        owner: dict[str, Strategy] = {}
        for s in self.project.strategies.strategies:
            owner[s.id] = s
            for m in s.measures:
                owner[m.id] = s
        return owner

    def kpis_of(self, strategy: Strategy) -> list[Kpi]:
        """The KPIs that measure a strategy or one of its measures."""
        return self.tracking.kpis_of(strategy)

    def rollup(self, kpis: list[Kpi]) -> list[tuple[Grade, int]]:
        """How many of `kpis` have each grade, in scale order."""
        counts = Counter(self.assessments[k.id].grade.id for k in kpis)
        return [(g, counts[g.id]) for g in self.project.kpis.scale]

    def summary(self, strategy: Strategy | None = None) -> dict[str, Any]:
        """The progress at a glance of the whole plan or one strategy."""
        t = self.tracking
        scope = None if strategy is None else [strategy]
        kpis = t.kpis_of(strategy)
        return {
            "grades": t.grade_counts(kpis),
            "statuses": t.status_counts(t.placed(scope)),
            "overdue": len(t.overdue(scope)),
            "unreported": len(t.unreported(strategy)),
            "kpis": len(kpis),
            "actions": sum(1 for _ in t.placed(scope)),
            "strategy": strategy,
        }

    def _common(self, path: str) -> dict[str, Any]:
        lang = self.lang
        rows = Rows(self, path)
        data_depth = page_url(path).count("/") + (1 if lang == "en" else 0)
        return {
            "lang": lang,
            "L": self.words,
            "plan": self.project.plan,
            "link": rows.link,
            "data_url": "../" * data_depth + "data/",
            "title": lambda v: text.title(v, lang),
            "fy": lambda y: fmt.year(y, lang),
            "span": lambda a, b: fmt.span(a, b, lang),
            "pct": lambda v: fmt.percent(v, lang),
            "symbol": SYMBOLS.get,
            "date": self.date,
            "grade": rows.grade,
            "kpi_table": rows.kpi_table,
            "action_table": rows.action_table,
            "status_items": rows.status_items,
            "grade_items": rows.grade_items,
            "overdue_table": rows.overdue_table,
            "unreported_table": rows.unreported_table,
            "report_changes": rows.report_changes,
            "report_kpis": rows.report_kpis,
            "report_actions": rows.report_actions,
            "action_status": lambda s: status_word(str(s), lang),
            "year": self.tracking.year,
            "summary": self.summary,
            "reason": lambda a: (
                labels.REASON[a.reason.value][lang].format(
                    fmt.year(a.missing, lang) if a.missing else ""
                )
                if a.reason
                else ""
            ),
            "direction": lambda d: labels.DIRECTION[d.value][lang],
            "kind": lambda k: labels.MILESTONE_KIND[k.value][lang],
            "method": lambda m: labels.SUBMIT_METHOD[m.value][lang],
            "status_label": labels.STATUS[self.project.plan.status.value][lang],
            "paren": lambda words: fmt.paren(words, lang),
            "dot": labels.DOT[lang],
            "comma": labels.COMMA[lang],
            "url_link": contact.link,
            "closing": self._closing,
            "adoption": self._adoption(),
            "has": self.has,
        }

    def _closing(self, end: str) -> Markup:
        """「〜2023年7月3日締切」: a consultation known only by its closing date."""
        day = Markup('<time datetime="{}">{}</time>').format(end, self.date(end))
        return Markup(escape(labels.LABELS["closing"][self.lang])).format(day)

    def _adoption(self) -> tuple[str, Text | None] | None:
        """When and by whom the plan was adopted: plan.yaml's adoption, else the timeline's
        adoption milestone that took place (its body's name)."""
        plan = self.project.plan
        if plan.adoption:
            return plan.adoption.date, plan.adoption.by
        bodies = {b.id: b.name for b in self.project.governance.bodies}
        for m in reversed(self.project.timeline.milestones):
            if m.kind is MilestoneKind.ADOPTION and not m.planned:
                return m.day, bodies.get(m.body) if m.body else None
        return None

    def date(self, value: str) -> str:
        """A date of the plan (YYYY-MM or YYYY-MM-DD) as the language writes it."""
        parts = [int(p) for p in value.split("-")]
        if self.lang == "ja":
            return f"{parts[0]}年{parts[1]}月" + (f"{parts[2]}日" if len(parts) == 3 else "")
        months = [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ]
        day = f"{parts[2]} " if len(parts) == 3 else ""
        return f"{day}{months[parts[1] - 1]} {parts[0]}"

    def yen(self, amount: int) -> str:
        """An amount of money: 1,200万円 / ¥12,000,000."""
        if self.lang == "ja":
            return f"{amount / 10_000:,.0f}万円" if amount % 10_000 == 0 else f"{amount:,}円"
        return f"¥{amount:,}"

    def schedule(self, schedule: Schedule | None) -> str:
        """When an action runs: a span of fiscal years or the plan's periods by name."""
        if schedule is None:
            return "—"
        if schedule.start is not None and schedule.end is not None:
            return fmt.span(schedule.start, schedule.end, self.lang)
        names = {p.id: p.name.get(self.lang) for p in self.project.plan.periods}
        return labels.COMMA[self.lang].join(names.get(p, p) for p in schedule.periods)

    def describe(self, words: Text | str | None) -> str:
        """A page's description for search results and link previews (<meta name=description>,
        Open Graph): the plan's own words, on one line, at most DESCRIPTION_LIMIT characters;
        the plan's vision (or its title) when the page has none of its own."""
        plan = self.project.plan
        if words is None or not (words if isinstance(words, str) else words.get(self.lang)):
            words = plan.vision.statement if plan.vision else plan.title
        plain = " ".join((words if isinstance(words, str) else words.get(self.lang)).split())
        if len(plain) > DESCRIPTION_LIMIT:
            plain = plain[: DESCRIPTION_LIMIT - 1] + "…"
        return text.title(plain, self.lang)

    def render(
        self, template: str, path: str, *, description: Text | str | None = None, **context: Any
    ) -> str:
        """One page from its template, with its description and the date its sources last
        changed in its front matter."""
        stages.advance()
        values = {**self._common(path), **context}
        page = cards.label_cells(self.env.get_template(template).render(values))
        meta = f"description: {json.dumps(self.describe(description), ensure_ascii=False)}\n"
        date = self.updated(sources(path)) if self.updated and sources(path) else None
        if date:
            meta += f"updated: {date}\nupdated_shown: {json.dumps(self.date(str(date)))}\n"
        return page.replace("---\n", f"---\n{meta}", 1)

    def paged(
        self,
        out: Rendered,
        base: str,
        items: list[Any],
        back: tuple[str, str, str],
        heading: str,
        write: Callable[[Rows, list[Any]], Markup],
    ) -> list[tuple[int, str]]:
        """A list too long for its page as pages of its own under `base`, each linking back to
        `back` (page, anchor, words), its items written by `write`(the page's rows, items);
        returns the pages for a pager ([] when it stays)."""
        pages = layout.list_pages(base, len(items))
        limit = layout.LIST_LIMIT
        for n, path in pages:
            chunk = items[(n - 1) * limit : n * limit]
            title = f"{heading} ({n}/{len(pages)})"
            inputs = (title, back, pages, n, write, chunk)
            out.pages[path] = self.memo.page(
                path, inputs, functools.partial(self._list_page, path, *inputs)
            )
        return pages

    def _list_page(
        self,
        path: str,
        heading: str,
        back: tuple[str, str, str],
        pages: list[tuple[int, str]],
        current: int,
        write: Callable[[Rows, list[Any]], Markup],
        items: list[Any],
    ) -> str:
        """One page of a list that `paged` made pages of."""
        return self.render(
            "list.md.j2",
            path,
            heading=heading,
            back=back[0],
            anchor=back[1],
            back_title=back[2],
            pages=pages,
            current=current,
            body=write(Rows(self, path), items),
        )


def _chart_id(prefix: str, ident: str = "") -> str:
    return f"dx-{prefix}-{ident}" if ident else f"dx-{prefix}"


def render_language(
    tracking: Tracking,
    lang: str,
    accessibility: dict[str, Any] | None = None,
    history: History | None = None,
    pdf: bool = False,
    memo: Memo | None = None,
) -> Rendered:
    """Every page of the site in `lang`, and the navigation (which stays small); `history`
    gives each page its "last updated" date and the KPIs and actions their changes; with `pdf`,
    the yearly reports link the PDFs the build prints of them; `memo` leaves out the pages
    rendered as at the last build (see generator/render/memo.py)."""
    r = PageRenderer(tracking, lang, accessibility, history, memo)
    out = Rendered()
    project, year = tracking.project, tracking.year
    plan, strategies = project.plan, project.strategies.strategies
    rollups = {s.id: r.rollup(r.kpis_of(s)) if r.kpis_of(s) else [] for s in strategies}
    actions = sum(len(m.actions) for s in strategies for m in s.measures)
    measures = sum(len(s.measures) for s in strategies)
    overview = gantt_chart if actions <= OVERVIEW_ACTION_LIMIT else measure_chart
    if measures > OVERVIEW_MEASURE_LIMIT:
        overview = strategy_chart
    gantt = overview(strategies, plan, lang, _chart_id("gantt"), year)
    compact = len(strategies) > CARD_LIMIT
    out.pages["index.md"] = r.render(
        "index.md.j2",
        "index.md",
        strategies=strategies,
        rollups=rollups,
        kpis=project.kpis.kpis,
        home_kpi_limit=HOME_KPI_LIMIT,
        grades=project.kpis.scale,
        grade_rows={s.id: r.rollup(r.kpis_of(s)) for s in strategies},
        compact=compact,
        period_chart=Markup(period_chart(plan, lang, _chart_id("periods"), year)),
        ended=ended_note(plan, year, lang),
        contact=contact.contact_html(plan.contact, lang),
    )
    by_statuses = tracking.by_status(tracking.placed())
    heading = labels.LABELS["actions_by_status"][lang]
    status_pages = {
        st: r.paged(
            out,
            f"by-status/{st}",
            placed,
            ("strategies/index.md", f"by-status-{st}", heading),
            f"{heading}: {status_word(st, lang)}",
            functools.partial(Rows.status_items, st=st),
        )
        for st, placed in by_statuses
    }
    out.pages["strategies/index.md"] = r.render(
        "strategies.md.j2",
        "strategies/index.md",
        strategies=strategies,
        introduction=project.strategies.introduction,
        rollups=rollups,
        by_statuses=by_statuses,
        status_pages=status_pages,
        compact=compact,
        gantt=Markup(gantt),
    )
    for s in strategies:
        path = layout.strategy_page(s)
        split = layout.is_split(s)
        chart = ""
        if any(m.actions for m in s.measures):
            schedule = measure_chart if split else gantt_chart
            chart = schedule([s], plan, lang, _chart_id("gantt", s.id), year)
        out.pages[path] = r.render(
            "strategy.md.j2",
            path,
            description=s.summary,
            s=s,
            kpis=r.kpis_of(s),
            rollups=rollups[s.id],
            gantt=Markup(chart),
            split=split,
            measure_page=lambda m, s=s: layout.measure_page(s, m),
        )
        if split:
            _render_measures(r, out, s)
    _render_kpis(r, out)
    _render_progress(r, out)
    _render_reports(r, out, pdf)
    _render_plan_pages(r, out)
    # Last: the statement lists every other page by its title.
    evidence = statement.context(r.accessibility, lang, statement.page_titles(out.pages))
    out.pages["accessibility.md"] = r.render("accessibility.md.j2", "accessibility.md", **evidence)
    out.nav = _nav(r, out)
    return out


def _render_measures(r: PageRenderer, out: Rendered, s: Strategy) -> None:
    """The page of each measure of a split strategy: its KPIs, its actions and their schedule."""
    for m in s.measures:
        if not layout.has_page(s, m):
            continue
        path = layout.measure_page(s, m)
        kpis = r.measured.get(m.id, [])
        out.pages[path] = r.memo.page(
            path, (m, kpis), functools.partial(_measure_page, r, path, s, m, kpis)
        )


def _measure_page(r: PageRenderer, path: str, s: Strategy, m: Measure, kpis: list[Kpi]) -> str:
    plan, lang, year = r.project.plan, r.lang, r.tracking.year
    chart = measure_gantt(m, plan, lang, _chart_id("gantt", m.id), year)
    return r.render(
        "measure.md.j2",
        path,
        description=m.description,
        s=s,
        m=m,
        strategy_page=layout.strategy_page(s),
        kpis=kpis,
        gantt=Markup(chart),
    )


def _render_progress(r: PageRenderer, out: Rendered) -> None:
    """The methodology page (when the plan has KPIs to grade) and the page of what needs
    attention (when the plan has actions, KPIs or milestones to watch)."""
    t = r.tracking
    has = r.has
    if has["kpis"]:
        out.pages["methodology.md"] = r.render(
            "methodology.md.j2",
            "methodology.md",
            scale=t.scale,
            example=worked_example(t, r.lang),
            closed=t.year - 1,
            plan_line=plan_line(r.lang),
            outcome_definition=lambda o: labels.OUTCOME_DEFINITION[o.value][r.lang],
        )
    if not (has["actions"] or has["kpis"] or has["milestones"]):
        return
    overdue, unreported = t.overdue(), t.unreported()
    words = {k: labels.LABELS[k][r.lang] for k in ("overdue", "unreported")}
    overdue_pages = r.paged(
        out,
        "attention/overdue",
        overdue,
        ("attention.md", "overdue", words["overdue"]),
        words["overdue"],
        Rows.overdue_table,
    )
    unreported_pages = r.paged(
        out,
        "attention/unreported",
        unreported,
        ("attention.md", "unreported", words["unreported"]),
        words["unreported"],
        Rows.unreported_table,
    )
    out.pages["attention.md"] = r.render(
        "attention.md.j2",
        "attention.md",
        overdue=overdue,
        unreported=unreported,
        overdue_pages=overdue_pages,
        unreported_pages=unreported_pages,
        past_due=t.past_due(),
        ended=ended_note(t.project.plan, t.year, r.lang),
    )


def report_pdf(year: int, lang: str) -> str:
    """The file name of a yearly report's PDF, beside its page."""
    return f"progress-report-{year}-{lang}.pdf"


def _render_reports(r: PageRenderer, out: Rendered, pdf: bool) -> None:
    """The yearly reports (reports/FY/) and their list (reports/)."""
    t, lang = r.tracking, r.lang
    years = report_years(t)
    if not years:
        return
    out.pages["reports/index.md"] = r.render("reports.md.j2", "reports/index.md", years=years)
    kinds = [c for c in Change if r.has["kpis" if c in KPI_CHANGES else "actions"]]
    for year in years:
        report = yearly_report(t, year)
        path = f"reports/{year}.md"
        title = labels.LABELS["report_title"][lang].format(fmt.year(year, lang))
        changes = [(c, x) for c in kinds for x in report.changed(c)]
        parts: dict[str, tuple[list[Any], str, Callable[[Rows, list[Any]], Markup]]] = {
            "changes": (changes, "report_changes", Rows.report_changes),
            "kpis": (
                report.kpis,
                "kpis",
                functools.partial(Rows.report_kpis, year=year),
            ),
            "actions": (
                report.actions,
                "actions",
                functools.partial(Rows.report_actions, year=year),
            ),
        }
        pages = {
            part: r.paged(
                out,
                f"reports/{year}/{part}",
                items,
                (path, part, title),
                f"{title}: {labels.LABELS[words][lang]}",
                write,
            )
            for part, (items, words, write) in parts.items()
        }
        out.pages[path] = r.render(
            "report.md.j2",
            path,
            description=report.evaluation.summary
            if report.evaluation and report.evaluation.summary
            else labels.LABELS["report_closed" if report.closed else "report_current"][lang].format(
                fmt.year(year, lang)
            ),
            r=report,
            first=year == t.project.plan.period.start,
            changes=changes,
            change_kinds=kinds,
            strategies=t.project.strategies.strategies,
            change_pages=pages["changes"],
            kpi_pages=pages["kpis"],
            action_pages=pages["actions"],
            pdf=report_pdf(year, lang) if pdf else None,
        )


def _render_kpis(r: PageRenderer, out: Rendered) -> None:
    project, lang = r.project, r.lang
    rows = {s.id: r.rollup(r.kpis_of(s)) for s in project.strategies.strategies}
    kpis = project.kpis.kpis
    chunks = [kpis[i : i + KPIS_PER_PAGE] for i in range(0, len(kpis), KPIS_PER_PAGE)]
    pages = [(n, kpi_list_page(n)) for n in range(1, len(chunks) + 1)]
    by_grades = r.tracking.by_grade(kpis)
    heading = labels.LABELS["kpis_by_grade"][lang]
    grade_pages = {
        g.id: r.paged(
            out,
            f"by-grade/{g.id}",
            listed,
            ("kpis/index.md", f"by-grade-{g.id}", heading),
            f"{heading}: {g.label.get(lang)}",
            functools.partial(Rows.grade_items, g=g),
        )
        for g, listed in by_grades
    }
    for n, chunk in enumerate(chunks, start=1):
        out.pages[kpi_list_page(n)] = r.render(
            "kpis.md.j2",
            kpi_list_page(n),
            kpis=chunk,
            pages=pages,
            current=n,
            grades=project.kpis.scale,
            strategies=project.strategies.strategies,
            rollup_rows=rows,
            by_grades=by_grades if n == 1 else [],
            grade_pages=grade_pages,
        )
    for kpi in project.kpis.kpis:
        path = f"kpis/{kpi.id}.md"
        out.pages[path] = r.memo.page(path, (kpi,), functools.partial(_kpi_page, r, path, kpi))


def _kpi_page(r: PageRenderer, path: str, kpi: Kpi) -> str:
    """A KPI's page: its facts, its grade, its trend and its data's history."""
    lang = r.lang
    strategy = r.owner[kpi.measures]
    measure = next((m for m in strategy.measures if m.id == kpi.measures), None)
    target = layout.strategy_page(strategy)
    anchor = ""
    if measure is not None:
        target = layout.measure_page(strategy, measure)
        anchor = layout.measure_anchor(strategy, measure)
    return r.render(
        "kpi.md.j2",
        path,
        description=f"{kpi.name.get(lang)} — {labels.LABELS['grade'][lang]}: "
        f"{r.assessments[kpi.id].grade.label.get(lang)}",
        kpi=kpi,
        a=r.assessments[kpi.id],
        measure_link=relative(path, target) + anchor,
        measure_name=r.names[kpi.measures],
        chart=Markup(trend_chart(kpi, lang, _chart_id("trend", kpi.id))),
        changes=r.history.of(kpi.id, KPI_KINDS),
        feed_url=relative(path, "index.md") + FEED if r.feed else "",
        as_of=r.history.data_as_of(kpi.id) if kpi.actuals else None,
        kpi_csv=kpi_csv_name(kpi),
    )


def _render_plan_pages(r: PageRenderer, out: Rendered) -> None:
    project, lang = r.project, r.lang
    if project.guidelines.categories:
        out.pages["guidelines.md"] = r.render(
            "guidelines.md.j2",
            "guidelines.md",
            categories=project.guidelines.categories,
            introduction=project.guidelines.introduction,
        )
    roles = {role.id: role for role in project.governance.roles}
    bodies = {body.id: body for body in project.governance.bodies}
    if roles or bodies:
        out.pages["governance.md"] = r.render(
            "governance.md.j2", "governance.md", roles=roles, bodies=project.governance.bodies
        )
    if r.has["milestones"]:
        out.pages["timeline.md"] = r.render(
            "timeline.md.j2", "timeline.md", milestones=project.timeline.milestones, bodies=bodies
        )
    out.pages["revisions.md"] = r.render(
        "revisions.md.j2", "revisions.md", revisions=project.plan.revisions
    )
    ja = lang == "ja"
    files = [
        (
            "kpis.csv",
            "数値目標（縦持ち、UTF-8 BOM付き）" if ja else "KPIs, long format (UTF-8 with BOM)",
        ),
        ("kpis.csv-metadata.json", "CSVの列の説明（CSVW）" if ja else "Column descriptions (CSVW)"),
        ("kpis.json", "数値目標と評価" if ja else "KPIs and their assessment"),
        ("plan.json", "計画全体（JSON Schema準拠）" if ja else "The whole plan (JSON Schema)"),
        (
            "actions.csv",
            "取組と年度ごとの状況（UTF-8 BOM付き）"
            if ja
            else "Actions and their status per fiscal year (UTF-8 with BOM)",
        ),
    ]
    out.pages["open-data.md"] = r.render(
        "open-data.md.j2",
        "open-data.md",
        licence=labels.LICENCE[project.plan.licence.value][lang],
        attribution=attribution(project, lang),
        files=files,
        formula_starts=("、" if ja else ", ").join(
            labels.CONTROL_NAME[c][lang] if c in labels.CONTROL_NAME else c for c in FORMULA_STARTS
        ),
    )
    out.pages["search/index.md"] = r.render(
        "search.md.j2", "search/index.md", separator=JA_SEPARATOR
    )
    for chapter in project.chapters:
        body = chapter.en if lang == "en" and chapter.en else chapter.ja
        out.pages[f"chapters/{chapter.id}.md"] = r.render(
            "chapter.md.j2",
            f"chapters/{chapter.id}.md",
            chapter=chapter,
            body=Markup(render_chapter(body, "ja" if lang == "en" and not chapter.en else "")),
            notice=lang == "en" and not chapter.en,
        )


def _nav(r: PageRenderer, out: Rendered) -> Nav:
    """A hierarchical navigation whose size does not grow with KPIs or actions; a page with
    nothing to show was not rendered, so it is not listed."""
    lang, project = r.lang, r.project
    label = {k: v[lang] for k, v in labels.LABELS.items()}
    strategies: Nav = [{label["strategies"]: "strategies/index.md"}]
    strategies += [
        {text.title(s.name, lang): f"strategies/{s.id}.md"} for s in project.strategies.strategies
    ]
    nav: Nav = [
        {label["home"]: "index.md"},
        {label["strategies"]: strategies},
        {label["kpis"]: "kpis/index.md"},
        {label["attention"]: "attention.md"},
        {label["methodology"]: "methodology.md"},
        {label["reports"]: "reports/index.md"},
        {label["guidelines"]: "guidelines.md"},
        {label["governance"]: "governance.md"},
        {label["timeline"]: "timeline.md"},
    ]
    if project.chapters:
        chapters = [{text.title(c.title, lang): f"chapters/{c.id}.md"} for c in project.chapters]
        nav.append({label["chapters"]: chapters})
    nav += [
        {label["revisions"]: "revisions.md"},
        {label["open_data"]: "open-data.md"},
        {label["accessibility"]: "accessibility.md"},
    ]
    return [entry for entry in nav if _listed(entry, out.pages)]


def _listed(entry: dict[str, Any], pages: dict[str, str | Kept]) -> bool:
    """Whether a navigation entry leads to a page that was rendered."""
    (target,) = entry.values()
    return target in pages if isinstance(target, str) else True
