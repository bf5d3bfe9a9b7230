"""Regular expressions are checked in the dialect of the code that will run them.

The python target compiles `validation.regex` with Python's `re`; the go target with
RE2 (Go's `regexp`), where `\\p{L}` is valid and look-behind is not. So the check is a
target's, not the spec validator's: Magic Modules specs use RE2 patterns that Python
rejects, and the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..diagnostics import Diagnostic, DiagnosticBag
from ..model.nodes import Product
from ..validate import walk

Compiler = Callable[[str], str | None]  # pattern -> error text, or None when valid


def python_error(pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except re.error as exc:
        return str(exc)
    return None


def re2_error(pattern: str) -> str | None:
    import re2  # google-re2: the RE2 library Go's regexp implements

    options = re2.Options()
    options.log_errors = False  # RE2 would print every rejected pattern to stderr
    try:
        re2.compile(pattern, options)
    except re2.error as exc:
        return exc.args[0].decode() if isinstance(exc.args[0], bytes) else str(exc)
    return None


def check_regexes(
    product: Product, target: str, dialect: str, compile_error: Compiler
) -> list[Diagnostic]:
    bag = DiagnosticBag()
    for res in product.resources:
        for path, prop in walk(res.properties):
            pattern = prop.validation.regex
            if pattern is None:
                continue
            error = compile_error(pattern)
            if error is None:
                continue
            loc = prop.validation.loc if prop.validation.loc.line else prop.loc
            bag.error(
                "invalid-regex",
                f"property `{path}` of `{res.name}`: `validation.regex` is not a valid "
                f"{dialect} regular expression for the {target} target: {error}",
                loc,
                f"write a pattern both Python `re` and RE2 accept (the {target} target "
                f"compiles it with {dialect}); single-quote it in YAML so backslashes stay "
                "as written",
            )
    return bag.items
