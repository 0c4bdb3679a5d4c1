"""dxsite serve answers only Host: 127.0.0.1 or localhost (issue 17, item 9): a page whose DNS
name is rebound to 127.0.0.1 cannot read the preview."""

from __future__ import annotations

import functools
import http.client
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.commands import _QuietHandler


@pytest.fixture
def port(tmp_path: Path) -> Iterator[int]:
    (tmp_path / "index.html").write_text("<p>preview</p>", encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _get(port: int, host: str | None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", "/", skip_host=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST:8000", "127.0.0.1:{port}"])
def test_local_hosts_are_answered(port: int, host: str) -> None:
    status, body = _get(port, host.format(port=port))
    assert status == 200 and b"preview" in body


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "localhost:80:80",
        "127.0.0.2",
        "",
        None,
    ],
)
def test_other_hosts_are_refused(port: int, host: str | None) -> None:
    status, body = _get(port, host)
    assert status == 403
    assert b"preview" not in body
