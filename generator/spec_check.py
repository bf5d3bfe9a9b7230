"""Load and validate spec paths of any format: the first stages of every command.

`validate_paths` never raises on bad input; every problem is a diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .diagnostics import Diagnostic, DiagnosticBag, Findings, Severity
from .gc_budget import fewer_collections
from .loaders.formats import FOREIGN, drop_failing, load_any
from .model.nodes import Product
from .validate import validate_products


@dataclass
class ValidationReport(Findings):
    products: list[Product] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    format: str = "mmgen"
    usable: list[Product] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


@fewer_collections
def validate_paths(paths: Iterable[str], fmt: str = "auto") -> ValidationReport:
    """Load every spec under `paths` (any supported format) and run every check.

    Never raises on bad input. For foreign formats (mmv1, Azure MM), `usable` holds the
    products without the resources whose specs have errors; `dropped` names those.
    """
    loaded, fmt = load_any(paths, fmt)
    bag = DiagnosticBag(list(loaded.diagnostics))
    findings = validate_products(loaded.products, loaded.sources, shape_checked=fmt not in FOREIGN)
    if fmt in FOREIGN:
        findings = [_relax(d) for d in findings]
    bag.extend(findings)
    diagnostics = bag.sorted()
    report = ValidationReport(loaded.products, diagnostics, loaded.sources, fmt)
    if fmt in FOREIGN:
        errors = [d.location for d in diagnostics if d.is_error]
        report.usable, report.dropped = drop_failing(loaded, errors)
    else:
        report.usable = list(loaded.products)
    return report


# Rules of mmgen's own format that Magic Modules' formats do not have: in those corpora
# they are findings to report, not reasons to leave a resource out. `url-param-type`:
# upstream's `url_param_only` (and a virtual field) means "not sent in the body, not read
# back", which holds for a list or an object too; one used in a URL template is the mmv1
# loader's `mmv1-url-param-list` error instead.
RELAXED_FOR_FOREIGN = frozenset({"empty-nested-object", "id-param-computed", "url-param-type"})


def _relax(d: Diagnostic) -> Diagnostic:
    if d.is_error and d.code in RELAXED_FOR_FOREIGN:
        return replace(
            d, severity=Severity.WARNING, hint=d.hint + " (allowed in Magic Modules specs)"
        )
    return d
