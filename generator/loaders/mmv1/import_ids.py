"""The import formats of an mmv1 resource, by upstream's rules (read off the corpus's
specs against the pages generated from them):

- `exclude_import: true`: the resource refuses import; no formats.
- The formats: `import_format`, else `<base_url>/<identity>` where the identity is the
  `identity` properties' placeholders joined by `/` (snake_case), else `<base_url>/{{name}}`.
- Then the short forms of the first one: its placeholders joined by `/`, without
  `{{project}}`, and without `{{project}}`, `{{region}}` and `{{zone}}`, unless a
  placeholder is `%`-marked (its value may hold a `/`).
- Duplicates go; the rest is ordered most specific first: by the number of `/`, then of
  placeholders, descending, a tie keeping the later one first (the order upstream's page
  lists them in, and the first one is its import example).
"""

from __future__ import annotations

import re

from ..yaml_source import YMap
from .reader import Mmv1Reader, convert_template, underscore

DEFAULTED = ("{{project}}", "{{region}}", "{{zone}}")


def import_formats(r: Mmv1Reader, m: YMap, base_url_raw: str) -> tuple[str, ...]:
    """`()` for a resource that refuses import (`exclude_import: true`)."""
    if r.bool_(m, "exclude_import", "resource"):
        return ()
    identity = r.strs(m, "identity", "resource")
    # Import formats are patterns to parse an id with, not URLs: kept as written.
    formats = list(r.strs(m, "import_format", "resource"))
    if not formats:
        tail = "/".join(f"{{{{{underscore(x)}}}}}" for x in identity) or "{{name}}"
        formats = [f"{base_url_raw}/{tail}".lstrip("/")]
    first = formats[0]
    if "%" not in first:
        markers = re.findall(r"\{\{\w+\}\}", first)
        formats += [
            "/".join(markers),
            "/".join(x for x in markers if x != "{{project}}"),
            "/".join(x for x in markers if x not in DEFAULTED),
        ]
    unique = list(dict.fromkeys(f for f in formats if f))
    ordered = sorted(unique, key=lambda f: (f.count("/"), f.count("{{")))[::-1]
    return tuple(dict.fromkeys(convert_template(f) for f in ordered))
