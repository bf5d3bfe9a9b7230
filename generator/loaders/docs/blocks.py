"""Block references resolved in document order.

"defined below" means the next section of that name after the section that refers to it
(pages reuse names for different shapes); failing that, the nearest one above, or a section
named after the argument. Links that would make a block contain itself are broken.
"""

from __future__ import annotations

from ..naming import singular
from .report import Report
from .sections import Field, FieldUse, Section
from .wording import BlockRef, block_ref

MAX_DEPTH = 40


class BlockLinks:
    def __init__(self, sections: list[Section], report: Report) -> None:
        self.sections = sections
        self.report = report
        self.links: dict[int, Section | None] = {}  # by id() of the field
        self.broken: set[int] = set()  # fields whose link closes a cycle

    def target(self, f: Field) -> tuple[Section, BlockRef] | None:
        """The block section a field was linked to, unless the link was broken."""
        target = None if id(f) in self.broken else self.links.get(id(f))
        ref = block_ref(f.head) if target is not None else None
        return (target, ref) if target is not None and ref is not None else None

    def top_level_fields(self) -> list[FieldUse]:
        """Link every section reachable from the top-level arguments and attributes; return
        the top-level fields, attributes that are not also arguments as computed."""
        args = [s for s in self.sections if s.block is None and not s.attrs]
        attrs = [s for s in self.sections if s.block is None and s.attrs]
        for s in args:
            self.reach(s, "properties.", set())
        arg_fields = {f.name: f for s in args for f in s.fields}
        fields: list[FieldUse] = [(f, s, False) for s in args for f in s.fields]
        for s in attrs:
            s.reached = True
            for f in s.fields:
                if f.name == "id":
                    continue
                if f.name not in arg_fields:
                    fields.append((f, s, True))
                    target = self.link(s, f, f"properties.{f.name}")
                    if target is not None:
                        self.reach(target, f"properties.{f.name}.", set())
                    continue
                host = self.links.get(id(arg_fields[f.name]))
                target = self.link(s, f, f"properties.{f.name}")
                if host is not None and target is not None:
                    host.extras.append(target)
                    self.reach(target, f"properties.{f.name}.", {host.index})
                else:
                    self.report.bag.warning(
                        "docs-duplicate-attribute",
                        f"`{f.name}` is listed as an argument and again as an attribute; "
                        "kept the argument",
                        f.loc,
                    )
        self.adopt_orphans()
        return fields

    def find(self, name: str, sec: Section) -> tuple[Section | None, bool]:
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

    def link(self, sec: Section, f: Field, path: str) -> Section | None:
        """The section `f` (in `sec`) refers to; resolved once, then remembered."""
        if id(f) in self.links:
            return self.links[id(f)]
        ref = block_ref(f.head)
        target: Section | None = None
        if ref is not None:
            target = self._resolve(sec, f, ref.name, path)
        self.links[id(f)] = target
        return target

    def _resolve(self, sec: Section, f: Field, stated: str, path: str) -> Section | None:
        bag = self.report.bag
        name = stated
        target, above = self.find(name, sec)
        if target is None:
            for alt in (f.name, singular(f.name), singular(name), name + "s"):
                target, above = self.find(alt, sec)
                if target is not None:
                    name = alt
                    bag.warning(
                        "docs-block-name",
                        f"`{f.name}` refers to a `{stated}` block; no section has that name, "
                        f"used the `{alt}` section",
                        f.loc,
                    )
                    break
        if target is None:
            bag.error(
                "docs-unresolved-block",
                f"`{f.name}` refers to a `{stated}` block, but no section describes it",
                f.loc,
                f'add a "The `{stated}` block supports the following:" section below it',
            )
            return None
        notes = []
        if above:
            notes.append(f"the `{name}` section is above its reference, not below")
            bag.warning(
                "docs-block-above",
                f'`{f.name}` refers to a `{name}` block "below", '
                f"but the only such section is above (line {target.loc.line})",
                f.loc,
            )
        elif sum(s.block == name and s.attrs == sec.attrs for s in self.sections) > 1:
            notes.append(f"linked to the next `{name}` section below (line {target.loc.line})")
        if f.name != stated:
            notes.append(f"argument `{f.name}` refers to a block named `{stated}`")
        if notes:
            self.report.guess(path, "; ".join(notes))
        return target

    def reach(self, sec: Section, path: str, gray: set[int], depth: int = 0) -> None:
        """Mark every section reachable from `sec`; links that close a cycle are broken."""
        sec.reached = True
        if depth > MAX_DEPTH:
            self.report.bag.error("docs-too-deep", "blocks nest too deeply", sec.loc)
            return
        gray.add(sec.index)
        for f, _, _ in sec.with_extras(False):
            target = self.link(sec, f, path + f.name)
            if target is None:
                continue
            if target.index in gray:
                self.broken.add(id(f))
                self.report.bag.error(
                    "docs-block-cycle",
                    f"block `{target.block}` contains itself through `{f.name}`",
                    f.loc,
                )
                continue
            self.reach(target, path + f.name + ".", gray, depth + 1)
        gray.discard(sec.index)

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
            self.report.bag.warning(
                "docs-unused-block",
                f"no argument or attribute refers to the `{sec.block}` block section",
                sec.loc,
                'refer to it with "A `name` block as defined below." or remove it',
            )
