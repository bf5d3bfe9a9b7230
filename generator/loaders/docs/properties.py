"""The model's property tree, built from the linked sections and the wording of each bullet."""

from __future__ import annotations

from ...model.nodes import Property, Scalar, Type, TypeKind, Validation, default_api_name
from .blocks import MAX_DEPTH, BlockLinks
from .report import Report
from .sections import Field, FieldUse, Section
from .wording import forces_new, is_deprecated, read_presence, scalar_type, sensitive_reason

MAX_PROPERTIES = 20_000


class PropertyBuilder:
    def __init__(self, blocks: BlockLinks, report: Report) -> None:
        self.blocks = blocks
        self.report = report
        self.built = 0  # properties built so far, against MAX_PROPERTIES

    def properties(self, fields: list[FieldUse], prefix: str, depth: int) -> tuple[Property, ...]:
        out: list[Property] = []
        seen: set[str] = set()
        for f, sec, computed in fields:
            if f.name in seen:
                self.report.bag.warning(
                    "docs-duplicate-field", f"`{f.name}` is listed twice in this block", f.loc
                )
                continue
            seen.add(f.name)
            self.built += 1
            if self.built > MAX_PROPERTIES or depth > MAX_DEPTH:
                if self.built == MAX_PROPERTIES + 1:
                    self.report.bag.error(
                        "docs-too-large", "the page's blocks expand to too many fields", f.loc
                    )
                break
            out.append(self.property(f, sec, computed, prefix, depth))
        return tuple(out)

    def property(self, f: Field, sec: Section, computed: bool, prefix: str, depth: int) -> Property:
        path = f"properties.{prefix}{f.name}"
        presence, note = read_presence(f.flag, computed)
        if note:
            self.report.guess(path, note)
        default: Scalar | None = None
        validation = Validation()
        sensitive = False
        linked = self.blocks.target(f)
        if linked is not None:
            target, ref = linked
            nested = self.properties(target.with_extras(computed), f"{prefix}{f.name}.", depth + 1)
            obj = Type(TypeKind.NESTED_OBJECT, properties=nested)
            for extra in target.extras:
                self.report.guess(
                    path,
                    f"computed fields exported at line {extra.loc.line} merged into this block",
                )
            if ref.cardinality == "single":
                typ = obj
            else:
                typ = Type(TypeKind.ARRAY, item=obj, is_set=ref.cardinality == "set")
            if not ref.stated:
                self.report.guess(
                    path,
                    f"the page does not say how many `{ref.name}` blocks; assumed {ref.cardinality}",
                )
        else:
            reading = scalar_type(f.name, f.head, presence)
            for message in reading.notes:
                self.report.guess(path, message)
            typ, default, validation = reading.type, reading.default, reading.validation
            # Strings, and maps and lists of them, hold secrets; a `customer_managed_key`
            # block (a NestedObject, not here) or a number or flag does not.
            secretive = typ.kind not in (TypeKind.BOOLEAN, TypeKind.INTEGER, TypeKind.DOUBLE)
            why = sensitive_reason(f.name, f.head) if secretive else None
            if why is not None:
                sensitive = True
                self.report.guess(path, why)
        return Property(
            name=f.name,
            type=typ,
            api_name=default_api_name(f.name),
            description=f.text,
            presence=presence,
            forces_new=forces_new(f.head) and not computed,
            sensitive=sensitive,
            default=default,
            deprecation="Deprecated (see the description)." if is_deprecated(f.flag) else None,
            validation=validation,
            loc=f.loc,
        )
