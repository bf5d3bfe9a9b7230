"""gofmt for the go target: one process over a batch, a failure names file and line.

Generated Go is always gofmt-clean: a file gofmt rejects is a hard error (the template or
custom code produced invalid Go), reported with gofmt's line and message.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from ..formatting import FormatCache, FormatError

_GOFMT_ERROR = re.compile(r"^(?P<path>.+?\.go):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")


def gofmt_binary() -> str | None:
    found = shutil.which("gofmt")
    if found:
        return found
    goroot = "/usr/local/go/bin/gofmt"
    return goroot if os.access(goroot, os.X_OK) else None


def format_go(sources: list[str], cache: FormatCache | None = None) -> dict[str, str | FormatError]:
    """Every distinct source formatted by gofmt, keyed by the source text."""
    # No cache: a cold run has nothing to reuse, and a warm one only formats what changed.
    # (gofmt is the go target's largest cost on a cold corpus run: docs/performance.md.)
    del cache
    distinct = list(dict.fromkeys(sources))
    if not distinct:
        return {}
    binary = gofmt_binary()
    if binary is None:
        err = FormatError("gofmt not found: the go target needs the Go toolchain on PATH")
        return {s: err for s in distinct}
    results: dict[str, str | FormatError] = {}
    with tempfile.TemporaryDirectory(prefix="mmgen-gofmt-") as tmp:
        paths = [os.path.join(tmp, f"f{i:06d}.go") for i in range(len(distinct))]
        for path, source in zip(paths, distinct, strict=True):
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(source)
        proc = subprocess.run([binary, "-w", tmp], capture_output=True, text=True, check=False)
        failed: dict[str, FormatError] = {}
        for line in proc.stderr.splitlines():
            m = _GOFMT_ERROR.match(line.strip())
            if m:
                name = os.path.basename(m.group("path"))
                if name not in failed:
                    failed[name] = FormatError(
                        f"gofmt: line {m.group('line')}:{m.group('col')}: {m.group('msg')}",
                        int(m.group("line")),
                    )
        if proc.returncode != 0 and not failed:
            raise RuntimeError(f"gofmt failed: {proc.stderr.strip()[:500]}")
        for path, source in zip(paths, distinct, strict=True):
            name = os.path.basename(path)
            if name in failed:
                results[source] = failed[name]
            else:
                with open(path, encoding="utf-8", newline="") as fh:
                    results[source] = fh.read()
    return results
