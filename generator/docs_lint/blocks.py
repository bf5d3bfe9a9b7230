"""Fields and block sections checked against each other.

- each field documented once in its block, with a description;
- each block reference resolved: by its link (`[...](#nested_x)`, `[`x`](#block-x)`) when
  it has one, else by name ("A `x` block as defined below": the next section of that name
  after the referring one, else the nearest above, as import-docs reads it);
- the block named as its argument (in HCL a block is written under its argument's name),
  a name that several sections of one part carry only when links tell them apart, no block
  inside a block of its own name by name, a "below" that is below;
- no block section that nothing refers to: when a field of its name precedes it without
  a reference, the field is told to add one (`lint-block-unlinked`), else the section is
  reported (`lint-block-unreferenced`).
"""

from __future__ import annotations

from collections import defaultdict

from ..diagnostics import Diagnostic
from .codes import finding
from .fields import BlockSection, Field


def check_fields(sections: list[BlockSection]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    # The top-level fields of a part may come in several lists (required, then optional
    # after a `---`; frontdoor's two "In addition to the Arguments" lists): one namespace.
    groups: dict[tuple[str, int | str], list[Field]] = defaultdict(list)
    for sec in sections:
        key: int | str = "top" if sec.top else sec.index
        groups[(sec.part, key)].extend(sec.fields)
    for fields in groups.values():
        first: dict[str, Field] = {}
        for f in fields:
            if f.name in first:
                out.append(
                    finding(
                        "lint-argument-duplicate",
                        f"`{f.name}` is documented twice in the {f.section.label} "
                        f"(first at line {first[f.name].loc.line})",
                        f.loc,
                        "keep one bullet for it and merge what the other one says",
                    )
                )
            else:
                first[f.name] = f
    for sec in sections:
        for f in sec.fields:
            if not _words(f.description) and not any(_words(n) for n in f.nested):
                flag = f" ({f.flag})" if f.flag else ""
                out.append(
                    finding(
                        "lint-description-empty",
                        f"`{f.name}`{flag} has no description",
                        f.loc,
                        "say what the field is for, its values and its default",
                    )
                )
    return out


def _words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


class _Resolver:
    def __init__(self, sections: list[BlockSection]) -> None:
        self.sections = sections
        self.by_anchor: dict[str, BlockSection] = {}
        for sec in sections:
            for a in sec.anchors:
                self.by_anchor.setdefault(a, sec)
        self.by_name: dict[str, list[BlockSection]] = defaultdict(list)
        for sec in sections:
            if sec.name:
                self.by_name[sec.name].append(sec)
        self.referenced: set[int] = set()
        self.ambiguous: dict[tuple[str, str], Field] = {}  # (part, name) -> first such field
        self.out: list[Diagnostic] = []
        self.plain: list[tuple[Field, bool]] = []  # fields with no block (or a broken link)

    def run(self) -> list[Diagnostic]:
        for sec in self.sections:
            for f in sec.fields:
                self.resolve(f)
        for f, quiet in self.plain:
            self.unlinked(f, quiet)
        self.report_ambiguous()
        self.report_unreferenced()
        return self.out

    def block_link(self, f: Field) -> BlockSection | None:
        """The block section the bullet links to as its structure: a link that says
        "below" ("Structure is [documented below](#nested_x)"), or whose text is the
        block's or the argument's name (`A [`x`](#block-x) block`). Other links are
        mentions of other blocks, not this field's structure."""
        stated = f.ref.name if f.ref is not None else None
        for text, anchor in f.links:
            sec = self.by_anchor.get(anchor)
            if sec is None:
                continue
            if "below" in text.lower() or text in (stated, f.name):
                return sec
        return None

    def resolve(self, f: Field) -> None:
        target = self.block_link(f)
        linked = target is not None
        stated = f.ref.name if f.ref is not None else None
        if not linked and stated is not None and stated == f.section.name:
            # Linked to sections of their own, a block in a block of its name is the API's
            # shape (Cloud Run's `template.template`); by name it reads as a cycle.
            self.out.append(
                finding(
                    "lint-block-self-nested",
                    f"the `{stated}` block contains a `{stated}` block; by name, the inner "
                    "one reads as the outer one again",
                    f.loc,
                    "name the outer block after its own argument, or link each reference to "
                    "its section's anchor",
                )
            )
        if target is None and stated is not None:
            target = self.by_name_near(stated, f.section)
            if target is None:
                if stated != f.section.name:
                    self.out.append(
                        finding(
                            "lint-block-undefined",
                            f"`{f.name}` refers to a `{stated}` block, but no block section "
                            "describes it",
                            f.loc,
                            f'add "A `{stated}` block supports the following:" below, after '
                            "a `---` line",
                        )
                    )
                return
        if target is None:
            # No reference; or a "documented below" link that is broken (the link check
            # reports it), whose section is then taken as meant, quietly.
            broken = any("below" in text.lower() for text, _ in f.links)
            self.plain.append((f, broken))
            return
        self.referenced.add(target.index)
        named = stated if stated is not None and not linked else target.name
        if not linked and stated is not None:
            pool = self.pool(stated, f.section)
            if len(pool) > 1:
                self.ambiguous.setdefault((pool[0].part, stated), f)
            if target.index < f.section.index and "below" in f.head.lower():
                self.out.append(
                    finding(
                        "lint-block-above",
                        f'`{f.name}` refers to a `{stated}` block "below", but its section '
                        f"is above (line {target.loc.line})",
                        f.loc,
                        "move the block section below the block that refers to it",
                    )
                )
        if named is not None and named != f.name:
            self.out.append(
                finding(
                    "lint-block-name",
                    f"argument `{f.name}` refers to the block `{named}` (line "
                    f"{target.loc.line}); a block is written under its argument's name, "
                    f"`{f.name} {{ ... }}`",
                    f.loc,
                    f"name the block `{f.name}` in the reference and in its section",
                )
            )

    def unlinked(self, f: Field, quiet: bool) -> None:
        """A field that refers to no block, followed by a block section of its name that
        nothing refers to: the reference was left out. An anchored section must carry the
        anchor the field's place would give it (google: `nested_<path>_<name>`), since a
        same-named field elsewhere is a plain value of another block."""
        want = {f"{a}_{f.name}" for a in f.section.anchors} or {f"nested_{f.name}"}
        for sec in self.by_name.get(f.name, []):
            if sec.index <= f.section.index or sec.part != f.section.part:
                continue
            google = sec.anchors and all(a.startswith("nested_") for a in sec.anchors)
            if sec.index in self.referenced or (google and not want & set(sec.anchors)):
                continue
            self.referenced.add(sec.index)
            if quiet:
                return
            self.out.append(
                finding(
                    "lint-block-unlinked",
                    f"`{f.name}` does not refer to its block section `{f.name}` (line "
                    f"{sec.loc.line})",
                    f.loc,
                    f'add "A `{f.name}` block as defined below." (azurerm) or "Structure is '
                    '[documented below](#nested_...)." (google) to its description',
                )
            )
            return

    def pool(self, name: str, sec: BlockSection) -> list[BlockSection]:
        """The sections a name can mean: those of the referring part, else any."""
        named = self.by_name.get(name, [])
        same = [s for s in named if s.part == sec.part]
        return same or named

    def by_name_near(self, name: str, sec: BlockSection) -> BlockSection | None:
        pool = self.pool(name, sec)
        later = [s for s in pool if s.index > sec.index]
        if later:
            return later[0]
        earlier = [s for s in pool if s.index < sec.index]
        return earlier[-1] if earlier else None

    def report_ambiguous(self) -> None:
        for (part, name), f in sorted(self.ambiguous.items(), key=lambda kv: kv[1].loc):
            pool = [s for s in self.by_name[name] if s.part == part]
            lines = ", ".join(str(s.loc.line) for s in pool)
            for sec in pool[1:]:
                self.out.append(
                    finding(
                        "lint-block-ambiguous",
                        f"{len(pool)} block sections are named `{name}` (lines {lines}); a "
                        f"reference by name (`{f.name}`, line {f.loc.line}) cannot tell "
                        "which it means",
                        sec.loc,
                        "name each block after its own argument, or link every reference to "
                        "its section's anchor",
                    )
                )

    def report_unreferenced(self) -> None:
        field_names = {f.name for s in self.sections for f in s.fields}
        ambiguous = set(self.ambiguous)
        for sec in self.sections:
            if sec.name is None or sec.index in self.referenced:
                continue
            if (sec.part, sec.name) in ambiguous:
                continue  # reported as ambiguous: which one a reference means is the problem
            # azurerm's "An `identity` block exports the following:" in the Attributes
            # Reference adds to the argument block of that name.
            if sec.part == "attributes" and sec.name in field_names:
                continue
            self.out.append(
                finding(
                    "lint-block-unreferenced",
                    f"no argument or attribute refers to the `{sec.name}` block section",
                    sec.loc,
                    f'refer to it ("A `{sec.name}` block as defined below.") or remove it',
                )
            )


def check_blocks(sections: list[BlockSection]) -> list[Diagnostic]:
    return _Resolver(sections).run()
