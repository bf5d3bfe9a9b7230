"""`mmgen convert`: Magic Modules specs (mmv1, Azure MM) -> mmgen's own YAML spec format.

The source is loaded and checked like `mmgen validate` does (`api.validate_paths`), so
the converted tree holds exactly the resources `mmgen generate` would generate from the
source: resources whose specs have errors are left out and listed. Each product becomes
`OUT_DIR/<product>/product.yaml` plus one `OUT_DIR/<product>/<resource>.yaml` per resource.

What the foreign loaders already leave out is not carried over either: Go custom code,
example HCL that lives in upstream templates, and keys the loaders report as unsupported.
The written specs are read back; model fields that mmgen's format cannot hold (e.g. the
mmv1 `create_url`, `update_mask`) are reported as `convert-field-lost` warnings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, DiagnosticBag, Location, Severity
from .loaders.formats import FOREIGN, PRODUCT_FILE
from .loaders.mmgen.loader import load_specs
from .loaders.provider_spec import PROVIDER_FILE, default_provider
from .model.nodes import Product
from .provider_tree import FOREIGN_DEFAULTS
from .render.literals import yaml_scalar
from .spec_check import RELAXED_FOR_FOREIGN, validate_paths
from .spec_writer import product_to_yaml, resource_to_yaml
from .writer import write_text_atomic


@dataclass
class ConvertOutcome:
    exit_code: int  # 0 something converted, 1 nothing could be, 2 usage error
    format: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)  # `<product>/<resource>` converted
    dropped: list[str] = field(default_factory=list)  # left out because of spec errors
    # Converted, but with findings that only Magic Modules specs may have (see
    # `api.RELAXED_FOR_FOREIGN`): `mmgen validate` reports them as errors on the output.
    relaxed: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # files created or changed

    @property
    def summary(self) -> str:
        head = (
            f"{self.format}: converted {len(self.products)} product(s), "
            f"{len(self.resources)} resource(s); {len(self.dropped)} resource(s) left out "
            "because of spec errors"
        )
        if self.dropped:
            head += ": " + ", ".join(self.dropped)
        return head

    @property
    def note(self) -> str:
        """Why `mmgen validate` on the output may still fail; empty when it should not."""
        if not self.relaxed:
            return ""
        return (
            f"note: {len(self.relaxed)} converted resource(s) have findings allowed only in "
            f"Magic Modules specs ({', '.join(sorted(RELAXED_FOR_FOREIGN))}); `mmgen validate` "
            f"reports them as errors until the specs are fixed: {', '.join(self.relaxed)}"
        )


def convert_specs(src: str | Path, out_dir: str | Path, fmt: str = "auto") -> ConvertOutcome:
    """Convert the mmv1 or Azure MM specs under `src` into mmgen specs under `out_dir`.

    Writes nothing when no product is usable. Never raises for bad input.
    """
    src_path, out = Path(src), Path(out_dir)
    bag = DiagnosticBag()
    if not src_path.exists():
        bag.error("io", "path does not exist", Location(str(src)), "check the path")
        return ConvertOutcome(2, fmt, bag.items)
    report = validate_paths([str(src_path)], fmt)
    if report.format not in FOREIGN:
        bag.error(
            "convert-format",
            f"`{src}` is not an mmv1 or Azure Magic Modules spec tree (read as `{report.format}`)",
            Location(str(src)),
            "pass --from mmv1 or --from azure-mm, or point at the corpus folder",
        )
        return ConvertOutcome(2, report.format, bag.items)
    outcome = ConvertOutcome(1, report.format, list(report.diagnostics))
    outcome.dropped = list(report.dropped)
    by_file = {path: f"{prod}/{res}" for (prod, res), path in report.sources.items()}
    relaxed = {
        by_file[d.location.file]
        for d in report.warnings
        if d.code in RELAXED_FOR_FOREIGN and d.location.file in by_file
    }
    usable = [p for p in report.usable if p.resources]
    if not usable:
        outcome.diagnostics.append(
            Diagnostic(
                Severity.ERROR,
                "convert-nothing",
                "no product with a loadable resource: nothing written",
                Location(str(src)),
            )
        )
        return outcome
    clashes = _folder_clashes(usable)
    if clashes:
        outcome.diagnostics.extend(clashes)
        outcome.exit_code = 1
        return outcome
    try:
        for product in usable:
            _write_product(product, out / product.name, outcome, relaxed)
        _write_provider(report.format, out, outcome)
    except OSError as exc:
        outcome.diagnostics.append(
            Diagnostic(
                Severity.ERROR,
                "io",
                f"cannot write the converted specs: {exc.strerror or exc}",
                Location(str(exc.filename or out)),
            )
        )
        return outcome
    outcome.diagnostics.extend(_read_back(usable, out, report.sources))
    outcome.exit_code = 0
    return outcome


def _write_provider(fmt: str, out: Path, outcome: ConvertOutcome) -> None:
    """The tree's provider, as upstream names it (mmv1: google, Azure MM: azurerm).

    An existing provider.yaml is the user's: it is kept."""
    path = out / PROVIDER_FILE
    if path.exists():
        return
    name, display = FOREIGN_DEFAULTS[fmt]
    provider = default_provider(name, display)
    token = provider.token_setting
    lines = [
        f"# The provider this tree becomes, converted from {fmt} specs.",
        f"name: {yaml_scalar(provider.name)}",
        f"display_name: {yaml_scalar(provider.display_name)}",
        f"registry: {yaml_scalar(provider.registry)}",
        f"go_module: {yaml_scalar(provider.go_module)}",
        f"docs_family: {yaml_scalar(provider.family.value)}",
    ]
    if token is not None:
        lines += [
            "settings:",
            "  - name: token",
            "    env: [" + ", ".join(yaml_scalar(e) for e in token.env) + "]",
            "    sensitive: true",
            f"    description: {yaml_scalar(token.description)}",
        ]
    write_text_atomic(path, "\n".join(lines) + "\n")
    outcome.written.append(str(path))


def _write_product(
    product: Product, folder: Path, outcome: ConvertOutcome, relaxed: set[str]
) -> None:
    files = {PRODUCT_FILE: product_to_yaml(product)}
    for res in product.resources:
        files[f"{res.name}.yaml"] = resource_to_yaml(res, prefix=product.prefix)
    for name, text in files.items():
        if write_text_atomic(folder / name, text):
            outcome.written.append(str(folder / name))
    for res in product.resources:
        outcome.resources.append(f"{product.name}/{res.name}")
        if f"{product.name}/{res.name}" in relaxed:
            outcome.relaxed.append(f"{product.name}/{res.name}")
    for stale in sorted(folder.glob("*.y*ml")):
        if stale.name not in files:
            outcome.diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    "convert-stale",
                    f"`{stale.name}` was not written by this conversion (left from an earlier "
                    "run, or added by hand); `mmgen validate` and `generate` still read it",
                    Location(str(stale)),
                    "delete it if its resource is no longer converted",
                )
            )
    outcome.products.append(product.name)


def _folder_clashes(products: list[Product]) -> list[Diagnostic]:
    """Two products (or resources of one product) that would share an output file."""
    bag = DiagnosticBag()
    seen: dict[str, Product] = {}
    for p in products:
        if p.name in seen:
            bag.error(
                "duplicate-name",
                f"products `{seen[p.name].display_name}` and `{p.display_name}` both convert "
                f"to the folder `{p.name}/`",
                p.loc,
                "convert them separately",
            )
        seen[p.name] = p
        names: set[str] = set()
        for r in p.resources:
            if r.name in names or r.name == Path(PRODUCT_FILE).stem:
                bag.error(
                    "duplicate-name",
                    f"resource `{r.name}` of `{p.name}` clashes with another output file",
                    r.loc,
                )
            names.add(r.name)
    return bag.items


# --- fidelity check ---------------------------------------------------------------------------


def _read_back(
    products: list[Product], out: Path, sources: dict[tuple[str, str], str]
) -> list[Diagnostic]:
    """Load the written specs and report what did not survive the trip (`convert-field-lost`)."""
    loaded = load_specs([str(out / p.name) for p in products])
    bag = DiagnosticBag()
    back = {(p.name, r.name): r for p in loaded.products for r in p.resources}
    for product in products:
        for res in product.resources:
            where = Location(sources.get((product.name, res.name), ""))
            again = back.get((product.name, res.name))
            if again is None:
                bag.error(
                    "convert-unreadable",
                    f"the converted spec of `{res.terraform_name}` does not load back",
                    where,
                    "run `mmgen validate` on the output to see why",
                )
                continue
            lost = _differences(res, again)
            if lost:
                bag.warning(
                    "convert-field-lost",
                    f"`{res.terraform_name}`: the mmgen spec format cannot hold "
                    f"{', '.join(lost)}; the converted spec leaves it out",
                    where,
                    "keep generating from the source format if the resource needs it",
                )
    return bag.items


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Dotted paths of the fields where two model values differ (locations ignored)."""
    if a == b:
        return []
    if dataclasses.is_dataclass(a) and type(a) is type(b):
        out: list[str] = []
        for f in dataclasses.fields(a):
            if f.compare:
                out += _differences(getattr(a, f.name), getattr(b, f.name), _join(path, f.name))
        return out
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            label = getattr(x, "name", None) if isinstance(getattr(x, "name", None), str) else i
            out += _differences(x, y, _join(path, str(label)))
        return out
    return [f"`{path}`" if path else "the value"]


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


__all__ = ["ConvertOutcome", "convert_specs"]
