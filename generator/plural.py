"""English plurals of resource names, for the sentences a page says about "all of them"
("Batch Accounts can be imported ...") and for ARM collection segments (`.../policies/...`).

Only the last word of a phrase changes. The rules are the regular English ones plus the
irregular words that occur in cloud resource names; a word that already reads as a plural
(`Settings`, `Credentials`) is kept as it is, since "Settingses" is worse than leaving it.
"""

from __future__ import annotations

import re

# Words the suffix rules get wrong, or that have no plural of their own.
_IRREGULAR = {
    "child": "children",
    "children": "children",
    "person": "people",
    "people": "people",
    "alias": "aliases",
    "data": "data",
    "metadata": "metadata",
    "info": "info",
    "software": "software",
    "series": "series",
    "species": "species",
}
# A trailing "s" that is not "ss", "us" or "is" reads as a plural already (Settings, Jobs).
_ALREADY_PLURAL = re.compile(r"[^siu]s$", re.I)


def plural_word(word: str) -> str:
    """`policy` -> `policies`, `access` -> `accesses`, `entry` -> `entries`, `job` -> `jobs`,
    `analysis` -> `analyses`; `Settings` stays `Settings`; an acronym takes a small `s`
    (`API` -> `APIs`)."""
    if not word or not word[-1].isalpha():
        return word
    low = word.lower()
    upper = word.isupper() and len(word) > 1
    if low in _IRREGULAR:
        out = _IRREGULAR[low]
        return out.upper() if upper else word[:1] + out[1:]
    if _ALREADY_PLURAL.search(low):
        return word
    if low.endswith("is") and len(low) > 3:
        stem, tail = word[:-2], "es"  # analysis -> analyses, axis -> axes
    elif re.search(r"(?:s|x|z|ch|sh)$", low):
        stem, tail = word, "es"
    elif re.search(r"[^aeiou]y$", low):
        stem, tail = word[:-1], "ies"
    else:
        stem, tail = word, "s"
    return stem + tail


def plural(phrase: str) -> str:
    """The plural of a phrase: its last word made plural (`Batch AI Job` -> `Batch AI Jobs`,
    `container_group` -> `container_groups`)."""
    m = re.search(r"([A-Za-z]+)([^A-Za-z]*)$", phrase)
    if m is None:
        return phrase
    return phrase[: m.start(1)] + plural_word(m.group(1)) + m.group(2)
