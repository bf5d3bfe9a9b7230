"""Upstream example templates (`*.tf.tmpl`, Go text/template) -> Example HCL.

Magic Modules renders a sample's HCL from a Go template, once for the docs page and once
per acceptance test. The corpus's 1,703 templates use only a handful of actions, so this
is a small renderer of that subset rather than a Go-template engine:

- `{{$.PrimaryResourceId}}` (or `.PrimaryResourceId`): the sample's `primary_resource_id`;
- `{{index $.ResourceIdVars "x"}}`, `{{$.ResourceIdVars.x}}`, and the same for `Vars` and
  `TestEnvVars` (with `$.` or `.`): the var `x`, written as our `{{x}}` placeholder so the
  docs page and the tests fill in their own value;
- `{{/* comment */}}` and the `{{- ` / ` -}}` whitespace trims.

Anything else (`if`, `range`, pipes, functions...) raises TemplateError with its line and
column: guessing at it would give silently wrong HCL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...confine import Escape, input_path, read_regular
from ...outside_reads import note
from ..yaml_errors import offset_position

# The maps a template may index, by the name Go templates give them.
VAR_MAPS = ("ResourceIdVars", "Vars", "TestEnvVars")
PRIMARY = "PrimaryResourceId"

_OPEN = "{{"
_CLOSE = "}}"
_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_MAPS = "|".join(VAR_MAPS)
# `$.X` and `.X` name the same top-level data in upstream's templates (no `with`/`range`).
_DOT = r"\$?\."
_PRIMARY_RE = re.compile(rf"{_DOT}{PRIMARY}")
_INDEX_RE = re.compile(rf'index\s+{_DOT}(?P<map>{_MAPS})\s+"(?P<key>[^"\\]*)"')
_FIELD_RE = re.compile(rf"{_DOT}(?P<map>{_MAPS})\.(?P<key>{_IDENT})")
_COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)


class TemplateError(Exception):
    """A construct outside the subset, at a 1-based line and column of the template."""

    def __init__(self, line: int, col: int, construct: str, why: str) -> None:
        super().__init__(f"{line}:{col}: `{construct}`: {why}")
        self.line = line
        self.col = col
        self.construct = construct
        self.why = why


@dataclass(frozen=True)
class Rendered:
    config: str  # HCL; each var reference is a `{{name}}` placeholder (see var_name)
    used: tuple[tuple[str, str], ...]  # (map, key) of each var referenced, first use first
    # `Vars` keys whose value was written into the HCL as is (see render).
    inlined: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()  # the `{{name}}`s written, first use first


def var_name(key: str) -> str:
    """The placeholder name of a var: upstream keys may hold `-` (`compute-name`), our
    `{{name}}` placeholders are identifiers."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", key)
    return name if re.match(r"[A-Za-z_]", name) else "_" + name


def _in_string(literal_line: str) -> bool:
    """True if the text before an action on its line leaves an HCL string open."""
    return len(re.findall(r'(?<!\\)"', literal_line)) % 2 == 1


def render(
    text: str,
    primary_id: str | None,
    declared: Mapping[str, Mapping[str, str]],
    literal_vars: bool = True,
) -> Rendered:
    """`text` with every action replaced; `declared` maps each of VAR_MAPS to the step's keys.

    A key the step does not declare is an error: Go's `index` would print "" for it.
    `literal_vars`: `Vars` have the same docs and test value (false for old `examples:`,
    whose `vars` are resource ids).
    """
    out: list[str] = []
    used: list[tuple[str, str]] = []
    inlined: list[str] = []
    placeholders: list[str] = []
    pos = 0
    while True:
        start = text.find(_OPEN, pos)
        if start < 0:
            out.append(text[pos:])
            break
        line, col = offset_position(text, start)
        end = text.find(_CLOSE, start + len(_OPEN))
        if end < 0:
            raise TemplateError(line, col, text[start : start + 20], "`{{` is never closed")
        inner = text[start + len(_OPEN) : end]
        literal = text[pos:start]
        # Go's trim markers need the space: `{{-3}}` is the number -3, not a trim.
        if inner.startswith("- ") or inner == "-":
            literal = literal.rstrip()
            inner = inner[1:]
        trim_after = inner.endswith(" -")
        if trim_after:
            inner = inner[:-1]
        out.append(literal)
        construct = text[start : end + len(_CLOSE)]
        value, ref = _action(inner.strip(), construct, (line, col), primary_id, declared)
        if ref is not None:
            used.append(ref)
            if (
                literal_vars
                and ref[0] == "Vars"
                and not _in_string(text[text.rfind("\n", 0, start) + 1 : start])
            ):
                # A placeholder is filled HCL-string-escaped (values sit inside quotes);
                # a plain var outside quotes is HCL itself (e.g. a block), and its docs
                # and test values are the same, so it is written as is.
                value = declared[ref[0]][ref[1]]
                inlined.append(ref[1])
            else:
                placeholders.append(var_name(ref[1]))
        out.append(value)
        pos = end + len(_CLOSE)
        if trim_after:
            pos = len(text) - len(text[pos:].lstrip())
    return Rendered(
        "".join(out),
        tuple(dict.fromkeys(used)),
        tuple(dict.fromkeys(inlined)),
        tuple(dict.fromkeys(placeholders)),
    )


def _action(
    body: str,
    construct: str,
    where: tuple[int, int],
    primary_id: str | None,
    declared: Mapping[str, Mapping[str, str]],
) -> tuple[str, tuple[str, str] | None]:
    """The text an action renders to, and the (map, key) of the var it references."""
    line, col = where
    if _COMMENT_RE.fullmatch(body):
        return "", None
    if _PRIMARY_RE.fullmatch(body):
        if not primary_id:
            raise TemplateError(line, col, construct, "the sample has no `primary_resource_id`")
        return primary_id, None
    m = _INDEX_RE.fullmatch(body) or _FIELD_RE.fullmatch(body)
    if m is None:
        raise TemplateError(line, col, construct, "outside the supported template subset")
    kind, key = m.group("map"), m.group("key")
    if key not in declared.get(kind, {}):
        raise TemplateError(line, col, construct, f"the step declares no {kind} `{key}`")
    return "{{" + var_name(key) + "}}", (kind, key)


class TemplateMissing(Exception):
    """The template cannot be read: absent, not a regular file, or outside the folder."""


def read_template(templates_root: Path, config_path: str) -> str:
    """The template at `config_path` (upstream writes it from the mmv1 root, so it starts
    with `templates/`), read only inside `templates_root`: the path comes from a spec."""
    prefix = templates_root.name + "/"
    if not config_path.startswith(prefix):
        raise TemplateMissing(f"`{config_path}` is not under `{prefix}`")
    named = templates_root / config_path[len(prefix) :]
    data: bytes | None = None
    try:
        data = read_regular(input_path(templates_root, config_path[len(prefix) :]))
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except Escape as exc:
        raise TemplateMissing(str(exc)) from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise TemplateMissing(f"cannot read `{config_path}`: {why}") from exc
    finally:
        # Outside the product folder: the product cache must know what was found here,
        # a template added, fixed or pointed elsewhere later included.
        note(named, data)
