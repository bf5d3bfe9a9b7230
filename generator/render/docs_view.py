"""Model -> the view of one Terraform Registry docs page.

Everything a template prints is computed here and escaped for Markdown; the template
(`docs/resource.md.j2`) only lays it out. The page follows the conventions of the
provider's docs family (`docs_conventions`: today's azurerm pages, or the Google
provider's). Fixes the seed page's defects by construction:
a block's heading uses the argument's own name, blocks that share a name say whose block
they are (and get distinct anchors), and nested blocks come after the arguments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model.nodes import (
    DocsFamily,
    Example,
    IdParamSource,
    Presence,
    Product,
    Property,
    Provider,
    Resource,
    TypeKind,
)
from ..model.walk import walk
from ..plural import plural
from .docs_conventions import Conventions, conventions
from .docs_wording import (
    ZERO_UUID,
    api_providers,
    callout_paragraphs,
    family_order,
    once,
    presence_word,
    provider_block,
    says_default,
    says_forces_new,
    says_values,
    split_callouts,
)
from .literals import (
    hcl_string,
    md_fence,
    md_inline_code,
    md_text,
    yaml_block,
    yaml_scalar,
)

PAGE_TITLE_PREFIX = {"azurerm": "Azure Resource Manager", "google": "Google Cloud Platform"}
EXAMPLE_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
WRITE_ONLY_GUIDE = (
    "https://developer.hashicorp.com/terraform/language/manage-sensitive-data/write-only"
)
WRITE_ONLY_TEXT = (
    "Write-only: Terraform sends it but never stores it in plan or state "
    "(Terraform 1.11 and later)."
)
WRITE_ONLY_CALLOUT = (
    "~> **Note:** All arguments marked as write-only values will not be stored in the "
    "state: {names}.\n[Read more about Write-only Arguments](" + WRITE_ONLY_GUIDE + ")."
)


@dataclass
class Bullet:
    name: str  # inline code, escaped
    # Markdown, escaped: the description, then each sentence derived from the spec.
    parts: list[str]
    marker: str = ""  # "(Required)", "(Optional, [Beta](...))", "(Output)" or ""
    notes: list[str] = field(default_factory=list)  # callouts printed after the bullet

    @property
    def text(self) -> str:
        """The bullet on one line, as azurerm writes it: marker, then body."""
        return " ".join(([self.marker] if self.marker else []) + self.parts)

    @property
    def lines(self) -> str:
        """Google's: the marker and each part on a line of its own, indented under the name."""
        return "\n  ".join(([self.marker] if self.marker else []) + self.parts)


@dataclass
class BlockSection:
    anchor: str
    # The anchor element and the intro, as the family writes them: `<a id="block-x"></a>`
    # on its own line, then "A `credentials` block (within `image_source_registry`)
    # supports the following:"; or Google's `<a name="nested_x"></a>The `x` block supports:`.
    heading: str
    bullets: list[Bullet] = field(default_factory=list)


@dataclass
class ExampleView:
    title: str  # the heading line, marker included ("" for none)
    fence: str
    code: str


@dataclass
class ImportExample:
    text: str  # the paragraph before the code block ("" for none)
    fence: str
    info: str  # the fence's info string
    code: str


@dataclass
class DocsPage:
    front_matter: list[tuple[str, str]]  # (key, already-quoted YAML value)
    description_block: str  # the YAML value of `description:` (`|-` block or quoted)
    title: str
    description: str
    examples_heading: str  # "Example Usage", or "" when each example has its own heading
    examples: list[ExampleView]
    required_args: list[Bullet]
    optional_args: list[Bullet]
    arg_blocks: list[BlockSection]
    attributes: list[Bullet]
    attr_blocks: list[BlockSection]
    timeouts: list[Bullet]
    import_text: str
    import_examples: list[ImportExample]
    api_providers: list[Bullet] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the description's callouts
    user_project_overrides: bool = False


def human_name(product: Product, resource: Resource) -> str:
    """`batch_ai_job` in product `Batch AI` -> `Batch AI Job` (keeps the product's casing)."""
    words = resource.name.split("_")
    display = product.display_name.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        n = len(display)
        if n and [w.lower() for w in words[i : i + n]] == [d.lower() for d in display]:
            out.extend(display)
            i += n
            continue
        out.append(words[i][:1].upper() + words[i][1:])
        i += 1
    return " ".join(out)


def fill_example(config: str, example: Example, which: str) -> str:
    """Fill `{{var}}` placeholders; values are HCL-string-escaped (they sit inside quotes).

    For tests, a var read from the environment becomes the token `{env:NAME}`, which the
    acceptance tests replace when they run (as they replace `{random}`).
    """
    values = {
        v.name: (v.docs if which == "docs" else f"{{env:{v.env}}}" if v.env else v.test)
        for v in example.vars
    }

    def sub(m: re.Match[str]) -> str:
        value = values.get(m.group(1), m.group(0))
        return hcl_string(value)[1:-1]

    return EXAMPLE_VAR.sub(sub, config)


def _sentence(text: str) -> str:
    text = md_text(text)
    if text and not text.endswith((".", "!", "?", ":")):
        text += "."
    return text


class _PageBuilder:
    def __init__(
        self, product: Product, resource: Resource, family: DocsFamily, provider: Provider | None
    ) -> None:
        self.provider = provider
        self.product = product
        self.resource = resource
        self.human = human_name(product, resource)
        self.humans = plural(self.human)  # "Access Policies can be imported ..."
        self.conv: Conventions = conventions(family)
        self.anchors: dict[tuple[str, ...], str] = {}
        # How often each block name occurs, so shared names get qualified headings.
        self.name_counts: dict[str, int] = {}
        self._count_blocks(resource.properties)

    def _count_blocks(self, props: tuple[Property, ...]) -> None:
        for p in props:
            if _has_section(p):
                self.name_counts[p.name] = self.name_counts.get(p.name, 0) + 1
                self._count_blocks(p.type.nested_properties)

    def anchor(self, path: tuple[str, ...]) -> str:
        """The family's anchor for the block at `path`, made unique on the page (`a_b`
        and `a.b` would both be `nested_a_b`)."""
        if path not in self.anchors:
            base = self.conv.anchor(path)
            taken = set(self.anchors.values())
            anchor, n = base, 2
            while anchor in taken:
                anchor, n = f"{base}-{n}", n + 1
            self.anchors[path] = anchor
        return self.anchors[path]

    def block_label(self, path: tuple[str, ...]) -> str:
        name = md_inline_code(path[-1])
        if self.name_counts.get(path[-1], 0) > 1 and len(path) > 1:
            return f"{name} block (within {md_inline_code('.'.join(path[:-1]))})"
        return f"{name} block"

    def bullet(
        self, p: Property, path: tuple[str, ...], in_attrs: bool, output: bool = False
    ) -> Bullet:
        """A field's bullet; `output`: a computed field listed among arguments (Google's
        "(Output)" sub-fields of a settable block), worded as an attribute. Each sentence
        derived from the spec is left out when the description already says it."""
        mark = self.conv.release_mark(p.min_version)
        marker = ""
        if output:
            marker = f"(Output{mark})"
            in_attrs = True
        elif not in_attrs:
            written = ", Write-Only" if p.config_only else ""
            marker = f"({presence_word(p)}{mark}{written})"
        elif mark:
            marker = f"({mark[2:]})"
        description, notes = split_callouts(p.description)
        parts: list[str] = []
        desc = _sentence(description)
        if desc:
            parts.append(desc)
        if _has_section(p):
            many = p.type.kind in (TypeKind.ARRAY, TypeKind.MAP)
            parts.append(self.conv.block_reference(p.name, self.anchor(path), many))
        t = p.type
        enum_values = t.enum_values or (t.item.enum_values if t.item is not None else ())
        values = ""
        if enum_values and not in_attrs and not says_values(description, enum_values):
            values = self.conv.possible_values([md_inline_code(v) for v in enum_values])
        v = p.validation
        if not in_attrs:
            # State the limits unless the description already names both numbers.
            if v.minimum is not None and v.maximum is not None:
                lo, hi = _num(v.minimum), _num(v.maximum)
                if not (lo in description and hi in description):
                    parts.append(f"Must be between {lo} and {hi}.")
            if v.min_length is not None and v.max_length is not None:
                lo, hi = str(v.min_length), str(v.max_length)
                if not (lo in description and hi in description):
                    parts.append(f"Must be {lo} to {hi} characters long.")
        default = ""
        if p.default is not None and not in_attrs and not says_default(description):
            shown = str(p.default).lower() if isinstance(p.default, bool) else str(p.default)
            default = self.conv.default_value(md_inline_code(shown))
        order = [default, values] if self.conv.anchor_joiner == "_" else [values, default]
        parts.extend(x for x in order if x)
        if p.forces_new and not in_attrs and not says_forces_new(description):
            parts.append(f"Changing this forces a new {self.human} to be created.")
        if p.config_only and not in_attrs:
            parts.append(WRITE_ONLY_TEXT)
            twins = [md_inline_code(r.rsplit(".", 1)[-1]) for r in p.conflicts_with]
            if len(twins) == 1:
                parts.append(f"Only one of {twins[0]} and {md_inline_code(p.name)} can be set.")
        elif p.sensitive and not in_attrs:
            parts.append("This value is sensitive and is not shown in plan output.")
        if p.deprecation:
            parts.append(f"**Deprecated:** {_sentence(p.deprecation)}")
        return Bullet(md_inline_code(p.name), once(parts), marker, notes)

    def ordered(self, props: list[Property], top_level: bool) -> list[Property]:
        return family_order(props, top_level) if self.conv.sorted_arguments else props

    def build(self) -> DocsPage:
        res, product = self.resource, self.product
        settable = [p for p in res.properties if p.presence.settable]
        computed = [p for p in res.properties if not p.presence.settable]
        required = self.ordered([p for p in settable if p.presence is Presence.REQUIRED], True)
        optional = self.ordered([p for p in settable if p.presence is not Presence.REQUIRED], True)
        computed = self.ordered(computed, True)
        arg_blocks: list[BlockSection] = []
        attr_blocks: list[BlockSection] = []
        for p in required + optional:
            self._blocks(p, (p.name,), arg_blocks, attr_blocks, in_attrs=False)
        for p in computed:
            self._blocks(p, (p.name,), arg_blocks, attr_blocks, in_attrs=True)
        attributes = []
        if not any(p.name == "id" for p in res.properties):
            id_text = self.conv.id_attribute(self.human, self._formats()[:1])
            attributes.append(Bullet(md_inline_code("id"), [id_text]))
        attributes.extend(self.bullet(p, (p.name,), True) for p in computed)
        title_prefix = PAGE_TITLE_PREFIX.get(product.prefix, product.display_name)
        summary = md_text(res.description.strip().split("\n\n")[0]) or f"Manages a {self.human}."
        examples = []
        shown = [ex for ex in res.examples if ex.in_docs]
        for ex in shown:
            code = fill_example(ex.config, ex, "docs").strip("\n") + "\n"
            if self.conv.example_provider_block:
                code = provider_block(self.provider, product, code) + code
            title = self.conv.example_title(md_text(ex.title or ex.name), len(shown))
            examples.append(ExampleView(title, md_fence(code), code))
        prose, callouts = callout_paragraphs(res.description.strip())
        paragraphs = (prose or [summary]) + callouts
        if res.deprecation:
            # First, under the title, as upstream's pages print a deprecated resource.
            paragraphs.insert(0, f"~> **Warning:** {md_text(res.deprecation)}")
        warning = self.conv.release_warning(res.min_version)
        if warning:
            paragraphs.append(warning)
        write_only = [path for path, p in walk(res.properties) if p.config_only]
        if write_only:
            names = ", ".join(md_inline_code(x) for x in write_only)
            paragraphs.append(WRITE_ONLY_CALLOUT.format(names=names))
        paragraphs += _api_notes(res)
        return DocsPage(
            front_matter=[
                ("subcategory", yaml_scalar(product.display_name)),
                ("layout", yaml_scalar(product.prefix)),
                ("page_title", yaml_scalar(f"{title_prefix}: {res.terraform_name}")),
            ],
            description_block=yaml_block(summary),
            title=md_text(res.terraform_name),
            description="\n\n".join(paragraphs),
            examples_heading="" if self.conv.example_heading_each else "Example Usage",
            examples=examples,
            required_args=[self.bullet(p, (p.name,), False) for p in required],
            optional_args=[self.bullet(p, (p.name,), False) for p in optional],
            arg_blocks=arg_blocks,
            attributes=attributes,
            attr_blocks=attr_blocks,
            timeouts=self._timeouts(),
            import_text=self._import_text(),
            import_examples=self._import_examples(),
            api_providers=[
                Bullet(ns, [version])
                for ns, version in (api_providers(product, res) if self.conv.api_providers else [])
            ],
            user_project_overrides=self.conv.user_project_overrides
            and any(p.name == "project" for p in res.rest.id_params),
        )

    def _blocks(
        self,
        p: Property,
        path: tuple[str, ...],
        arg_blocks: list[BlockSection],
        attr_blocks: list[BlockSection],
        in_attrs: bool,
    ) -> None:
        """Depth-first, in argument order: a block's section follows its parent's."""
        if not _has_section(p):
            return
        children = p.type.nested_properties
        settable = [c for c in children if c.presence.settable and not in_attrs]
        computed = [c for c in children if in_attrs or not c.presence.settable]
        inline = self.conv.computed_inline and bool(settable)
        computed = self.ordered(computed, False)
        if settable:
            req = self.ordered([c for c in settable if c.presence is Presence.REQUIRED], False)
            opt = self.ordered([c for c in settable if c.presence is not Presence.REQUIRED], False)
            settable = req + opt
            bullets = [self.bullet(c, path + (c.name,), False) for c in req + opt]
            if inline:
                bullets += [self.bullet(c, path + (c.name,), False, True) for c in computed]
            anchor = self.anchor(path)
            intro = self.conv.block_intro(self.block_label(path), path[-1], True)
            arg_blocks.append(BlockSection(anchor, self.conv.block_heading(anchor, intro), bullets))
        if computed and not inline:
            anchor = self.anchor(path) + ("-attributes" if settable else "")
            intro = self.conv.block_intro(self.block_label(path), path[-1], False)
            attr_blocks.append(
                BlockSection(
                    anchor,
                    self.conv.block_heading(anchor, intro),
                    [self.bullet(c, path + (c.name,), True) for c in computed],
                )
            )
        for c in settable:
            self._blocks(c, path + (c.name,), arg_blocks, attr_blocks, in_attrs=False)
        for c in computed:
            self._blocks(c, path + (c.name,), arg_blocks, attr_blocks, in_attrs=True)

    def _timeouts(self) -> list[Bullet]:
        t = self.resource.timeouts
        ops = [("create", t.create, "creating"), ("read", t.read, "retrieving")]
        if self.resource.rest.updates_in_place:
            ops.append(("update", t.update, "updating"))
        ops.append(("delete", t.delete, "deleting"))
        return [
            Bullet(md_inline_code(op), [self.conv.timeout_text(_minutes(m), verb, self.human)])
            for op, m, verb in ops
        ]

    def _formats(self) -> list[str]:
        rest = self.resource.rest
        formats = self.resource.import_formats or (rest.id_template,)
        return [self.conv.import_format(f) for f in dict.fromkeys(formats) if f]

    def _import_text(self) -> str:
        """The sentence before the import commands; every accepted format, in the spec's
        order, when there is more than one (Magic Modules resources usually have several)
        or when the family lists them always (Google)."""
        if not self.resource.importable:
            return "This resource does not support import."
        formats = self._formats()
        listed = self.conv.import_formats_listed
        if len(formats) <= 1 and not listed:
            return f"{self.humans} can be imported using the {md_inline_code('resource id')}, e.g."
        bullets = "\n".join(f"* {md_inline_code(f)}" for f in formats)
        text = f"{self.humans} can be imported using any of these accepted formats:\n\n{bullets}"
        return text if listed else text + "\n\nFor example, with the first one:"

    def _import_examples(self) -> list[ImportExample]:
        if not self.resource.importable:
            return []
        formats = self._formats()
        if not self.conv.import_formats_listed or not formats:
            command = self._import_command()
            return [ImportExample("", md_fence(command), "shell", command)]
        address = f"{self.resource.terraform_name}.default"
        block = f"import {{\n  id = {hcl_string(formats[0])}\n  to = {address}\n}}\n"
        # One line per format, whatever whitespace the spec's format holds.
        lines = "".join(f"$ terraform import {address} {' '.join(f.split())}\n" for f in formats)
        return [
            ImportExample(
                "In Terraform v1.5.0 and later, use an "
                "[`import` block](https://developer.hashicorp.com/terraform/language/import) "
                f"to import {self.humans} using one of the formats above. For example:",
                md_fence(block),
                "tf",
                block,
            ),
            ImportExample(
                "When using the [`terraform import` command]"
                "(https://developer.hashicorp.com/terraform/cli/commands/import), "
                f"{self.humans} can be imported using one of the formats above. For example:",
                md_fence(lines),
                "",
                lines,
            ),
        ]

    def _import_command(self) -> str:
        rest = self.resource.rest
        template = (
            self.resource.import_formats[0] if self.resource.import_formats else rest.id_template
        )
        parents = {p.name: p.parent_id for p in self.resource.properties if p.parent_id}
        values = {}
        for param in rest.id_params:
            if param.name == "subscription_id":
                values[param.name] = ZERO_UUID
            elif param.source is IdParamSource.PROVIDER:
                values[param.name] = f"{param.name}1"
            elif param.name in parents:
                # A parent's id, as the parent's own example would read.
                values[param.name] = _fill(parents[param.name] or "", self._parent_value)
            else:
                values[param.name] = self._example_value(param.name)
        filled = _fill(template, lambda name: values.get(name, name + "1"))
        return f"terraform import {self.resource.terraform_name}.example {filled}\n"

    def _parent_value(self, name: str) -> str:
        return ZERO_UUID if name == "subscription_id" else self._example_value(name)

    def _example_value(self, name: str) -> str:
        """A readable value: the first example's docs value for the var this resource's
        argument is set from (`name = "{{part_name}}"` in its own block), else for a var of
        the same name (or one ending in `_<name>`)."""
        for ex in self.resource.examples:
            by_name = {v.name: v.docs for v in ex.vars}
            start = ex.config.find(f'resource "{self.resource.terraform_name}"')
            own = re.search(
                r"^\s*" + re.escape(name) + r'\s*=\s*"\{\{\s*(\w+)\s*\}\}"\s*$',
                ex.config[start:] if start >= 0 else "",
                re.MULTILINE,
            )
            if own is not None and own.group(1) in by_name:
                return by_name[own.group(1)]
        for ex in self.resource.examples:
            for v in ex.vars:
                if v.name == name or v.name.endswith("_" + name):
                    return v.docs
        return f"{name}1"


def _fill(template: str, value: Callable[[str], str]) -> str:
    return re.sub(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", lambda m: value(m.group(1)), template)


def _has_section(p: Property) -> bool:
    """A block with fields gets its own section; an object declaring none is free-form."""
    return p.type.is_block and bool(p.type.nested_properties)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _api_notes(res: Resource) -> list[str]:
    """What the page says of calls the API does not have (no read, no delete)."""
    notes = []
    if not res.rest.can_read:
        notes.append(
            "~> **Note:** The API cannot read this resource back. Terraform keeps what was "
            "configured and what the create call answered, and does not detect changes "
            "made outside Terraform."
        )
    if not res.rest.can_delete:
        notes.append(
            "~> **Note:** The API cannot delete this resource. Destroying it removes it "
            "from the Terraform state only: it still exists afterwards."
        )
    return notes


def _minutes(m: int) -> str:
    if m % 60 == 0 and m >= 60:
        hours = m // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{m} minute{'s' if m != 1 else ''}"


def docs_page(
    product: Product,
    resource: Resource,
    family: DocsFamily = DocsFamily.GENERIC,
    provider: Provider | None = None,
) -> DocsPage:
    """The page's view; with `provider`, its family and its block in azurerm examples."""
    if provider is not None:
        family = provider.family
    return _PageBuilder(product, resource, family, provider).build()
