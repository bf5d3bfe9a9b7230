"""Writing arbitrary strings into spec files, for property tests."""

from __future__ import annotations


def yaml_quoted(value: str) -> str:
    """A YAML double-quoted scalar equal to `value`: printable ASCII as is, the rest escaped.

    Not `json.dumps`: JSON writes characters beyond U+FFFF as surrogate pairs, which mmgen
    rejects as lone surrogates (YAML has `\\U` for them), so such examples never ran.
    """
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            out.append(f"\\U{ord(ch):08x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return '"' + "".join(out) + '"'
