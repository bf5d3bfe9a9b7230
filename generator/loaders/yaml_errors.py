"""What a YAML syntax error says to a spec author: ruamel's message made one sentence at
the place the mistake is (a bad indentation at the key that is off), with a hint.
Split from yaml_source.py, which parses; this module only words and places errors."""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError


def syntax_message(exc: MarkedYAMLError) -> str:
    problem = _one_line_text(exc.problem or "")
    context = _one_line_text(exc.context or "")
    if not problem:
        return context or "invalid YAML"
    if context and problem.startswith("but "):
        # ruamel splits one sentence: "expected a single document ..." + "but found another".
        return f"{context}, {problem}"
    cmark, pmark = exc.context_mark, exc.problem_mark
    if context and cmark is not None and (pmark is None or cmark.line != pmark.line):
        return (
            f"{problem} ({context} that starts at line {cmark.line + 1}, column {cmark.column + 1})"
        )
    return problem


def syntax_hint(exc: MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "'\\t'" in problem or "\t" in problem:
        return "indent with spaces; YAML does not allow tabs for indentation"
    if "another document" in problem:
        return "a spec file holds one YAML document: remove the `---` separator or split the file"
    if "mapping values are not allowed" in problem:
        return "a value containing `: ` must be quoted, or the indentation above is off"
    return "fix the YAML syntax here"


_KEY_LINE = re.compile(r"^( *)(- +)?([^\s#:][^:#]*?)\s*:(\s|$)")


def _content_column(line: str) -> tuple[int, str] | None:
    """(0-based column of the key, the key) of a `key:` or `- key:` line; None otherwise."""
    match = _KEY_LINE.match(line)
    if match is None:
        return None
    return len(match.group(1)) + len(match.group(2) or ""), match.group(3)


def indent_problem(text: str, exc: MarkedYAMLError) -> tuple[tuple[int, int], str, str] | None:
    """A bad indentation said plainly, at the key that is off: ruamel's own words
    ("expected <block end>, but found '<block mapping start>'", "mapping values are not
    allowed here") name the parser's state, not the author's mistake."""
    problem = exc.problem or ""
    mark = exc.problem_mark
    if mark is None or not (
        "mapping values are not allowed" in problem or problem.startswith("expected <block end>")
    ):
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    here = _content_column(lines[mark.line])
    if here is None:
        return None
    col, key = here
    item = lines[mark.line].lstrip().startswith("- ")
    above = None
    for prev in reversed(lines[: mark.line]):
        if not prev.strip() or prev.lstrip().startswith("#"):
            continue
        if item and not prev.lstrip().startswith("- "):
            continue  # a list entry lines up with the entries before it
        above = _content_column(prev)
        break
    if above is None:
        return None
    prev_col, prev_key = above
    if item:
        # Compare the dashes: `- name:` entries of one list start at one column.
        col, key = len(lines[mark.line]) - len(lines[mark.line].lstrip()), "- " + key
        prev_col = next(
            len(p) - len(p.lstrip())
            for p in reversed(lines[: mark.line])
            if p.lstrip().startswith("- ")
        )
        prev_key = "- " + prev_key
    if "mapping values" in problem and col <= prev_col:
        return None  # a `: ` inside a plain value, not an indentation
    if not item and col == prev_col:
        # It lines up with the key above: the mistake is elsewhere (an unclosed quote on
        # the line above, say), and the parser's own words say more than a guess.
        return None
    where = (mark.line + 1, col + 1)
    if item:
        message = (
            f"bad indentation: this `{key}:` entry starts at column {col + 1}, the "
            f"entries before it at column {prev_col + 1}"
        )
    elif col > prev_col:
        message = (
            f"bad indentation: `{key}:` is indented deeper than `{prev_key}:` on the line "
            "above, which holds a value, not a block"
        )
    else:
        message = (
            f"bad indentation: `{key}:` at column {col + 1} lines up with no key of the "
            "block around it"
        )
    hint = (
        f"indent `{key}:` to column {prev_col + 1}, like `{prev_key}:` above "
        "(or under a key ending in `:` to nest it); indent with spaces, 2 per level"
    )
    return where, message, hint


def offset_position(text: str, offset: object) -> tuple[int, int]:
    """1-based (line, column) of a character offset into `text`; (1, 1) for no offset."""
    if not isinstance(offset, int) or offset < 0:
        return 1, 1
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _one_line_text(text: str) -> str:
    return " ".join(str(text).split())[:300]


def position_of(exc: Exception) -> tuple[int, int]:
    line = getattr(exc, "line", None)
    col = getattr(exc, "column", None)
    if isinstance(line, int):
        return line + 1, (col or 0) + 1
    return 1, 1


def one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]
