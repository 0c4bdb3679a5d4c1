"""Load YAML into plain Python values that remember where each value was written.

Only this module touches YAML. It never raises on editor input: every problem (encoding,
syntax, tabs, duplicate keys, aliases, excessive nesting or size, control characters, overlong
texts and numbers) becomes a Diagnostic.
Scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans (`no`, `yes`, `on`
stay text), `010` is ten, `9:00` is text.
"""

from __future__ import annotations

import datetime
import functools
import gc
import math
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity
from .fold import refold, source_lines

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_TEXT = 10_000
"""The longest text (or key) in characters; the shipped plans' longest paragraph has ~500."""
MAX_DIGITS = 18
"""The most digits a whole number may have (a budget of a trillion yen has 13)."""
Loc = tuple[str | int, ...]

_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# What YAML refuses when written raw, refused too when written as an escape ("\x01", "\ud800"):
# C0 and C1 control characters except tab and line ends, lone surrogates, U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class _Problem(Exception):
    """A located loading problem, raised inside the composer and caught in `load_text`."""

    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core-schema resolution of plain scalars."""


for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789."),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", _DATE, "0123456789"),
]:
    _Resolver.add_implicit_resolver(_tag, _regexp, list(_first))


class _Guard:
    """Refuses aliases and deep nesting before they cost memory or stack."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        composer: Any = self
        if composer.check_event(yaml.AliasEvent):
            raise _Problem(
                composer.peek_event().start_mark,
                "anchors and aliases (&name, *name) are not supported: write the value out",
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Problem(
                composer.peek_event().start_mark,
                f"the data is nested more than {MAX_DEPTH} levels deep",
            )
        try:
            node: yaml.Node | None = super().compose_node(parent, index)  # type: ignore[misc]
            return node
        finally:
            self._depth -= 1


class _Loader(
    _Guard,
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    """The pure-Python loader: slower, with PyYAML's detailed error messages."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


_CParser: Any = getattr(yaml, "cyaml", None) and getattr(yaml.cyaml, "CParser", None)


def _fast_loader(stream: str) -> Any:
    """libyaml's parser under the same guarded composer and resolver (when libyaml exists)."""

    class _FastLoader(_Guard, _CParser, yaml.composer.Composer, _Resolver):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            _CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)

        def get_single_node(self) -> yaml.Node | None:
            return yaml.composer.Composer.get_single_node(self)

    return _FastLoader(stream)


@dataclass
class Document:
    """A loaded YAML file: its data and the 1-based (line, col) of every value and key."""

    path: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest ancestor that was written."""
        if key and loc in self.keys:
            return self.keys[loc]
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in self.keys and end < len(loc):
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def at(self, loc: Loc, severity: Severity, message: str, code: str = "") -> Diagnostic:
        """A diagnostic located at `loc` in this document."""
        line, col = self.locate(loc)
        return Diagnostic(self.path, line, col, severity, message, code)


def _position(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _text(node: yaml.ScalarNode) -> str:
    """The text of a scalar, refused when it holds a character no text may hold, or is huge."""
    value: str = node.value
    bad = _UNPRINTABLE.search(value)
    if bad:
        code = ord(bad.group())
        what = (
            "a lone surrogate"
            if 0xD800 <= code <= 0xDFFF
            else "a noncharacter"
            if code >= 0xFFFE
            else "a control character"
        )
        raise _Problem(
            node.start_mark,
            f"the text contains U+{code:04X} ({what}), which is not allowed in text: remove it",
        )
    if len(value) > MAX_TEXT:
        raise _Problem(
            node.start_mark,
            f"the text is {len(value):,} characters long; the limit is {MAX_TEXT:,}",
        )
    return value


def _integer(node: yaml.ScalarNode) -> int:
    value: str = node.value
    digits = value.lstrip("+-")
    too_large = _Problem(
        node.start_mark, f"the number is too large: at most {MAX_DIGITS} digits are allowed"
    )
    if len(digits) > MAX_DIGITS + 2:
        raise too_large
    if value.startswith(("0x", "0o")):
        number = int(value[2:], 16 if value[1] == "x" else 8)
    else:
        number = int(value, 10)
    if abs(number) >= 10**MAX_DIGITS:
        raise too_large
    return number


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = _text(node)
    if node.tag.endswith(":null"):
        return None
    if node.tag.endswith(":bool"):
        return value.lower() == "true"
    if node.tag.endswith(":int"):
        return _integer(node)
    if node.tag.endswith(":float"):
        lowered = value.lower().lstrip("+")
        if lowered.endswith(".inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        return math.nan if lowered == ".nan" else float(value)
    if node.tag.endswith(":timestamp"):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise _Problem(node.start_mark, f'"{value}" is not a valid date') from None
    if node.tag not in ("tag:yaml.org,2002:str", "!"):
        raise _Problem(node.start_mark, f"YAML tags such as {node.tag} are not supported")
    return value


class _Builder:
    """Turns a composed node tree into Python values, recording positions."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.diagnostics: list[Diagnostic] = []

    @functools.cached_property
    def lines(self) -> list[tuple[str, str]]:
        """The source lines, for folding text written over several lines (only then)."""
        return source_lines(self.text)

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.values[loc] = _position(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node)
            if isinstance(value, str) and node.start_mark.line != node.end_mark.line:
                return refold(value, node, self.lines)
            return value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return dict(self._pairs(node, loc))

    def _pairs(self, node: yaml.MappingNode, loc: Loc) -> Iterator[tuple[str, Any]]:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, col = _position(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Problem(key_node.start_mark, "a key must be a plain name, not a list or map")
            key = _text(key_node)
            if key == "<<":
                raise _Problem(key_node.start_mark, "merge keys (<<) are not supported")
            if key in seen:
                self.diagnostics.append(
                    Diagnostic(
                        self.doc.path,
                        line,
                        col,
                        Severity.ERROR,
                        f'duplicate key "{key}" (first written at line {seen[key]}); '
                        "YAML would silently keep only the last one",
                        "duplicate-key",
                    )
                )
                continue
            seen[key] = line
            self.doc.keys[(*loc, key)] = (line, col)
            yield key, self.build(value_node, (*loc, key))


def _utf16(raw: bytes) -> bool:
    """Whether BOM-less bytes are UTF-16 text: the high byte of most characters (ASCII) is NUL."""
    for codec, high in (("utf-16-le", raw[1::2]), ("utf-16-be", raw[0::2])):
        if high.count(0) * 2 < len(high):
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return True
    return False


def _decode(raw: bytes) -> tuple[str | None, str, tuple[int, int]]:
    """The text of a file, or None, a plain explanation of why it can't be read, and where."""
    start = (1, 1)
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None, "the file is in UTF-32: save it as UTF-8", start
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "the file is in UTF-16: save it as UTF-8", start
    if b"\x00" in raw:
        if len(raw) % 2 == 0 and _utf16(raw):
            return None, "the file is in UTF-16: save it as UTF-8", start
        return None, "this is a binary file, not YAML or Markdown text", start
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), "", start
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        if before.isascii() and _decodes(raw, "cp932"):
            return None, "the file looks like Shift_JIS: save it as UTF-8", start
        # UTF-8 text (Japanese already read as UTF-8) with a broken byte: show where it is.
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = f"the file is not valid UTF-8 (byte {exc.start + 1}): save it as UTF-8"
        return None, message, (line, col)


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _outside(path: Path, rel: str) -> bool:
    """Whether `path` (the project's file `rel`) is a link to something outside the project."""
    root = path
    for _ in Path(rel).parts:
        root = root.parent
    return not path.resolve().is_relative_to(root.resolve())


def _unreadable(path: Path, rel: str) -> str:
    """Why the file must not be read ("" when it may): a link out of the project would publish
    whatever the build machine can read (a token, /etc/passwd); a device or pipe never ends."""
    if _outside(path, rel):
        return "the file is a link to a file outside the project: commit the file itself"
    if not stat.S_ISREG(path.stat().st_mode):
        return "this is not a regular file"
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"the file is {size // 1_000_000} MB; the limit is {MAX_BYTES // 1_000_000} MB"
    return ""


def read_text(path: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 text file, or explain (as a located diagnostic) why it can't be read."""
    try:
        why = _unreadable(path, rel)
        if why:
            return None, [Diagnostic(rel, 1, 1, Severity.ERROR, why, "file")]
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Diagnostic(rel, 1, 1, Severity.ERROR, f"cannot read: {exc.strerror}", "file")]
    if len(raw) > MAX_BYTES:  # it grew while being read
        message = f"the file is over {MAX_BYTES // 1_000_000} MB"
        return None, [Diagnostic(rel, 1, 1, Severity.ERROR, message, "file")]
    text, why, (line, col) = _decode(raw)
    if text is None:
        return None, [Diagnostic(rel, line, col, Severity.ERROR, why, "encoding")]
    return text, []


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in problem:
        return "a tab character is not allowed in YAML indentation: indent with spaces"
    context = f" {exc.context}" if exc.context else ""
    return f"YAML syntax error: {problem}{context}"


def _unprintable(text: str, exc: yaml.reader.ReaderError, rel: str) -> Diagnostic:
    before = text[: exc.position]
    line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    message = f"the control character U+{exc.character:04X} is not allowed in YAML: remove it"
    return Diagnostic(rel, line, col, Severity.ERROR, message, "yaml")


def _compose(loader: Any, text: str, rel: str) -> tuple[Document | None, list[Diagnostic]]:
    doc = Document(rel, None)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Diagnostic(rel, 1, 1, Severity.ERROR, "the file is empty", "empty")]
        builder = _Builder(doc, text)
        doc.data = builder.build(root, ())
    except _Problem as exc:
        line, col = _position(exc.mark)
        return None, [Diagnostic(rel, line, col, Severity.ERROR, exc.message, "yaml")]
    except yaml.MarkedYAMLError as exc:
        line, col = _position(exc.problem_mark or exc.context_mark)
        if "expected a single document" in str(exc.context):
            message = "only one YAML document per file: remove the extra `---`"
        else:
            message = _syntax_message(exc)
        return None, [Diagnostic(rel, line, col, Severity.ERROR, message, "yaml")]
    except yaml.reader.ReaderError as exc:
        return None, [_unprintable(text, exc, rel)]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(rel, 1, 1, Severity.ERROR, f"YAML error: {exc}", "yaml")]
    finally:
        loader.dispose()
    return doc, builder.diagnostics


def load_text(text: str, rel: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML document from `text`; `rel` is the path shown in diagnostics.

    A clean file is parsed with libyaml (fast); a file with any problem is parsed again with
    the pure-Python parser, whose messages and positions the diagnostics are written for.
    """
    if _CParser is not None:
        collecting = gc.isenabled()
        gc.disable()
        try:
            doc, diagnostics = _compose(_fast_loader(text), text, rel)
        except (ValueError, UnicodeError, yaml.YAMLError):  # the Python parser will explain
            doc, diagnostics = None, []
        finally:
            if collecting:
                gc.enable()
        if doc is not None and not diagnostics:
            return doc, diagnostics
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        return None, [_unprintable(text, exc, rel)]
    return _compose(loader, text, rel)


def load_yaml(path: Path, rel: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse a YAML file; returns the document (or None) and every problem found."""
    text, diagnostics = read_text(path, rel)
    if text is None:
        return None, diagnostics
    return load_text(text, rel)
