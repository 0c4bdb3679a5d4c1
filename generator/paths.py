"""Every path dxsite reads outside plan/ (theme/, mkdocs.yml, accessibility.json) and every path it
writes or deletes (.dxsite/, the site folder), checked before the build touches it.

A pull request can commit symbolic links. A link leading out of the project would publish what
the build machine can read (a token, /etc/passwd) or make dxsite write and delete files there;
a loop or a device would hang the build. Each is refused with a message naming the path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import BuildError
from .messages import say

MARKER = ".dxsite-site"
"""The file dxsite leaves in every site folder it writes: it replaces only folders holding it."""
FORBIDDEN_SITE_PARENTS = ("plan", "theme", ".git")


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def resolve(root: Path, path: Path) -> Path:
    """`path` with every link followed; BuildError when that is a loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        raise BuildError(say("paths.loop", path=_rel(root, path))) from None


def escape(project: Path, target: Path) -> str:
    """Where the resolved `target` leads from the resolved `project`: "git" into .git (which holds
    the job's credentials), "outside" out of the project, "" when it stays inside."""
    if target.is_relative_to(project / ".git"):
        return "git"
    return "" if target.is_relative_to(project) else "outside"


def _outside(root: Path, path: Path) -> str:
    """Why `path` leads out of the project ("" when it stays inside)."""
    target = resolve(root, path)
    where = escape(root.resolve(), target)
    if where == "git":
        return say("paths.into_git", path=_rel(root, path))
    if where == "outside":
        return say("paths.outside", path=_rel(root, path), target=target)
    return ""


def source_file(root: Path, rel: str) -> Path | None:
    """The project's file `rel` to read, None when there is none; refused when it is a link out of
    the project, a loop, or not a regular file."""
    path = root / rel
    if not path.is_symlink() and not path.exists():
        return None
    why = _outside(root, path)
    if why:
        raise BuildError(why)
    if not stat.S_ISREG(path.stat().st_mode):
        raise BuildError(say("paths.not_regular", path=rel))
    return path


def check_tree(root: Path, top: Path) -> None:
    """Refuse, in the folder `top` the builder will copy, any link leading out of the project, any
    loop, and anything that is neither a regular file nor a folder."""
    seen: set[Path] = set()
    pending = [top]
    while pending:
        folder = pending.pop()
        why = _outside(root, folder)
        if why:
            raise BuildError(why)
        real = resolve(root, folder)
        if real in seen:
            raise BuildError(say("paths.folder_loop", path=_rel(root, folder)))
        seen.add(real)
        for entry in sorted(folder.iterdir()):
            why = _outside(root, entry)
            if why:
                raise BuildError(why)
            mode = entry.stat().st_mode
            if stat.S_ISDIR(mode):
                pending.append(entry)
            elif not stat.S_ISREG(mode):
                raise BuildError(say("paths.not_regular", path=_rel(root, entry)))


def check_work_dir(root: Path, work: Path) -> None:
    """.dxsite/ is dxsite's own: it must be a real folder holding no symbolic link."""
    if work.is_symlink():
        raise BuildError(say("paths.work_link", path=_rel(root, work)))
    if work.exists() and not work.is_dir():
        raise BuildError(say("paths.work_not_folder", path=_rel(root, work)))
    link = _first_link(work) if work.is_dir() else None
    if link is not None:
        raise BuildError(say("paths.work_holds_link", path=_rel(root, link), work=_rel(root, work)))


def _first_link(top: Path) -> Path | None:
    """A symbolic link anywhere under the folder `top` (None when there is none), read from the
    folders' entries without a system call per file: the work folder holds thousands."""
    pending = [str(top)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    return Path(entry.path)
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return None


def check_site_dir(root: Path, site_dir: Path) -> None:
    """The site folder must not be the project, hold it, or lie in plan/, theme/ or .git; it must
    be a real folder, and one dxsite wrote (with the marker) unless it is empty."""
    shown = _rel(root, site_dir)
    if site_dir.is_symlink():
        raise BuildError(say("paths.site_link", path=shown))
    real = resolve(root, site_dir)
    project = root.resolve()
    if project.is_relative_to(real):
        raise BuildError(say("paths.site_holds_project", path=shown))
    for name in FORBIDDEN_SITE_PARENTS:
        if real.is_relative_to(project / name):
            raise BuildError(say("paths.site_inside", path=shown, name=name))
    lexical = Path(os.path.abspath(site_dir))
    if lexical.is_relative_to(project) or lexical.is_relative_to(os.path.abspath(root)):
        why = _outside(root, site_dir.parent)
        if why:
            raise BuildError(why)
    if not site_dir.exists():
        return
    if not site_dir.is_dir():
        raise BuildError(say("paths.site_not_folder", path=shown))
    if any(site_dir.iterdir()) and not (site_dir / MARKER).is_file():
        raise BuildError(say("paths.site_not_ours", path=shown, marker=MARKER))
