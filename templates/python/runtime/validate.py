"""Configuration validation with diagnostics that point at the offending attribute.

Works on the raw configuration (nested dicts/lists, possibly holding ``Unknown``); unknown
values are skipped because they can only be checked once known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tf.types import Unknown

from .blocks import to_number
from .spec import Field, ResourceSpec
from .tfschema import TIMEOUT_OPERATIONS, is_block
from .timeouts import parse_duration

# Internal location: names and ("index",) steps for every list/set element.
Loc = list[Any]


def _present(value: Any) -> bool:
    """Configured at all: null and an empty block list count as absent; Unknown as present."""
    if value is None:
        return False
    if isinstance(value, (list, dict)) and not value:
        return False
    return True


@dataclass
class _Run:
    spec: ResourceSpec
    root: dict[str, Any]
    diags: Any
    reported: set[tuple[Any, ...]] = field(default_factory=set)

    def error(self, summary: str, detail: str, path: list[Any]) -> None:
        self.diags.add_error(summary, detail, path=path)

    # ------------------------------------------------------------ lookups

    def lookup(self, dotted: str, anchor: Loc) -> list[Any]:
        """Values at a dotted root path; inside the anchor's own block elements only."""
        parts = dotted.split(".")
        found: list[Any] = []
        self._walk(self.root, self.spec.fields, parts, 0, anchor, 0, True, found)
        return found

    def _walk(
        self,
        obj: Any,
        fields: tuple[Field, ...],
        parts: list[str],
        i: int,
        anchor: Loc,
        apos: int,
        following: bool,
        found: list[Any],
    ) -> None:
        if obj is Unknown:
            found.append(Unknown)
            return
        if not isinstance(obj, dict):
            return
        f = next((c for c in fields if c.name == parts[i]), None)
        if f is None:
            return
        value = obj.get(f.name)
        if i == len(parts) - 1 or value is None:
            found.append(value)
            return
        if value is Unknown:
            found.append(Unknown)
            return
        following = following and apos < len(anchor) and anchor[apos] == f.name
        if f.kind == "single":
            self._walk(value, f.children, parts, i + 1, anchor, apos + 1, following, found)
            return
        if following and apos + 1 < len(anchor) and isinstance(anchor[apos + 1], tuple):
            idx = anchor[apos + 1][0]
            if isinstance(value, list) and idx < len(value):
                self._walk(value[idx], f.children, parts, i + 1, anchor, apos + 2, True, found)
            return
        for item in value if isinstance(value, list) else []:
            self._walk(item, f.children, parts, i + 1, anchor, apos + 2, False, found)

    def any_present(self, dotted: str, anchor: Loc) -> tuple[bool, bool]:
        """(some value is known and set, some value is unknown)."""
        values = self.lookup(dotted, anchor)
        known = any(_present(v) and v is not Unknown for v in values)
        unknown = any(v is Unknown for v in values)
        return known, unknown


def _diag_path(loc: Loc, set_positions: set[int]) -> list[Any]:
    # Set elements have no index in Terraform paths: drop those steps.
    return [step for pos, step in enumerate(loc) if pos not in set_positions]


def validate_config(spec: ResourceSpec, config: dict[str, Any] | None, diags: Any) -> None:
    if not isinstance(config, dict):
        return
    if spec.deprecation:
        # As terraform-plugin-framework warns for a deprecated resource schema.
        diags.add_warning("Deprecated", spec.deprecation)
    run = _Run(spec, config, diags)
    _validate_level(run, spec.fields, config, [], set(), "")
    _validate_timeouts(config.get("timeouts"), diags)


def _validate_timeouts(block: Any, diags: Any) -> None:
    if not isinstance(block, dict):
        return
    for op in TIMEOUT_OPERATIONS:
        value = block.get(op)
        if isinstance(value, str):
            try:
                parse_duration(value)
            except ValueError as exc:
                diags.add_error("Invalid timeout", str(exc), path=["timeouts", op])


def _validate_level(
    run: _Run,
    fields: tuple[Field, ...],
    obj: dict[str, Any],
    loc: Loc,
    set_positions: set[int],
    prefix: str,
) -> None:
    for f in fields:
        value = obj.get(f.name)
        floc = loc + [f.name]
        path = _diag_path(floc, set_positions)
        dotted = prefix + f.name
        _check_relations(run, f, dotted, value, floc, path)
        if value is None or value is Unknown:
            continue
        if f.deprecation and _present(value):
            run.diags.add_warning(f"Argument {dotted} is deprecated", f.deprecation, path=path)
        if is_block(f):
            _validate_block(run, f, value, floc, set_positions, dotted)
        elif not f.children:
            _check_value(run, f, value, path)


def _validate_block(
    run: _Run, f: Field, value: Any, floc: Loc, set_positions: set[int], dotted: str
) -> None:
    if f.kind == "single":
        if isinstance(value, dict):
            _validate_level(run, f.children, value, floc, set_positions, dotted + ".")
        return
    if not isinstance(value, list):
        return
    path = _diag_path(floc, set_positions)
    if value or f.presence == "required":  # no blocks written: an optional block is absent
        _check_count(run, f, len(value), path)
    positions = set_positions | ({len(floc)} if f.kind == "set" else set())
    for idx, item in enumerate(value):
        if isinstance(item, dict):
            _validate_level(run, f.children, item, floc + [(idx,)], positions, dotted + ".")


def _check_count(run: _Run, f: Field, count: int, path: list[Any]) -> None:
    if f.min_items is not None and count < f.min_items:
        run.error(
            f"Too few items in {f.name}",
            f"{f.name} needs at least {f.min_items} item(s), got {count}.",
            path,
        )
    if f.max_items is not None and count > f.max_items:
        run.error(
            f"Too many items in {f.name}",
            f"{f.name} allows at most {f.max_items} item(s), got {count}.",
            path,
        )


def _check_value(run: _Run, f: Field, value: Any, path: list[Any]) -> None:
    if f.kind == "map" and isinstance(value, dict):
        _check_count(run, f, len(value), path)
        for key, item in value.items():
            _check_scalar(run, f, f.element_kind or "string", item, path + [(str(key),)])
    elif f.kind in ("list", "set") and isinstance(value, list):
        _check_count(run, f, len(value), path)
        for idx, item in enumerate(value):
            item_path = path + [(idx,)] if f.kind == "list" else path
            _check_scalar(run, f, f.element_kind or "string", item, item_path)
    else:
        _check_scalar(run, f, f.kind, value, path)


def _check_scalar(run: _Run, f: Field, kind: str, value: Any, path: list[Any]) -> None:
    if value is None or value is Unknown:
        return
    if kind in ("integer", "number"):
        value = to_number(value)  # raw config: fractional numbers are decimal strings
    # A sensitive value never reaches a message (Terraform prints diagnostics, CI logs them).
    shown = "(sensitive value)" if f.sensitive else repr(value)
    if f.enum_values and value not in f.enum_values:
        allowed = ", ".join(repr(v) for v in f.enum_values)
        run.error(
            f"Invalid value for {f.name}",
            f"Expected one of {allowed}, got {shown}.",
            path,
        )
    if kind == "string" and isinstance(value, str):
        if f.regex is not None and re.search(f.regex, value) is None:
            run.error(
                f"Invalid value for {f.name}",
                (
                    f"{shown} {f.regex_message}."
                    if f.regex_message
                    else f"{shown} does not match the pattern {f.regex!r}."
                ),
                path,
            )
        if f.min_length is not None and len(value) < f.min_length:
            run.error(
                f"Value of {f.name} is too short",
                f"Length must be at least {f.min_length}, got {len(value)}.",
                path,
            )
        if f.max_length is not None and len(value) > f.max_length:
            run.error(
                f"Value of {f.name} is too long",
                f"Length must be at most {f.max_length}, got {len(value)}.",
                path,
            )
    if kind in ("integer", "number") and isinstance(value, (int, float)):
        if kind == "integer" and isinstance(value, float) and not value.is_integer():
            run.error(f"Invalid value for {f.name}", f"Expected a whole number, got {shown}.", path)
        if f.minimum is not None and value < f.minimum:
            run.error(
                f"Value of {f.name} is out of range",
                f"Must be at least {f.minimum:g}, got {shown}.",
                path,
            )
        if f.maximum is not None and value > f.maximum:
            run.error(
                f"Value of {f.name} is out of range",
                f"Must be at most {f.maximum:g}, got {shown}.",
                path,
            )


def _check_relations(
    run: _Run, f: Field, dotted: str, value: Any, floc: Loc, path: list[Any]
) -> None:
    self_known = _present(value) and value is not Unknown
    self_any = _present(value)
    if f.conflicts_with and self_known:
        for other in f.conflicts_with:
            if run.any_present(other, floc)[0]:
                run.error(
                    f"Conflicting arguments: {dotted}",
                    f'"{dotted}" cannot be specified when "{other}" is specified.',
                    path,
                )
    if f.required_with and self_any:
        for other in f.required_with:
            known, unknown = run.any_present(other, floc)
            if not known and not unknown:
                run.error(
                    f"Missing required argument for {dotted}",
                    f'"{dotted}" requires "{other}" to be specified too.',
                    path,
                )
    container = tuple(str(s) for s in floc[:-1])
    if f.exactly_one_of:
        group = tuple(sorted(set(f.exactly_one_of) | {dotted}))
        states = [run.any_present(g, floc) for g in group]
        count = sum(1 for k, _ in states if k)
        unknown = any(u for _, u in states)
        key = ("exactly_one_of", group, container)
        if key not in run.reported and (count > 1 or (count == 0 and not unknown)):
            run.reported.add(key)
            run.error(
                "Invalid combination of arguments",
                f"Exactly one of {', '.join(group)} must be specified, got {count}.",
                path,
            )
    if f.at_least_one_of:
        group = tuple(sorted(set(f.at_least_one_of) | {dotted}))
        states = [run.any_present(g, floc) for g in group]
        key = ("at_least_one_of", group, container)
        if key not in run.reported and not any(k or u for k, u in states):
            run.reported.add(key)
            run.error(
                "Invalid combination of arguments",
                f"At least one of {', '.join(group)} must be specified.",
                path,
            )
