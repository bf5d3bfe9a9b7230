"""Azure Magic Modules example configurations -> model `Example`s with HCL.

An example file (`examples/terraform/<name>.yaml`, a `!ruby/object:Provider::Azure::Example`)
names the resource type, the examples it needs first (`prerequisites`: product folder +
example name, looked up beside the spec folder, recursively) and the argument values.
Values may hold ERB the Ruby generator evaluated; each call becomes an example variable:

| ERB                                   | HCL                       | docs value                       | test value           |
| ------------------------------------- | ------------------------- | -------------------------------- | -------------------- |
| `get_resource_name('batchAccounts', 'batch')` | `{{batch_account_name}}` | `resource_name_hints` entry, else `example-batch-account` | `acctestbatch-{random}` |
| `get_<thing>_name()`                  | `{{<thing>_name}}`        | hint for `<thing>s` (camelCase), else `example<thing>` | `acctest<initials>{random}` |
| `get_location()`                      | `{{location}}`            | hint `location`, else West Europe | the same            |
| `resource_id_hint`                    | `example`                 |                                  |                      |

Hints come from the `document_examples` entry of terraform.yaml that names the example.
`${a.b.c}` values become bare HCL expressions; maps become blocks, except map-typed
arguments (KeyValuePairs, and `tags` of prerequisites), which become map literals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...confine import is_file, read_regular
from ...diagnostics import DiagnosticBag, Location
from ...model.nodes import STRING_MAP_KINDS, Example, ExampleVar, Property, TypeKind
from ...outside_reads import note
from ..naming import singular, snake
from ..spec_files import display_path
from ..yaml_source import YMap, YNode, YScalar, YSeq, parse_yaml, read_spec_text
from . import keys as K

EXAMPLE_CLASS = "Provider::Azure::Example"
LABEL = "example"  # every resource of an example is `resource "<type>" "example"`
DEFAULT_LOCATION = "West Europe"
_GET_RESOURCE_NAME = re.compile(r"get_resource_name\(\s*'([^']*)'\s*,\s*'([^']*)'\s*\)")
_GET_THING_NAME = re.compile(r"get_([a-z0-9_]+)_name\(\s*\)")
_GET_LOCATION = re.compile(r"get_location\(\s*\)")
_EXPRESSION = re.compile(r"\$\{([^{}]+)\}")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


@dataclass
class ExampleSource:
    folder: Path  # the spec folder; prerequisites are looked up beside it
    terraform_name: str
    properties: tuple[Property, ...]
    override: YMap | None  # terraform.yaml's resource override
    bag: DiagnosticBag


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


@dataclass
class _Vars:
    hints: dict[str, str]
    bag: DiagnosticBag
    items: dict[str, ExampleVar] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def _var(self, name: str, docs: str, test: str, loc: Location) -> str:
        self.items.setdefault(name, ExampleVar(name, docs, test, loc=loc))
        return "{{" + name + "}}"

    def erb(self, code: str, loc: Location) -> str:
        if code == "resource_id_hint":
            return LABEL
        if m := _GET_RESOURCE_NAME.fullmatch(code):
            portion, short = m.groups()
            base = snake(singular(portion))
            docs = self.hints.get(portion) or "example-" + base.replace("_", "-")
            return self._var(f"{base}_name", docs, f"acctest{short}-{{random}}", loc)
        if _GET_LOCATION.fullmatch(code):
            where = self.hints.get("location") or DEFAULT_LOCATION
            return self._var("location", where, where, loc)
        if m := _GET_THING_NAME.fullmatch(code):
            thing = m.group(1)
            docs = self.hints.get(_camel(thing) + "s") or "example" + thing.replace("_", "")
            initials = "".join(w[:1] for w in thing.split("_"))
            return self._var(f"{thing}_name", docs, f"acctest{initials}{{random}}", loc)
        self.unknown.append(code)
        self.bag.warning(
            "azure-mm-example-erb",
            f"the example uses the ERB expression `{code}`, which mmgen cannot evaluate; it is "
            "left in the HCL and the example is not run as a test",
            loc,
            "use get_resource_name('<idPortion>', '<prefix>'), get_location() or resource_id_hint",
        )
        return f"<%= {code} %>"

    def text(self, value: str, loc: Location) -> str:
        """Replace each `<%= code %>` (or `<% code -%>`) with what `erb` makes of it.

        A scan with str.find, not a regex: `<%=?\\s*(.*?)\\s*-?%>` backtracks
        quadratically over long whitespace or many unclosed `<%` (the fuzzer's 2 MB
        example took 55 s); this is linear."""
        out: list[str] = []
        at = 0
        while (start := value.find("<%", at)) != -1:
            end = value.find("%>", start + 2)
            if end == -1:
                break  # no closing tag anywhere after: the rest is plain text
            code = value[start + 2 : end]
            code = code[1:] if code.startswith("=") else code
            code = (code[:-1] if code.endswith("-") else code).strip()  # `-%>` trims
            out.append(value[at:start])
            out.append(self.erb(code, loc))
            at = end + 2
        out.append(value[at:])
        return "".join(out)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Hcl:
    def __init__(self, variables: _Vars) -> None:
        self.vars = variables

    def value(self, node: YNode) -> str:
        if isinstance(node, YScalar):
            v = node.value
            if v is None:
                return "null"
            if isinstance(v, bool):
                return "true" if v else "false"
            if isinstance(v, (int, float)):
                return node.raw
            text = self.vars.text(K.unsymbol(v), node.loc)
            m = _EXPRESSION.fullmatch(text)
            if m and "{{" not in text:
                return m.group(1).strip()
            return _quote(text)
        if isinstance(node, YSeq):
            return "[" + ", ".join(self.value(i) for i in node.items) + "]"
        return (
            "{ "
            + ", ".join(f"{self._key(str(k.value))} = {self.value(v)}" for k, v in node.entries)
            + " }"
        )

    @staticmethod
    def _key(key: str) -> str:
        return key if _IDENT.fullmatch(key) else _quote(key)

    def body(self, m: YMap, depth: int, map_attrs: frozenset[str]) -> list[str]:
        ind = "  " * depth
        out: list[str] = []
        group: list[tuple[str, str]] = []

        def flush() -> None:
            pad = max((len(k) for k, _ in group), default=0)
            out.extend(f"{ind}{k.ljust(pad)} = {v}" for k, v in group)
            group.clear()

        for k, v in m.entries:
            key = self._key(str(k.value))
            blocks: list[YMap] = [v] if isinstance(v, YMap) else []
            if isinstance(v, YSeq) and v.items and all(isinstance(i, YMap) for i in v.items):
                blocks = [i for i in v.items if isinstance(i, YMap)]
            if isinstance(v, YMap) and str(k.value) in map_attrs:
                flush()
                out.append(f"{ind}{key} = {{")
                inner = [(self._key(str(ik.value)), self.value(iv)) for ik, iv in v.entries]
                pad = max((len(ik) for ik, _ in inner), default=0)
                out.extend(f"{ind}  {ik.ljust(pad)} = {iv}" for ik, iv in inner)
                out.append(f"{ind}}}")
            elif blocks:
                flush()
                for b in blocks:
                    out.append(f"{ind}{key} {{")
                    out.extend(self.body(b, depth + 1, frozenset()))
                    out.append(f"{ind}}}")
            else:
                group.append((key, self.value(v)))
        flush()
        return out

    def resource(self, type_name: str, props: YMap | None, map_attrs: frozenset[str]) -> str:
        lines = [f'resource "{type_name}" "{LABEL}" {{']
        lines += self.body(props, 1, map_attrs) if props is not None else []
        lines.append("}")
        return "\n".join(lines)


@dataclass
class _Prerequisite:
    resource: str
    properties: YMap | None


class _Builder:
    def __init__(self, src: ExampleSource) -> None:
        self.src = src
        self.bag = src.bag

    def read(self, path: Path) -> YMap | None:
        display = display_path(path)
        text, diags = read_spec_text(str(path), display)
        # A prerequisite may sit in a sibling folder, outside the specs a run was given:
        # the run record keeps its bytes (read again, as the record compares them).
        try:
            note(path, read_regular(path))
        except (OSError, ValueError):
            note(path, None)
        self.bag.extend(diags)
        if text is None:
            return None
        tree, diags = parse_yaml(text, display)
        self.bag.extend(diags)
        if tree is None:
            return None
        if not isinstance(tree, YMap) or K.ruby_class(tree) != EXAMPLE_CLASS:
            self.bag.error(
                "azure-mm-example",
                f"an example file must hold one `!ruby/object:{EXAMPLE_CLASS}` mapping",
                tree.loc,
            )
            return None
        K.check_keys(tree, K.EXAMPLE, self.bag)
        return tree

    def prerequisites(
        self, tree: YMap, chain: tuple[str, ...], done: set[str], out: list[_Prerequisite]
    ) -> str | None:
        """Collect prerequisites depth-first, dependencies first; returns a skip reason."""
        skip: str | None = None
        for ref in K.get_maps(tree, "prerequisites"):
            K.check_keys(ref, K.EXAMPLE_REFERENCE, self.bag)
            product = K.get_str(ref, "product") or self.src.folder.name
            example = K.get_str(ref, "example") or "basic"
            key = f"{product}/{example}"
            if key in done or key in chain:
                continue
            path = self.src.folder.parent / product / "examples" / "terraform" / f"{example}.yaml"
            if not is_file(path):
                note(path, None)  # beside the spec folder: a run record must see it appear
                self.bag.warning(
                    "azure-mm-example-prerequisite",
                    f"prerequisite example `{key}` not found at {display_path(path)}; the example "
                    "refers to resources it does not declare and is not run as a test",
                    ref.loc,
                    f"add {product}/examples/terraform/{example}.yaml beside this spec folder",
                )
                skip = f"prerequisite example {key} is missing"
                continue
            sub = self.read(path)
            if sub is None:
                skip = f"prerequisite example {key} did not load"
                continue
            skip = self.prerequisites(sub, chain + (key,), done, out) or skip
            done.add(key)
            out.append(
                _Prerequisite(K.get_str(sub, "resource") or "", K.get_map(sub, "properties"))
            )
        return skip

    def example(self, name: str, path: Path, hints: dict[str, str]) -> Example | None:
        tree = self.read(path)
        if tree is None:
            return None
        resource = K.get_str(tree, "resource") or ""
        if resource != self.src.terraform_name:
            self.bag.warning(
                "azure-mm-example-other-resource",
                f"example `{name}` is for `{resource or '(none)'}`, not `{self.src.terraform_name}`; "
                "it is not loaded as one of this resource's examples",
                K.key_loc(tree, "resource"),
            )
            return None
        prereqs: list[_Prerequisite] = []
        skip = self.prerequisites(tree, (), set(), prereqs)
        variables = _Vars(hints, self.bag)
        hcl = _Hcl(variables)
        tags = frozenset({"tags"})
        blocks = [hcl.resource(p.resource, p.properties, tags) for p in prereqs]
        props = K.get_map(tree, "properties")
        top = {p.name: p for p in self.src.properties}
        for k, _ in props.entries if props is not None else []:
            if str(k.value) not in top:
                self.bag.warning(
                    "azure-mm-example-unknown-property",
                    f"example `{name}` sets `{k.value}`, which is not an argument of "
                    f"`{self.src.terraform_name}`",
                    k.loc,
                    "use the Terraform (snake_case, renamed) argument name",
                )
        map_attrs = frozenset(
            p.name
            for p in self.src.properties
            if p.type.kind in STRING_MAP_KINDS
            or (p.type.kind is TypeKind.MAP and not p.type.is_block)
        )
        blocks.append(hcl.resource(resource, props, map_attrs))
        if variables.unknown:
            skip = skip or "the example uses ERB that mmgen cannot evaluate"
        return Example(
            name=name,
            config="\n\n".join(blocks) + "\n",
            vars=tuple(variables.items.values()),
            primary_resource=f"{resource}.{LABEL}",
            skip_test=skip,
            loc=tree.loc,
        )


def _hints(
    override: YMap | None, bag: DiagnosticBag
) -> tuple[dict[str, dict[str, str]], list[str]]:
    """resource_name_hints per example name, and the example names acctests run."""
    hints: dict[str, dict[str, str]] = {}
    steps: list[str] = []
    if override is None:
        return hints, steps
    for d in K.get_maps(override, "document_examples"):
        K.check_keys(d, K.DOCUMENT_EXAMPLE, bag)
        name = K.get_str(d, "example_name")
        node = K.get_map(d, "resource_name_hints")
        if name is not None:
            hints[name] = {
                str(k.value): (v.value if isinstance(v.value, str) else v.raw)
                for k, v in (node.entries if node is not None else [])
                if isinstance(v, YScalar) and v.value is not None
            }
    for t in K.get_maps(override, "acctests"):
        K.check_keys(t, K.ACCTEST, bag)
        names = K.get_strs(t, "steps")
        if len(names) > 1:
            bag.warning(
                K.UNSUPPORTED,
                f"`steps` in acctest `{K.get_str(t, 'name')}` is not supported yet: a test of "
                f"several steps ({' -> '.join(names)}) has no place in the model; each step's "
                "example is loaded on its own",
                K.key_loc(t, "steps"),
            )
        steps.extend(names)
    return hints, steps


def build_examples(src: ExampleSource) -> tuple[Example, ...]:
    """Every example of the spec folder for this resource, documented and tested ones first."""
    hints, steps = _hints(src.override, src.bag)
    root = src.folder / "examples" / "terraform"
    try:
        files = (
            sorted(p.stem for p in root.iterdir() if p.suffix in (".yaml", ".yml"))
            if root.is_dir()
            else []
        )
    except OSError as exc:
        src.bag.error(
            "io", f"cannot list folder: {exc.strerror or exc}", Location(display_path(root), 0, 0)
        )
        files = []
    names = list(dict.fromkeys([*hints, *steps, *files]))
    builder = _Builder(src)
    out: list[Example] = []
    for name in names:
        path = root / f"{name}.yaml"
        if not is_file(path):
            path = root / f"{name}.yml"
        if not is_file(path):
            src.bag.warning(
                "azure-mm-example-missing",
                f"terraform.yaml names example `{name}`, but examples/terraform/{name}.yaml does not exist",
                (
                    src.override.loc
                    if src.override is not None
                    else Location(display_path(root), 0, 0)
                ),
            )
            continue
        ex = builder.example(name, path, hints.get(name, {}))
        if ex is not None:
            out.append(ex)
    return tuple(out)
