"""Incremental builds: MkDocs' output and the finished pages are kept between builds.

Under .dxsite/build/ a build keeps

- `mkdocs/LANG/`: MkDocs' own output of each language. When nothing but the content of some
  generated pages changed since the last build (same configs, same theme, same set of pages,
  same navigation, same SOURCE_DATE_EPOCH, MkDocs and dxsite versions), MkDocs runs `--dirty`
  on it and rebuilds only the pages whose source changed; otherwise (and under --strict, whose
  warnings an unrebuilt page would not repeat) it builds from scratch.
- `site/`: the finished site (Japanese at /, English under en/): every page with its raw HTML
  blocks put back (MkDocs read placeholders, see generator/blocks.py), its phrase breaks and
  Content-Security-Policy, each finished again only when MkDocs rewrote it, and the
  other files linked to MkDocs' output.
- `state.json`: what the two were built from (the size, time and inode of every file), and each
  page's search entries.

A build then links (or, across file systems, copies) `site/` into its staging folder, adds the
search indexes and the sitemap, and swaps it in; every file of `mkdocs/` and `site/` that a
build changes is replaced by a new file, never rewritten in place, so the published site that
shares them keeps its content until the swap, and a failed build leaves it as it was. Anything
out of step (a file changed by hand, a state from another version, a build killed halfway)
makes the next build a clean one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Generator, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from stat import S_ISREG
from typing import Any

from . import __version__, blocks, postprocess, search
from .apart import Apart
from .filestat import Stat, stat_if_file
from .filestat import stat as _stat

BUILD_DIR = "build"
STATE = "state.json"
FORMAT = 2
"""The version of state.json's layout (and of what MkDocs' output and the finished pages hold:
since 2, MkDocs' pages hold the placeholders of their raw HTML blocks)."""
LANGS = ("ja", "en")
DROPPED = {
    "ja": ("sitemap.xml.gz", "404.html"),
    "en": ("sitemap.xml.gz", "sitemap.xml", "404.html"),
}
"""What the finished site leaves out of MkDocs' output: the per-language sitemaps (a build
writes one for both) and the 404 pages (a build writes dxsite's own)."""
STATIC_TEMPLATES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""What MkDocs writes on every build, dirty or not: removed before a dirty build, so that it
writes new files instead of rewriting the ones the published site shares."""

Finished = tuple[dict[str, Stat], dict[str, Stat], dict[str, list[dict[str, str]]]]
"""What finishing a language gives: MkDocs' files and the finished ones, by their path in the
site, and each page's search entries."""


def _files(top: Path) -> Iterator[tuple[str, str]]:
    """Every file under `top` (relative POSIX path, path), in no particular order, read from
    the folders' entries without a Path per file (MkDocs' output holds thousands); a folder
    reached through a symbolic link is not entered, as os.walk does not."""
    pending = [("", str(top))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = os.scandir(folder)
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                if not entry.is_dir():
                    yield prefix + entry.name, entry.path
                elif not entry.is_symlink():
                    pending.append((f"{prefix}{entry.name}/", entry.path))


def page_output(source: str) -> str:
    """Where MkDocs (use_directory_urls) writes a docs file: a.md → a/index.html, a/index.md →
    a/index.html; anything else as it is."""
    path = PurePosixPath(source)
    if path.suffix != ".md":
        return source
    if path.stem in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    return (path.parent / path.stem / "index.html").as_posix()


def blocks_file(page: str) -> str:
    """The file, in a language's folder of kept blocks, of the page MkDocs writes at `page`."""
    return f"{page}.json"


def _site_rel(lang: str, rel: str) -> str:
    return rel if lang == "ja" else f"en/{rel}"


def _versions() -> str:
    found = [__version__, sys.executable]
    for package in ("mkdocs", "mkdocs-material"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(version(package))
    return " ".join(found)


def stamp(configs: dict[str, Path], theme: Path, epoch: str, engine: str) -> str:
    """What every page of the builder's output depends on besides its own source: the builder,
    the generated configs (the navigation, the user's mkdocs.yml merged in), the theme's files,
    the epoch and the versions of dxsite, MkDocs and Material."""
    digest = hashlib.sha256(f"{FORMAT} {engine} {epoch} {_versions()}\n".encode())
    for lang in sorted(configs):
        digest.update(configs[lang].read_bytes())
    for rel, path in sorted(_files(theme)):
        digest.update(f"\n{rel}\n".encode() + Path(path).read_bytes())
    return digest.hexdigest()


def _replace(path: Path, data: bytes) -> None:
    """Write `path` as a new file (a link to the old one keeps the old content)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as a hard link to `source`, or a copy where the file system cannot link; its
    folder is made when missing (asked of the system only then: a site has thousands)."""
    try:
        _link_or_copy(source, target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(source, target)


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copyfile(source, target)


def _prune(top: str, files: dict[str, Stat], device: int) -> set[str]:
    """Leave in the folder `top` only the links to the kept files `files` (by site path) on
    `device`: every other file, link or folder under it is removed, symbolic links never
    followed. Returns the paths left."""
    kept: set[str] = set()

    def walk(folder: str, prefix: str) -> bool:
        """Prune `folder`; whether it holds anything still."""
        held = False
        with os.scandir(folder) as entries:
            found = list(entries)
        for entry in found:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if rel in files or not walk(entry.path, rel + "/"):
                    shutil.rmtree(entry.path)
                else:
                    held = True
                continue
            wanted, info = files.get(rel), entry.stat(follow_symlinks=False)
            linked = wanted and (info.st_dev, info.st_ino) == (device, wanted[2])
            if linked and S_ISREG(info.st_mode):
                kept.add(rel)
                held = True
            else:
                os.unlink(entry.path)
        return held

    walk(top, "")
    return kept


class Cache:
    """The builder's output and the finished site kept under .dxsite/build/ (see the module)."""

    def __init__(self, work: Path) -> None:
        self.top = work / BUILD_DIR
        self.mkdocs = self.top / "mkdocs"
        self.site = self.top / "site"
        self.state: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            state = json.loads((self.top / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) and state.get("format") == FORMAT else {}

    def _docs(self, docs: dict[str, Path]) -> dict[str, dict[str, Stat]]:
        return {lang: {rel: _stat(path) for rel, path in _files(docs[lang])} for lang in docs}

    def _unchanged_output(self, recorded: dict[str, Stat]) -> bool:
        """Whether MkDocs' output is exactly as the build that recorded `recorded` left it."""
        found = {
            _site_rel(lang, rel): _stat(path)
            for lang in LANGS
            for rel, path in _files(self.mkdocs / lang)
        }
        return bool(found) and found == recorded

    def prepare(self, docs: dict[str, Path], stamp: str, *, dirty: bool) -> bool:
        """Get MkDocs' output ready for this build; True when a dirty build (if `dirty` allows
        one) can bring it up to date. Forgets the state first: a build that stops before
        `save` leaves none."""
        sources = self._docs(docs)
        before = self.state
        self.state = {"format": FORMAT, "stamp": stamp, "docs": sources}
        (self.top / STATE).unlink(missing_ok=True)
        known = before.get("docs", {})
        dirty = (
            dirty
            and before.get("stamp") == stamp
            and all(set(sources[lang]) == set(known.get(lang, {})) for lang in sources)
            and self._unchanged_output(before.get("mkdocs", {}))
        )
        if not dirty:
            return False
        for lang, files in sources.items():
            out = self.mkdocs / lang
            for name in STATIC_TEMPLATES:
                (out / name).unlink(missing_ok=True)
            for rel, found in files.items():
                output = out / page_output(rel)
                changed = found != known[lang][rel]
                if changed or (output.is_file() and output.stat().st_mtime_ns <= found[1]):
                    output.unlink(missing_ok=True)
        self.state["mkdocs"] = before["mkdocs"]
        self.state["site"] = before.get("site", {})
        self.state["search"] = before.get("search", {})
        return True

    def forget(self) -> None:
        """Build from scratch after all (a dirty build failed)."""
        for key in ("mkdocs", "site", "search"):
            self.state.pop(key, None)

    def finish(self, names: dict[str, str], kept_blocks: Path) -> None:
        """Bring the finished site up to date with MkDocs' output: finish the pages MkDocs
        rewrote (their raw HTML blocks from `kept_blocks` put back, then search entries, phrase
        breaks, CSP), link the other files, remove what is gone. A page MkDocs did not rewrite
        has the same source, so the same placeholders and blocks, as when it was finished. A
        clean build, which finishes every page, finishes English in a forked child beside
        Japanese (see generator/apart.py)."""

        def english() -> Generator[Finished, None, None]:
            yield self._finish("en", names["en"], kept_blocks)

        with Apart(english, relay=False, fork=not self.state.get("site")) as beside:
            raw, site, entries = self._finish("ja", names["ja"], kept_blocks)
            raw_en, site_en, entries_en = beside.only()
        raw |= raw_en
        site |= site_en
        entries |= entries_en
        for rel, path in list(_files(self.site)):
            if rel not in site:
                os.unlink(path)
        self.state.update(mkdocs=raw, site=site, search=entries)

    def _finish(self, lang: str, name: str, kept_blocks: Path) -> Finished:
        """Finish one language (see `finish`); what MkDocs wrote, the finished files and the
        pages' search entries."""
        raw_before = self.state.get("mkdocs", {})
        site_before = self.state.get("site", {})
        search_before = self.state.get("search", {})
        raw: dict[str, Stat] = {}
        site: dict[str, Stat] = {}
        entries: dict[str, list[dict[str, str]]] = {}
        dropped = DROPPED[lang]
        for rel, path in _files(self.mkdocs / lang):
            key = _site_rel(lang, rel)
            found = raw[key] = _stat(path)
            if rel in dropped:
                continue
            target = os.path.join(self.site, key)
            finished_before = stat_if_file(target)
            kept = found == raw_before.get(key) and finished_before is not None
            kept = kept and finished_before == site_before.get(key)
            page = rel.endswith("index.html")
            if rel.endswith(".html"):
                if kept and (key in search_before or not page):
                    if page:
                        entries[key] = search_before[key]
                else:
                    html = blocks.restore(
                        Path(path).read_text(encoding="utf-8"),
                        blocks.stored(kept_blocks / lang / blocks_file(rel)),
                    )
                    if page:
                        entries[key] = search.page_items(html, rel.removesuffix("index.html"))
                    finished = postprocess.finish_page(html, name)
                    _replace(Path(target), finished.encode("utf-8"))
                    kept = False
            elif not kept:
                Path(target).unlink(missing_ok=True)
                link_or_copy(Path(path), Path(target))
            site[key] = finished_before if kept and finished_before else _stat(target)
        return raw, site, entries

    def search_items(self, site: Path) -> search.Items:
        """The search entries of a page of `site`, a copy of the finished site."""

        def items(path: Path, url: str) -> list[dict[str, str]]:
            return list(self.state["search"][path.relative_to(site).as_posix()])

        return items

    def copy_into(self, target: Path) -> None:
        """Make `target` hold exactly the files of the finished site, each a hard link to (or a
        copy of) the kept file. A folder `target` left by an earlier build (the spare site, see
        generator/site.py) keeps the links it has to the very files kept now and loses
        everything else; what is missing is linked, its folders made parents first."""
        files: dict[str, Stat] = self.state["site"]
        into, source = str(target), str(self.site)
        target.mkdir(parents=True, exist_ok=True)
        kept = _prune(into, files, os.stat(source).st_dev)
        missing = [rel for rel in files if rel not in kept]
        folders = {""}
        for rel in missing:
            folder = os.path.dirname(rel)
            while folder not in folders:
                folders.add(folder)
                folder = os.path.dirname(folder)
        for folder in sorted(folders - {""}):
            with contextlib.suppress(FileExistsError):
                os.mkdir(os.path.join(into, folder))
        for rel in missing:
            _link_or_copy(os.path.join(source, rel), os.path.join(into, rel))

    def save(self) -> None:
        """Record what MkDocs' output and the finished site were built from."""
        _replace(self.top / STATE, json.dumps(self.state, ensure_ascii=False).encode("utf-8"))
