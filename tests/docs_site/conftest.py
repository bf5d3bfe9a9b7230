"""The browser for the docs-site tests: Debian's Chromium driven by Playwright.

One browser per test session (per xdist worker), launched from /usr/bin/chromium;
Playwright's own browser downloads are never used. Without Chromium or Playwright the
browser tests skip, saying which is missing, unless MMGEN_REQUIRE_BROWSER=1 (CI), when
they fail instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .site_helpers import REPO

CHROMIUM = Path(os.environ.get("MMGEN_CHROMIUM", "/usr/bin/chromium"))
# Screenshots; tests/conftest.py prints the folder at the end of a run that wrote some.
ARTIFACTS = REPO / "test-artifacts" / "docs-site"


def _missing_browser() -> str | None:
    if not CHROMIUM.is_file():
        return (
            f"no Chromium at {CHROMIUM} (Debian: apt-get install -y --no-install-recommends "
            "chromium)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = _missing_browser()
    if missing:
        if os.environ.get("MMGEN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"MMGEN_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """serve(folder) -> the http://127.0.0.1:PORT URL of a server for that folder."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
