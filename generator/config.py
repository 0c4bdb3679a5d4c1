"""mkdocs.yml and theme/, read as what they are in a city's repository: input from pull requests.

MkDocs loads mkdocs.yml with PyYAML's full loader: `!ENV` would publish the build machine's
environment (CI secrets) in every page, `!!python/...` tags would run code at build time, and
`hooks`, `plugins` and `INHERIT` would load code or files the review never saw. dxsite composes
the file into YAML nodes without constructing any of them and reports each such thing at its
line, so that `check` refuses it and `build` (which checks first) never hands it to MkDocs.

The vetted plugin list is empty: the shipped mkdocs.yml and the one `dxsite new` writes use no
plugin, and the configs dxsite generates set their own (search is dxsite's own).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, Severity
from .load import read_text
from .messages import say

CONFIG = "mkdocs.yml"
THEME = "theme"
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}
_REMOTE = re.compile(r"^\s*(?://|\\\\|[a-zA-Z][a-zA-Z0-9+.-]*:)")
"""A URL naming a host or a scheme (https:, //cdn, data:): anything but the site's own file."""
_LINKED = ("extra_javascript", "extra_css")
PLACEHOLDER_SITE_URL = "https://example.github.io/dx-plan/"
"""The site_url of the mkdocs.yml `dxsite new` writes: no city publishes there."""


def _at(
    node: yaml.Node, message: str, /, severity: Severity = Severity.ERROR, **values: object
) -> Diagnostic:
    mark = node.start_mark
    return Diagnostic(
        CONFIG, mark.line + 1, mark.column + 1, severity, say(message, **values), "config"
    )


def _tags(root: yaml.Node) -> list[Diagnostic]:
    """Every node whose tag would make MkDocs construct something other than plain data."""
    found: list[Diagnostic] = []
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:  # an alias: the same node again
            continue
        seen.add(id(node))
        tag = node.tag
        if tag == "!ENV":
            found.append(_at(node, "config.env"))
        elif tag.startswith("tag:yaml.org,2002:python/"):
            found.append(_at(node, "config.python", tag=tag.replace("tag:yaml.org,2002:", "!!")))
        elif tag == "tag:yaml.org,2002:merge":
            found.append(_at(node, "config.merge"))
        elif tag not in _PLAIN_TAGS:
            found.append(_at(node, "config.tag", tag=tag))
        if isinstance(node, yaml.SequenceNode):
            pending += node.value
        elif isinstance(node, yaml.MappingNode):
            pending += [part for pair in node.value for part in pair]
    return found


def _keys(root: yaml.MappingNode) -> list[Diagnostic]:
    """The top-level settings that would load code or files from elsewhere."""
    found: list[Diagnostic] = []
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        if name == "INHERIT":
            found.append(_at(key, "config.inherit"))
        elif name in ("hooks", "plugins") and not _empty(value):
            found.append(_at(key, f"config.{name}"))
        elif name == "site_url" and isinstance(value, yaml.ScalarNode):
            if value.value.rstrip("/") == PLACEHOLDER_SITE_URL.rstrip("/"):
                found.append(
                    _at(value, "config.placeholder_site_url", Severity.WARNING, url=value.value)
                )
        elif name in _LINKED and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                url = _linked_url(item)
                if url is not None and _REMOTE.match(url.value):
                    found.append(_at(url, "config.remote", setting=name, url=url.value))
    return found


def _empty(node: yaml.Node) -> bool:
    """`[]`, `{}` or nothing: a setting that asks for nothing."""
    if isinstance(node, yaml.ScalarNode):
        return node.tag == "tag:yaml.org,2002:null"
    return not node.value


def _linked_url(item: yaml.Node) -> yaml.ScalarNode | None:
    """The URL of one extra_javascript/extra_css entry: `- x.js` or `- path: x.js`."""
    if isinstance(item, yaml.ScalarNode):
        return item
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if getattr(key, "value", None) == "path" and isinstance(value, yaml.ScalarNode):
                return value
    return None


def check_config(root: Path) -> list[Diagnostic]:
    """Every finding in the project's mkdocs.yml (none when there is no such file)."""
    path = root / CONFIG
    if not path.is_symlink() and not path.exists():
        return []
    text, problems = read_text(path, CONFIG)
    if text is None:
        return problems
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = say("config.syntax", problem=exc.problem or exc.context or "")
        return [Diagnostic(CONFIG, line, col, Severity.ERROR, message, "config")]
    except (yaml.YAMLError, RecursionError):
        message = say("config.syntax", problem=say("config.unreadable"))
        return [Diagnostic(CONFIG, 1, 1, Severity.ERROR, message, "config")]
    if node is None:
        return []
    found = _tags(node)
    if isinstance(node, yaml.MappingNode):
        found += _keys(node)
    return found


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def theme_changes(root: Path) -> list[Diagnostic]:
    """A warning per file of theme/ that differs from the pull request's base (the merge base of
    HEAD and origin/$GITHUB_BASE_REF, else origin/main); none without git or without that base."""
    base_ref = f"origin/{os.environ.get('GITHUB_BASE_REF') or 'main'}"
    base = _git(root, "merge-base", "HEAD", base_ref)
    if base is None:
        return []
    changed = _git(root, "diff", "--relative", "--name-only", "-z", base.strip(), "--", THEME)
    added = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", THEME)
    names = sorted({n for out in (changed, added) if out for n in out.split("\0") if n})
    return [
        Diagnostic(
            name, 1, 1, Severity.WARNING, say("config.theme_changed", base=base_ref), "theme"
        )
        for name in names
    ]
