"""A spec-driven REST API emulator: serves every resource of the loaded specs on loopback.

See docs/emulator.md. Public API: `Emulator`, `EmulatorConfig`, `Fault`, `load_emulator`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .config import EmulatorConfig, Fault, fault_from_dict
from .exchange import RequestRecord
from .server import Emulator


class SpecError(ValueError):
    """The specs have errors: the emulator will not serve a broken model."""


def load_emulator(
    specs_dir: str | Path | list[str] | tuple[str, ...] = "specs",
    host: str = "127.0.0.1",
    port: int = 0,
    config: EmulatorConfig | None = None,
    **kwargs: Any,
) -> Emulator:
    """An (unstarted) emulator for every product under `specs_dir` (a folder or a list).

    Any spec format loads (detected as `generate` detects it). mmgen specs must be free of
    errors; of Magic Modules trees, the resources without errors are served.
    """
    from ..api import validate_paths
    from ..diagnostics import format_diagnostics
    from ..loaders.formats import FOREIGN

    paths = (
        [str(p) for p in specs_dir] if isinstance(specs_dir, (list, tuple)) else [str(specs_dir)]
    )
    report = validate_paths(paths)
    foreign = report.format in FOREIGN
    if report.errors and not foreign:
        raise SpecError(format_diagnostics(report.errors, "text"))
    # Magic Modules trees: the resources `generate` would generate (those without errors).
    products = report.usable if foreign else report.products
    if not any(p.resources for p in products) and not report.products:
        raise SpecError(f"no product specs found under {', '.join(paths)}")
    return Emulator(products, host=host, port=port, config=config, **kwargs)


__all__ = [
    "Emulator",
    "EmulatorConfig",
    "Fault",
    "RequestRecord",
    "SpecError",
    "fault_from_dict",
    "load_emulator",
]
