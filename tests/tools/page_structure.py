"""The structure of a Terraform Registry docs page, for comparing two pages of one resource.

Reads both shapes the fidelity report compares: the pages Magic Modules writes for the
Google provider (`<a name="nested_x"></a>The `x` block supports:`, "Structure is
[documented below](#nested_x)", `- `create` - Default is 20 minutes.`) and mmgen's own
(`<a id="nested_x"></a>` in the google docs family, `<a id="block-x"></a>` in the
azurerm one, "A [`x`](#nested_x) block as defined below.", `* `create` - (Defaults to
20 minutes)`). Not `generator.loaders.docs`: that loader builds a model from
azurerm-style wording ("A `x` block as defined below", blocks found by name in document
order) and guesses types; a fidelity count needs each field's exact block path, which
both page shapes give only through their anchors and links. Nor markdown-it: its block
parse alone takes 7 ms a page, and the test reads 1,100 pages; both shapes are machine
written and regular, so `scan_page` reads them line by line (fences, headings, bullets
with their continuation lines, anchor lines).

What a page yields (`PageStructure`):
- arguments: `(block path, name) -> kind`, kind `required` / `optional` / `computed`;
- import formats (the `* `...`` bullets of "## Import") and import commands
  (`("import-block", id)` from `import { id = "..." }`, `("terraform-import", id)` from
  `terraform import TYPE.NAME ID` lines);
- timeouts: operation -> minutes;
- examples: normalised name -> the `resource "TYPE" "NAME"` headers of its HCL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.page_lines import Block, scan_page

REQUIRED, OPTIONAL, COMPUTED = "required", "optional", "computed"
# When a field is listed twice at one path (an argument and again an attribute), the
# stronger kind wins: an optional argument that is also exported is still an argument.
KIND_RANK = {REQUIRED: 0, OPTIONAL: 1, COMPUTED: 2}

# Terraform attribute names are lower case: upstream prints some descriptions' lists of
# enum values (`* `ABANDON` - ...`) as bullets of their own, which are not fields.
_FIELD = re.compile(r"`([a-z_][a-z0-9_]*)`\s*(?:-|\u2013|\u2014|:)?\s*(.*)", re.S)
_FLAG = re.compile(r"\(([^)]*)\)")
_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_FORMAT = re.compile(r"`([^`\n]+)`")
_MINUTES = re.compile(r"(\d+)\s*(minute|hour)s?", re.I)
_TIMEOUT = re.compile(r"`(create|read|update|delete)`\s*-\s*(.*)", re.S)
_RESOURCE_HEADER = re.compile(r'^\s*resource\s+"([^"]+)"\s+"([^"]+)"', re.M)
_IMPORT_ID = re.compile(r'^\s*id\s*=\s*"([^"]*)"', re.M)
_TF_IMPORT = re.compile(r"^\s*(?:\$\s*)?terraform\s+import\s+(\S+)\s+(.+?)\s*$", re.M)
_EXAMPLE_PREFIX = re.compile(r"^\s*example\s+usage\s*(?:[-\u2013\u2014:]\s*)?", re.I)
Path = tuple[str, ...]
PART_KINDS = ("example", "argument", "attribute", "timeout", "import")


@dataclass
class PageStructure:
    type_name: str
    arguments: dict[tuple[Path, str], str] = field(default_factory=dict)
    import_formats: list[str] = field(default_factory=list)
    import_commands: list[tuple[str, str]] = field(default_factory=list)
    timeouts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # Block sections no field links to and no anchor rule places: a page defect.
    orphan_sections: list[str] = field(default_factory=list)
    # Fields marked as of a later API release ("(Optional, [Beta](...))"), and `()` for
    # the page's "This resource is in beta" warning.
    release_marks: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, path: Path, name: str, kind: str) -> None:
        old = self.arguments.get((path, name))
        if old is None or KIND_RANK[kind] < KIND_RANK[old]:
            self.arguments[(path, name)] = kind


@dataclass
class _Field:
    name: str
    flag: str
    text: str


@dataclass
class _Section:
    anchor: str | None  # None: the top of the Argument / Attributes Reference
    attrs: bool  # in the Attributes Reference
    fields: list[_Field] = field(default_factory=list)


def read_structure(text: str) -> PageStructure:
    page = scan_page(text)
    title = next((b.text for b in page if b.kind == "heading" and b.level == 1), "")
    out = PageStructure(re.sub(r"[`\\\s]", "", title))
    if re.search(r"^~> \*\*Warning:\*\* This resource is in beta", text, re.M):
        out.release_marks.add(())
    parts = _parts(page)
    _arguments(_sections(parts), out)
    _imports(parts.get("import", []), out)
    _timeouts(parts.get("timeout", []), out)
    _examples(parts.get("example", []), out)
    return out


def flag_kind(flag: str, in_attrs: bool) -> str:
    """The kind a field's "(Flag)" gives it. Everything in the Attributes Reference is
    computed, whatever it says: upstream prints "(Optional)" on output-only sub-fields of
    exported blocks, a defect not to count against a page that says computed."""
    words = {w.strip().lower() for w in flag.split(",")}
    if in_attrs or "output" in words:
        return COMPUTED
    if "required" in words:
        return REQUIRED
    return OPTIONAL


def _parse_field(item: str) -> _Field | None:
    m = _FIELD.match(item.strip())
    if m is None:
        return None
    rest = m.group(2).strip()
    fm = _FLAG.match(rest)
    flag = fm.group(1).strip() if fm else ""
    return _Field(m.group(1), flag, rest)


def _parts(blocks: list[Block]) -> dict[str, list[Block]]:
    """The blocks under each `##` heading, by the heading's kind (a word in it)."""
    parts: dict[str, list[Block]] = {}
    current: list[Block] | None = None
    for b in blocks:
        if b.kind == "heading" and b.level <= 2:
            low = b.text.lower()
            key = next((k for k in PART_KINDS if k in low), "")
            current = parts.setdefault(key, [])
            if key == "example":
                current.append(b)  # an example's name is its `##` heading upstream
        elif current is not None:
            current.append(b)
    return parts


def _sections(parts: dict[str, list[Block]]) -> list[_Section]:
    """The sections of both reference parts, in page order: the top list, then one per
    block anchor."""
    sections: list[_Section] = []
    for key, attrs in (("argument", False), ("attribute", True)):
        current = _Section(None, attrs)
        sections.append(current)
        for b in parts.get(key, []):
            if b.kind == "anchor":
                current = _Section(b.text, attrs)
                sections.append(current)
            elif b.kind == "item":
                f = _parse_field(b.text)
                if f is not None:
                    current.fields.append(f)
    return sections


def _arguments(sections: list[_Section], out: PageStructure) -> None:
    by_anchor = {s.anchor: s for s in sections if s.anchor is not None}
    placed: set[str] = set()
    block_paths: dict[str, Path] = {}  # anchor -> the path of the field it documents

    def walk(sec: _Section, path: Path, computed: bool, stack: tuple[str, ...]) -> None:
        for f in sec.fields:
            kind = COMPUTED if computed else flag_kind(f.flag, sec.attrs)
            if not path and f.name == "id" and sec.attrs:
                kind = COMPUTED
            out.add(path, f.name, kind)
            if any(w.strip().lower().startswith("[beta]") for w in f.flag.split(",")):
                out.release_marks.add((*path, f.name))
            links = [a for a in _LINK.findall(f.text) if a in by_anchor]
            if links and links[-1] not in stack:
                target = links[-1]
                placed.add(target)
                block_paths.setdefault(target, path + (f.name,))
                walk(by_anchor[target], path + (f.name,), kind == COMPUTED, stack + (target,))

    for sec in sections:
        if sec.anchor is None:
            walk(sec, (), False, ())
    # Sections no field links to: placed by the anchor conventions of either page shape.
    changed = True
    while changed:
        changed = False
        for sec in sections:
            if sec.anchor is None or sec.anchor in placed:
                continue
            path = _path_by_anchor(sec.anchor, block_paths, out)
            if path is not None:
                placed.add(sec.anchor)
                block_paths[sec.anchor] = path
                walk(sec, path, sec.attrs, (sec.anchor,))
                changed = True
    out.orphan_sections = sorted(
        s.anchor for s in sections if s.anchor is not None and s.anchor not in placed
    )


def anchor_of(path: Path, shape: str) -> str:
    """The anchor each page shape gives a block at `path`."""
    if shape == "google":
        return "nested_" + "_".join(path)
    return "block-" + "-".join(path).replace("_", "-")


def _path_by_anchor(anchor: str, block_paths: dict[str, Path], out: PageStructure) -> Path | None:
    """mmgen's `block-x-attributes` (the computed fields of settable block `x`) sits at x's
    path; otherwise the field whose path gives this anchor in either shape."""
    if anchor.endswith("-attributes") and anchor.removesuffix("-attributes") in block_paths:
        return block_paths[anchor.removesuffix("-attributes")]
    for path, name in sorted(out.arguments):
        full = path + (name,)
        if anchor in (anchor_of(full, "google"), anchor_of(full, "mmgen")):
            return full
    return None


def _imports(blocks: list[Block], out: PageStructure) -> None:
    for b in blocks:
        if b.kind == "item":
            m = _FORMAT.fullmatch(b.text.strip())
            if m is not None:
                out.import_formats.append(m.group(1))
        elif b.kind == "fence":
            if re.search(r"^\s*import\s*\{", b.text, re.M):
                out.import_commands += [("import-block", i) for i in _IMPORT_ID.findall(b.text)]
            for m in _TF_IMPORT.finditer(b.text):
                out.import_commands.append(("terraform-import", m.group(2).strip("'\"")))


def _timeouts(blocks: list[Block], out: PageStructure) -> None:
    for b in blocks:
        m = _TIMEOUT.match(b.text.strip()) if b.kind == "item" else None
        n = _MINUTES.search(m.group(2)) if m else None
        if m and n:
            minutes = int(n.group(1)) * (60 if n.group(2).lower() == "hour" else 1)
            out.timeouts.setdefault(m.group(1), minutes)


def example_key(title: str) -> str:
    """`Example Usage - Backend Bucket Basic` / `Backend bucket basic` -> `backend_bucket_basic`."""
    bare = _EXAMPLE_PREFIX.sub("", title.replace("`", ""))
    return re.sub(r"[^a-z0-9]+", "_", bare.lower()).strip("_")


def _examples(blocks: list[Block], out: PageStructure) -> None:
    label = ""
    for b in blocks:
        if b.kind == "heading":
            label = b.text
        elif b.kind == "fence" and (b.info.split() or [""])[0] in ("hcl", "terraform", "tf"):
            key = example_key(label)
            headers = tuple(_RESOURCE_HEADER.findall(b.text))
            out.examples[key] = out.examples.get(key, ()) + headers
