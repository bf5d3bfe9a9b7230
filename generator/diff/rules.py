"""The rules `mmgen diff` checks, each with a stable id, a one-line explanation and a kind.

Ids follow the anchors of Magic Modules' "Types of breaking changes" page where it has one
(`field-changing-type`, `resource-id`, ...), so a reviewer who knows upstream's detector
recognises them; docs/diff.md has an entry with an example for each (a test checks it).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    BREAKING = "breaking"  # fails the diff (exit 1) unless allowed
    WARNING = "warning"  # needs a reviewer's look; never fails the diff
    INFO = "info"  # a non-breaking change, for the pull-request summary


@dataclass(frozen=True)
class Rule:
    id: str
    kind: Kind
    title: str
    explanation: str  # one line: why it breaks users (or what it is)
    # False: the model has no such concept, so the rule is documented but never fires.
    detectable: bool = True


_RULES = (
    # --- resource level -----------------------------------------------------------------
    Rule(
        "resource-map-resource-removal-or-rename",
        Kind.BREAKING,
        "Resource removed or renamed",
        "configurations that use the old resource type stop working",
    ),
    Rule(
        "resource-id",
        Kind.BREAKING,
        "Resource ID format changed",
        "IDs already in state no longer parse, so existing resources cannot be read",
    ),
    Rule(
        "resource-import-format",
        Kind.BREAKING,
        "Import ID format removed or changed",
        "`terraform import` commands and import blocks written for the old format fail",
    ),
    Rule(
        "resource-deletion-behavior",
        Kind.BREAKING,
        "Deletion behavior changed",
        "`terraform destroy` now keeps, refuses or deletes differently than users expect",
    ),
    Rule(
        "resource-removing-update",
        Kind.BREAKING,
        "Update support removed",
        "a change that used to update in place now destroys and recreates the resource",
    ),
    # --- field level --------------------------------------------------------------------
    Rule(
        "resource-schema-field-removal-or-rename",
        Kind.BREAKING,
        "Field removed or renamed",
        "configurations that set it, and references to it, stop working",
    ),
    Rule(
        "field-changing-type",
        Kind.BREAKING,
        "Field type changed",
        "values written for the old type (primitive, list or set, block) no longer fit",
    ),
    Rule(
        "field-optional-to-required",
        Kind.BREAKING,
        "Optional field made required",
        "configurations that leave it unset stop validating",
    ),
    Rule(
        "field-new-required",
        Kind.BREAKING,
        "New required field",
        "existing configurations do not set it; only a new optional ancestor makes it safe",
    ),
    Rule(
        "resource-schema-field-addition-of-exactly-one-of",
        Kind.BREAKING,
        "New or changed exactly_one_of",
        "fields that were optional and independent become required or conflicting",
    ),
    Rule(
        "field-new-constraint",
        Kind.BREAKING,
        "New conflicts_with, required_with or at_least_one_of",
        "combinations of fields that used to be accepted are now rejected",
    ),
    Rule(
        "field-becoming-computed",
        Kind.BREAKING,
        "Settable field made output-only",
        "configurations that set it stop validating",
    ),
    Rule(
        "field-oc-to-c",
        Kind.BREAKING,
        "API-side default removed (default_from_api)",
        "the value the API chose is no longer kept, so unset fields show a diff",
    ),
    Rule(
        "field-changing-default-value",
        Kind.BREAKING,
        "Default added, changed or removed",
        "every configuration that leaves the field unset plans a change (maybe a replacement)",
    ),
    Rule(
        "field-new-default-forces-new",
        Kind.BREAKING,
        "New field with a default that forces replacement (or acts client-side)",
        "every existing resource plans the default; replaced, or behaving differently",
    ),
    Rule(
        "field-changing-data-format",
        Kind.BREAKING,
        "How the field's value is stored in state changed",
        "values in state differ from what the new flattener reads, so plans show a diff",
    ),
    Rule(
        "field-removing-diff-suppress",
        Kind.BREAKING,
        "Diff suppression removed",
        "differences that were suppressed show as changes",
        detectable=False,
    ),
    Rule(
        "field-adding-forces-new",
        Kind.BREAKING,
        "Field now forces replacement",
        "a change that used to update in place now destroys and recreates the resource",
    ),
    Rule(
        "field-growing-min",
        Kind.BREAKING,
        "min_items raised",
        "lists with fewer items than the new minimum stop validating",
    ),
    Rule(
        "field-shrinking-max",
        Kind.BREAKING,
        "max_items lowered",
        "lists with more items than the new maximum stop validating",
    ),
    Rule(
        "field-adding-validation",
        Kind.BREAKING,
        "Validation added",
        "values accepted before may now be rejected (regex, length, range, enum)",
    ),
    Rule(
        "field-tightening-validation",
        Kind.BREAKING,
        "Validation tightened",
        "values accepted before are rejected (bounds narrowed, regex changed, enum values "
        "removed, a parent id's form changed)",
    ),
    # --- review detectors ---------------------------------------------------------------
    Rule(
        "field-new-with-default",
        Kind.WARNING,
        "New field with a default",
        "existing resources plan the default unless it equals what the API already does",
    ),
    Rule(
        "field-untested",
        Kind.WARNING,
        "New field no example sets",
        "no example (and so no acceptance test) sets the new field",
    ),
    Rule(
        "field-undocumented",
        Kind.WARNING,
        "New field without a description",
        "the docs page says nothing about the new field",
    ),
    # --- non-breaking -------------------------------------------------------------------
    Rule("resource-added", Kind.INFO, "Resource added", "a new resource type"),
    Rule("field-added", Kind.INFO, "Field added", "a new optional or output-only field"),
    Rule(
        "field-loosening",
        Kind.INFO,
        "Field relaxed",
        "made optional, API default added, validation widened, enum values added or update "
        "support added",
    ),
    Rule("field-deprecated", Kind.INFO, "Field deprecated", "a deprecation message was added"),
    Rule(
        "docs-changed",
        Kind.INFO,
        "Docs changed",
        "a description, example or reference changed: the docs page changes",
    ),
    Rule(
        "other-change",
        Kind.INFO,
        "Other change",
        "a model attribute no rule above covers changed (API names, URLs, timeouts, ...)",
    ),
)

RULES: dict[str, Rule] = {r.id: r for r in _RULES}
BREAKING_IDS = tuple(r.id for r in _RULES if r.kind is Kind.BREAKING)


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]
