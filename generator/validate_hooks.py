"""Custom-code files define the functions the targets call (for `validate.py`).

A hook file that exists but lacks its function validates, generates, and then fails when
the provider is imported (python: `AttributeError` at import; go: an undefined name at
build). These checks find that at validate time without running the author's code: the
Python file is parsed with `ast`, never imported; the Go twin (`<file>.go`, which only the
go target reads) is scanned for `func Name(` and its parameter count.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from .confine import Escape, input_path, is_file, read_regular_text
from .diagnostics import Diagnostic, DiagnosticBag, Location
from .model.nodes import Resource
from .render.go_literals import go_exported, go_unexported

# What the python target calls (targets/python_target.py, templates/python/runtime):
# a lifecycle hook `name(resource, *args)` and `expand(value, root)`, `flatten(value, api)`.
PY_PARAMS: dict[str, tuple[str, ...]] = {
    "before_create": ("resource", "ctx", "body"),
    "after_create": ("resource", "ctx", "state"),
    "before_update": ("resource", "ctx", "body"),
    "after_read": ("resource", "ctx", "state"),
    "before_delete": ("resource", "ctx", "state"),
    "parse_import_id": ("resource", "import_id"),
    "expand": ("value", "root"),
    "flatten": ("value", "api_object"),
}
# The Go functions' names (targets/go_resource.py HOOK_GO, go_convert.custom_name) and
# parameter counts (docs/targets.md, "Custom code in Go").
GO_HOOK = {
    "before_create": ("BeforeCreate", 2),
    "after_create": ("AfterCreate", 2),
    "before_update": ("BeforeUpdate", 2),
    "after_read": ("AfterRead", 2),
    "before_delete": ("BeforeDelete", 2),
    "parse_import_id": ("ParseImportID", 1),
}
GO_CONVERT_PARAMS = 3
_GO_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_GO_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"|`[^`]*`')


def python_function(kind: str, key: str) -> str:
    """The function a Python custom-code file must define."""
    return key if kind == "hook" else kind


def go_function(res_name: str, kind: str, key: str) -> tuple[str, int]:
    """The Go function (name, parameter count) a custom-code file's `.go` twin defines."""
    res_go = go_unexported(res_name)
    if kind == "hook":
        suffix, count = GO_HOOK[key]
        return res_go + suffix, count
    title = "Expand" if kind == "expand" else "Flatten"
    return res_go + title + "".join(go_exported(p) for p in key.split(".")), GO_CONVERT_PARAMS


def _accepts(fn: ast.FunctionDef | ast.AsyncFunctionDef, count: int) -> bool:
    a = fn.args
    positional = len(a.posonlyargs) + len(a.args)
    required = positional - len(a.defaults)
    required_kw = sum(1 for d in a.kw_defaults if d is None)
    return required <= count and (positional >= count or a.vararg is not None) and not required_kw


def python_problem(text: str, function: str, params: tuple[str, ...]) -> str | None:
    """Why `text` cannot serve as a file defining `function(*params)`; None when it can."""
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        return f"is not valid Python (line {exc.lineno}: {exc.msg})"
    call = f"`{function}({', '.join(params)})`"
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function:
            if isinstance(node, ast.AsyncFunctionDef):
                return f"defines `{function}` as `async def`; the python target calls {call}"
            if not _accepts(node, len(params)):
                return (
                    f"defines `{function}` (line {node.lineno}) with parameters that do "
                    f"not take the call {call}"
                )
            return None
        # Bound another way (an import, an assignment): present; its signature is not
        # visible without running the file.
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if any((a.asname or a.name.split(".")[0]) == function for a in node.names):
                return None
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == function for t in targets):
                return None
    return f"defines no top-level function `{function}`; the python target calls {call}"


def _go_param_count(text: str, start: int) -> int | None:
    """Parameters of the list opening at `text[start] == "("`: top-level commas + 1."""
    depth, count, seen = 0, 0, False
    for ch in text[start:]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return count + 1 if seen else 0
        elif ch == "," and depth == 1:
            count += 1
        elif not ch.isspace() and depth >= 1:
            seen = True
    return None


def go_problem(text: str, function: str, count: int) -> str | None:
    """Why Go source `text` does not define `func function(...)` of `count` parameters."""
    bare = _GO_STRING.sub('""', _GO_COMMENT.sub(" ", text))
    match = re.search(rf"^func\s+{re.escape(function)}\s*(?:\[[^\]]*\])?\s*\(", bare, re.M)
    if match is None:
        return f"defines no `func {function}(`, which the go target calls"
    got = _go_param_count(bare, match.end() - 1)
    if got is not None and got != count:
        return f"defines `{function}` with {got} parameter(s); the go target passes {count}"
    return None


def custom_code_problems(
    res_name: str, kind: str, key: str, rel: str, base: Path, loc: Location
) -> list[Diagnostic]:
    """The custom-code file `rel` (relative to the spec's folder `base`) and its Go twin
    define the functions the targets call."""
    bag = DiagnosticBag()
    what = f"custom code file `{rel}` ({kind} `{key}`)"
    try:
        text = read_regular_text(input_path(base, rel))
    except (OSError, UnicodeDecodeError, Escape):
        return []  # unreadable files are `custom-code-missing` (validate.py, the targets)
    function = python_function(kind, key)
    why = python_problem(text, function, PY_PARAMS[key if kind == "hook" else kind])
    if why:
        params = ", ".join(PY_PARAMS[key if kind == "hook" else kind])
        bag.error(
            "custom-code-function",
            f"{what} {why}",
            loc,
            f"define `def {function}({params}):` at the top level of the file "
            "(docs/spec-format.md#custom-code)",
        )
    twin_rel = Path(rel).with_suffix(".go").as_posix()
    try:
        twin = input_path(base, twin_rel)
        go_text = read_regular_text(twin) if twin_rel != rel and is_file(twin) else None
    except (OSError, UnicodeDecodeError, Escape):
        go_text = None  # the go target reports an unreadable twin (`custom-code-missing`)
    if go_text is not None:
        go_name, count = go_function(res_name, kind, key)
        why = go_problem(go_text, go_name, count)
        if why:
            bag.error(
                "custom-code-function",
                f"Go twin `{twin_rel}` of {what} {why}",
                loc,
                "docs/targets.md (Custom code in Go) gives each hook's Go signature",
            )
    return bag.items


# Generated trees are rewritten on every run: hand-written code never lives there.
GENERATED_DIR = "generated"


def custom_code_findings(
    res: Resource, source: str | None, all_paths: set[str]
) -> list[Diagnostic]:
    """The custom-code files a resource names: inside its spec's folder, outside generated/,
    present, defining what they must, for properties it has (`all_paths`, dotted)."""
    if res.custom_code.is_empty or source is None:
        return []
    bag = DiagnosticBag()
    base = Path(source).parent
    for kind, pairs in (
        ("hook", res.custom_code.hooks),
        ("expand", res.custom_code.expand),
        ("flatten", res.custom_code.flatten),
    ):
        for key, rel in pairs:
            # Where the spec names this file (the path's own line:col), else the block.
            loc = res.custom_code.file_loc(kind, key)
            try:
                # Custom code is copied into the provider: it must be the spec's own.
                f = input_path(base, rel)
            except Escape as exc:
                bag.error(
                    "custom-code-outside",
                    f"custom code {exc}: hand-written files must live in the spec's folder",
                    loc,
                    "move the file beside the spec (e.g. `custom/<name>.py`) and name it "
                    "relative to the spec's folder",
                )
                continue
            if GENERATED_DIR in Path(rel).parts:
                bag.error(
                    "custom-code-generated",
                    f"custom code `{rel}` lives under generated/, where regeneration overwrites it",
                    loc,
                    "keep hand-written files beside the spec under specs/",
                )
            elif not is_file(f):
                what = "is not a regular file" if os.path.exists(f) else "does not exist"
                bag.error(
                    "custom-code-missing",
                    f"custom code file `{rel}` ({kind} `{key}`) {what}",
                    loc,
                    "the path is relative to the spec file's folder",
                )
            elif kind != "hook" or key in PY_PARAMS:
                bag.extend(custom_code_problems(res.name, kind, key, rel, base, loc))
            if kind != "hook" and key not in all_paths:
                from .loaders.shape_check import did_you_mean

                guess = did_you_mean(key, sorted(all_paths))
                bag.error(
                    "unknown-reference",
                    f"custom {kind} names `{key}`, which is not a property of this resource",
                    res.custom_code.key_loc(kind, key),
                    (
                        f"did you mean `{guess}`?"
                        if guess
                        else "use the dotted path from the resource root"
                    ),
                )
    return bag.items
