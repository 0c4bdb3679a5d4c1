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
        raise BuildError(f"{_rel(root, path)}: a symbolic link loop: remove the link") from None


def _outside(root: Path, path: Path) -> str:
    """Why `path` leads out of the project ("" when it stays inside)."""
    target = resolve(root, path)
    project = root.resolve()
    if target.is_relative_to(project / ".git"):
        return f"{_rel(root, path)}: a symbolic link into .git, which holds the job's credentials"
    if target.is_relative_to(project):
        return ""
    return (
        f"{_rel(root, path)}: a symbolic link to {target}, outside the project: "
        "commit the file or folder itself"
    )


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
        raise BuildError(f"{rel}: not a regular file")
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
            raise BuildError(f"{_rel(root, folder)}: a folder linked into itself: remove the link")
        seen.add(real)
        for entry in sorted(folder.iterdir()):
            why = _outside(root, entry)
            if why:
                raise BuildError(why)
            mode = entry.stat().st_mode
            if stat.S_ISDIR(mode):
                pending.append(entry)
            elif not stat.S_ISREG(mode):
                raise BuildError(f"{_rel(root, entry)}: not a regular file")


def check_work_dir(root: Path, work: Path) -> None:
    """.dxsite/ is dxsite's own: it must be a real folder holding no symbolic link."""
    if work.is_symlink():
        raise BuildError(f"{_rel(root, work)}: a symbolic link; dxsite keeps a real folder there")
    if work.exists() and not work.is_dir():
        raise BuildError(f"{_rel(root, work)}: not a folder; dxsite keeps its work there")
    for folder, dirs, files in os.walk(work):
        for name in dirs + files:
            path = Path(folder) / name
            if path.is_symlink():
                raise BuildError(
                    f"{_rel(root, path)}: a symbolic link in dxsite's work folder: "
                    f"delete {_rel(root, work)}/ and build again"
                )


def check_site_dir(root: Path, site_dir: Path) -> None:
    """The site folder must not be the project, hold it, or lie in plan/, theme/ or .git; it must
    be a real folder, and one dxsite wrote (with the marker) unless it is empty."""
    shown = _rel(root, site_dir)
    if site_dir.is_symlink():
        raise BuildError(f"{shown}: a symbolic link; dxsite writes the site into a real folder")
    real = resolve(root, site_dir)
    project = root.resolve()
    if project.is_relative_to(real):
        raise BuildError(f"--site-dir {shown}: the site folder must not be or hold the project")
    for name in FORBIDDEN_SITE_PARENTS:
        if real.is_relative_to(project / name):
            raise BuildError(f"--site-dir {shown}: the site folder must not lie inside {name}/")
    lexical = Path(os.path.abspath(site_dir))
    if lexical.is_relative_to(project) or lexical.is_relative_to(os.path.abspath(root)):
        why = _outside(root, site_dir.parent)
        if why:
            raise BuildError(why)
    if not site_dir.exists():
        return
    if not site_dir.is_dir():
        raise BuildError(f"{shown}: not a folder; dxsite writes the site into a folder")
    if any(site_dir.iterdir()) and not (site_dir / MARKER).is_file():
        raise BuildError(
            f"{shown}: a folder dxsite did not write (it has no {MARKER} file) and not empty: "
            "dxsite replaces only its own site; empty it or choose another --site-dir"
        )
