"""Diagnostics are values: every stage returns them instead of raising.

A diagnostic names the file, line and column (1-based) it is about, a stable code that
tests and CI can match on, a message, and a hint that tells the author what to do.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    # What mmgen decided on its own that a spec author may want to know (a derived API
    # name, ...): shown with -v only, never a failure, not even under --strict.
    INFO = "info"


class Location(NamedTuple):
    """A position in a source file; line and col are 1-based, 0 means unknown.

    A NamedTuple rather than a frozen dataclass: the YAML loader makes one per node, and
    tuple construction is several times cheaper (it shows in corpus-scale loads).
    """

    file: str = ""
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file or "<unknown>"
        return f"{self.file}:{self.line}:{self.col or 1}"


NO_LOCATION = Location()


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    location: Location = NO_LOCATION
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.col, self.code, self.message)

    def to_text(self) -> str:
        text = f"{self.location}: {self.severity.value}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def to_github(self) -> str:
        # GitHub workflow commands: properties and message need their own escaping.
        def prop(value: str) -> str:
            return (
                value.replace("%", "%25")
                .replace("\r", "%0D")
                .replace("\n", "%0A")
                .replace(":", "%3A")
                .replace(",", "%2C")
            )

        def msg(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        loc = self.location
        level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(self.severity, "notice")
        props = [f"file={prop(loc.file)}"]
        if loc.line:
            props.append(f"line={loc.line}")
            props.append(f"col={loc.col or 1}")
        props.append(f"title={prop(self.code)}")
        body = self.message + (f" ({self.hint})" if self.hint else "")
        return f"::{level} {','.join(props)}::{msg(body)}"

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.location.file,
            "line": self.location.line,
            "col": self.location.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


class Findings:
    """What a report of diagnostics answers (mixed into the validate and docs-lint
    reports, which hold a `diagnostics` list): its errors, its warnings, and whether the
    run fails (errors, or warnings too under `--strict`)."""

    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


@dataclass
class DiagnosticBag:
    """Collects diagnostics across stages; the only mutable piece of the pipeline."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(
        self, code: str, message: str, location: Location = NO_LOCATION, hint: str = ""
    ) -> None:
        self.items.append(Diagnostic(Severity.ERROR, code, message, location, hint))

    def warning(
        self, code: str, message: str, location: Location = NO_LOCATION, hint: str = ""
    ) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, location, hint))

    def info(
        self, code: str, message: str, location: Location = NO_LOCATION, hint: str = ""
    ) -> None:
        self.items.append(Diagnostic(Severity.INFO, code, message, location, hint))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        # Dedupe: the same finding reached by two paths is reported once.
        return sorted(set(self.items), key=Diagnostic.sort_key)


def format_diagnostics(diags: Iterable[Diagnostic], fmt: str) -> str:
    diags = list(diags)
    if fmt == "json":
        return json.dumps([d.to_json() for d in diags], indent=2) + "\n"
    if fmt == "github":
        return "".join(d.to_github() + "\n" for d in diags)
    return "".join(d.to_text() + "\n" for d in diags)
