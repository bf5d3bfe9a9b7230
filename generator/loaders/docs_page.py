"""Load a Terraform Registry docs page (Markdown) into the model, so a page can seed a spec.

Structure comes from markdown-it tokens: headings split the page into sections, bullet
lists hold arguments, `---` rules and "The `x` block supports the following:" paragraphs
open block sections, fenced code blocks hold examples and the import command. Only the
wording of one bullet ("(Required)", "Possible values are ...") is read with regexes.

Block sections are resolved in document order: "defined below" means the next section of
that name after the section that refers to it (pages reuse names for different shapes).
Everything the loader had to infer is returned as a `Guess` (spec path, message) so the
spec writer can mark it with a YAML comment for the human who finishes the spec.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from ..diagnostics import Diagnostic, DiagnosticBag, Location
from ..model.nodes import (
    ApiVersion,
    Example,
    Presence,
    Product,
    ProductParam,
    Property,
    Resource,
    RestMapping,
    Scalar,
    Timeouts,
    Type,
    TypeKind,
    Validation,
)
from .spec_loader import _id_params

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40
MAX_PROPERTIES = 20_000
ARM_BASE_URL = "https://management.azure.com/"

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FIELD = re.compile(r"`([^`\n]+)`\s*(?:[-\u2013\u2014:]\s*)?(.*)", re.S)
_FLAG = re.compile(r"\(([^)]*)\)\s*(.*)", re.S)
_BLOCK_INTRO = re.compile(
    r"(?:(?:the|an?|each)\s+)?`(\w+)`\s+(?:blocks?\s+|objects?\s+)?"
    r"(?:supports|contains|exports|has|accepts|includes)\b[^.]*[:.]?",
    re.I,
)
_HEADING_BLOCK = re.compile(r"`(\w+)`\s*(?:blocks?\b|$)", re.I)
_TOP_INTRO = re.compile(
    r"following (?:arguments|attributes) are (?:supported|exported)|in addition to the arguments",
    re.I,
)
_NOTE = re.compile(r"(?:[-~!]>|\*\*note)", re.I)
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
_TIMEOUT = re.compile(r"defaults? to (\d+) (minute|hour)s?", re.I)


@dataclass(frozen=True)
class Guess:
    """Something the loader inferred: `path` names the spec place, e.g. `properties.a.b`."""

    path: str
    message: str


@dataclass
class DocsImport:
    product: Product | None = None
    resource: Resource | None = None
    guesses: list[Guess] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


@dataclass
class _El:
    kind: str  # heading | para | list | fence | hr
    start: int  # 0-based first line
    end: int  # 0-based line after the element
    text: str = ""
    level: int = 0
    info: str = ""
    items: list[tuple[str, int]] = field(default_factory=list)  # (item text, 0-based line)


@dataclass
class _Field:
    name: str
    flag: str
    text: str
    loc: Location

    @property
    def head(self) -> str:  # the bullet's own paragraph, without appended notes
        return self.text.split("\n\n")[0]


@dataclass
class _Section:
    index: int
    block: str | None  # None: the top-level arguments / attributes
    attrs: bool
    loc: Location
    fields: list[_Field] = field(default_factory=list)
    extras: list[_Section] = field(default_factory=list)  # exported fields merged in
    reached: bool = False


def snake(text: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    s = re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")
    return f"x_{s}" if s[:1].isdigit() else s


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def singular(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    return word


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


class _PageLoader:
    def __init__(self, display: str) -> None:
        self.display = display
        self.bag = DiagnosticBag()
        self.guesses: list[Guess] = []
        self.lines: list[str] = []
        self.sections: list[_Section] = []
        self.links: dict[int, _Section | None] = {}
        self.broken: set[int] = set()  # fields whose link closes a cycle
        self.built = 0

    # --- reading --------------------------------------------------------------------

    def loc(self, line0: int, col: int = 1) -> Location:
        return Location(self.display, line0 + 1, col)

    def guess(self, path: str, message: str) -> None:
        self.guesses.append(Guess(path, message))

    def decode(self, data: bytes) -> str | None:
        where = self.loc(0)
        if b"\x00" in data:
            self.bag.error("docs-binary", "file is binary, not a Markdown page", where)
            return None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n")
            self.bag.error(
                "docs-encoding", "file is not UTF-8 text", self.loc(line), "save as UTF-8"
            )
            return None
        if not text.strip():
            self.bag.error("docs-empty", "docs page is empty", where, "point at a docs page")
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def front_matter(self) -> dict[str, str]:
        if not self.lines or self.lines[0].strip() != "---":
            return {}
        end = next(
            (i for i in range(1, len(self.lines)) if self.lines[i].strip() in ("---", "...")), 0
        )
        if not end:
            self.bag.warning("docs-front-matter", "front matter has no closing `---`", self.loc(0))
            return {}
        raw = "\n".join(self.lines[1:end])
        for i in range(end + 1):
            self.lines[i] = ""
        try:
            data = YAML(typ="safe", pure=True).load(raw)
        except Exception:  # ruamel raises many types for bad YAML; none of them matter here
            self.bag.warning("docs-front-matter", "front matter is not valid YAML", self.loc(0))
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v).strip() for k, v in data.items() if isinstance(v, (str, int, float))}

    def elements(self, text: str) -> list[_El]:
        tokens = MarkdownIt("commonmark").parse(text)
        out: list[_El] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            span = t.map or [0, 0]
            if t.level != 0:
                i += 1
                continue
            if t.type in ("heading_open", "paragraph_open") and i + 1 < len(tokens):
                kind = "heading" if t.type == "heading_open" else "para"
                level = int(t.tag[1:]) if kind == "heading" else 0
                out.append(_El(kind, span[0], span[1], tokens[i + 1].content, level))
            elif t.type in ("fence", "code_block"):
                out.append(_El("fence", span[0], span[1], t.content, info=t.info.strip()))
            elif t.type == "hr":
                out.append(_El("hr", span[0], span[1]))
            elif t.type in ("bullet_list_open", "ordered_list_open"):
                el = _El("list", span[0], span[1])
                i += 1
                parts: list[str] = []
                line = span[0]
                while i < len(tokens) and tokens[i].level > 0:
                    tok = tokens[i]
                    if tok.type == "list_item_open" and tok.level == 1:
                        if parts:
                            el.items.append(("\n\n".join(parts), line))
                        parts, line = [], (tok.map or [line])[0]
                    elif tok.type == "inline" and tok.level == 3:
                        parts.append(tok.content)
                    i += 1
                if parts:
                    el.items.append(("\n\n".join(parts), line))
                out.append(el)
            i += 1
        return out

    def source(self, el: _El) -> str:
        return "\n".join(self.lines[el.start : el.end]).strip()

    # --- sections ---------------------------------------------------------------------

    def read_fields(self, els: list[_El], attrs: bool) -> None:
        current: _Section | None = None
        last: _Field | None = None
        for el in els:
            text = el.text.strip()
            if el.kind == "hr":
                last = None
            elif el.kind in ("para", "heading"):
                m = (_BLOCK_INTRO if el.kind == "para" else _HEADING_BLOCK).match(text)
                if m or _TOP_INTRO.search(text):
                    block = m.group(1) if m else None
                    col = self.lines[el.start].find("`") + 1 if m else 1
                    current = _Section(
                        len(self.sections), block, attrs, self.loc(el.start, max(col, 1))
                    )
                    self.sections.append(current)
                    last = None
                elif last is not None and el.kind == "para" and _NOTE.match(text):
                    last.text += "\n\n" + text
            elif el.kind == "list":
                if current is None:
                    current = _Section(len(self.sections), None, attrs, self.loc(el.start))
                    self.sections.append(current)
                for item, line in el.items:
                    f = self.parse_field(item, line)
                    if f is None:
                        self.bag.warning(
                            "docs-unparsed-bullet",
                            'bullet is not of the form "`name` - (Required|Optional) text"',
                            self.loc(line),
                        )
                        continue
                    current.fields.append(f)
                    last = f

    def parse_field(self, item: str, line: int) -> _Field | None:
        m = _FIELD.match(item.strip())
        if m is None or not _NAME.fullmatch(m.group(1)):
            return None
        rest = m.group(2).strip()
        flag = ""
        fm = _FLAG.match(rest)
        if fm:
            flag, rest = fm.group(1).strip(), fm.group(2).strip()
        col = self.lines[line].find("`") + 1 if line < len(self.lines) else 1
        return _Field(m.group(1), flag, rest, self.loc(line, max(col, 1)))

    # --- block links ------------------------------------------------------------------

    def block_ref(self, f: _Field) -> tuple[str, str, bool] | None:
        """(block name, cardinality single|list|set, whether the cardinality is stated)."""
        head = f.head
        for m in _BLOCK_REF.finditer(head):
            tail = re.split(r"\.(?:\s|$)", head[m.end() :], maxsplit=1)[0]
            if "below" not in tail.lower():
                continue
            sentence = re.split(r"\.\s+", head[: m.start()])[-1]
            if re.search(r"\bset of\b", sentence, re.I):
                return m.group(1), "set", True
            many = r"\b(?:one or more|zero or more|list of|multiple|any number of)\b"
            if m.group(2) == "blocks" or re.search(many, sentence, re.I):
                return m.group(1), "list", True
            if re.search(r"\b(?:one|an?|single|exactly one)\s*$", sentence, re.I):
                return m.group(1), "single", True
            lm = re.match(r"(?:an?\s+)?(list|set) of\b", head, re.I)
            return m.group(1), (lm.group(1).lower() if lm else "single"), False
        return None

    def find(self, name: str, sec: _Section) -> tuple[_Section | None, bool]:
        """The next section named `name` after `sec` (of its own kind first), else the nearest
        one before it; the flag says the section was found above."""
        named = [s for s in self.sections if s.block == name]
        for pool in ([s for s in named if s.attrs == sec.attrs], named):
            later = [s for s in pool if s.index > sec.index]
            if later:
                return later[0], False
            earlier = [s for s in pool if s.index < sec.index]
            if earlier:
                return earlier[-1], True
        return None, False

    def link(self, sec: _Section, f: _Field, path: str) -> _Section | None:
        if id(f) in self.links:
            return self.links[id(f)]
        ref = self.block_ref(f)
        target: _Section | None = None
        if ref is not None:
            name = ref[0]
            target, above = self.find(name, sec)
            stated = name
            if target is None:
                for alt in (f.name, singular(f.name), singular(name), name + "s"):
                    target, above = self.find(alt, sec)
                    if target is not None:
                        name = alt
                        self.bag.warning(
                            "docs-block-name",
                            f"`{f.name}` refers to a `{stated}` block; no section has that name, "
                            f"used the `{alt}` section",
                            f.loc,
                        )
                        break
            if target is None:
                self.bag.error(
                    "docs-unresolved-block",
                    f"`{f.name}` refers to a `{stated}` block, but no section describes it",
                    f.loc,
                    f'add a "The `{stated}` block supports the following:" section below it',
                )
            else:
                notes = []
                if above:
                    notes.append(f"the `{name}` section is above its reference, not below")
                    self.bag.warning(
                        "docs-block-above",
                        f'`{f.name}` refers to a `{name}` block "below", '
                        f"but the only such section is above (line {target.loc.line})",
                        f.loc,
                    )
                elif sum(s.block == name and s.attrs == sec.attrs for s in self.sections) > 1:
                    notes.append(
                        f"linked to the next `{name}` section below (line {target.loc.line})"
                    )
                if f.name != stated:
                    notes.append(f"argument `{f.name}` refers to a block named `{stated}`")
                if notes:
                    self.guess(path, "; ".join(notes))
        self.links[id(f)] = target
        return target

    def reach(self, sec: _Section, path: str, gray: set[int], depth: int = 0) -> None:
        """Mark every section reachable from `sec`; links that close a cycle are broken."""
        sec.reached = True
        if depth > MAX_DEPTH:
            self.bag.error("docs-too-deep", "blocks nest too deeply", sec.loc)
            return
        gray.add(sec.index)
        for f in sec.fields + [f for x in sec.extras for f in x.fields]:
            target = self.link(sec, f, path + f.name)
            if target is None:
                continue
            if target.index in gray:
                self.broken.add(id(f))
                self.bag.error(
                    "docs-block-cycle",
                    f"block `{target.block}` contains itself through `{f.name}`",
                    f.loc,
                )
                continue
            self.reach(target, path + f.name + ".", gray, depth + 1)
        gray.discard(sec.index)

    # --- properties -------------------------------------------------------------------

    def properties(
        self, fields: list[tuple[_Field, _Section, bool]], prefix: str, depth: int
    ) -> tuple[Property, ...]:
        out: list[Property] = []
        seen: set[str] = set()
        for f, sec, computed in fields:
            if f.name in seen:
                self.bag.warning(
                    "docs-duplicate-field", f"`{f.name}` is listed twice in this block", f.loc
                )
                continue
            seen.add(f.name)
            self.built += 1
            if self.built > MAX_PROPERTIES or depth > MAX_DEPTH:
                if self.built == MAX_PROPERTIES + 1:
                    self.bag.error(
                        "docs-too-large", "the page's blocks expand to too many fields", f.loc
                    )
                break
            out.append(self.property(f, sec, computed, prefix, depth))
        return tuple(out)

    def block_fields(self, sec: _Section, computed: bool) -> list[tuple[_Field, _Section, bool]]:
        items = [(f, sec, computed) for f in sec.fields]
        items += [(f, x, True) for x in sec.extras for f in x.fields]
        return items

    def property(
        self, f: _Field, sec: _Section, computed: bool, prefix: str, depth: int
    ) -> Property:
        path = f"properties.{prefix}{f.name}"
        flags = {s.strip().lower() for s in f.flag.split(",")}
        if computed:
            presence = Presence.COMPUTED
            if flags & {"required", "optional"}:
                self.guess(
                    path,
                    f"marked ({f.flag}) in a block of the Attributes Reference; loaded as computed",
                )
        elif "required" in flags:
            presence = Presence.REQUIRED
        elif "optional" in flags:
            presence = Presence.OPTIONAL
        else:
            presence = Presence.OPTIONAL
            self.guess(path, "no (Required)/(Optional) marker; assumed optional")
        forces_new = bool(_FORCES_NEW.search(f.head)) and not computed
        deprecation = "Deprecated (see the description)." if "deprecated" in flags else None
        target = None if id(f) in self.broken else self.links.get(id(f))
        ref = self.block_ref(f) if target is not None else None
        default: Scalar | None = None
        validation = Validation()
        if target is not None and ref is not None:
            nested = self.properties(
                self.block_fields(target, computed), f"{prefix}{f.name}.", depth + 1
            )
            obj = Type(TypeKind.NESTED_OBJECT, properties=nested)
            for extra in target.extras:
                self.guess(
                    path,
                    f"computed fields exported at line {extra.loc.line} merged into this block",
                )
            if ref[1] == "single":
                typ = obj
            else:
                typ = Type(TypeKind.ARRAY, item=obj, is_set=ref[1] == "set")
            if not ref[2]:
                self.guess(
                    path, f"the page does not say how many `{ref[0]}` blocks; assumed {ref[1]}"
                )
        else:
            typ, default, validation = self.scalar_type(f, path, presence)
        return Property(
            name=f.name,
            type=typ,
            api_name=camel(f.name),
            description=f.text,
            presence=presence,
            forces_new=forces_new,
            default=default,
            deprecation=deprecation,
            validation=validation,
            loc=f.loc,
        )

    def scalar_type(
        self, f: _Field, path: str, presence: Presence
    ) -> tuple[Type, Scalar | None, Validation]:
        head, name = f.head, f.name
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
                self.guess(path, f"validation min {lo} / max {hi} read from the text")
        values, how = ([], "") if rng else _enum_values(head)
        if kind is None and values:
            if {v.lower() for v in values} <= {"true", "false"}:
                kind, why = TypeKind.BOOLEAN, "the values true/false in the text"
            else:
                kind, why = TypeKind.ENUM, f"{how} in the text"
                enum = tuple(dict.fromkeys(values))
        if kind is None and (_MAP.search(head) or name == "tags"):
            kind, why = TypeKind.KEY_VALUE_PAIRS, (
                "a map in the text" if name != "tags" else "the name `tags`"
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
            self.guess(path, f"type Array of String from {why}")
            kind = TypeKind.ARRAY
        else:
            kind = kind or TypeKind.STRING
            typ = Type(kind, enum_values=enum)
            if why:
                extra = f": {', '.join(enum)}" if enum else ""
                self.guess(path, f"type {kind.value} from {why}{extra}")
        default = self.pick_default(candidates, kind, enum, path, presence) if settable else None
        return typ, default, validation

    def pick_default(
        self,
        candidates: list[str],
        kind: TypeKind,
        enum: tuple[str, ...],
        path: str,
        presence: Presence,
    ) -> Scalar | None:
        if not candidates:
            return None
        typed = [(raw, _coerce(raw, kind, enum)) for raw in candidates]
        fitting = [(raw, v) for raw, v in typed if v is not None]
        value: Scalar | None = fitting[0][1] if fitting else None
        if fitting and len(candidates) > 1:
            others = ", ".join(f"`{c}`" for c in candidates if c != fitting[0][0])
            self.guess(
                path, f"the page states several defaults; chose `{fitting[0][0]}` over {others}"
            )
        if not fitting:
            if kind.is_string_like:
                value = candidates[0]
                self.guess(path, f"default `{value}` is not one of the listed values")
            else:
                self.guess(
                    path, f"default `{candidates[0]}` does not fit type {kind.value}; dropped"
                )
                return None
        if presence is Presence.REQUIRED:
            self.guess(path, f"a (Required) argument states a default `{candidates[0]}`; dropped")
            return None
        return value

    # --- the page ---------------------------------------------------------------------

    def load(self, data: bytes) -> DocsImport:
        text = self.decode(data)
        if text is None:
            return self.result(None, None)
        self.lines = text.split("\n")
        meta = self.front_matter()
        els = self.elements("\n".join(self.lines))
        title: _El | None = None
        intro: list[_El] = []
        parts: list[tuple[_El, list[_El]]] = []
        for el in els:
            if el.kind == "heading" and el.level == 1 and title is None and not parts:
                title = el
            elif el.kind == "heading" and el.level <= 2:
                parts.append((el, []))
            elif parts:
                parts[-1][1].append(el)
            elif title is not None:
                intro.append(el)
        tf_name = re.sub(r"[`\s]", "", title.text) if title else ""
        if not re.fullmatch(r"[a-z0-9]+_[a-z0-9_]+", tf_name):
            m = re.search(r"\b([a-z0-9]+_[a-z0-9_]+)\s*$", meta.get("page_title", ""))
            if m is None:
                where = self.loc(title.start) if title else self.loc(0)
                self.bag.error(
                    "docs-no-title", "no `# <prefix>_<name>` title names the resource", where
                )
                return self.result(None, None)
            tf_name = m.group(1)
            self.guess(
                "terraform_name", "Terraform type name taken from the front matter's page_title"
            )
        prefix, name = tf_name.split("_", 1)
        kinds: dict[str, list[tuple[_El, list[_El]]]] = {}
        for heading, body in parts:
            low = heading.text.lower()
            key = next(
                (
                    k
                    for k in (
                        "example",
                        "argument",
                        "attribute",
                        "timeout",
                        "import",
                        "api provider",
                    )
                    if k in low
                ),
                "",
            )
            kinds.setdefault(key, []).append((heading, body))
        if not kinds.get("argument"):
            self.bag.error(
                "docs-no-arguments",
                "the page has no `## Arguments Reference` section",
                self.loc(title.start if title else 0),
                "a docs page must list the resource's arguments",
            )
            return self.result(None, None)
        for key, attrs in (("argument", False), ("attribute", True)):
            for _, body in kinds.get(key, []):
                self.read_fields(body, attrs)
        properties = self.top_level()
        description = "\n\n".join(self.source(el) for el in intro).strip() or meta.get(
            "description", ""
        )
        timeouts = self.timeouts(kinds.get("timeout", []))
        examples = self.examples(kinds.get("example", []))
        api_version, namespaces = self.providers(kinds.get("api provider", []))
        id_template = self.import_id(kinds.get("import", []), properties, name)
        rest = RestMapping(
            base_url=id_template.rsplit("/", 1)[0] if "/" in id_template else "",
            id_template=id_template,
            id_params=_id_params(id_template, properties, Location(self.display)),
            api_version=api_version,
        )
        if api_version:
            self.guess("api.api_version", "api_version from the page's API Providers section")
        self.guess(
            "", "api_name of every property is the camelCase of its Terraform name; check the API"
        )
        self.guess("", "types the page does not state are String")
        resource = Resource(
            name=name,
            terraform_name=tf_name,
            description=description,
            rest=rest,
            properties=properties,
            import_formats=(id_template,) if id_template else (),
            timeouts=timeouts,
            examples=examples,
            loc=self.loc(title.start if title else 0),
        )
        return self.result(self.product(meta, prefix, resource, namespaces), resource)

    def top_level(self) -> tuple[Property, ...]:
        args = [s for s in self.sections if s.block is None and not s.attrs]
        attrs = [s for s in self.sections if s.block is None and s.attrs]
        for s in args:
            self.reach(s, "properties.", set())
        arg_fields = {f.name: (f, s) for s in args for f in s.fields}
        fields: list[tuple[_Field, _Section, bool]] = [
            (f, s, False) for s in args for f in s.fields
        ]
        for s in attrs:
            s.reached = True
            for f in s.fields:
                if f.name == "id":
                    continue
                if f.name not in arg_fields:
                    fields.append((f, s, True))
                    self.reach_field(s, f)
                    continue
                arg, arg_sec = arg_fields[f.name]
                host = self.links.get(id(arg))
                target = self.link(s, f, f"properties.{f.name}")
                if host is not None and target is not None:
                    host.extras.append(target)
                    self.reach(target, f"properties.{f.name}.", {host.index})
                else:
                    self.bag.warning(
                        "docs-duplicate-attribute",
                        f"`{f.name}` is listed as an argument and again as an attribute; kept the argument",
                        f.loc,
                    )
        self.adopt_orphans()
        return self.properties(fields, "", 0)

    def reach_field(self, sec: _Section, f: _Field) -> None:
        target = self.link(sec, f, f"properties.{f.name}")
        if target is not None:
            self.reach(target, f"properties.{f.name}.", set())

    def adopt_orphans(self) -> None:
        """Exported-only block sections join the argument block of the same name."""
        for sec in self.sections:
            if sec.reached or sec.block is None:
                continue
            hosts = [s for s in self.sections if s.reached and s.block == sec.block and not s.attrs]
            if sec.attrs and len(hosts) == 1:
                hosts[0].extras.append(sec)
                sec.reached = True
                self.reach(sec, "", {hosts[0].index})
                continue
            self.bag.warning(
                "docs-unused-block",
                f"no argument or attribute refers to the `{sec.block}` block section",
                sec.loc,
                'refer to it with "A `name` block as defined below." or remove it',
            )

    def timeouts(self, parts: list[tuple[_El, list[_El]]]) -> Timeouts:
        found: dict[str, int] = {}
        for _, body in parts:
            for el in body:
                for item, line in el.items:
                    f = self.parse_field(item, line)
                    m = _TIMEOUT.search(f.flag) if f else None
                    if f and m and f.name in ("create", "read", "update", "delete"):
                        found[f.name] = int(m.group(1)) * (
                            60 if m.group(2).lower() == "hour" else 1
                        )
                    elif f:
                        self.bag.warning("docs-timeout", f"cannot read timeout `{f.name}`", f.loc)
        base = Timeouts()
        return Timeouts(
            create=found.get("create", base.create),
            read=found.get("read", base.read),
            update=found.get("update", base.update),
            delete=found.get("delete", base.delete),
        )

    def examples(self, parts: list[tuple[_El, list[_El]]]) -> tuple[Example, ...]:
        out: list[Example] = []
        for heading, body in parts:
            label = heading.text
            for el in body:
                if el.kind == "heading":
                    label = el.text
                elif el.kind == "fence" and (el.info.split() or [""])[0] in (
                    "hcl",
                    "terraform",
                    "tf",
                    "",
                ):
                    base = (
                        snake(re.sub(r"(?i)^\W*example(?: usage)?", "", label.replace("`", "")))
                        or "basic"
                    )
                    name, n = base, 2
                    while any(e.name == name for e in out):
                        name, n = f"{base}_{n}", n + 1
                    out.append(Example(name=name, config=el.text, loc=self.loc(el.start)))
        return tuple(out)

    def providers(self, parts: list[tuple[_El, list[_El]]]) -> tuple[str | None, list[str]]:
        found: list[tuple[str, str]] = []
        for _, body in parts:
            for el in body:
                for item, _line in el.items:
                    m = re.match(r"`([^`]+)`\s*-\s*(\S+)", item.strip())
                    if m:
                        found.append((m.group(1), m.group(2)))
        return (found[0][1] if found else None), [ns for ns, _ in found]

    def import_id(
        self, parts: list[tuple[_El, list[_El]]], props: tuple[Property, ...], name: str
    ) -> str:
        top = {p.name for p in props}
        raw = ""
        for _, body in parts:
            for el in body:
                for line in el.text.split("\n") if el.kind == "fence" else []:
                    words = line.strip().lstrip("$ ").split()
                    if len(words) >= 4 and words[:2] == ["terraform", "import"]:
                        raw = raw or " ".join(words[3:]).strip("'\"")
        rg = next(
            (n for n in ("resource_group_name", "resource_group") if n in top),
            "resource_group_name",
        )
        if not raw:
            where = self.loc(0)
            self.bag.warning("docs-no-import", "the page has no `terraform import` example", where)
            template = f"subscriptions/{{subscription_id}}/resourceGroups/{{{rg}}}/providers/Microsoft.TODO/{name.split('_')[-1]}s/{{name}}"
            self.guess(
                "api.id_template",
                "no Import section: id template guessed from ARM conventions; fix Microsoft.TODO and the path",
            )
            return template
        segs = raw.strip("/").split("/")
        if len(segs) < 2 or segs[0].lower() != "subscriptions":
            self.guess("api.id_template", f"import id `{raw}` is not an ARM id; copied as written")
            return raw.strip("/")
        out: list[str] = []
        for i in range(0, len(segs), 2):
            key = segs[i]
            last = i + 2 >= len(segs)
            if i + 1 >= len(segs):
                out.append(key)
                continue
            if key.lower() == "subscriptions":
                value = "{subscription_id}"
            elif key.lower() == "providers":
                value = segs[i + 1]
            elif last:
                value = "{name}" if "name" in top else f"{{{snake(singular(key))}_name}}"
            elif key.lower() == "resourcegroups":
                value = f"{{{rg}}}"
            else:
                base = snake(singular(key))
                cands = [f"{base}_name", f"{base.split('_')[-1]}_name"]
                value = "{" + next((c for c in cands if c in top), cands[0]) + "}"
            out += [key, value]
        template = "/".join(out)
        self.guess("api.id_template", f"id template guessed from the import example `{raw}`")
        for ph in re.findall(r"\{(\w+)\}", template):
            if ph not in top and ph != "subscription_id":
                self.guess(
                    "api.id_template",
                    f"`{{{ph}}}` is not an argument of this resource; map it by hand",
                )
        return template

    def product(
        self, meta: dict[str, str], prefix: str, res: Resource, namespaces: list[str]
    ) -> Product:
        sub = meta.get("subcategory", "")
        ns = re.search(r"providers/([\w.]+)/", res.rest.id_template)
        namespace = (
            ns.group(1)
            if ns and "TODO" not in ns.group(1)
            else (namespaces[0] if namespaces else "")
        )
        name = snake(sub) or snake(namespace.split(".")[-1]) or res.name
        origin = (
            "subcategory" if snake(sub) else "provider namespace" if namespace else "resource name"
        )
        self.guess("product.name", f"product name `{name}` from the page's {origin}")
        params: tuple[ProductParam, ...] = ()
        if "{subscription_id}" in res.rest.id_template:
            params = (
                ProductParam("subscription_id", "ARM_SUBSCRIPTION_ID", "The Azure subscription."),
            )
        base = ARM_BASE_URL if prefix == "azurerm" else ""
        version = ApiVersion(res.rest.api_version or "ga", base)
        return Product(name, sub or name, prefix, (version,), params, (res,))

    def result(self, product: Product | None, resource: Resource | None) -> DocsImport:
        return DocsImport(product, resource, self.guesses, self.bag.sorted())


def load_docs_text(data: bytes, display: str) -> DocsImport:
    """Load a page from bytes; `display` names it in diagnostics. Never raises."""
    loader = _PageLoader(display)
    try:
        return loader.load(data)
    except RecursionError:
        loader.bag.error("docs-too-deep", "the page nests too deeply", Location(display, 1, 1))
    except Exception as exc:  # the contract is diagnostics, never a traceback
        loader.bag.error(
            "docs-internal",
            f"could not load the page: {type(exc).__name__}: {exc}",
            Location(display, 1, 1),
        )
    return DocsImport(None, None, loader.guesses, loader.bag.sorted())


def load_docs_page(path: str) -> DocsImport:
    """Load a Terraform Registry docs page into the model; never raises for bad input."""
    where = Location(path, 1, 1)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        bag = DiagnosticBag()
        bag.error("io", f"cannot read the page: {exc.strerror or exc}", where, "check the path")
        return DocsImport(diagnostics=bag.items)
    if len(data) > MAX_BYTES:
        bag = DiagnosticBag()
        bag.error("io", f"page is larger than {MAX_BYTES // (1024 * 1024)} MiB", where)
        return DocsImport(diagnostics=bag.items)
    return load_docs_text(data, path)
