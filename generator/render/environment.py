"""The one Jinja environment factory, used by the product and the tests alike.

StrictUndefined: a template that names a missing variable is an error, not an empty
string in generated code. Autoescaping is off because no output is HTML; values that
come from specs reach templates already escaped for their target (see `literals.py`).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

import jinja2

from .template_root import PACKAGE_ROOT, builtin_templates_dir

__all__ = ["PACKAGE_ROOT", "builtin_templates_dir", "make_environment", "shared_environment"]


def make_environment(target: str, overrides: Sequence[Path] | None = None) -> jinja2.Environment:
    """Templates of `target`; user folders in `overrides` win over ours, by template name."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(p)) for p in overrides or ()]
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates_dir() / target)))
    # Language-neutral templates (the docs pages) are shared by every target.
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates_dir())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,
    )
    # Whether every template comes from mmgen (no user folder can shadow one, an included
    # one either): the go target trusts its own templates' Go to be valid (go_layout).
    env.extend(mmgen_own_templates=not overrides)
    return env


def shared_environment(target: str, overrides: Sequence[Path] | None = None) -> jinja2.Environment:
    """One environment per target and template folders in this process, so each template
    is compiled once per process rather than once per product (a profile of the mmv1
    corpus spent 28% of its time recompiling the same templates). Templates are checked
    for edits on disk (`auto_reload`) at each use: a long-lived process sees them."""
    return _environment(target, tuple(str(Path(p).resolve()) for p in overrides or ()))


@functools.lru_cache(maxsize=16)
def _environment(target: str, overrides: tuple[str, ...]) -> jinja2.Environment:
    env = make_environment(target, [Path(p) for p in overrides])
    env.auto_reload = True
    env.bytecode_cache = _bytecode_cache()
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept across processes (a run that re-renders one resource would
    spend a quarter of its time compiling them). Jinja checks each entry against its
    template's source; the folder is per mmgen code, Jinja and Python build, since the
    compiled form also depends on the environment's options set above."""
    from ..cache_dir import default_cache_dir
    from ..resource_memo import code_digest

    base = default_cache_dir()
    if base is None:
        return None
    build = f"{code_digest()}:{jinja2.__version__}:{sys.version}".encode()
    folder = base / "jinja" / hashlib.sha256(build).hexdigest()[:24]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
