"""Each thing said once in a bullet: no sentence twice ("Changing this forces a new X to be
created." at the end of a text that already says it), and no list of values given twice
in other words ("Possible values are `A` and `B`." beside "Valid values are `A` or
`B`.")."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Location
from .codes import finding
from .fields import BlockSection, Field, plain_links
from .page import Page, locate

# Abbreviations whose full stop does not end a sentence.
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|etc|vs|eg|approx|incl|no)\.", re.I)
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z`'\"(\[~*])")
_FORCES_NEW = re.compile(
    r"^changing this (?:will )?forces? (?:a )?new\b.*\bto be (?:re)?created$", re.I
)
_VALUES_PHRASE = re.compile(
    r"\b(?:(?:possible|valid|allowed|permitted|accepted|supported)\s+(?:values?|options?)\s+"
    r"(?:are|is|include|includes)|the only possible value is|must be one of|can be one of|"
    r"may be one of|one of)\b\s*:?\s*",
    re.I,
)
_VALUE = re.compile(r"`([^`]+)`|'([^'\n]+)'|\"([^\"\n]+)\"")
_SEP = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|\s+and\s+|\s+or\s+|&)\s*", re.I)


def _sentences(text: str) -> list[str]:
    protected = _ABBREV.sub(lambda m: m.group(0).replace(".", "\0"), " ".join(text.split()))
    return [s.replace("\0", ".") for s in _SPLIT.split(protected) if s.strip()]


def _norm(sentence: str) -> str:
    low = sentence.lower().strip().rstrip(".!?:;").strip()
    if _FORCES_NEW.match(low):
        return "<changing this forces a new resource to be created>"
    return low


def _values(sentence: str) -> tuple[str, ...]:
    """The values a "Possible values are ..." phrase lists, sorted; () for none."""
    m = _VALUES_PHRASE.search(sentence)
    if m is None:
        return ()
    values: list[str] = []
    pos = m.end()
    while True:
        v = _VALUE.match(sentence, pos)
        if v is None:
            break
        values.append(next(g for g in v.groups() if g is not None))
        pos = v.end()
        sep = _SEP.match(sentence, pos)
        if sep is None:
            break
        pos = sep.end()
    return tuple(sorted(set(values))) if len(values) >= 2 else ()


def check_sentences(page: Page, sections: list[BlockSection]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for sec in sections:
        for f in sec.fields:
            out += _check(page, f)
    return out


def _check(page: Page, f: Field) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    said: dict[str, str] = {}
    listed: dict[tuple[str, ...], str] = {}
    for sentence in _sentences(plain_links(f.description)):
        key = _norm(sentence)
        if len(key.split()) < 2:
            continue
        if key in said:
            first = said[key]
            message = (
                f'`{f.name}` says "{_short(sentence)}" twice'
                if first == sentence
                else f'`{f.name}` says the same thing twice: "{_short(first)}" and '
                f'"{_short(sentence)}"'
            )
            out.append(
                finding(
                    "lint-sentence-repeated",
                    message,
                    _where(page, f, sentence),
                    "say it once: remove the second copy",
                )
            )
            continue
        said[key] = sentence
        values = _values(sentence)
        if values and values in listed:
            out.append(
                finding(
                    "lint-values-repeated",
                    f"`{f.name}` lists the values {', '.join(f'`{v}`' for v in values)} twice "
                    f'("{_short(listed[values])}" and "{_short(sentence)}")',
                    _where(page, f, sentence),
                    'keep one "Possible values are ..." sentence',
                )
            )
        elif values:
            listed[values] = sentence
    return out


def _short(sentence: str, limit: int = 80) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 3] + "..."


def _where(page: Page, f: Field, sentence: str) -> Location:
    """The last place in the bullet where the sentence starts (the repeat). The sentence
    may wrap in the page, so its first 30 characters are looked for, then its first two
    words; the bullet's own place when neither is on one line."""
    loc = f.loc
    span = [loc.line - 1, f.end - 1]
    for needle in (sentence[:30], " ".join(sentence.split()[:2])):
        found = None
        cursor = (loc.line - 1, loc.col)
        while True:
            line, col, after = locate(page.lines, span, needle, cursor)
            if after == cursor:
                break
            found, cursor = (line, col), after
        if found is not None:
            return Location(loc.file, found[0], found[1])
    return loc
