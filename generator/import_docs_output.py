"""Where `mmgen import-docs -o PATH` may write: never over an existing file unless asked
(a spec is hand-edited once imported), never through a symbolic link, and only in the
named path's own folder (the spec there, and product.yaml beside it)."""

from __future__ import annotations

import os
from pathlib import Path

from .diagnostics import Diagnostic, Location, Severity

# Names a resource spec may not take: the loader reads them as the product and provider.
RESERVED = frozenset({"product.yaml", "provider.yaml"})


def refuse_output(output: str, force: bool) -> list[Diagnostic]:
    """Why writing the spec to `output` is refused (empty: it may be written)."""
    target = Path(output)
    where = Location(output, 1, 1)
    if target.name in RESERVED:
        return [
            Diagnostic(
                Severity.ERROR,
                "import-output-name",
                f"`{target.name}` names the product or provider file, not a resource spec",
                where,
                "write the spec to specs/<product>/<resource>.yaml",
            )
        ]
    if os.path.islink(target):
        return [
            Diagnostic(
                Severity.ERROR,
                "import-output-link",
                f"`{output}` is a symbolic link; import-docs writes only real files",
                where,
                "remove the link, or name the file it points to",
            )
        ]
    if os.path.lexists(target) and not os.path.isfile(target):
        return [
            Diagnostic(
                Severity.ERROR,
                "import-output-exists",
                f"`{output}` exists and is not a regular file",
                where,
                "choose another path",
            )
        ]
    if os.path.lexists(target) and not force:
        return [
            Diagnostic(
                Severity.ERROR,
                "import-output-exists",
                f"`{output}` exists; not overwritten (it may hold hand edits)",
                where,
                "pass --force to replace it, or write to another path and compare",
            )
        ]
    return []
