"""A diff report as text, Markdown (a pull-request comment), JSON or GitHub annotations."""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic, Severity, format_diagnostics
from .findings import Finding
from .rules import RULES, Kind
from .run import DiffReport

FORMATS = ("text", "markdown", "json", "github")
DOCS = "docs/diff.md"


def render(report: DiffReport, fmt: str) -> str:
    return {"text": text, "markdown": markdown, "json": as_json, "github": github}[fmt](report)


def summary(report: DiffReport) -> str:
    if not report.compared:
        return "diff: not compared (a side could not be loaded)"
    breaking = report.of_kind(Kind.BREAKING)
    allowed = [f for f in breaking if not f.blocking]
    parts = [f"{len(breaking) - len(allowed)} breaking change(s)"]
    if allowed:
        parts.append(f"{len(allowed)} allowed")
    parts.append(f"{len(report.of_kind(Kind.WARNING))} to review")
    parts.append(f"{len(report.of_kind(Kind.INFO))} non-breaking")
    if report.not_compared:
        parts.append(f"{len(report.not_compared)} resource(s) not compared")
    return f"diff {report.base} -> {report.head}: " + ", ".join(parts)


def _level(f: Finding) -> str:
    if f.kind is Kind.BREAKING:
        return "breaking" if f.blocking else "allowed"
    return f.kind.value


def text(report: DiffReport) -> str:
    lines = (
        [format_diagnostics(report.diagnostics, "text").rstrip("\n")] if report.diagnostics else []
    )
    for f in report.findings:
        lines.append(f"{f.location}: {_level(f)}[{f.rule}]: {f.subject}: {f.message}")
        if f.allowed:
            lines.append(f"    allowed: {f.allowed}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    """Text from a spec inside a Markdown table cell: no markup, no cell breaks."""
    out = value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "<>*_[]`#":
        out = out.replace(ch, "\\" + ch)
    return out


def markdown(report: DiffReport) -> str:
    out = [f"### mmgen diff: {_md(report.base)} → {_md(report.head)}", ""]
    blocking = report.blocking
    if not report.compared:
        out.append("Not compared: a side could not be loaded (see the diagnostics).")
    elif blocking:
        out.append(f"**{len(blocking)} breaking change(s)** need a major release or an allowance.")
    else:
        out.append("No breaking changes" + (" that are not allowed." if report.findings else "."))
    sections = (
        ("Breaking changes", [f for f in report.findings if f.blocking]),
        ("Allowed breaking changes", [f for f in report.of_kind(Kind.BREAKING) if not f.blocking]),
        ("To review", report.of_kind(Kind.WARNING)),
        ("Non-breaking changes", report.of_kind(Kind.INFO)),
    )
    for title, items in sections:
        if not items:
            continue
        out += [
            "",
            f"#### {title} ({len(items)})",
            "",
            "| rule | resource / field | change | where |",
            "|---|---|---|---|",
        ]
        for f in items:
            change = _md(f.message) + (f" — allowed: {_md(f.allowed)}" if f.allowed else "")
            out.append(
                f"| [{f.rule}]({DOCS}#{f.rule}) | {_md(f.subject)} | {change} | {_md(str(f.location))} |"
            )
    if report.diagnostics:
        out += ["", f"#### Diagnostics ({len(report.diagnostics)})", ""]
        out += [f"- {_md(d.to_text().splitlines()[0])}" for d in report.diagnostics]
    return "\n".join(out) + "\n"


def as_json(report: DiffReport) -> str:
    data = {
        "base": report.base,
        "head": report.head,
        "compared": report.compared,
        "exit_code": report.exit_code,
        "findings": [
            {
                "rule": f.rule,
                "kind": f.kind.value,
                "title": RULES[f.rule].title,
                "blocking": f.blocking,
                "allowed": f.allowed,
                "product": f.product,
                "resource": f.resource,
                "field": f.field,
                "message": f.message,
                "side": f.side,
                "file": f.location.file,
                "line": f.location.line,
                "col": f.location.col,
            }
            for f in report.findings
        ],
        "not_compared": report.not_compared,
        "diagnostics": [d.to_json() for d in report.diagnostics],
        "summary": summary(report),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def github(report: DiffReport) -> str:
    lines = (
        [format_diagnostics(report.diagnostics, "github").rstrip("\n")]
        if report.diagnostics
        else []
    )
    for f in report.findings:
        level = {"breaking": "error", "allowed": "notice", "warning": "warning", "info": "notice"}[
            _level(f)
        ]
        body = f"{f.subject}: {f.message}" + (f" (allowed: {f.allowed})" if f.allowed else "")
        # Validate's annotations, for their escaping of properties and message.
        d = Diagnostic(Severity.ERROR, f.rule, body, f.location)
        lines.append(d.to_github().replace("::error ", f"::{level} ", 1))
    return "\n".join(lines) + "\n"
