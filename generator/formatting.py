"""Format generated Python; one fixed style, never the user's config.

datamodel-code-generator's output changed with the black config of the project it ran
in; ours depends only on the pinned formatter version and the settings below.

Two formatters give the same bytes on everything mmgen generates (black's style, line
length 100, Python 3.11): black in-process, and `ruff format` (pinned) run once over a
batch of files. ruff is ~150x faster on a corpus (docs/performance.md), so it is the
default; `MMGEN_FORMATTER=black` selects black. Tests run `black --check` on generated
trees, so output stays exactly what black accepts.

Formatting is the slowest stage, so it is content-addressed: identical inputs (the static
runtime copied into every provider) are formatted once, results are kept in an on-disk
cache keyed by black's version, the Mode and the input, and cache misses are spread over
worker processes when there are many of them.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .cache_dir import default_cache_dir
from .workers import worker_pool


@cache
def black_mode() -> Any:
    """The one black Mode; black is imported on first use (it costs ~0.2 s to import)."""
    import black

    return black.Mode(
        target_versions={black.TargetVersion.PY311},
        line_length=100,
        string_normalization=True,
        magic_trailing_comma=True,
        preview=False,
    )


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


@cache
def _mode_key() -> bytes:
    # importlib.metadata costs ~25 ms to import and query: only a black run asks.
    return f"black={_dist_version('black')};py311;100;strnorm;trailing-comma".encode()


RUFF_ARGS = ("format", "--isolated", "--line-length", "100", "--target-version", "py311")
# Below this many misses, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 24


class FormatError(Exception):
    """A formatter rejected a file; `line` is 1-based within the file when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def formatter_name() -> str:
    chosen = os.environ.get("MMGEN_FORMATTER", "ruff")
    if chosen == "ruff" and _ruff_binary() is None:
        return "black"
    return "black" if chosen == "black" else "ruff"


@cache
def _ruff_binary() -> str | None:
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        return None
    try:
        return str(find_ruff_bin())
    except FileNotFoundError:
        return None


@cache
def _ruff_version() -> str:
    try:
        return _dist_version("ruff")
    except Exception:  # noqa: BLE001 - a missing dist only changes the cache key
        return "unknown"


_RUFF_ERROR = re.compile(r"error: Failed to (?:parse|format) (?P<path>\S+?\.py)(?::(?P<rest>.*))?$")


def format_with_ruff(sources: list[str]) -> list[str | FormatError]:
    """Format many sources with one `ruff format` process over a temporary folder."""
    binary = _ruff_binary()
    if binary is None:  # pragma: no cover - ruff is a dependency
        return [_format_or_error(s) for s in sources]
    with tempfile.TemporaryDirectory(prefix="mmgen-fmt-") as tmp:
        paths = [os.path.join(tmp, f"f{i:06d}.py") for i in range(len(sources))]
        for path, source in zip(paths, sources, strict=True):
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(source)
        proc = subprocess.run(
            [binary, *RUFF_ARGS, "--no-cache", tmp],
            capture_output=True,
            text=True,
            check=False,
        )
        failed: dict[str, str] = {}
        for line in proc.stderr.splitlines():
            m = _RUFF_ERROR.search(line)
            if m:
                failed[os.path.basename(m.group("path"))] = (m.group("rest") or line).strip()
        if proc.returncode not in (0, 2) or (proc.returncode == 2 and not failed):
            raise RuntimeError(f"ruff format failed: {proc.stderr.strip()[:500]}")
        out: list[str | FormatError] = []
        for path in paths:
            name = os.path.basename(path)
            if name in failed:
                out.append(FormatError(f"cannot parse: {failed[name]}"))
            else:
                with open(path, encoding="utf-8", newline="") as fh:
                    out.append(fh.read())
        return out


def format_python(source: str) -> str:
    import black

    try:
        return black.format_str(source, mode=black_mode())
    except Exception as exc:  # black raises InvalidInput and a few internal errors
        raise FormatError(" ".join(str(exc).split())[:500]) from exc


def _format_or_error(source: str) -> str | FormatError:
    try:
        return format_python(source)
    except FormatError as exc:
        return exc


@dataclass
class FormatCache:
    """Formatted output by sha256 of (formatter and its version/settings, input)."""

    formatter: str = field(default_factory=formatter_name)
    # ruff formats a whole corpus in about a second: a disk cache of its output would cost
    # more in small-file writes than it saves. black is ~100x slower and gets one.
    directory: Path | None = None
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    hits: int = 0
    misses: int = 0

    def __post_init__(self) -> None:
        if self.directory is None and self.formatter == "black":
            self.directory = default_cache_dir()

    def _key(self, source: str) -> str:
        tool = _mode_key() if self.formatter == "black" else f"ruff={_ruff_version()}".encode()
        return hashlib.sha256(tool + b"\0" + source.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / "black" / key[:2] / key

    def get(self, source: str) -> str | None:
        if self.directory is None:
            return None  # no cache (ruff's default): not even the key is worth hashing
        path = self._path(self._key(source))
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, source: str, formatted: str) -> None:
        if self.directory is None:
            return
        path = self._path(self._key(source))
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(formatted)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong


def format_all(sources: Iterable[str], cache: FormatCache) -> dict[str, str | FormatError]:
    """Format every distinct source once; results keyed by the source text."""
    results: dict[str, str | FormatError] = {}
    misses: list[str] = []
    for source in dict.fromkeys(sources):
        cached = cache.get(source)
        if cached is not None:
            results[source] = cached
            cache.hits += 1
        else:
            misses.append(source)
    cache.misses += len(misses)
    if not misses:
        outcomes: list[str | FormatError] = []
    elif cache.formatter == "ruff":
        outcomes = format_with_ruff(misses)
    elif len(misses) >= PARALLEL_THRESHOLD and cache.workers > 1:
        with worker_pool(cache.workers) as pool:
            outcomes = list(pool.map(_format_or_error, misses, chunksize=8))
    else:
        outcomes = [_format_or_error(s) for s in misses]
    for source, outcome in zip(misses, outcomes, strict=True):
        results[source] = outcome
        if isinstance(outcome, str):
            cache.put(source, outcome)
    return results


def normalize_text(text: str) -> str:
    """Markdown/TOML: no trailing spaces, exactly one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
