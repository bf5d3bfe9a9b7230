"""gofmt's layout for the go target: go_layout for the shapes it knows, else gofmt in one
process over a batch; a failure names file and line.

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
from .go_layout import layout

_GOFMT_ERROR = re.compile(r"^(?P<path>.+?\.go):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")


def gofmt_binary() -> str | None:
    found = shutil.which("gofmt")
    if found:
        return found
    goroot = "/usr/local/go/bin/gofmt"
    return goroot if os.access(goroot, os.X_OK) else None


def layout_go(sources: list[str], cache: FormatCache | None = None) -> dict[str, str | FormatError]:
    """Sources from mmgen's own templates, as gofmt prints them: laid out here when
    go_layout knows every shape in one, by gofmt otherwise (and every one by gofmt when
    `MMGEN_GOFMT=all`, which the tests use to hold the two to the same bytes).

    Only for text whose Go is mmgen's to get right: go_layout checks brackets, not
    syntax, so a user's template or custom code always goes to gofmt (`format_go`)."""
    results: dict[str, str | FormatError] = {}
    left = []
    everything = os.environ.get("MMGEN_GOFMT") == "all"
    for source in dict.fromkeys(sources):
        laid_out = None if everything else layout(source)
        if laid_out is None:
            left.append(source)
        else:
            results[source] = laid_out
    results.update(format_go(left, cache))
    return results


def format_go(sources: list[str], cache: FormatCache | None = None) -> dict[str, str | FormatError]:
    """Every distinct source formatted by gofmt, keyed by the source text."""
    # No cache: a cold run has nothing to reuse, and a warm one only formats what changed.
    del cache
    results: dict[str, str | FormatError] = {}
    distinct = list(dict.fromkeys(sources))
    if not distinct:
        return results
    binary = gofmt_binary()
    if binary is None:
        err = FormatError("gofmt not found: the go target needs the Go toolchain on PATH")
        return {s: err for s in distinct}
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
