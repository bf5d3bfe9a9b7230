"""One side of a diff: a specs folder, or a git revision of the current repository.

A revision is read with `git archive` into a temporary folder. The archive comes from the
pull request under review, so every member is checked as mmgen checks every path it
writes (`confine.output_path`): absolute names, `..`, and members that are not plain files
or folders (symbolic links, hard links, devices) are left out with a warning, never
followed. Both sides load through `validate_paths`, the entry `mmgen validate` uses, so a
diff costs one load and check per side, and locations inside the temporary folder are
relabelled back to the repository's paths (relative to the working directory, as
`mmgen validate` prints them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field, replace
from os.path import lexists
from pathlib import Path

from ..confine import Escape, output_path
from ..diagnostics import Diagnostic, DiagnosticBag, Location
from ..model.nodes import Product
from ..spec_check import validate_paths

DEFAULT_SPECS = "specs"
GIT_TIMEOUT = 120  # seconds; a revision of a huge repository still archives in far less


@dataclass
class Side:
    label: str  # as given: a folder, `REV` or `REV:PATH`
    products: list[Product] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    format: str = "mmgen"
    # `product/resource` names whose specs have errors (foreign formats): not compared.
    dropped: list[str] = field(default_factory=list)
    # (product, resource) name -> the spec file it was loaded from.
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    # A revision's temporary folder, as diagnostics name it; "" for a folder side.
    tmp_prefix: str = ""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def relabel(self, loc: Location) -> Location:
        """`loc` with the temporary folder of a revision replaced by the repository path."""
        if not self.tmp_prefix or not loc.file.startswith(self.tmp_prefix):
            return loc
        return loc._replace(file=loc.file[len(self.tmp_prefix) :])


def split_rev(spec: str, specs_path: str) -> tuple[str, str]:
    """(revision, path relative to the working directory) of `REV` or `REV:PATH`."""
    rev, sep, path = spec.partition(":")
    if sep and path:
        return rev, path
    return rev, specs_path


def load_side(spec: str, specs_path: str = DEFAULT_SPECS, spec_format: str = "auto") -> Side:
    """Load one side; never raises for bad input (missing folder, unknown revision)."""
    if lexists(spec):
        return _from_report(Side(spec), [spec], spec_format)
    rev, path = split_rev(spec, specs_path)
    side = Side(spec)
    bag = DiagnosticBag()
    where = Location(spec, 0, 0)
    if not rev or rev.startswith("-"):
        bag.error("diff-unknown-side", f"`{spec}` is neither a folder nor a revision", where)
        side.diagnostics = bag.items
        return side
    if shutil.which("git") is None:
        bag.error("diff-unknown-side", f"`{spec}` is no folder, and git is not installed", where)
        side.diagnostics = bag.items
        return side
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"])
    if commit is None:
        bag.error(
            "diff-unknown-side",
            f"`{spec}` is neither a folder nor a revision of this repository",
            where,
            "give a specs folder, or a revision such as `origin/main` or `HEAD~1:specs`",
        )
        side.diagnostics = bag.items
        return side
    tmp = tempfile.mkdtemp(prefix="mmgen-diff-")
    try:
        bag.extend(_extract(rev, path, tmp, spec))
        target = os.path.join(tmp, path)
        if bag.has_errors or not lexists(target):
            if bag.has_errors:
                side.diagnostics = bag.items
                return side
            bag.error(
                "diff-unknown-side",
                f"revision `{rev}` has no `{path}`",
                where,
                "name the specs folder as `REV:PATH` or with --specs",
            )
            side.diagnostics = bag.items
            return side
        side.tmp_prefix = os.path.relpath(tmp) + os.sep
        side = _from_report(side, [os.path.relpath(target)], spec_format)
        side.diagnostics = bag.items + [
            replace(d, location=side.relabel(d.location)) for d in side.diagnostics
        ]
        side.sources = {k: side.relabel(Location(v, 0, 0)).file for k, v in side.sources.items()}
        return side
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _from_report(side: Side, paths: list[str], spec_format: str) -> Side:
    report = validate_paths(paths, spec_format)
    side.format = report.format
    side.diagnostics = list(report.diagnostics)
    # Every product as loaded, with the resources whose specs have errors (foreign
    # formats): the diff leaves those out only where both sides have them.
    side.products = list(report.products)
    side.dropped = list(report.dropped)
    side.sources = dict(report.sources)
    return side


def _git(args: list[str]) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _extract(rev: str, path: str, tmp: str, spec: str) -> list[Diagnostic]:
    """Write the regular files of `rev:path` under `tmp`; what is left out, as warnings."""
    bag = DiagnosticBag()
    cmd = ["git", "archive", "--format=tar", rev, "--", path]
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        bag.error("diff-unknown-side", f"cannot run git archive: {exc}", Location(spec, 0, 0))
        return bag.items
    assert proc.stdout is not None
    try:
        with tarfile.open(fileobj=proc.stdout, mode="r|") as archive:
            for member in archive:
                try:
                    dest = output_path_of(tmp, member.name)
                except Escape as exc:
                    bag.warning("diff-archive-member", f"left out: {exc}", Location(spec, 0, 0))
                    continue
                if member.isdir():
                    os.makedirs(dest, exist_ok=True)
                elif member.isfile():
                    source = archive.extractfile(member)
                    if source is None:
                        continue
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    with open(dest, "xb") as out:
                        shutil.copyfileobj(source, out)
                else:
                    bag.warning(
                        "diff-archive-member",
                        f"left out `{member.name}`: not a plain file or folder (a link?)",
                        Location(spec, 0, 0),
                    )
    except (tarfile.TarError, OSError) as exc:
        bag.error("diff-unknown-side", f"cannot read `{spec}`: {exc}", Location(spec, 0, 0))
    finally:
        proc.stdout.close()
        _, err = proc.communicate(timeout=GIT_TIMEOUT)
    if proc.returncode not in (0, None) and not bag.has_errors:
        message = err.decode("utf-8", "replace").strip().splitlines()
        bag.error(
            "diff-unknown-side",
            f"revision `{rev}` has no `{path}` ({message[-1] if message else proc.returncode})",
            Location(spec, 0, 0),
            "name the specs folder as `REV:PATH` or with --specs",
        )
    return bag.items


def output_path_of(tmp: str, name: str) -> str:
    """Where archive member `name` goes under `tmp`; raises Escape when it would leave."""
    return str(output_path(Path(tmp), name.rstrip("/")))


__all__ = ["DEFAULT_SPECS", "Side", "load_side", "split_rev"]
