"""Build the site: write the rendered pages, run the builder per language in parallel, swap site/.

The builder (MkDocs or Zensical) runs in generator/engines.py. The build goes to a temporary
folder and replaces site/ only when every step succeeded, so a failed build leaves the previous
site as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Collection, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISDIR
from typing import Any

import yaml

from . import blocks as raw_html
from . import clock, engines, postprocess, search, stages
from . import paths as safe
from .apart import Apart
from .errors import BuildError
from .history import History
from .incremental import Cache, blocks_file, page_output, stamp
from .messages import say
from .model.plan import PlanFile
from .model.project import Project
from .pdf import print_reports
from .recorded import read_evidence
from .render import labels, memo, text
from .render.contact import contact_html
from .render.data import data_files
from .render.feed import FEED, atom_feed
from .render.pages import Rendered, is_chapter, render_language
from .report import report_years
from .tracking import Tracking

WORK_DIR = ".dxsite"
THEME_DIR = "theme"
# dxsite's own theme: generator/theme/ in an installed wheel, else the checkout's theme/ (the one
# source; pyproject.toml maps it into the wheel).
_PACKAGED_THEME = Path(__file__).resolve().with_name(THEME_DIR)
DXSITE_THEME = (
    _PACKAGED_THEME if _PACKAGED_THEME.is_dir() else _PACKAGED_THEME.parent.parent / THEME_DIR
)
LANGS = ("ja", "en")
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "footnotes", "admonition", "toc")
"""The Markdown extensions of the generated configs (the user's mkdocs.yml cannot add any)."""


@dataclass
class Paths:
    """Where a project's sources, generated docs and site live."""

    root: Path
    site_dir: Path

    @property
    def work(self) -> Path:
        """The git-ignored folder of generated docs and configs."""
        return self.root / WORK_DIR

    @functools.cached_property
    def site_url(self) -> str:
        """The site_url of the user's mkdocs.yml ("" when none)."""
        return str(_user_config(self.root).get("site_url", ""))

    def docs(self, lang: str) -> Path:
        """The generated docs_dir of one language."""
        return self.work / "docs" / lang

    @property
    def blocks(self) -> Path:
        """Where the raw HTML blocks of the generated pages are kept, outside the builder's
        docs (one folder per language, see generator/blocks.py)."""
        return self.work / "blocks"


def write_tree(target: Path, files: dict[str, str | bytes], unchanged: Collection[str] = ()) -> int:
    """Make `target` hold exactly `files` and the `unchanged` files it holds already, writing
    only what changed; returns files written."""
    written = 0
    for rel, content in files.items():
        path = target / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for folder, _, names in os.walk(target, topdown=False):
        top = Path(folder)
        for name in names:
            rel = (top / name).relative_to(target).as_posix()
            if rel not in files and rel not in unchanged:
                (top / name).unlink()
        if top != target and not any(top.iterdir()):
            top.rmdir()
    return written


def theme_dir(root: Path) -> Path:
    """The project's theme/ overrides, or dxsite's own when the project has none."""
    own = root / THEME_DIR
    if not own.is_symlink() and not own.exists():
        return DXSITE_THEME
    safe.check_tree(root, own)
    return own


def _user_config(
    root: Path, loader: type[yaml.BaseLoader] | type[yaml.SafeLoader] = yaml.BaseLoader
) -> dict[str, Any]:
    """The user's mkdocs.yml (as text values with the BaseLoader; check has refused its tags,
    INHERIT, hooks and plugins)."""
    path = safe.source_file(root, "mkdocs.yml")
    if path is None:
        return {}
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise BuildError(say("build.config_yaml", problem=exc)) from None
    return loaded if isinstance(loaded, dict) else {}


PRUNE = "navigation.prune"
"""Material renders only the visible part of the navigation into each page: the list of
strategies appears on the pages of its own section, not on all of them, so a page's size does
not grow with the plan's strategies (incompatible with navigation.expand, which keeps it)."""


def _features(root: Path) -> list[str]:
    """The user's theme features (the generated config replaces the list) and navigation.prune."""
    theme = _user_config(root).get("theme")
    features = theme.get("features", []) if isinstance(theme, dict) else []
    features = [str(f) for f in features] if isinstance(features, list) else []
    if PRUNE in features or "navigation.expand" in features:
        return features
    return [*features, PRUNE]


def mkdocs_config(
    project: Project, paths: Paths, lang: str, rendered: Rendered, *, feed: bool = False
) -> dict[str, Any]:
    """The generated MkDocs config of one language (`feed`: with an Atom feed), merged over the
    user's mkdocs.yml; its docs_dir is relative to the config (Zensical cannot take an absolute
    one)."""
    plan = project.plan
    other = "en" if lang == "ja" else "ja"
    status = plan.status.value
    config: dict[str, Any] = {
        "site_name": text.title(plan.title, lang),
        "docs_dir": paths.docs(lang).relative_to(paths.work).as_posix(),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": str(theme_dir(paths.root)),
            "language": lang,
            "font": False,
            "features": _features(paths.root),
        },
        "plugins": [],
        "nav": rendered.source_nav(),
        "extra_css": ["assets/stylesheets/dxsite.css", "assets/stylesheets/charts.css"],
        "markdown_extensions": list(MARKDOWN_EXTENSIONS),
        "validation": {"nav": {"omitted_files": "info"}},
        "extra": {
            "alternate": [
                {"name": labels.LABELS["language_name"][code], "lang": code} for code in LANGS
            ],
            "dxsite": {
                "lang": lang,
                "other_lang": other,
                "switch_label": labels.LABELS["switch_to"][lang],
                "search_label": labels.LABELS["search"][lang],
                "status": "" if status == "adopted" else labels.STATUS[status][lang],
                "status_note": _status_note(status, lang),
                "sample": labels.LABELS["sample_note"][lang] if plan.sample else "",
                "prevails": labels.LABELS["japanese_prevails"][lang],
                "last_updated": labels.LABELS["last_updated"][lang],
                "municipality": text.title(plan.municipality, lang),
                "feed": FEED if feed else "",
                "feed_label": labels.LABELS["feed"][lang],
                "contact": str(contact_html(plan.contact, lang)),
            },
        },
    }
    if paths.site_url and lang != "ja":
        config["site_url"] = paths.site_url.rstrip("/") + f"/{lang}/"
    return _merged(_user_config(paths.root, yaml.SafeLoader), config)


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """`child` over `parent` as MkDocs merges an INHERIT parent: mappings key by key, any other
    value replaced. dxsite merges the user's mkdocs.yml itself, so the generated config is one
    self-contained file that every builder reads alike (Zensical's INHERIT appends lists: the
    user's nav and features would be added to dxsite's)."""
    merged = dict(parent)
    for key, value in child.items():
        below = merged.get(key)
        merged[key] = (
            _merged(below, value) if isinstance(value, dict) and isinstance(below, dict) else value
        )
    return merged


def _accessibility(root: Path) -> dict[str, Any] | None:
    """The last recorded accessibility run and manual results, or None when none was recorded."""
    evidence, problems = read_evidence(root)
    if problems:
        raise BuildError("\n".join(p.as_text() for p in problems))
    return evidence.model_dump() if evidence else None


def _status_note(status: str, lang: str) -> str:
    """The banner's sentence (HTML): in English the Japanese word of the status marked as such."""
    note = labels.STATUS_NOTE.get(status, {}).get(lang, "")
    return note.format(f'<span lang="ja">{labels.STATUS[status]["ja"]}</span>') if note else ""


def _set_aside(
    files: dict[str, str | bytes | memo.Kept], splits: raw_html.Splits
) -> tuple[dict[str, str | bytes], dict[str, str | bytes], set[str], set[str]]:
    """The raw HTML blocks of the generated pages among `files`, each page's kept in the file
    named after the page MkDocs writes; `files` get placeholders in their place. Chapters stay
    as they are. A page `splits` finds unchanged since the last build is taken out of `files`:
    its two files stay as they are. A page Kept without rendering (see generator/render/memo.py)
    whose files are not as the last build left them is rendered now. Returns the files to
    write, the blocks to keep, and the pages and block files to leave as they are."""
    docs: dict[str, str | bytes] = {}
    kept: dict[str, str | bytes] = {}
    pages: set[str] = set()
    kept_files: set[str] = set()
    for rel, content in files.items():
        name = blocks_file(page_output(rel))
        if isinstance(content, memo.Kept):
            if splits.intact(rel, name):
                pages.add(rel)
                kept_files.add(name)
                continue
            content = content.render()
        if rel.endswith(".md") and isinstance(content, str) and not is_chapter(rel):
            if splits.unchanged(rel, content, name):
                pages.add(rel)
                kept_files.add(name)
                continue
            docs[rel], found = raw_html.split(content)
            if found:
                kept[name] = raw_html.store(found)
        else:
            docs[rel] = content
    return docs, kept, pages, kept_files


PARALLEL_ITEMS = 6_000
"""The largest plan (strategies, measures, actions and KPIs) whose two languages are rendered at
once, on two cores; a larger one renders them one after the other, so that one language's pages
are in memory at a time. A build of the benchmarks' size XL (14,100 items) peaked at 1.67 GB
(resident memory of all its processes) rendering both at once, 0.88 GB one after the other;
size L (4,330 items) at 0.61 GB rendering both at once."""


def _items(project: Project) -> int:
    strategies = project.strategies.strategies
    measures = [m for s in strategies for m in s.measures]
    actions = sum(len(m.actions) for m in measures)
    return len(strategies) + len(measures) + actions + len(project.kpis.kpis)


def render(
    project: Project, paths: Paths, *, pdf: bool = False, blocks: bool = True
) -> dict[str, Path]:
    """Write every language's pages, data files and MkDocs config; returns the configs. With
    `pdf`, the yearly reports link the PDFs the build prints; with `blocks`, the raw HTML blocks
    of the generated pages are set aside for the build to put back (generator/blocks.py),
    without, every page is written whole, as before issue 16. In a plan of up to
    PARALLEL_ITEMS items, English is rendered in a forked child beside Japanese (see
    generator/apart.py): both share the validated plan, and each holds one language's pages."""
    accessibility = _accessibility(paths.root)
    history = History.read(paths.root)
    tracking = Tracking.now(project)

    def write(lang: str) -> Path:
        options = (accessibility, history, pdf, paths.site_url)
        built_from = memo.context(project, lang, tracking.today, tracking.year, *options)
        keys = memo.Memo(paths.blocks / f"{lang}.keys.json", built_from)
        rendered = render_language(
            tracking, lang, accessibility, history, pdf=pdf, memo=keys if blocks else None
        )
        files: dict[str, str | bytes | memo.Kept] = dict(rendered.files())
        feed = atom_feed(project, history, lang, paths.site_url, set(rendered.pages))
        if feed is not None:
            files[FEED] = feed
        if lang == "ja":
            data = data_files(project, tracking)
            files |= {f"data/{name}": content for name, content in data.items()}
        splits = raw_html.Splits(
            paths.blocks / f"{lang}.json", paths.docs(lang), paths.blocks / lang
        )
        if blocks:
            docs, kept, pages, kept_files = _set_aside(files, splits)
            write_tree(paths.blocks / lang, kept, kept_files)
            write_tree(paths.docs(lang), docs, pages)
            splits.save()
            keys.save()
        else:
            write_tree(paths.blocks / lang, {})
            write_tree(paths.docs(lang), {rel: memo.content(c) for rel, c in files.items()})
        config = mkdocs_config(project, paths, lang, rendered, feed=feed is not None)
        config_path = paths.work / f"mkdocs.{lang}.yml"
        content = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        if not config_path.is_file() or config_path.read_text(encoding="utf-8") != content:
            config_path.write_text(content, encoding="utf-8")
        return config_path

    def english() -> Generator[Path, None, None]:
        yield write("en")

    beside_japanese = _items(project) <= PARALLEL_ITEMS
    with _frozen(), Apart(english, relay=False, fork=beside_japanese) as beside:
        stages.rendering("ja")
        configs = {"ja": write("ja")}
        stages.rendering("en")  # what is waited for now
        configs["en"] = beside.only()
    return configs


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """Leave the validated plan out of the garbage collector's passes while the pages are
    rendered (gc.freeze): they allocate millions of objects, and each full pass would walk
    the plan's millions again (at size XL a third of the rendering time). A forked child then
    also leaves the plan's memory shared with its parent instead of copying what a pass
    touches."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def source_date_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH: as set (checked), else the last commit's time, else now (not
    reproducible)."""
    seconds = clock.epoch()
    if seconds is not None:
        return str(seconds)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        out = ""
    return out if out.isdigit() else ""


STAGING = ".dxsite-build-"
"""Prefix of the folders a build assembles the site in, beside the site folder; STAGING + the
site folder's name is the spare site (see `_spare`)."""
STAGING_MARKER = ".dxsite-staging"
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL):
        return False
    raise OSError(error, os.strerror(error), str(b))


def _swap(new: Path, site_dir: Path) -> None:
    """Put `new` in the place of site_dir. Where the system can, one atomic exchange: a build killed
    at any moment leaves the old or the new complete site, and the old one is kept as the spare
    (see `_spare`). Elsewhere the old site is first moved to SITE.old, and a build killed between
    the two renames leaves SITE.old, which the next build puts back (see _recover)."""
    if not site_dir.exists():
        new.rename(site_dir)
        return
    if _exchange(new, site_dir):
        try:
            new.rename(_spare(site_dir))
        except OSError:  # something took its name meanwhile: the site is in place all the same
            shutil.rmtree(new)
        return
    old = site_dir.with_name(site_dir.name + ".old")
    site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old)


def _spare(site_dir: Path) -> Path:
    """Where a build keeps the site it replaced, beside the site folder: the next build brings
    it up to date (links the files that changed, removes the others; see Cache.copy_into) and
    puts it in place of the site, instead of linking every file of the site into a new folder
    and deleting the old one."""
    return site_dir.with_name(STAGING + site_dir.name)


def _take_spare(site_dir: Path, site: Path) -> None:
    """Move the spare site to `site` (in a staging folder), if there is one; anything else at
    its name (a file, a link) is removed."""
    spare = _spare(site_dir)
    try:
        found = os.lstat(spare)
    except FileNotFoundError:
        return
    if S_ISDIR(found.st_mode):
        spare.rename(site)
    else:
        spare.unlink()


def _recover(site_dir: Path) -> None:
    """Undo what a killed build left: put back SITE.old when SITE is gone, delete stale staging."""
    old = site_dir.with_name(site_dir.name + ".old")
    if old.is_dir() and not old.is_symlink() and (old / safe.MARKER).is_file():
        if site_dir.exists():
            shutil.rmtree(old)
        else:
            old.rename(site_dir)
    for stale in site_dir.parent.glob(f"{STAGING}{site_dir.name}-*"):
        if not stale.is_symlink() and (stale / STAGING_MARKER).is_file():
            shutil.rmtree(stale)


@contextlib.contextmanager
def _lock(paths: Paths) -> Iterator[None]:
    """Serialise the builds of one project: a second build waits for the first."""
    paths.work.mkdir(parents=True, exist_ok=True)
    with open(paths.work / "build.lock", "a+b") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(say("build.waiting"), flush=True)
            fcntl.flock(file, fcntl.LOCK_EX)
        yield


@dataclass
class Ready:
    """What the rest of a build needs from the plan once its pages are written."""

    configs: dict[str, Path]
    """The generated MkDocs config of each language."""
    plan: PlanFile
    """plan.yaml's contents: the site's name, the contact, whether it is a sample."""
    years: list[int]
    """The fiscal years of the yearly reports (printed with --pdf)."""


def prepare(
    project: Project, paths: Paths, *, pdf: bool = False, engine: str = engines.DEFAULT
) -> Ready:
    """Write the pages for `engine` (see `render`) and keep what the rest of the build needs
    of the plan."""
    configs = render(project, paths, pdf=pdf, blocks=engine in engines.KEEP_RAW_HTML)
    return Ready(configs, project.plan, report_years(Tracking.now(project)) if pdf else [])


def build(
    paths: Paths,
    write: Callable[[], Ready],
    *,
    strict: bool = False,
    pdf: bool = False,
    engine: str = engines.DEFAULT,
) -> None:
    """Write the pages (`write`, called once the project's folders are checked and the build
    holds the project's lock), build both languages with `engine`, assemble ja at / and en at
    /en/, then swap site/."""
    safe.check_work_dir(paths.root, paths.work)
    safe.check_site_dir(paths.root, paths.site_dir)
    with _lock(paths):
        try:
            _build(paths, write, strict=strict, pdf=pdf, engine=engine)
        except OSError as exc:
            where = exc.filename or paths.site_dir
            raise BuildError(say("build.os_error", where=where, problem=exc.strerror)) from None


def _release() -> None:
    """Give what rendering left behind back to the system before MkDocs starts, so that the two
    MkDocs processes run beside a smaller dxsite process: the rendered pages are garbage by
    now, but the allocator keeps their memory until it is trimmed (glibc's malloc_trim)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def _build(
    paths: Paths, write: Callable[[], Ready], *, strict: bool, pdf: bool, engine: str
) -> None:
    site_dir = paths.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(site_dir)
    safe.check_site_dir(paths.root, site_dir)
    ready = write()
    configs = ready.configs
    _release()
    epoch = source_date_epoch(paths.root)
    cache = Cache(paths.work)
    docs = {lang: paths.docs(lang) for lang in configs}
    # MkDocs' dirty build, not under --strict: a page it does not rebuild repeats no warning
    dirty = cache.prepare(
        docs,
        stamp(configs, theme_dir(paths.root), epoch, engine),
        dirty=engine == "mkdocs" and not strict,
    )
    try:
        engines.run(engine, configs, cache.mkdocs, strict=strict, epoch=epoch, dirty=dirty)
    except BuildError:
        if not dirty:
            raise
        cache.forget()  # e.g. strict: true in mkdocs.yml, which a dirty build's warning fails
        engines.run(engine, configs, cache.mkdocs, strict=strict, epoch=epoch)
    stages.stage("assemble")
    names = {lang: text.title(ready.plan.title, lang) for lang in LANGS}
    cache.finish(names, paths.blocks)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{site_dir.name}-", dir=site_dir.parent))
    try:
        (staging / STAGING_MARKER).touch()
        site = staging / "site"
        _take_spare(site_dir, site)
        cache.copy_into(site)
        search.write_indexes((site, site / "en"), cache.search_items(site))
        postprocess.write_not_found(site, ready.plan, names)
        if paths.site_url:
            (site / "sitemap.xml").unlink(missing_ok=True)
            (site / "sitemap.xml").write_text(
                postprocess.sitemap(site, paths.site_url), encoding="utf-8"
            )
        if pdf:
            stages.stage("pdf")
            print_reports(site, ready.years)
        (site / safe.MARKER).write_text(
            "This folder was written by dxsite build, which replaces it on every build.\n",
            encoding="utf-8",
        )
        cache.save()
        _swap(site, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
