"""How the commands that print diagnostics print them: one set of options, one behaviour.

`validate`, `generate`, `diff` and `docs lint` all take `-q/--quiet`, `-v/--verbose`,
`--max-diagnostics N` and `--color/--no-color` (docs/cli.md). Exit codes never depend on
them: they change what is shown, not what was found.

- a progress bar on stderr, only when stderr is a terminal and not in CI (`CI` set) nor
  with `TERM=dumb`: a bar in a CI log or a pipe is noise of carriage returns;
- colour (the severity words) only on a terminal, never with `NO_COLOR` set, unless
  `--color` forces it (`--no-color` turns it off everywhere);
- `-q`: errors and the summary only; `-v`: also info-level notes (what mmgen decided on
  its own, such as a derived API name), stage timings and details;
- the summary ends with the counts by diagnostic code.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import IO, Any, TypeVar

import click

from .diagnostics import Diagnostic, Severity, format_diagnostics
from .progress import Sink

F = TypeVar("F", bound=Callable[..., Any])
WIDTH = 100


@dataclass(frozen=True)
class OutputOptions:
    quiet: bool = False
    verbose: bool = False
    max_diagnostics: int | None = None
    color: bool | None = None  # None: decide by the stream (a terminal, NO_COLOR unset)

    def colors(self, stream: IO[str]) -> bool:
        if self.color is not None:
            return self.color
        if os.environ.get("NO_COLOR"):  # https://no-color.org: set and non-empty
            return False
        return _isatty(stream)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def output_options(func: F) -> F:
    """Add -q, -v, --max-diagnostics and --color/--no-color; the command gets `output`."""

    @click.option("-q", "--quiet", is_flag=True, help="Errors and the summary only.")
    @click.option(
        "-v", "--verbose", is_flag=True, help="Also info-level notes, stage timings and details."
    )
    @click.option(
        "--max-diagnostics",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help="Print the first N diagnostics, then a count of the rest by code.",
    )
    @click.option(
        "--color/--no-color",
        "color",
        default=None,
        help="Colour the severity words (default: on a terminal, unless NO_COLOR is set).",
    )
    @wraps(func)
    def wrapper(
        *args: Any,
        quiet: bool,
        verbose: bool,
        max_diagnostics: int | None,
        color: bool | None,
        **kwargs: Any,
    ) -> Any:
        if quiet and verbose:
            raise click.UsageError("-q and -v contradict each other")
        output = OutputOptions(quiet, verbose, max_diagnostics, color)
        sink = progress_sink(output, sys.stderr)
        from .progress import reporting

        with reporting(sink):
            return func(*args, output=output, **kwargs)

    return wrapper  # type: ignore[return-value]


# --- diagnostics ------------------------------------------------------------------------------

SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow"},
    "info": {"fg": "cyan"},
}
_SEVERITY = re.compile(r"^(\S.*?: )(error|warning|info)(\[)", re.MULTILINE)


def colorize(text: str) -> str:
    """The severity word of each `path:line:col: error[code]: ...` line in colour."""
    return _SEVERITY.sub(
        lambda m: m.group(1) + click.style(m.group(2), **SEVERITY_STYLE[m.group(2)]) + m.group(3),
        text,
    )


def visible(diags: Iterable[Diagnostic], output: OutputOptions | None = None) -> list[Diagnostic]:
    """Info-level notes only with -v, in every output format (a command without -v: never)."""
    verbose = output is not None and output.verbose
    return [d for d in diags if verbose or d.severity is not Severity.INFO]


def shown(diags: Sequence[Diagnostic], output: OutputOptions) -> tuple[list[Diagnostic], int]:
    """The diagnostics to print (after -q, -v and --max-diagnostics) and how many were cut."""
    diags = visible(diags, output)
    keep = [d for d in diags if d.is_error] if output.quiet else list(diags)
    limit = output.max_diagnostics
    if limit is None or len(keep) <= limit:
        return keep, 0
    return keep[:limit], len(keep) - limit


def emit_diagnostics(
    diags: Sequence[Diagnostic], fmt: str, output: OutputOptions, err: bool = False
) -> None:
    """Print diagnostics as `format_diagnostics` does, after -q, --max-diagnostics, colour."""
    keep, cut = shown(diags, output)
    text = format_diagnostics(keep, fmt) if keep or fmt == "json" else ""
    stream = sys.stderr if err else sys.stdout
    color = fmt == "text" and output.colors(stream)
    if text:
        click.echo(colorize(text) if color else text, nl=False, err=err, color=color)
    if cut:
        rest = [d for d in visible(diags, output) if d.is_error or not output.quiet][len(keep) :]
        click.echo(wrap(f"... and {cut} more ({by_code(rest)})", indent="  "), err=True)


def by_code(diags: Iterable[Diagnostic]) -> str:
    """`by code: errors: a 3, b 1; warnings: c 7`: most frequent first, ties by name.

    Each `code N` is joined by a no-break space so that `wrap` never splits it."""
    counts = Counter((d.severity, d.code) for d in diags)
    if not counts:
        return "by code: none"
    groups = []
    for severity, label in (
        (Severity.ERROR, "errors"),
        (Severity.WARNING, "warnings"),
        (Severity.INFO, "notes"),
    ):
        ranked = sorted(
            ((code, n) for (sev, code), n in counts.items() if sev is severity),
            key=lambda kv: (-kv[1], kv[0]),
        )
        if ranked:
            groups.append(f"{label}: " + ", ".join(f"{code}\xa0{n}" for code, n in ranked))
    return "by code: " + "; ".join(groups)


def emit_summary(line: str, diags: Sequence[Diagnostic], fmt: str, output: OutputOptions) -> None:
    """The closing lines on stderr (text format only): by code, what -q hid, then `line`
    (the counts), last, where scripts and people look for it."""
    if fmt != "text":
        return
    diags = visible(diags, output)
    if diags:
        click.echo(wrap(by_code(diags), indent="  "), err=True)
    hidden = sum(1 for d in diags if d.severity is Severity.WARNING) if output.quiet else 0
    if hidden:
        click.echo(f"({hidden} warning(s) not shown: run without -q to see them)", err=True)
    click.echo(line, err=True)


# --- names left out ---------------------------------------------------------------------------


def wrap(text: str, indent: str = "    ") -> str:
    """`text` wrapped at WIDTH columns, continuation lines indented; names never broken."""
    filled = textwrap.fill(
        text,
        WIDTH,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return filled.replace("\xa0", " ")


def left_out_lines(
    left_out: Sequence[tuple[str, Sequence[str]]], output: OutputOptions
) -> list[str]:
    """One paragraph per reason: every name (wrapped), or under -q a count and the hint."""
    lines = []
    for reason, names in left_out:
        if not names:
            continue
        if output.quiet:
            lines.append(f"{len(names)} {reason} (run without -q for the list)")
        else:
            lines.append(wrap(f"{len(names)} {reason}: " + ", ".join(names)))
    return lines


# --- progress ---------------------------------------------------------------------------------


def progress_sink(output: OutputOptions, stream: IO[str]) -> Sink | None:
    bar = not output.quiet and _isatty(stream) and not _ci() and os.environ.get("TERM") != "dumb"
    if not bar and not output.verbose:
        return None
    return TerminalProgress(stream, bar=bar, verbose=output.verbose)


def _ci() -> bool:
    # Every mainstream CI sets CI (GitHub Actions, GitLab, Buildkite, CircleCI, Travis...).
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


class TerminalProgress:
    """`label [#####.....] 45/123` redrawn in place at most ten times a second; the line
    is cleared at the end of the stage. With `verbose`, one line per finished stage."""

    INTERVAL = 0.1
    CELLS = 30

    def __init__(self, stream: IO[str], bar: bool, verbose: bool) -> None:
        self.stream, self.bar, self.verbose = stream, bar, verbose
        self.last = 0.0

    def start(self, label: str, total: int) -> None:
        self.last = 0.0
        self.update(label, 0, total)

    def update(self, label: str, done: int, total: int) -> None:
        if not self.bar:
            return
        now = time.monotonic()
        if done < total and now - self.last < self.INTERVAL:
            return
        self.last = now
        filled = self.CELLS * done // total if total else self.CELLS
        cells = "#" * filled + "." * (self.CELLS - filled)
        self.stream.write(f"\r{label} [{cells}] {done}/{total}\x1b[K")
        self.stream.flush()

    def finish(self, label: str, done: int, total: int, seconds: float) -> None:
        if self.bar:
            self.stream.write("\r\x1b[K")
        if self.verbose:
            self.stream.write(f"{label}: {done}/{total} in {seconds:.1f} s\n")
        self.stream.flush()
