"""Synthetic plans in the real format, at the benchmark's sizes; the same size gives the same files.

S is the shipped Arao plan, copied as it is. M and L are generated: every YAML file of the
format (plan, strategies, guidelines, governance, timeline, kpis), bilingual texts of realistic
length, schedules by span and by period, budgets, qualitative targets, manual grades, actuals
with notes, and three narrative chapters with footnotes and admonitions. They validate without
a single warning, so `dxsite build --strict` builds them too.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("plan", "kpis.yaml", "mkdocs.yml", "theme", "schemas")
"""What a project consists of (its built site/ and .dxsite/ are left behind)."""


@dataclass(frozen=True)
class Size:
    """How big a plan is: counts of each kind of item and the years its plan period spans."""

    name: str
    strategies: int
    measures: int
    actions: int
    kpis: int
    years: int
    first_year: int
    uneven: bool = False
    """Strategies and measures of unequal size, as real plans have (`_split_unevenly`)."""

    @property
    def items(self) -> int:
        """Strategies, measures, actions and KPIs together: what "10× the items" counts."""
        return self.strategies + self.measures + self.actions + self.kpis


SIZES = {
    "M": Size("M", strategies=10, measures=60, actions=300, kpis=100, years=8, first_year=2021),
    "L": Size("L", strategies=30, measures=300, actions=3000, kpis=1000, years=12, first_year=2019),
    "XL": Size(
        "XL", strategies=100, measures=1000, actions=10000, kpis=3000, years=12, first_year=2019
    ),
    "M-uneven": Size(
        "M-uneven", 10, measures=60, actions=300, kpis=100, years=8, first_year=2021, uneven=True
    ),
    "L-uneven": Size(
        "L-uneven",
        30,
        measures=300,
        actions=3000,
        kpis=1000,
        years=12,
        first_year=2019,
        uneven=True,
    ),
    "XL-uneven": Size(
        "XL-uneven", 100, 1000, 10000, kpis=3000, years=12, first_year=2019, uneven=True
    ),
}
"""The generated sizes; S is the shipped plan (see `write_plan`)."""

LAST_ACTUAL_YEAR = 2024
"""Actuals stop here: fixed, so that the files never change and never lie in the future."""

# Pieces the texts are made of; each Japanese piece has its English counterpart.
_FIELDS = [
    ("子育て", "child-rearing"),
    ("防災", "disaster preparedness"),
    ("福祉", "welfare"),
    ("教育", "education"),
    ("観光", "tourism"),
    ("農業", "agriculture"),
    ("医療", "medical care"),
    ("交通", "transport"),
    ("窓口", "front-desk services"),
    ("税務", "taxation"),
    ("環境", "the environment"),
    ("地域コミュニティ", "local communities"),
]
_MEANS = [
    ("オンライン申請", "online applications"),
    ("AI・RPA", "AI and RPA"),
    ("オープンデータ", "open data"),
    ("キャッシュレス決済", "cashless payment"),
    ("マイナンバーカード", "the My Number Card"),
    ("クラウドサービス", "cloud services"),
    ("データ連携基盤", "a data-linkage platform"),
    ("電子契約", "electronic contracts"),
    ("センサー", "sensors"),
    ("LINE公式アカウント", "the official LINE account"),
]
_GOALS = [
    ("市民の利便性を高め", "make life more convenient for citizens"),
    ("職員の事務負担を減らし", "reduce staff workload"),
    ("誰一人取り残さない環境を整え", "make sure no one is left behind"),
    ("地域の担い手を支え", "support the people who keep the community going"),
    ("行政の透明性を高め", "make the administration more transparent"),
    ("安全・安心な暮らしを守り", "protect safe and secure lives"),
]
_DEPARTMENTS = [
    ("デジタル推進課", "Digital Promotion Division"),
    ("総務課", "General Affairs Division"),
    ("市民課", "Citizens Division"),
    ("子育て支援課", "Child-Rearing Support Division"),
    ("防災安全課", "Disaster Prevention and Safety Division"),
    ("福祉課", "Welfare Division"),
    ("商工観光課", "Commerce, Industry and Tourism Division"),
    ("教育委員会 学校教育課", "Board of Education, School Education Division"),
    ("税務課", "Taxation Division"),
    ("環境保全課", "Environmental Conservation Division"),
]
_UNITS = [
    ({"ja": "%", "en": "%"}, 100.0),
    ({"ja": "件", "en": "cases"}, 5000.0),
    ({"ja": "人", "en": "people"}, 20000.0),
    ({"ja": "時間", "en": "hours"}, 8000.0),
    ({"ja": "百万円", "en": "million yen"}, 900.0),
]
_PRIORITIES = [
    "frontyard",
    "standardization",
    "eltax",
    "my-number-card",
    "security",
    "ai-rpa",
    "telework",
    "online-procedures",
]
_STATUSES = ["planned", "in-progress", "done", "suspended"]


def _split(total: int, parts: int) -> list[int]:
    """`total` items over `parts` owners, as evenly as possible: 10 over 3 → [4, 3, 3]."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


_WEIGHTS = (8, 4, 2, 1, 1, 1, 1, 1)
"""How unequal an uneven plan is: of every eight strategies (or measures), the first holds eight
times the share of the last four; the largest is about 3.5 times the mean."""


def _split_unevenly(total: int, parts: int) -> list[int]:
    """`total` items over `parts` owners in the proportions of `_WEIGHTS`, each at least 1."""
    weights = [_WEIGHTS[i % len(_WEIGHTS)] for i in range(parts)]
    counts = [max(1, total * w // sum(weights)) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def _era(year: int) -> str:
    """令和N年度 / 平成N年度, as editors write years."""
    if year >= 2019:
        return f"令和{'元' if year == 2019 else year - 2018}年度"
    return f"平成{year - 1988}年度"


class _Writer:
    """Makes one plan's data from a seeded random generator: same size, same plan."""

    def __init__(self, size: Size) -> None:
        self.size = size
        self.rng = random.Random(f"dxsite-benchmark-{size.name}")
        self.first = size.first_year
        self.last = size.first_year + size.years - 1
        half = self.first + size.years // 2 - 1
        self.periods = [("phase-1", self.first, half), ("phase-2", half + 1, self.last)]

    def pick(self, pool: list[Any]) -> Any:
        return pool[self.rng.randrange(len(pool))]

    def sentence(self, subject: tuple[str, str]) -> dict[str, str]:
        """One sentence about `subject` in both languages."""
        field_ja, field_en = self.pick(_FIELDS)
        means_ja, means_en = self.pick(_MEANS)
        goal_ja, goal_en = self.pick(_GOALS)
        return {
            "ja": f"{field_ja}の分野で{means_ja}を活用して{subject[0]}を進め、{goal_ja}ます。",
            "en": f"In {field_en}, we will use {means_en} to advance {subject[1]} and {goal_en}.",
        }

    def paragraph(self, subject: tuple[str, str], sentences: int) -> dict[str, str]:
        parts = [self.sentence(subject) for _ in range(sentences)]
        return {"ja": "".join(p["ja"] for p in parts), "en": " ".join(p["en"] for p in parts)}

    def name(self, kind: tuple[str, str], n: int) -> tuple[str, str]:
        """A name: 子育てにおける電子契約の推進（施策12） / Promoting ... in ... (measure 12)."""
        field_ja, field_en = self.pick(_FIELDS)
        means_ja, means_en = self.pick(_MEANS)
        return (
            f"{field_ja}における{means_ja}の推進（{kind[0]}{n}）",
            f"Promoting {means_en} in {field_en} ({kind[1]} {n})",
        )

    # --- plan.yaml, guidelines, governance, timeline: a fixed small amount at every size ----

    def plan(self) -> dict[str, Any]:
        return {
            "municipality": {"ja": "ベンチ市", "en": "Bench City"},
            "title": {
                "ja": f"ベンチ市DX推進計画（規模{self.size.name}）",
                "en": f"Bench City DX Promotion Plan (size {self.size.name})",
            },
            "subtitle": {"ja": "性能測定用の合成計画", "en": "A synthetic plan for benchmarks"},
            "status": "adopted",
            "version": "1.0",
            "published": f"{self.first}-04-01",
            "period": {"start": _era(self.first), "end": _era(self.last)},
            "periods": [
                {
                    "id": pid,
                    "name": {"ja": f"第{n}期", "en": f"Phase {n}"},
                    "start": start,
                    "end": end,
                    "note": self.sentence(("計画の推進", "the plan")),
                }
                for n, (pid, start, end) in enumerate(self.periods, 1)
            ],
            "vision": {
                "statement": {
                    "ja": "だれもがデジタルの恩恵を受けられるまち",
                    "en": "A city where everyone benefits from digital technology",
                },
                "tagline": {"ja": "〜つながる、ひろがる〜", "en": "~ Connected, and growing ~"},
                "description": self.paragraph(("まちづくり", "our town planning"), 3),
            },
            "licence": "CC-BY-4.0",
            "contact": {
                "department": {"ja": "デジタル推進課", "en": "Digital Promotion Division"},
                "address": {"ja": "ベンチ県ベンチ市本町1-1", "en": "1-1 Honmachi, Bench City"},
                "phone": "0000-00-0000",
                "email": "dx@city.example.jp",
                "url": "https://city.example.jp/dx/",
            },
            "revisions": [
                {
                    "version": "1.0",
                    "date": f"{self.first}-04-01",
                    "summary": {"ja": "策定", "en": "Adopted"},
                }
            ],
            "site_url": "https://example.github.io/bench/",
        }

    def guidelines(self) -> dict[str, Any]:
        return {
            "introduction": [self.paragraph(("計画の推進", "the plan"), 2)],
            "categories": [
                {
                    "id": f"category-{c}",
                    "name": {"ja": f"区分{c}", "en": f"Category {c}"},
                    "description": self.sentence(("意識改革", "a change of mindset")),
                    "guidelines": [
                        {
                            "name": {"ja": f"指針{c}-{g}", "en": f"Guideline {c}-{g}"},
                            "description": self.paragraph(("業務改革", "business reform"), 2),
                        }
                        for g in range(1, 4)
                    ],
                }
                for c in range(1, 4)
            ],
        }

    def governance(self) -> dict[str, Any]:
        return {
            "roles": [
                {
                    "id": "cio",
                    "title": {"ja": "最高情報統括責任者（CIO）", "en": "Chief Information Officer"},
                    "holder": {"ja": "副市長", "en": "Deputy Mayor"},
                    "description": self.sentence(("全体の統括", "overall leadership")),
                }
            ],
            "bodies": [
                {
                    "id": "dx-headquarters",
                    "name": {"ja": "DX推進本部", "en": "DX Promotion Headquarters"},
                    "head": "cio",
                    "members": [{"ja": "各部長", "en": "Every department head"}],
                    "duties": [self.sentence(("進捗管理", "progress management"))],
                }
            ],
        }

    def timeline(self) -> dict[str, Any]:
        return {
            "milestones": [
                {
                    "date": f"{self.first - 1}-{month:02d}-01",
                    "kind": "meeting",
                    "body": "dx-headquarters",
                    "title": {"ja": f"第{n}回DX推進本部会議", "en": f"Headquarters meeting {n}"},
                }
                for n, month in enumerate((6, 9, 12), 1)
            ]
        }

    # --- strategies.yaml and kpis.yaml: what grows with the size ---------------------------

    def schedule(self) -> dict[str, Any]:
        if self.rng.random() < 0.3:
            return {"periods": [self.pick(self.periods)[0]]}
        start = self.rng.randint(self.first, self.last)
        return {"start": start, "end": self.rng.randint(start, self.last)}

    def action(self, ident: str, n: int) -> dict[str, Any]:
        name_ja, name_en = self.name(("取組", "action"), n)
        action: dict[str, Any] = {
            "id": ident,
            "name": {"ja": name_ja, "en": name_en},
            "description": self.sentence(("この取組", "this work")),
            "owner": dict(zip(("ja", "en"), self.pick(_DEPARTMENTS), strict=True)),
            "schedule": self.schedule(),
            "status": self.pick(_STATUSES),
        }
        if n % 4 == 0:
            year = self.rng.randint(self.first, self.last)
            action["budget"] = {"amount": self.rng.randint(1, 500) * 10_000, "year": year}
        if n % 3 == 0:
            action["national_priority"] = self.pick(_PRIORITIES)
        return action

    def strategies(self) -> dict[str, Any]:
        size = self.size
        split = _split_unevenly if size.uneven else _split
        measure_counts = split(size.measures, size.strategies)
        action_counts = iter(split(size.actions, size.measures))
        strategies, m_no, a_no = [], 0, 0
        for s_no, n_measures in enumerate(measure_counts, 1):
            s_ja, s_en = self.name(("戦略", "strategy"), s_no)
            measures = []
            for _ in range(n_measures):
                m_no += 1
                m_ja, m_en = self.name(("施策", "measure"), m_no)
                actions = []
                for _ in range(next(action_counts)):
                    a_no += 1
                    actions.append(self.action(f"a{a_no:04d}", a_no))
                measures.append(
                    {
                        "id": f"m{m_no:03d}",
                        "name": {"ja": m_ja, "en": m_en},
                        "description": self.paragraph(("この施策", "this measure"), 2),
                        "actions": actions,
                    }
                )
            strategies.append(
                {
                    "id": f"s{s_no:02d}",
                    "name": {"ja": s_ja, "en": s_en},
                    "summary": self.sentence(("この戦略", "this strategy")),
                    "description": [
                        self.paragraph(("この戦略", "this strategy"), 3) for _ in range(2)
                    ],
                    "keywords": [
                        dict(zip(("ja", "en"), self.pick(_MEANS), strict=True)) for _ in range(2)
                    ],
                    "measures": measures,
                }
            )
        intro = [self.paragraph(("基本戦略", "the basic strategies"), 3)]
        return {"introduction": intro, "strategies": strategies}

    def kpi(self, n: int, measures: str) -> dict[str, Any]:
        unit, scale = self.pick(_UNITS)
        direction = "decrease" if n % 7 == 0 else "increase"
        base = round(self.rng.uniform(0.2, 0.5) * scale, 1)
        goal = round(base * (0.6 if direction == "decrease" else 1.6), 1)
        if unit["ja"] == "%":
            goal = min(goal, 100.0)
        name_ja, name_en = self.name(("指標", "KPI"), n)
        kpi: dict[str, Any] = {
            "id": f"k{n:04d}",
            "name": {"ja": f"{name_ja}の成果", "en": f"Results of {name_en}"},
            "unit": unit,
            "direction": direction,
            "precision": 1,
            "measures": measures,
            "baseline": {"value": base, "year": self.first},
            "targets": [
                {"value": round((base + goal) / 2, 1), "year": (self.first + self.last) // 2},
                {"value": goal, "year": _era(self.last)},
            ],
            "actuals": [
                {
                    "year": year,
                    "value": round(base + (goal - base) * self.rng.uniform(0.0, 0.5), 1),
                }
                for year in range(self.first + 1, min(self.last, LAST_ACTUAL_YEAR) + 1)
            ],
            "source": {"ja": "市民アンケート", "en": "Citizen survey"},
            "source_url": "https://city.example.jp/survey/",
            "rationale": [self.paragraph(("この指標", "this indicator"), 2) for _ in range(2)],
        }
        if kpi["actuals"]:
            kpi["actuals"][-1]["note"] = self.sentence(("集計方法の変更", "a new way of counting"))
        if n % 10 == 0:
            text = {"ja": "全庁で運用を開始する", "en": "In use across the city government"}
            kpi["targets"].insert(1, {"year": self.last - 1, "text": text})  # one per year
        if n % 25 == 0:
            kpi["grade"] = {"grade": "on-track", "reason": self.sentence(("評価", "the grading"))}
        return kpi

    def kpis(self, strategies: dict[str, Any]) -> dict[str, Any]:
        """KPIs spread over strategies, each one measuring a strategy or one of its measures."""
        owners = [[s["id"]] + [m["id"] for m in s["measures"]] for s in strategies["strategies"]]
        kpis, n = [], 0
        for targets, count in zip(owners, _split(self.size.kpis, len(owners)), strict=True):
            for i in range(count):
                n += 1
                kpis.append(self.kpi(n, targets[i % len(targets)]))
        return {"kpis": kpis}

    def chapters(self) -> dict[str, tuple[str, str]]:
        """Three narrative chapters: file name → (Japanese, English) Markdown."""
        out = {}
        for c in range(1, 4):
            ja = [f"# 第{c}章 計画の背景{c}", ""]
            en = [f"# Chapter {c}: Background {c}", ""]
            for sec in range(1, 4):
                ja += [f"## {c}.{sec} 現状と課題", ""]
                en += [f"## {c}.{sec} Where we stand", ""]
                for _ in range(3):
                    para = self.paragraph(("デジタル化", "digitalization"), 4)
                    ja += [para["ja"], ""]
                    en += [para["en"], ""]
            ja += ['!!! note "補足"', "", "    国の計画を踏まえます。[^1]", ""]
            en += ['!!! note "Note"', "", "    We follow the national plan.[^1]", ""]
            ja += ["[^1]: 自治体DX推進計画。", ""]
            en += ["[^1]: The Municipal DX Promotion Plan.", ""]
            out[f"{c:02d}-background-{c}.md"] = ("\n".join(ja), "\n".join(en))
        return out


class _Dumper(yaml.SafeDumper):
    """Writes a value shared by several items out in full each time (the format has no aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(path: Path, schema: str, data: dict[str, Any]) -> None:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    header = f"# yaml-language-server: $schema={schema}\n"
    path.write_text(header + body, encoding="utf-8")


MKDOCS_YML = """\
# The MkDocs configuration of a synthetic benchmark plan (the shipped plan's, renamed).
site_name: ベンチ市DX推進計画
site_url: https://example.github.io/bench/
theme:
  name: material
  features:
    - navigation.indexes
    - navigation.top
    - search.highlight
copyright: ベンチ市
"""


def generate(size: Size, root: Path) -> Path:
    """Write a synthetic plan of `size` into `root` (made empty first); returns `root`."""
    if root.exists():
        shutil.rmtree(root)
    (root / "plan" / "chapters" / "ja").mkdir(parents=True)
    (root / "plan" / "chapters" / "en").mkdir(parents=True)
    writer = _Writer(size)
    strategies = writer.strategies()
    schema = "../schemas/{}.schema.json"
    _dump(root / "plan" / "plan.yaml", schema.format("plan"), writer.plan())
    _dump(root / "plan" / "strategies.yaml", schema.format("strategies"), strategies)
    _dump(root / "plan" / "guidelines.yaml", schema.format("guidelines"), writer.guidelines())
    _dump(root / "plan" / "governance.yaml", schema.format("governance"), writer.governance())
    _dump(root / "plan" / "timeline.yaml", schema.format("timeline"), writer.timeline())
    _dump(root / "kpis.yaml", "schemas/kpis.schema.json", writer.kpis(strategies))
    for name, (ja, en) in writer.chapters().items():
        (root / "plan" / "chapters" / "ja" / name).write_text(ja, encoding="utf-8")
        (root / "plan" / "chapters" / "en" / name).write_text(en, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root


def copy_project(source: Path, root: Path) -> Path:
    """Copy a project's sources (not its site/ or .dxsite/) into `root`, made empty first."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in SOURCES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, root / name)
        elif path.is_file():
            shutil.copy2(path, root / name)
    return root


def write_plan(size: str, root: Path) -> Path:
    """The plan of size S (the shipped Arao plan), M or L, written into `root`."""
    if size == "S":
        return copy_project(REPO, root)
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}: expected S, {', '.join(SIZES)}")
    return generate(SIZES[size], root)
