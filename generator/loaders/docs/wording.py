"""The wording rules that read one bullet: presence, forces_new, a block reference, and a
plain value's type, enum values, range and default.

Every function is pure: what it had to infer comes back as notes, in the order it inferred
them, for the caller to record as guesses.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...model.nodes import Presence, Scalar, Type, TypeKind, Validation

_BLOCK_REF = re.compile(r"`(\w+)`\s+(blocks?)\b")
_FORCES_NEW = re.compile(
    r"changing this (?:will )?forces? (?:a )?new\b[^.]*?\bto be (?:re)?created", re.I
)
_NUM = r"-?\d+(?:\.\d+)?"
_RANGES = (
    re.compile(rf"\bbetween\s+`?({_NUM})`?\s*(?:-|\u2013|and|to)\s*`?({_NUM})`?", re.I),
    re.compile(rf"\brange\s+from\s+`?({_NUM})`?(?:\s*\([^)]*\))?\s+to\s+`?({_NUM})`?", re.I),
)
_ENUM_PHRASE = re.compile(
    r"\b(?:(?:the\s+)?(?:possible|valid|valida|allowed|permitted|accepted|supported)\s+"
    r"(?:values?|options?)\s+(?:are|is|include|includes)|the only possible value is|must be one of)"
    r"\s*:?\s*",
    re.I,
)
_QUOTED = re.compile(r"`([^`]+)`|'([^'\n]+)'|\"([^\"\n]+)\"")
_SEP = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|\s+and\s+|\s+or\s+|&|/)\s*", re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w.-]*")
_DEFAULTS = (
    re.compile(r"\bdefaults? (?:to|is) `([^`]*)`", re.I),
    re.compile(r"\bdefault(?: value)? is `([^`]*)`", re.I),
    re.compile(r"\bdefaults? (?:to|is) ([\w+-]+(?:\.\w+)*)(?=[.;,](?:\s|$)|$)", re.I),
    re.compile(r"\bdefault(?: value)? is ([\w+-]+(?:\.\w+)*)(?=[.;,](?:\s|$)|$)", re.I),
)
_MAP = re.compile(r"\bmap(?:ping)? of\b|\bmap/dictionary\b|\bkey[/-]value pairs\b", re.I)
_LIST = re.compile(r"\b(list|set) of\b", re.I)
_BOOL_NAME = re.compile(r"^(?:is|enable|enabled)_|_enabled$|^enabled$")
_BOOL_TEXT = re.compile(
    r"^(?:should|whether|is|are|does|boolean|specifies (?:whether|if)|specify (?:whether|if)"
    r"|determines whether)\b",
    re.I,
)
_INT_NAME = re.compile(r"(?:^|_)(?:count|seconds|minutes|hours|days|milliseconds|port|retries)$")
_INT_TEXT = re.compile(
    r"^(?:the |specifies the |specify the )?(?:(?:maximum|minimum) )?number of\b|^how many\b", re.I
)


class BlockRef(NamedTuple):
    """A bullet's "A `name` block as defined below." reference."""

    name: str
    cardinality: str  # single | list | set
    stated: bool  # whether the page says how many


class ScalarReading(NamedTuple):
    type: Type
    default: Scalar | None
    validation: Validation
    notes: list[str]


def _flags(flag: str) -> set[str]:
    return {s.strip().lower() for s in flag.split(",")}


def read_presence(flag: str, computed: bool) -> tuple[Presence, str | None]:
    """The presence from a "(Required)" marker, and a note when it had to be assumed."""
    flags = _flags(flag)
    if computed:
        note = None
        if flags & {"required", "optional"}:
            note = f"marked ({flag}) in a block of the Attributes Reference; loaded as computed"
        return Presence.COMPUTED, note
    if "required" in flags:
        return Presence.REQUIRED, None
    if "optional" in flags:
        return Presence.OPTIONAL, None
    return Presence.OPTIONAL, "no (Required)/(Optional) marker; assumed optional"


def is_deprecated(flag: str) -> bool:
    return "deprecated" in _flags(flag)


def forces_new(head: str) -> bool:
    return bool(_FORCES_NEW.search(head))


def block_ref(head: str) -> BlockRef | None:
    """The block a bullet's head refers to as "defined below", and how many of it."""
    for m in _BLOCK_REF.finditer(head):
        tail = re.split(r"\.(?:\s|$)", head[m.end() :], maxsplit=1)[0]
        if "below" not in tail.lower():
            continue
        sentence = re.split(r"\.\s+", head[: m.start()])[-1]
        if re.search(r"\bset of\b", sentence, re.I):
            return BlockRef(m.group(1), "set", True)
        many = r"\b(?:one or more|zero or more|list of|multiple|any number of)\b"
        if m.group(2) == "blocks" or re.search(many, sentence, re.I):
            return BlockRef(m.group(1), "list", True)
        if re.search(r"\b(?:one|an?|single|exactly one)\s*$", sentence, re.I):
            return BlockRef(m.group(1), "single", True)
        lm = re.match(r"(?:an?\s+)?(list|set) of\b", head, re.I)
        return BlockRef(m.group(1), (lm.group(1).lower() if lm else "single"), False)
    return None


def _parse_list(text: str, pos: int = 0) -> tuple[list[str], int]:
    """Quoted values separated by `,`/and/or/&, from `pos`; returns (values, end)."""
    values: list[str] = []
    while True:
        m = _QUOTED.match(text, pos)
        if m is None:
            return values, pos
        values.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
        sep = _SEP.match(text, pos)
        if sep is None or not _QUOTED.match(text, sep.end()):
            return values, pos
        pos = sep.end()


def _enum_values(head: str) -> tuple[list[str], str]:
    """The listed values and how they were written, else ([], "")."""
    m = _ENUM_PHRASE.search(head)
    if m:
        values, _ = _parse_list(head, m.end())
        if values:
            return values, "a list of values"
        segment = re.split(r"\.(?:\s|$)|[;(]", head[m.end() :], maxsplit=1)[0]
        words = [
            w.strip().rstrip(".")
            for w in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", segment)
        ]
        if words and all(_WORD.fullmatch(w) for w in words):
            return words, "an unquoted list of values"
    for start in [0] + [m.end() for m in re.finditer(r"\.\s+", head)]:
        values, end = _parse_list(head, start)
        if len(values) >= 2 and (end == len(head) or head[end] in ".;"):
            return values, "a bare list of values"
    return [], ""


def _literal(text: str) -> Scalar:
    if re.fullmatch(r"-?(?:0|[1-9]\d*)", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _number(text: str) -> float:
    return float(text) if "." in text else int(text)


def _coerce(raw: str, kind: TypeKind, enum: tuple[str, ...]) -> Scalar | None:
    value = _literal(raw)
    if kind is TypeKind.INTEGER:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind is TypeKind.DOUBLE:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(value) if ok else None
    if kind is TypeKind.BOOLEAN:
        return value if isinstance(value, bool) else None
    if kind is TypeKind.ENUM:
        return raw if raw in enum else None
    return raw if kind.is_string_like else None


def scalar_type(name: str, head: str, presence: Presence) -> ScalarReading:
    """A plain value's type, default and validation, read from its name and wording."""
    notes: list[str] = []
    settable = presence.settable
    kind: TypeKind | None = None
    enum: tuple[str, ...] = ()
    why = ""
    validation = Validation()
    rng = next((m for m in (r.search(head) for r in _RANGES) if m), None)
    if rng:
        lo, hi = rng.group(1), rng.group(2)
        kind = TypeKind.DOUBLE if "." in lo + hi else TypeKind.INTEGER
        why = f"a range {lo}..{hi} in the text"
        if settable:
            validation = Validation(minimum=_number(lo), maximum=_number(hi))
            notes.append(f"validation min {lo} / max {hi} read from the text")
    values, how = ([], "") if rng else _enum_values(head)
    if kind is None and values:
        if {v.lower() for v in values} <= {"true", "false"}:
            kind, why = TypeKind.BOOLEAN, "the values true/false in the text"
        else:
            kind, why = TypeKind.ENUM, f"{how} in the text"
            enum = tuple(dict.fromkeys(values))
    if kind is None and (_MAP.search(head) or name == "tags"):
        kind, why = (
            TypeKind.KEY_VALUE_PAIRS,
            ("a map in the text" if name != "tags" else "the name `tags`"),
        )
    candidates = [m.group(1) for r in _DEFAULTS for m in r.finditer(head)]
    candidates = list(dict.fromkeys(candidates))
    item_kind = None
    if kind is None:
        lm = _LIST.search(head)
        if lm or name.endswith("_ids"):
            item_kind = TypeKind.STRING
            why = f'"{lm.group(0)}" in the text' if lm else "a plural `_ids` name"
    if kind is None and item_kind is None and candidates:
        lit = _literal(candidates[0])
        if isinstance(lit, bool):
            kind = TypeKind.BOOLEAN
        elif isinstance(lit, int):
            kind = TypeKind.INTEGER
        elif isinstance(lit, float):
            kind = TypeKind.DOUBLE
        if kind is not None:
            why = f"the default `{candidates[0]}`"
    if kind is None and item_kind is None:
        if _BOOL_NAME.search(name) or _BOOL_TEXT.match(head):
            kind, why = TypeKind.BOOLEAN, "the name or wording"
        elif _INT_NAME.search(name) or _INT_TEXT.match(head):
            kind, why = TypeKind.INTEGER, "the name or wording"
    if item_kind is not None:
        is_set = bool(re.search(r"\bset of\b", head, re.I))
        typ = Type(TypeKind.ARRAY, item=Type(item_kind), is_set=is_set)
        notes.append(f"type Array of String from {why}")
        kind = TypeKind.ARRAY
    else:
        kind = kind or TypeKind.STRING
        typ = Type(kind, enum_values=enum)
        if why:
            extra = f": {', '.join(enum)}" if enum else ""
            notes.append(f"type {kind.value} from {why}{extra}")
    default = _pick_default(candidates, kind, enum, presence, notes) if settable else None
    return ScalarReading(typ, default, validation, notes)


def _pick_default(
    candidates: list[str],
    kind: TypeKind,
    enum: tuple[str, ...],
    presence: Presence,
    notes: list[str],
) -> Scalar | None:
    """The stated default that fits the type; what it had to decide goes to `notes`."""
    if not candidates:
        return None
    typed = [(raw, _coerce(raw, kind, enum)) for raw in candidates]
    fitting = [(raw, v) for raw, v in typed if v is not None]
    value: Scalar | None = fitting[0][1] if fitting else None
    if fitting and len(candidates) > 1:
        others = ", ".join(f"`{c}`" for c in candidates if c != fitting[0][0])
        notes.append(f"the page states several defaults; chose `{fitting[0][0]}` over {others}")
    if not fitting:
        if kind.is_string_like:
            value = candidates[0]
            notes.append(f"default `{value}` is not one of the listed values")
        else:
            notes.append(f"default `{candidates[0]}` does not fit type {kind.value}; dropped")
            return None
    if presence is Presence.REQUIRED:
        notes.append(f"a (Required) argument states a default `{candidates[0]}`; dropped")
        return None
    return value


# Names of secrets: `password`, `admin_password`, `account_key`, `secure_string`,
# `client_secret`, `sas_token`, `connection_string`. `*_key` matches the last word only, so
# `key_vault_id` and `key_name` do not; keys that are not secrets are left out by name.
_SECRET_NAME = re.compile(
    r"^(?:password|secret|token|connection_string)$"
    r"|_(?:password|key|secret|token|connection_string)$"
    r"|^secure_"
)
_PUBLIC_KEY = re.compile(r"(?:^|_)(?:public|ssh|partition|sort|row|shard)_key$")
_SECRET_TEXT = re.compile(r"(?<![-\w])(?:sensitive|secret)\b", re.I)
_CASE_SENSITIVE = re.compile(r"\bcase[- ](?:in)?sensitive\b", re.I)
# Names that hold a reference to a secret, or a fact about one, rather than the secret.
_NOT_A_SECRET = re.compile(r"_(?:id|ids|name|names|url|uri|path|type|version|enabled|count)$")


def sensitive_reason(name: str, head: str) -> str | None:
    """Why a plain value looks like a secret (its name, or "sensitive"/"secret" in its
    text), else None. Only ever a guess: the page does not say what the API hides."""
    if _NOT_A_SECRET.search(name):  # `secure_boot_enabled`, `key_vault_secret_id`
        return None
    if _SECRET_NAME.search(name) and not _PUBLIC_KEY.search(name):
        return f"sensitive: the name `{name}` reads as a secret"
    m = _SECRET_TEXT.search(_CASE_SENSITIVE.sub("", head))
    if m:
        return f'sensitive: the text says "{m.group(0)}"'
    return None
