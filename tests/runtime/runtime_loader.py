"""Load templates/python/runtime as the package ``mmgen_runtime`` (it is not installed).

Also loads ``sample_provider.py`` as ``mmgen_runtime_sample``. Used by conftest.py and by
serve_sample.py (the subprocess entry point of the handshake tests).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_DIR = ROOT / "templates" / "python" / "runtime"
HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path, package_dir: Path | None = None) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    locations = [str(package_dir)] if package_dir is not None else None
    spec = importlib.util.spec_from_file_location(name, path, submodule_search_locations=locations)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_runtime() -> ModuleType:
    return _load("mmgen_runtime", RUNTIME_DIR / "__init__.py", RUNTIME_DIR)


def load_sample() -> ModuleType:
    load_runtime()
    return _load("mmgen_runtime_sample", HERE / "sample_provider.py")
