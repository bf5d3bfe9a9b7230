"""Check a located YAML tree against a declared shape; report every mismatch."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from ..diagnostics import DiagnosticBag, Location
from .shapes import AnyScalar, Bool, Int, ListOf, MapOf, Nullable, Num, Obj, Ref, Shape, Str
from .yaml_source import YMap, YNode, YScalar, YSeq

# Keys that people coming from other generators write by habit, and what to write instead.
# Consulted before plain spelling suggestions, so `required: true` gets a useful answer.
KEY_ALIASES: Mapping[str, Mapping[str, str]] = {
    "Property": {
        "required": "presence: required",
        "output": "presence: computed",
        "computed": "presence: computed",
        "optional": "presence: optional",
        "immutable": "forces_new: true",
        "default_value": "default",
        "values": "enum_values",
        "item_type_properties": "properties",
    },
}


def did_you_mean(word: str, candidates: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


# What other languages call the spec's types: `type: List` is `Array` here. Used only when
# the synonym's value is among the allowed ones, so other enums are unaffected.
SYNONYMS = {
    "list": "Array",
    "array": "Array",
    "sequence": "Array",
    "tuple": "Array",
    "set": "Array",
    "str": "String",
    "string": "String",
    "text": "String",
    "int": "Integer",
    "integer": "Integer",
    "long": "Integer",
    "int64": "Integer",
    "float": "Double",
    "double": "Double",
    "number": "Double",
    "bool": "Boolean",
    "boolean": "Boolean",
    "dict": "Map",
    "map": "Map",
    "hash": "Map",
    "object": "NestedObject",
    "struct": "NestedObject",
    "block": "NestedObject",
}
_SYNONYM_NOTES = {
    "set": " (with `is_set: true`)",
    "dict": " (or `NestedObject` for a block of named fields)",
    "map": " (or `NestedObject` for a block of named fields)",
}


def _did_you_mean_hint(guess: str) -> str:
    value, _, note = guess.partition(" (")
    return f"did you mean `{value}`" + (f" ({note}" if note else "") + "?"


def enum_guess(word: str, allowed: list[str]) -> str | None:
    """The allowed value `word` most likely means: the same word in another case, a
    synonym (`List` -> `Array`, `Str` -> `String`), else the closest spelling."""
    lower = word.strip().lower()
    same = [a for a in allowed if a.lower() == lower]
    if same:
        return same[0]
    synonym = SYNONYMS.get(lower)
    if synonym in allowed:
        return synonym + _SYNONYM_NOTES.get(lower, "")
    return did_you_mean(word, allowed)


def _type_name(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    v = node.value
    if v is None:
        return "null"
    if isinstance(v, bool):
        return f"the boolean `{node.raw}`"
    if isinstance(v, (int, float)):
        return f"the number `{node.raw}`"
    return f"the string `{_clip(node.raw)}`"


_WRONG_TYPE_HINTS = {
    "a list": "write a YAML list, e.g. `[a, b]` or one `- item` per line",
    "a string": "write text; quote it if YAML would read it as something else",
    "an integer": "write a whole number without quotes",
    "a number": "write a number without quotes",
    "true or false": "write `true` or `false` without quotes",
    "a mapping": "write `key: value` pairs indented under this key",
}


def snake_case(text: str) -> str:
    """A best-effort snake_case spelling of a name, for hints: `nodeCount` -> `node_count`."""
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)  # VMSize -> VM_Size
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words)  # nodeCount -> node_Count
    words = re.sub(r"[^A-Za-z0-9]+", "_", words).strip("_").lower()
    return re.sub(r"_+", "_", words)


def snake_hint(text: str) -> str:
    guess = snake_case(text)
    rule = "use lower case letters, digits and single underscores, starting with a letter"
    if guess and guess != text and re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", guess):
        return f"{rule}, e.g. `{guess}`"
    return rule


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class ShapeChecker:
    def __init__(self, named: Mapping[str, Obj], diags: DiagnosticBag) -> None:
        self.named = named
        self.diags = diags

    def check(self, node: YNode, shape: Shape, where: str) -> None:
        if isinstance(shape, Ref):
            self.check(node, self.named[shape.name], where)
        elif isinstance(shape, Nullable):
            if not (isinstance(node, YScalar) and node.value is None):
                self.check(node, shape.inner, where)
        elif isinstance(shape, Obj):
            self._object(node, shape, where)
        elif isinstance(shape, ListOf):
            if not isinstance(node, YSeq):
                self._wrong(node, where, "a list")
                return
            for i, item in enumerate(node.items):
                # Name list items by their `name` when they have one: `properties[node_count]`.
                label = str(i)
                if isinstance(item, YMap):
                    named = item.get("name")
                    if isinstance(named, YScalar) and isinstance(named.value, str):
                        label = named.value
                self.check(item, shape.item, f"{where}[{label}]")
        elif isinstance(shape, MapOf):
            if not isinstance(node, YMap):
                self._wrong(node, where, "a mapping")
                return
            for k, v in node.entries:
                key = str(k.value)
                if shape.key_pattern and not re.fullmatch(shape.key_pattern, key):
                    self.diags.error(
                        "invalid-name",
                        f"`{key}` in {where} is not a snake_case name",
                        k.loc,
                        snake_hint(key),
                    )
                self.check(v, shape.value, f"{where}.{key}")
        else:
            self._scalar(node, shape, where)

    def _object(self, node: YNode, shape: Obj, where: str) -> None:
        if not isinstance(node, YMap):
            self._wrong(node, where, f"a mapping ({shape.name})")
            return
        known = list(shape.keys)
        for k, v in node.entries:
            key = k.value
            if not isinstance(key, str):
                self.diags.error(
                    "wrong-type",
                    f"key {_type_name(k)} in {where} must be a string",
                    k.loc,
                    "keys are names like `description`; check the spelling and indentation",
                )
                continue
            spec = shape.keys.get(key)
            if spec is None:
                self._unknown_key(k, key, shape, known, where)
                continue
            self.check(v, spec.shape, f"{where}.{key}")
        for key, spec in shape.keys.items():
            if spec.required and node.get(key) is None:
                self.diags.error(
                    "missing-key",
                    f"{where} is missing the required key `{key}`",
                    node.loc,
                    f"add `{key}:` ({spec.shape.doc or shape.name})",
                )

    def _unknown_key(self, k: YScalar, key: str, shape: Obj, known: list[str], where: str) -> None:
        aliases = KEY_ALIASES.get(shape.name, {})
        alias = aliases.get(key)
        # Habitual keys (`required`, `output`) are candidates too, so a misspelt
        # `requried` is matched to `required` and told to write `presence: required`.
        guess = did_you_mean(key, known + [a for a in aliases if a not in known])
        if guess is not None and guess in aliases and guess not in known:
            alias = aliases[guess]
        hint = ""
        if guess is not None and alias is not None:
            hint = f"did you mean `{guess}`? (write `{alias}`)"
        elif guess is not None:
            hint = f"did you mean `{guess}`?"
        elif alias is not None:
            hint = f"write `{alias}` instead"
        else:
            hint = "known keys: " + ", ".join(sorted(known))
        self.diags.error("unknown-key", f"unknown key `{key}` in {where}", k.loc, hint)

    def _scalar(self, node: YNode, shape: Shape, where: str) -> None:
        if not isinstance(node, YScalar):
            expected = {
                Str: "a string",
                Int: "an integer",
                Num: "a number",
                Bool: "true or false",
            }.get(type(shape), "a scalar")
            self._wrong(node, where, expected)
            return
        v = node.value
        if isinstance(shape, Str):
            if v is None or isinstance(v, bool) or not isinstance(v, (str, int, float)):
                self._wrong(node, where, "a string")
                return
            text = node.raw if not isinstance(v, str) else v
            if shape.enum and text not in shape.enum:
                guess = enum_guess(text, list(shape.enum))
                self.diags.error(
                    "invalid-value",
                    f"{where} is `{_clip(text)}`, expected one of: {', '.join(shape.enum)}",
                    node.loc,
                    (
                        _did_you_mean_hint(guess)
                        if guess
                        else "use one of the listed values (case matters)"
                    ),
                )
            elif shape.pattern and not re.fullmatch(shape.pattern, text):
                self.diags.error(
                    "invalid-name",
                    f"{where} `{_clip(text)}` is not {shape.rule or 'a snake_case name'}",
                    node.loc,
                    f"write {shape.rule}" if shape.rule else snake_hint(text),
                )
        elif isinstance(shape, Int):
            if isinstance(v, bool) or not isinstance(v, int):
                self._wrong(node, where, "an integer")
            elif shape.minimum is not None and v < shape.minimum:
                self.diags.error(
                    "invalid-value",
                    f"{where} is {v}, but must be at least {shape.minimum}",
                    node.loc,
                    f"use a value of {shape.minimum} or more",
                )
        elif isinstance(shape, Num):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                self._wrong(node, where, "a number")
        elif isinstance(shape, Bool):
            if not isinstance(v, bool):
                self._wrong(node, where, "true or false")
        elif isinstance(shape, AnyScalar):
            if v is None:
                self._wrong(node, where, "a string, number or boolean")

    def _wrong(self, node: YNode, where: str, expected: str) -> None:
        hint = _WRONG_TYPE_HINTS.get(expected, "")
        if expected.startswith("a mapping"):
            hint = _WRONG_TYPE_HINTS["a mapping"]
        self.diags.error(
            "wrong-type",
            f"{where} must be {expected}, not {_type_name(node)}",
            node.loc,
            hint,
        )


def location_of(node: YNode | None, fallback: Location) -> Location:
    return node.loc if node is not None else fallback
