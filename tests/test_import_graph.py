"""No import cycles in the generator package, nor inside the emulator and loader packages.

Every import counts, including those under `if TYPE_CHECKING:` and inside functions: a
cycle hidden that way still couples the two modules, and a function-level import only
moves the failure from start-up to the first call.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The whole package (api, pipeline, sync, targets, ...) and its sub-packages on their own.
PACKAGES = ["generator", "generator/emulator", "generator/loaders", "generator/docs_site"]


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: str, root: Path = REPO) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in its body."""
    files = {_module_name(root, p): p for p in sorted((root / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                # `from . import x` names a module; `from .m import x` names one in m.
                targets |= {module} | {f"{module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names}
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle(package: str) -> None:
    cycle = find_cycle(import_graph(package))
    assert cycle is None, " -> ".join(cycle or [])


def test_the_checker_sees_hidden_imports(tmp_path: Path) -> None:
    """The old emulator cycle: a TYPE_CHECKING import one way, a function-level one back."""
    pkg = tmp_path / "p"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "control.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from .server import Emulator\n"
    )
    (pkg / "server.py").write_text("def dispatch():\n    from .control import handle\n")
    assert find_cycle(import_graph("p", tmp_path)) == ["p.control", "p.server", "p.control"]
    (pkg / "control.py").write_text("from . import shared\n")
    (pkg / "shared.py").write_text("")
    assert find_cycle(import_graph("p", tmp_path)) is None
    assert import_graph("p", tmp_path)["p.control"] == {"p", "p.shared"}
