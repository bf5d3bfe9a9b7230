"""`mmgen fmt`: one layout for mmgen YAML spec files, comments kept.

What changes: indentation (mappings by 2, sequence items `- ` indented by 2 under their
key, the layout the docs and `import-docs` write), line ends (LF), trailing spaces, blank
lines at the end, the final newline, and an empty value is written `null`. What stays: key order, quoting, comments, block
scalars, flow collections and every value, so the loaded model is the same (tested:
`schema model` before and after). Reordering keys into the docs' order was left out: it
moves comments that belong to a key's neighbours, and reviewers read diffs of specs.

A file that is not YAML, or whose formatted text would not load to the same data, is
reported and left alone; so is a path leaving the folder given (a symbolic link).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from .confine import Escape, input_path, read_regular
from .diagnostics import Diagnostic, Location, Severity
from .loaders.spec_files import SPEC_SUFFIXES
from .writer import write_text_atomic

WIDTH = 4096  # never re-wrap a long value: wrapping is the author's choice


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.Representer = _Representer
    return yaml


class _Representer(RoundTripRepresenter):
    """ruamel writes a null as nothing (`key:`); the docs write `update_verb: null`. A
    subclass: `add_representer` on ruamel's own class would change every other writer."""

    def represent_none(self, data: Any) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:null", "null")


_Representer.add_representer(type(None), _Representer.represent_none)


def _plain(data: Any) -> Any:
    """Comment-free plain data, to compare what two texts load to."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def format_text(text: str) -> str:
    """The formatted text; raises YAMLError (or ValueError) when it cannot be formatted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    yaml = _yaml()
    docs = list(yaml.load_all(text))
    if len(docs) != 1:
        raise ValueError("a spec file holds exactly one YAML document")
    stripped = text.lstrip()
    yaml.explicit_start = stripped.startswith("---") or None
    out = io.StringIO()
    yaml.dump(docs[0], out)
    dumped = out.getvalue()
    want = _plain(YAML(typ="safe", pure=True).load(text))
    stripped_lines = "\n".join(line.rstrip() for line in dumped.split("\n"))
    # Trailing spaces inside a block scalar are content: strip them only when that keeps
    # the data, else keep the dump as ruamel wrote it.
    for result in (stripped_lines.rstrip("\n") + "\n", dumped):
        if _plain(YAML(typ="safe", pure=True).load(result)) == want:
            return result
    raise ValueError("formatting would change the data (please report this file)")


@dataclass
class FmtReport:
    changed: list[Path] = field(default_factory=list)
    unchanged: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)


def spec_files(paths: Iterable[str]) -> tuple[list[tuple[Path, Path]], list[Diagnostic]]:
    """(root, file) of every YAML file under the paths, links leaving their root refused."""
    found: list[tuple[Path, Path]] = []
    diags: list[Diagnostic] = []
    for raw in paths:
        root = Path(raw)
        if root.is_file() or (root.is_symlink() and not root.is_dir()):
            candidates = [root]
            base = root.parent
        else:
            base = root
            candidates = []
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                candidates += [Path(folder) / f for f in sorted(files)]
        for path in candidates:
            if path.suffix not in SPEC_SUFFIXES:
                continue
            try:
                input_path(base, os.path.relpath(path, base))
            except Escape as exc:
                diags.append(
                    Diagnostic(
                        Severity.ERROR,
                        "fmt-outside",
                        f"not formatted: {exc}",
                        Location(str(path)),
                        "fmt only rewrites files inside the folders it is given",
                    )
                )
                continue
            if path.is_symlink():
                continue  # formatted as the file it points to, inside; never written through
            found.append((base, path))
    return found, diags


def fmt_paths(paths: Iterable[str], check: bool) -> FmtReport:
    files, diags = spec_files(paths)
    report = FmtReport(diagnostics=diags)
    for _, path in files:
        try:
            text = read_regular(path).decode("utf-8")
            new = format_text(text)
        except (OSError, UnicodeDecodeError, YAMLError, ValueError) as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
            report.diagnostics.append(
                Diagnostic(
                    Severity.ERROR,
                    "fmt-unreadable",
                    f"not formatted: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                    Location(str(path), max(line, 0), 1 if line > 0 else 0),
                    "run `mmgen validate` on it for the full diagnostics",
                )
            )
            continue
        if new == text:
            report.unchanged += 1
            continue
        report.changed.append(path)
        if not check:
            write_text_atomic(path, new)
    return report
