"""A hostile emulator client gets proper 4xx answers, and cannot grow the emulator's
memory without end or make it sleep forever (issue 9)."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from emu_helpers import KITCHEN_V, SINK, call

from generator.emulator import Emulator
from generator.emulator.server import MAX_BODY, MAX_LOG


def _raw(emu: Emulator, request: bytes) -> bytes:
    parts = urlsplit(emu.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("length", [b"abc", b"-5", b"1.5"])
def test_a_bad_content_length_is_400(emu: Emulator, length: bytes) -> None:
    answer = _raw(emu, b"PUT /x HTTP/1.1\r\nHost: e\r\nContent-Length: " + length + b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") and b"InvalidContentLength" in answer


def test_an_oversized_body_is_413_before_it_is_read(emu: Emulator) -> None:
    head = f"PUT /x HTTP/1.1\r\nHost: e\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n".encode()
    answer = _raw(emu, head)
    assert answer.startswith(b"HTTP/1.1 413")


def test_deeply_nested_json_is_400_not_500(emu: Emulator) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    res = call("PUT", emu.url + SINK.format("deep") + KITCHEN_V, raw=body)
    assert res.status == 400, res
    ctl = call("POST", emu.url + "/_emulator/faults", raw=body)
    assert ctl.status == 400, ctl


@pytest.mark.parametrize("delay", [-1, "NaN", "Infinity", 10_000])
def test_fault_delays_must_be_finite_and_bounded(emu: Emulator, delay: object) -> None:
    raw = f'{{"faults": [{{"delay": {delay if not isinstance(delay, str) else delay}}}]}}'
    res = call("POST", emu.url + "/_emulator/faults", raw=raw.encode())
    assert res.status == 400, res
    assert "seconds" in res.error["message"]


def test_the_request_log_is_bounded(emu: Emulator) -> None:
    for i in range(MAX_LOG + 50):
        emu.dispatch("GET", f"/nowhere/{i}", b"")
    log = emu.requests
    assert len(log) == MAX_LOG
    assert log[-1].path == f"/nowhere/{MAX_LOG + 49}"  # the newest are kept
