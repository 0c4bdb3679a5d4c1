"""Load YAML into plain Python values that remember where each value was written.

Only this module touches YAML. It never raises on editor input: every problem (encoding,
syntax, tabs, duplicate keys, aliases, tags, excessive nesting or size, control characters,
invisible characters, overlong texts and numbers) becomes a Diagnostic, worded from the catalogue.
Scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans (`no`, `yes`, `on`
stay text), `010` is ten, `9:00` is text.
"""

from __future__ import annotations

import datetime
import functools
import gc
import itertools
import math
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlhints
from .diagnostics import Diagnostic, Severity
from .fold import refold, source_lines
from .messages import say
from .paths import escape

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_TEXT = 10_000
"""The longest text (or key) in characters; the shipped plans' longest paragraph has ~500."""
MAX_DIGITS = 15
"""The most significant digits a number may have: every decimal number of 15 digits survives
the float it becomes (a budget of a trillion yen has 13)."""
MAX_ITEMS = 400_000
"""The most lines plus commas a YAML file may have, counted before parsing: the benchmarks'
size XL plan (10,000 actions) has 186,000 in its largest file, size L 56,000; composing a
million items would take seconds and gigabytes."""
MAX_REPORTED_CHARACTERS = 20
"""Refused characters reported per file (the rest are found once these are removed)."""
MAX_NODES = 800_000
"""The most values (scalars, lists, maps) a YAML file may hold, counted while composing (size
XL: 330,000)."""
Loc = tuple[str | int, ...]

_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff"
"""Bidirectional controls (Trojan-Source spoofing: U+202E makes 「‮%001」 read 「100%」),
zero-width characters and line separators that editors and YAML count differently."""
# In a text, also written as an escape ("\x01", "\ud800", "\u202e"): C0 and C1 control
# characters except tab and line ends, lone surrogates, U+FFFE, U+FFFF and the invisible ones.
_UNPRINTABLE = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{_INVISIBLE}]"
)
_RAW = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff{_INVISIBLE}]")
"""What may not be written raw anywhere in a YAML file, comments included."""
_SHOWN_TAGS = {"tag:yaml.org,2002:": "!!"}


class _Problem(Exception):
    """A located loading problem, raised inside the composer and caught in `load_text`."""

    final = False
    """Whether the fast parser's finding stands (no second, slower parse to explain it)."""

    def __init__(self, mark: yaml.Mark | Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Unsure(_Problem):
    """What the fast path leaves to the pure-Python parser, which finds and words it."""

    def __init__(self, mark: yaml.Mark | Any) -> None:
        super().__init__(mark, "")


class _TooMany(_Problem):
    """The file holds more values than MAX_NODES: parsing it again would cost as much."""

    final = True


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


def _shown_tag(tag: str) -> str:
    for prefix, handle in _SHOWN_TAGS.items():
        if tag.startswith(prefix):
            return handle + tag.removeprefix(prefix)
    return tag


def _refuse(event: Any, nodes: int, depth: int) -> None:
    """Refuse the node that starts with `event`, the `nodes`-th of the file, `depth` levels
    down, if it is an alias, has an explicit tag, is one too many or too deep."""
    if isinstance(event, yaml.AliasEvent):
        raise _Problem(event.start_mark, say("load.alias"))
    if getattr(event, "tag", None) is not None:
        raise _Problem(event.start_mark, say("load.tag", tag=_shown_tag(event.tag)))
    if nodes > MAX_NODES:
        raise _TooMany(event.start_mark, say("load.too_many_nodes", limit=MAX_NODES))
    if depth > MAX_DEPTH:
        raise _Problem(event.start_mark, say("load.deep", limit=MAX_DEPTH))


class _Guard:
    """Refuses aliases, explicit tags, deep nesting and too many values before they cost
    memory or stack, or turn text into something else (`!!bool "x"` would be false)."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        composer: Any = self
        self._nodes += 1
        self._depth += 1
        _refuse(composer.peek_event(), self._nodes, self._depth)
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


def _fast_parser(stream: str) -> Any:
    """libyaml's parser with the same resolver (when libyaml exists), read by `_Events`."""

    class _FastParser(_CParser, _Resolver):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            _CParser.__init__(self, text)
            _Resolver.__init__(self)

    return _FastParser(stream)


@dataclass
class Document:
    """A loaded YAML file: its data and the 1-based (line, col) of every value and key."""

    path: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    source: str = field(default="", repr=False)
    """The text it was read from (to quote a value as written, e.g. 0954680140)."""

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
        return Diagnostic(self.path, line, col, severity, message, code, machine_path(loc))


def machine_path(loc: Loc) -> str:
    """The path for tools, items counted from 1: kpis[3].targets[1].year."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _position(mark: yaml.Mark | Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _text(node: yaml.ScalarNode) -> str:
    """The text of a scalar, refused when it holds a character no text may hold, or is huge."""
    return _text_at(node.value, node.start_mark)


def _key(value: str, mark: yaml.Mark | Any) -> str:
    """A mapping's key written as `value` at `mark`: a text, and not YAML's merge key."""
    if _text_at(value, mark) == "<<":
        raise _Problem(mark, say("load.merge"))
    return value


def _text_at(value: str, mark: yaml.Mark | Any) -> str:
    """`value`, written at `mark`, refused as `_text` refuses it."""
    bad = _UNPRINTABLE.search(value)
    if bad:
        code = ord(bad.group())
        raise _Problem(mark, say("load.character", code=code, what=_what(code)))
    if len(value) > MAX_TEXT:
        raise _Problem(mark, say("load.long_text", length=len(value), limit=MAX_TEXT))
    return value


def _what(code: int) -> str:
    """What the refused character U+`code` is, in the editor's words."""
    kind = (
        "surrogate"
        if 0xD800 <= code <= 0xDFFF
        else "noncharacter"
        if code in (0xFFFE, 0xFFFF)
        else "bom"
        if code == 0xFEFF
        else "line_separator"
        if code in (0x85, 0x2028, 0x2029)
        else "zero_width"
        if 0x200B <= code <= 0x200D or code == 0x2060
        else "bidi"
        if code > 0x9F
        else "control"
    )
    return say(f"char.{kind}")


def _significant(mantissa: str) -> int:
    """How many significant digits a mantissa (digits, at most one point, no sign) has."""
    whole, _, fraction = mantissa.partition(".")
    return len((whole + fraction.rstrip("0")).lstrip("0"))


def _digits_problem(node: yaml.ScalarNode, digits: int) -> _Problem:
    return _Problem(node.start_mark, say("load.digits", digits=digits, limit=MAX_DIGITS))


def _integer(node: yaml.ScalarNode) -> int:
    value: str = node.value
    if len(value) > 4 * MAX_DIGITS:  # before int() spends time on thousands of digits
        raise _digits_problem(node, len(value.lstrip("+-").lstrip("0")))
    if value.startswith(("0x", "0o")):
        number = int(value[2:], 16 if value[1] == "x" else 8)
    else:
        number = int(value, 10)
    digits = _significant(str(abs(number)))
    if digits > MAX_DIGITS:
        raise _digits_problem(node, digits)
    return number


def _float(node: yaml.ScalarNode) -> float:
    value: str = node.value
    lowered = value.lower().lstrip("+")
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    digits = _significant(lowered.lstrip("-").partition("e")[0])
    if digits > MAX_DIGITS:
        raise _digits_problem(node, digits)
    return float(value)


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = _text(node)
    if node.tag.endswith(":null"):
        return None
    if node.tag.endswith(":bool"):
        return value.lower() == "true"
    if node.tag.endswith(":int"):
        return _integer(node)
    if node.tag.endswith(":float"):
        return _float(node)
    if node.tag.endswith(":timestamp"):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise _Problem(node.start_mark, say("load.date", value=value)) from None
    if not node.style and _in_curly_quotes(value):
        inner = value[1:-1].strip()
        key = "yaml.smart_quotes" if inner else "yaml.smart_quotes_only"
        raise _Problem(
            node.start_mark, say(key, value=value, open=value[0], close=value[-1], inner=inner)
        )
    return value


_OPENING_QUOTES = "“”„‘’‚＂＇"
"""Quotes an input method types that YAML does not read as quotes (a Japanese IME writes ”…”
or ＂…＂ for "…")."""


def _in_curly_quotes(value: str) -> bool:
    """A plain text that opens with a curly or full-width quote and closes with a quote: the
    editor meant quotes, and the site would show them (80“%”)."""
    return len(value) >= 2 and value[0] in _OPENING_QUOTES and value[-1] in _OPENING_QUOTES + "\"'"


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
                raise _Problem(key_node.start_mark, say("load.key_not_plain"))
            key = _key(key_node.value, key_node.start_mark)
            if key in seen:
                message = say("load.duplicate", key=key, line=seen[key])
                self.diagnostics.append(
                    Diagnostic(self.doc.path, line, col, Severity.ERROR, message, "duplicate-key")
                )
                continue
            seen[key] = line
            self.doc.keys[(*loc, key)] = (line, col)
            yield key, self.build(value_node, (*loc, key))


class _Events:
    """Builds the values straight from libyaml's events, without a node tree, recording the
    positions as _Builder does, in the same order. It accepts only what the guarded composer
    and _Builder accept without a finding; anything else (an alias, a tag, an anchor, a key
    that is not plain text, a duplicate key, a second document …) raises a _Problem, and
    `load_text` parses the file again the slow way, which finds and words it."""

    def __init__(self, parser: Any, doc: Document, text: str) -> None:
        self.next = parser.get_event
        self.resolve = parser.resolve
        self.doc = doc
        self.text = text
        self.nodes = 0

    @functools.cached_property
    def lines(self) -> list[tuple[str, str]]:
        """The source lines, for folding text written over several lines (only then)."""
        return source_lines(self.text)

    def document(self) -> tuple[Any] | None:
        """The document's value (in a tuple: it may be None), or None for an empty stream."""
        self.next()  # the stream's start
        event: Any = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        found = self.value(self.next(), (), 1)
        self.next()  # the document's end
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise _Unsure(event.start_mark)  # a second document
        return (found,)

    def _guard(self, event: Any, depth: int) -> None:
        """What _Guard refuses of a node; an anchor is left to the slow way."""
        self.nodes += 1
        _refuse(event, self.nodes, depth)
        if event.anchor is not None:
            raise _Unsure(event.start_mark)

    def _scalar_node(self, event: Any) -> yaml.ScalarNode:
        tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)

    def value(self, event: Any, loc: Loc, depth: int) -> Any:
        """The value whose first event is `event`, at `loc`, `depth` levels down."""
        self._guard(event, depth)
        self.doc.values[loc] = _position(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            node = self._scalar_node(event)
            value = _scalar(node)
            if isinstance(value, str) and node.start_mark.line != node.end_mark.line:
                return refold(value, node, self.lines)
            return value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(event := self.next(), yaml.SequenceEndEvent):
                items.append(self.value(event, (*loc, len(items)), depth + 1))
            return items
        pairs: dict[str, Any] = {}
        key_event: Any
        while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
            self._guard(key_event, depth + 1)
            if not isinstance(key_event, yaml.ScalarEvent):
                raise _Problem(key_event.start_mark, say("load.key_not_plain"))
            key = _key(key_event.value, key_event.start_mark)
            if key in pairs:
                raise _Unsure(key_event.start_mark)  # a duplicate key
            self.doc.keys[(*loc, key)] = _position(key_event.start_mark)
            pairs[key] = self.value(self.next(), (*loc, key), depth + 1)
        return pairs


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
        return None, say("load.utf32"), start
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, say("load.utf16"), start
    if b"\x00" in raw:
        if len(raw) % 2 == 0 and _utf16(raw):
            return None, say("load.utf16"), start
        return None, say("load.binary"), start
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), "", start
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        if before.isascii() and _decodes(raw, "cp932"):
            return None, say("load.shift_jis"), start
        # UTF-8 text (Japanese already read as UTF-8) with a broken byte: show where it is.
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, say("load.not_utf8", byte=exc.start + 1), (line, col)


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _outside(path: Path, rel: str) -> str:
    """Why `path` (the project's file `rel`) must not be read as a link ("" when it may): a link
    out of the project, or into .git, where CI keeps the job's credentials."""
    root = path
    for _ in Path(rel).parts:
        root = root.parent
    where = escape(root.resolve(), path.resolve())
    return say({"git": "load.into_git", "outside": "load.outside"}[where]) if where else ""


def _unreadable(path: Path, rel: str) -> str:
    """Why the file must not be read ("" when it may): a link out of the project would publish
    whatever the build machine can read (a token, /etc/passwd); a device or pipe never ends."""
    why = _outside(path, rel)
    if why:
        return why
    if not stat.S_ISREG(path.stat().st_mode):
        return say("load.not_regular")
    size = path.stat().st_size
    if size > MAX_BYTES:
        return say("load.too_big", size=size // 1_000_000, limit=MAX_BYTES // 1_000_000)
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
        message = say("load.cannot_read", problem=exc.strerror)
        return None, [Diagnostic(rel, 1, 1, Severity.ERROR, message, "file")]
    if len(raw) > MAX_BYTES:  # it grew while being read
        message = say("load.grew", limit=MAX_BYTES // 1_000_000)
        return None, [Diagnostic(rel, 1, 1, Severity.ERROR, message, "file")]
    text, why, (line, col) = _decode(raw)
    if text is None:
        return None, [Diagnostic(rel, line, col, Severity.ERROR, why, "encoding")]
    return text, []


def _syntax(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Where the syntax mistake is and what it is, in plain words where it is recognised."""
    line, col = _position(exc.problem_mark or exc.context_mark)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in problem:
        return line, col, say("load.tab")
    if "expected a single document" in str(exc.context):
        return line, col, say("load.documents")
    hint = yamlhints.explain(text, exc)
    if hint:
        return hint
    context = f" {exc.context}" if exc.context else ""
    return line, col, say("load.syntax", problem=f"{problem}{context}")


def _where(text: str, position: int) -> tuple[int, int]:
    """The 1-based line and column of `position`, lines counted at "\\n" as editors and git do."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def _prescan(text: str, rel: str) -> list[Diagnostic]:
    """What is refused before parsing: too many items, characters no YAML file may hold."""
    items = text.count("\n") + text.count(",")
    if items > MAX_ITEMS:
        message = say("load.too_many_items", count=items, limit=MAX_ITEMS)
        return [Diagnostic(rel, 1, 1, Severity.ERROR, message, "limit")]
    found = []
    for match in itertools.islice(_RAW.finditer(text), MAX_REPORTED_CHARACTERS):
        code = ord(match.group())
        line, col = _where(text, match.start())
        message = say("load.raw_character", code=code, what=_what(code))
        found.append(Diagnostic(rel, line, col, Severity.ERROR, message, "character"))
    return found


def _compose(
    loader: Any, text: str, rel: str, *, events: bool = False
) -> tuple[Document | None, list[Diagnostic], bool]:
    """The document (None on a problem), the problems, and whether they stand as found; with
    `events`, built from `loader`'s events (see `_Events`), else from its node tree."""
    doc = Document(rel, None, source=text)
    diagnostics: list[Diagnostic] = []
    try:
        if events:
            found = _Events(loader, doc, text).document()
        else:
            root = loader.get_single_node()
            found = None
            if root is not None:
                builder = _Builder(doc, text)
                found = (builder.build(root, ()),)
                diagnostics = builder.diagnostics
        if found is None:
            return None, [Diagnostic(rel, 1, 1, Severity.ERROR, say("load.empty"), "empty")], True
        doc.data = found[0]
    except _Problem as exc:
        line, col = _position(exc.mark)
        return None, [Diagnostic(rel, line, col, Severity.ERROR, exc.message, "yaml")], exc.final
    except yaml.MarkedYAMLError as exc:
        line, col, message = _syntax(exc, text)
        diagnostic = Diagnostic(rel, line, col, Severity.ERROR, message, "yaml")
        return None, [diagnostic], False
    except yaml.YAMLError as exc:
        message = say("load.syntax", problem=exc)
        return None, [Diagnostic(rel, 1, 1, Severity.ERROR, message, "yaml")], False
    finally:
        loader.dispose()
    return doc, diagnostics, not diagnostics


def load_text(text: str, rel: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML document from `text`; `rel` is the path shown in diagnostics.

    A clean file is parsed with libyaml, its values built straight from the parser's events
    (fast, see `_Events`); a file with any problem is parsed again with the pure-Python parser,
    whose messages and positions the diagnostics are written for.
    """
    refused = _prescan(text, rel)
    if refused:
        return None, refused
    if _CParser is not None:
        collecting = gc.isenabled()
        gc.disable()
        try:
            doc, diagnostics, final = _compose(_fast_parser(text), text, rel, events=True)
        except (ValueError, UnicodeError, yaml.YAMLError):  # the Python parser will explain
            doc, diagnostics, final = None, [], False
        finally:
            if collecting:
                gc.enable()
        if final:
            return doc, diagnostics
    return _compose(_Loader(text), text, rel)[:2]


def load_yaml(path: Path, rel: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse a YAML file; returns the document (or None) and every problem found."""
    text, diagnostics = read_text(path, rel)
    if text is None:
        return None, diagnostics
    return load_text(text, rel)
