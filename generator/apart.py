"""Work done in a process of its own, so that its memory is given back when it ends.

`dxsite build` validates and renders the plan in a forked child: the validated plan (Pydantic
models, every value's position in the YAML) and the rendered pages are the largest things a
build holds, and they are garbage once the pages are written, but a process that allocated them
keeps most of that memory (Python's allocator and glibc's keep their arenas). The child ends
before the MkDocs builds start, so they run beside a parent that holds only its imports.

The same child lets work run beside the parent on a second core: a build renders English and
finishes its pages in one while the parent does Japanese (generator/site.py,
generator/incremental.py).

The child runs a generator: each value it yields is sent to the parent (pickled through a
pipe), and the parent's answer is sent back into it. An exception in the child is raised in the
parent, as it was raised; the stages it reports (generator/stages.py) are reported by the
parent, in order. Where the system cannot fork, the generator runs in this process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
import traceback
from collections.abc import Callable, Generator
from types import TracebackType
from typing import Any, Generic, TypeVar

from . import stages

Y = TypeVar("Y")
S = TypeVar("S")

_LENGTH = struct.Struct("!Q")


class ChildFailed(RuntimeError):
    """An exception in the child that could not be sent as it was: its traceback, as text."""


def _write(fd: int, value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    data = _LENGTH.pack(len(data)) + data
    while data:
        data = data[os.write(fd, data) :]


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read(fd: int) -> Any:
    (size,) = _LENGTH.unpack(_read_exactly(fd, _LENGTH.size))
    return pickle.loads(_read_exactly(fd, size))


class _Relay(stages.Progress):
    """The child's reporter: sends every stage and step to the parent, which reports it."""

    def __init__(self, up: int) -> None:
        super().__init__(sys.stderr, live=False)
        self._up = up

    def stage(self, key: str, total: int | None = None, **values: object) -> None:
        _write(self._up, ("stage", (key, total, values)))

    def advance(self) -> None:
        _write(self._up, ("advance", None))


def _serve(steps: Generator[Y, S, None], up: int, down: int) -> None:
    """The child: run `steps`, send each value up, send the parent's answers back in."""
    try:
        value = next(steps)
        while True:
            _write(up, ("value", value))
            answer = _read(down)
            value = steps.send(answer)
    except StopIteration:
        _write(up, ("done", None))
    except BaseException as exc:
        try:
            _write(up, ("error", exc))
        except Exception:
            text = "".join(traceback.format_exception(exc))
            _write(up, ("error", ChildFailed(text)))


class Apart(Generic[Y, S]):
    """A generator run in a forked child: `next()` its first value, `send()` the next ones;
    `finish()` sends a last answer and waits until the child has ended."""

    def __init__(
        self, start: Callable[[], Generator[Y, S, None]], *, relay: bool = True, fork: bool = True
    ) -> None:
        """`start` makes the generator; without `relay`, the stages the child reports are not
        reported (a child working beside its parent, which reports its own); without `fork`,
        the generator runs in this process, as where the system cannot fork."""
        self._start = start
        self._relay = relay
        self._fork = fork
        self._pid = 0
        self._steps: Generator[Y, S, None] | None = None

    def __enter__(self) -> Apart[Y, S]:
        if not self._fork or not hasattr(os, "fork"):
            self._steps = self._start()
            return self
        up_read, up_write = os.pipe()
        down_read, down_write = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                os.close(up_read)
                os.close(down_write)
                if stages.active() is not None:
                    stages.report_to(_Relay(up_write) if self._relay else None)
                _serve(self._start(), up_write, down_read)
            except BaseException:  # the parent is gone: nothing to tell it
                code = 1
            finally:
                for stream in (sys.stdout, sys.stderr):
                    with contextlib.suppress(Exception):  # a closed stream
                        stream.flush()
                os._exit(code)
        os.close(up_write)
        os.close(down_read)
        self._pid, self._up, self._down = pid, up_read, down_write
        return self

    def _receive(self) -> tuple[str, Any]:
        kind, value = self._read()
        while kind in ("stage", "advance"):
            if kind == "stage":
                key, total, values = value
                stages.stage(key, total, **values)
            else:
                stages.advance()
            kind, value = self._read()
        if kind == "error":
            self._wait()
            raise value
        return kind, value

    def _read(self) -> tuple[str, Any]:
        try:
            found: tuple[str, Any] = _read(self._up)
        except EOFError:
            self._wait()
            raise ChildFailed("the build's child process ended without an answer") from None
        except Exception as exc:  # an answer pickle could write but not read back
            self._wait()
            raise ChildFailed(f"the build's child process sent what cannot be read: {exc}") from exc
        return found

    def next(self) -> Y:
        """The child's first value."""
        if self._steps is not None:
            return next(self._steps)
        kind, value = self._receive()
        if kind != "value":
            raise ChildFailed("the build's child process yielded nothing")
        return value  # type: ignore[no-any-return]

    def send(self, answer: S) -> Y:
        """Send `answer` in; the child's next value."""
        if self._steps is not None:
            return self._steps.send(answer)
        _write(self._down, answer)
        kind, value = self._receive()
        if kind != "value":
            raise ChildFailed("the build's child process yielded nothing more")
        return value  # type: ignore[no-any-return]

    def finish(self, answer: S) -> Y:
        """Send `answer` in; the child's last value, once the child has ended."""
        value = self.send(answer)
        self._end()
        return value

    def only(self) -> Y:
        """The one value of a generator that yields once, once the child has ended."""
        value = self.next()
        self._end()
        return value

    def _end(self) -> None:
        if self._steps is not None:
            self._steps.close()
            self._steps = None
            return
        _write(self._down, None)
        kind, _ = self._receive()
        if kind != "done":
            raise ChildFailed("the build's child process yielded more than expected")
        self._wait()

    def _wait(self) -> None:
        if self._pid:
            for fd in (self._up, self._down):
                os.close(fd)
            os.waitpid(self._pid, 0)
            self._pid = 0

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """End the child wherever it is (closing its pipe ends its wait for an answer)."""
        if self._steps is not None:
            self._steps.close()
        self._wait()
