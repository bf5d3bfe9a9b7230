"""Magic Modules (mmv1) specs: upstream's naming rules and typed reads over the located tree.

Part of `generator.loaders.mmv1`. `Mmv1Reader` reads keys with the types upstream's Go
structs give them and reports (never raises) anything else; keys a builder does not map are
reported once per occurrence as `mmv1-unsupported-key` and counted by dotted name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ...diagnostics import DiagnosticBag, Location
from ..yaml_source import YMap, YNode, YScalar, YSeq
from .key_reasons import key_reason

UNSUPPORTED = "mmv1-unsupported-key"

# Release stages in upstream's order; a field's `min_version` is compared against these.
VERSION_ORDER = ("ga", "beta", "alpha", "private")

_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD = re.compile(r"([a-z\d])([A-Z])")
_MM_PLACEHOLDER = re.compile(r"\{\{\s*(%?)([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")
_INDEX = re.compile(r"\.\d+(?=\.|$)")


@lru_cache(maxsize=8192)  # the same few thousand names, over and over across a corpus
def underscore(name: str) -> str:
    """Upstream's camel/PascalCase -> snake_case rule (`ipCidrRange` -> `ip_cidr_range`,
    `GKEHub` -> `gke_hub`); dashes and dots become underscores."""
    out = _ACRONYM.sub(r"\1_\2", name)
    out = _WORD.sub(r"\1_\2", out)
    return out.replace("-", "_").replace(".", "_").lower()


def convert_template(template: str) -> str:
    """`projects/{{project}}/x/{{%name}}` -> `projects/{project}/x/{name}`.

    `%` (upstream: do not escape slashes in the value) is dropped and camelCase
    placeholders become the snake_case Terraform names they stand for.
    """
    return _MM_PLACEHOLDER.sub(lambda m: "{" + underscore(m.group(2)) + "}", template)


def strip_indexes(path: str) -> str:
    """`cluster.0.node_config.0.disk` -> `cluster.node_config.disk`."""
    return _INDEX.sub("", path.strip())


def tf_path(path: str) -> str:
    """A relation path as mmv1 writes it (`restoreConfig.0.allNamespaces` happens too) ->
    our dotted snake_case path (`restore_config.all_namespaces`)."""
    return ".".join(underscore(seg) for seg in strip_indexes(path).split(".") if seg)


def version_rank(name: str | None) -> int:
    if name is None:
        return 0
    try:
        return VERSION_ORDER.index(name.strip().lower())
    except ValueError:
        return len(VERSION_ORDER)


# Keys for the tooling around Magic Modules, not for the provider it generates: known and
# deliberately unused, so they are counted (`Mmv1Reader.tooling`) but never warned about.
# docs/spec-format.md lists these rules with their reasons.
TOOLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(^|[._])(tgc|cai)([._]|$)|cai2hcl"),
        "Terraform Google Conversion and Cloud Asset Inventory (TGC/CAI) tooling",
    ),
    (re.compile(r"sweeper"), "test sweepers, which clean up after upstream's test runs"),
    (re.compile(r"(^|\.)skip_vcr$"), "upstream's VCR test recordings"),
    (re.compile(r"(^|\.)oics_"), "Open in Cloud Shell tutorials"),
    (re.compile(r"^resource\.autogen_status$"), "bookkeeping of upstream's spec generator"),
    (re.compile(r"^product\.scopes$"), "OAuth scopes for Magic Modules' other generators"),
)


# Keys that hold upstream's Go code, or steer upstream's Go code generation: mmgen cannot
# carry Go snippets into its targets (port them to mmgen hooks, in Python and Go), so
# they stay `mmv1-unsupported-key` warnings, each with this reason.
GO_CODE_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^custom_code\."),
        "upstream's Go code snippets; port them to mmgen custom-code hooks",
    ),
    (
        re.compile(r"\.(diff_suppress_func|state_func|set_hash_func|custom_diff|key_expander)$"),
        "names a Go function of upstream's provider",
    ),
    (
        re.compile(r"^resource\.autogen_async$"),
        "whether upstream generates its operation-polling Go code; mmgen's targets always do",
    ),
    (
        re.compile(r"^async\.check_response_func_(existence|absence)$"),
        "names a Go function of upstream's provider",
    ),
)


def go_code_reason(name: str) -> str | None:
    """Why a dotted key is upstream's Go code (and stays unsupported), or None."""
    for pattern, why in GO_CODE_REASONS:
        if pattern.search(name):
            return why
    return None


def tooling_reason(name: str) -> str | None:
    """Why a dotted key (`property.is_missing_in_cai`) is for tooling, or None."""
    for pattern, why in TOOLING_RULES:
        if pattern.search(name):
            return why
    return None


@dataclass
class Mmv1Reader:
    """Typed reads over the located tree; wrong types are reported, never raised."""

    bag: DiagnosticBag
    unsupported: Counter[str] = field(default_factory=Counter)
    # Items dropped on purpose because they need a newer API version than the one loaded.
    version_filtered: Counter[str] = field(default_factory=Counter)
    # Keys for upstream's tooling (TOOLING_RULES), by dotted name: ignored without a warning.
    tooling: Counter[str] = field(default_factory=Counter)

    def wrong_type(self, node: YNode, ctx: str, key: str, want: str) -> None:
        self.bag.error(
            "mmv1-wrong-type",
            f"`{ctx}.{key}` must be {want}",
            node.loc,
            f"write `{key}` as {want}, as upstream's Go struct expects",
        )

    def unsupported_keys(self, m: YMap, known: frozenset[str], ctx: str) -> None:
        for k, _ in m.entries:
            key = str(k.value)
            if key not in known:
                self.report_unsupported(f"{ctx}.{key}", k.loc)

    def report_unsupported(self, name: str, loc: Location, why: str = "") -> None:
        if tooling_reason(name) is not None:
            self.tooling[name] += 1
            return
        self.unsupported[name] += 1
        why = why or go_code_reason(name) or key_reason(name) or ""
        self.bag.warning(
            UNSUPPORTED,
            f"`{name}` is not supported by the mmv1 loader yet; ignored"
            + (f" ({why})" if why else ""),
            loc,
            "the model has no place for it; see docs of generator.loaders.mmv1",
        )

    def str_(self, m: YMap, key: str, ctx: str) -> str | None:
        node = m.get(key)
        if node is None:
            return None
        if isinstance(node, YScalar):
            if node.value is None:
                return None
            if isinstance(node.value, str):
                return node.value
            if not isinstance(node.value, bool):
                return node.raw
        self.wrong_type(node, ctx, key, "a string")
        return None

    def bool_(self, m: YMap, key: str, ctx: str) -> bool:
        node = m.get(key)
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return False
        if isinstance(node, YScalar) and isinstance(node.value, bool):
            return node.value
        self.wrong_type(node, ctx, key, "`true` or `false`")
        return False

    def int_(self, m: YMap, key: str, ctx: str) -> int | None:
        node = m.get(key)
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return None
        if (
            isinstance(node, YScalar)
            and isinstance(node.value, int)
            and not isinstance(node.value, bool)
        ):
            return node.value
        self.wrong_type(node, ctx, key, "a whole number")
        return None

    def map_(self, m: YMap, key: str, ctx: str) -> YMap | None:
        node = m.get(key)
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return None
        if isinstance(node, YMap):
            return node
        self.wrong_type(node, ctx, key, "a mapping")
        return None

    def maps(self, m: YMap, key: str, ctx: str) -> list[YMap]:
        node = m.get(key)
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return []
        if not isinstance(node, YSeq):
            self.wrong_type(node, ctx, key, "a list of mappings")
            return []
        out = []
        for item in node.items:
            if isinstance(item, YMap):
                out.append(item)
            else:
                self.wrong_type(item, ctx, key, "a list of mappings")
        return out

    def strs(self, m: YMap, key: str, ctx: str) -> tuple[str, ...]:
        node = m.get(key)
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return ()
        if isinstance(node, YScalar) and isinstance(node.value, str):
            return (node.value,)  # a lone string where upstream takes a list of them
        if not isinstance(node, YSeq):
            self.wrong_type(node, ctx, key, "a list of strings")
            return ()
        out = []
        for item in node.items:
            if isinstance(item, YScalar) and item.value is not None:
                out.append(item.value if isinstance(item.value, str) else item.raw)
            else:
                self.wrong_type(item, ctx, key, "a list of strings")
        return tuple(out)

    def str_pairs(self, m: YMap, key: str, ctx: str) -> list[tuple[YScalar, str]]:
        """A mapping of string to string (e.g. `references.guides`), keys kept located."""
        node = self.map_(m, key, ctx)
        if node is None:
            return []
        out = []
        for k, v in node.entries:
            if isinstance(v, YScalar) and v.value is not None:
                # Upstream reads these as map[string]string: `true` is the text "true".
                out.append((k, v.value if isinstance(v.value, str) else v.raw))
            else:
                self.wrong_type(v, ctx, f"{key}.{k.value}", "a string")
        return out


def key_loc(m: YMap, key: str) -> Location:
    node = m.key_node(key)
    return node.loc if node is not None else m.loc
