"""A no-op `generate` answered from a record of the last run, as a build system would.

A run's output depends on the bytes of the specs folder, the files it read outside it (Magic
Modules' example templates), mmgen's own code and templates, the template overrides, the
formatter and the command's arguments. After a successful run the record keeps a digest of
all of those, plus, for every file the run owns and for its manifest, what `stat` said
(size, mtime, ctime, inode) once the run was over. The next run with the same digest whose
files all still stat the same has nothing to do: it reports the recorded diagnostics and
summary without loading a single spec. Anything else (an edited spec, template or
generated file, a file gone, another mmgen) takes the full path, which re-reads and
compares every file.

A hand edit changes a file's ctime, which no tool can set back, so an edit that restores
the old size and mtime is still seen. Timestamps are coarse on some file systems, so a file
changed within `RACY_NS` of the record could stat the same after a second edit: such a file
is also recorded by its hash and read again (git's "racy" rule); a later hit re-records it
by stat alone once it is old enough. Records live in the cache folder (`MMGEN_CACHE_DIR`;
`off` disables them, as it disables the product cache). `--check`, and runs limited to
some products or resources, always take the full path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .cache_dir import default_cache_dir
from .confine import read_regular
from .outside_reads import unchanged
from .pickle_store import dump_atomic, load

RECORD_VERSION = 3
_GENERATOR_DIR = Path(__file__).resolve().parent
Stat = tuple[int, int, int, int]
RACY_NS = 3_000_000_000  # FAT's mtime is 2 s; every other file system is finer


@dataclass
class RunRecord:
    digest: str
    outside_reads: dict[str, str]
    outputs: dict[str, Stat]  # path relative to --out -> (size, mtime_ns, ctime_ns, inode)
    outcome: Any  # the GenerateOutcome to report again (no per-file lines)
    racy: dict[str, str]  # files too new to trust by stat: path -> sha256
    # What every folder holding an owned file lists: a stray file there (a killed write's
    # temp file, which the full path cleans up) is noticed. Listings, not folder mtimes,
    # which are too coarse on some file systems to see a file added just after the run.
    folders: dict[str, tuple[str, ...]]
    # What the run wrote to each file (path -> sha256): a later run that finds a file
    # stat-ing as recorded (and not racy) knows its content without reading it.
    shas: dict[str, str]


class _Unrecordable(Exception):
    """The inputs hold something a digest of their bytes would not follow (a link)."""


def _feed(h: Any, data: bytes) -> None:
    h.update(len(data).to_bytes(8, "big") + data)  # length first: no two inputs collide


def _tree_digest(h: Any, root: Path, suffixes: tuple[str, ...] | None = None) -> None:
    """Every folder and regular file under `root` (names and bytes), in a fixed order.

    A link anywhere raises _Unrecordable: what it points at is outside what is hashed, so
    such a run is never answered from a record."""
    _feed(h, b"tree:" + os.fsencode(root))
    if os.path.islink(root):
        raise _Unrecordable
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        rel_dir = os.path.relpath(dirpath, root)
        for name in dirnames:
            if os.path.islink(os.path.join(dirpath, name)):
                raise _Unrecordable
            _feed(h, b"dir:" + os.fsencode(os.path.join(rel_dir, name)))
        for name in sorted(filenames):
            if suffixes and not name.endswith(suffixes):
                continue
            path = os.path.join(dirpath, name)
            _feed(h, b"file:" + os.fsencode(os.path.join(rel_dir, name)))
            try:
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    raise _Unrecordable
                if stat.S_ISREG(st.st_mode):
                    _feed(h, read_regular(path))  # never blocks, should it be swapped
                else:  # a FIFO or device: never opened; the full path reports it
                    _feed(h, f"special:{st.st_mode}:{st.st_ino}:{st.st_mtime_ns}".encode())
            except OSError as exc:
                _feed(h, f"unreadable:{exc.errno}".encode())


def _tools() -> str:
    """Which formatters would run, and which builds of them: the python formatter chosen
    (`MMGEN_FORMATTER`, and whether ruff is installed), ruff's and gofmt's binaries."""
    parts = [os.environ.get("MMGEN_FORMATTER", "ruff")]
    search = os.pathsep.join(
        [os.path.join(sys.prefix, "bin"), os.environ.get("PATH", ""), "/usr/local/go/bin"]
    )
    for tool in ("ruff", "gofmt"):
        found = shutil.which(tool, path=search)
        if found is None:
            parts.append(f"{tool}:none")
            continue
        st = os.stat(found)
        parts.append(f"{tool}:{found}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(parts)


def run_digest(
    specs_dir: str,
    out_dir: str,
    target: str,
    template_dirs: Sequence[Path],
    spec_format: str,
    builtin_templates: Path,
) -> str | None:
    """What the run's output depends on, apart from the files it reads outside the specs;
    None when that cannot be told from the bytes (a link in the specs or templates)."""
    h = hashlib.sha256()
    for part in (
        f"v{RECORD_VERSION}",
        f"mmgen={__version__}",
        _tools(),
        target,
        spec_format,
        os.getcwd(),
        specs_dir,
        os.fspath(Path(out_dir).resolve()),
    ):
        _feed(h, os.fsencode(part))
    try:
        _tree_digest(h, _GENERATOR_DIR, (".py",))
        _tree_digest(h, builtin_templates)
        for t in template_dirs:
            _tree_digest(h, t)
        _tree_digest(h, Path(specs_dir))
    except _Unrecordable:
        return None
    return h.hexdigest()


def _record_path(out_dir: str) -> Path | None:
    base = default_cache_dir()
    if base is None:
        return None
    where = hashlib.sha256(
        os.fsencode(os.getcwd()) + b"\0" + os.fsencode(Path(out_dir).resolve())
    ).hexdigest()
    return base / "runs" / f"{where[:32]}.pickle"


def _stat(path: str) -> Stat | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _listing(folder: str) -> tuple[str, ...] | None:
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return None


def read_record(out_dir: str) -> RunRecord | None:
    """The last run's record for this output folder, whatever it says (None: none, or a
    bad one). Read once per run: `recorded` and `known_contents` both take it."""
    path = _record_path(out_dir)
    if path is None:
        return None
    try:
        record = load(path)
    except Exception:  # noqa: BLE001 - no record, or a bad one: take the full path
        return None
    return record if isinstance(record, RunRecord) else None


def known_contents(out_dir: str, record: RunRecord | None = None) -> dict[str, str]:
    """Files of the output whose content the last run's record vouches for: path -> sha256
    of what that run wrote, for each file that still stats exactly as recorded (size,
    mtime, ctime, inode) and was not racy then. Whatever the specs say now: these are
    facts about the disk, which lets a run with edited specs compare most files by hash
    instead of reading them back."""
    record = record or read_record(out_dir)
    if record is None:
        return {}
    known = {}
    for rel, seen in record.outputs.items():
        sha = record.shas.get(rel)
        if sha is not None and rel not in record.racy and _stat(os.path.join(out_dir, rel)) == seen:
            known[rel] = sha
    return known


def recorded(out_dir: str, digest: str, record: RunRecord | None = None) -> RunRecord | None:
    """The last run's record when nothing it depends on or wrote has changed since."""
    record = record or read_record(out_dir)
    if record is None or record.digest != digest:
        return None
    for rel, seen in record.outputs.items():
        if _stat(os.path.join(out_dir, rel)) != seen:
            return None
    for rel, names in record.folders.items():
        if _listing(os.path.join(out_dir, rel) if rel else out_dir) != names:
            return None  # a file added or removed there (a killed write's temp file, ...)
    for rel, content_sha in record.racy.items():
        try:
            data = read_regular(os.path.join(out_dir, rel))
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != content_sha:
            return None
    if not unchanged(record.outside_reads):
        return None
    if record.racy:  # trusted by content this time; by stat from now on, once old enough
        owned = {rel: record.racy.get(rel) for rel in record.outputs}
        remember(out_dir, digest, record.outside_reads, owned, record.outcome)
    return record


def remember(
    out_dir: str,
    digest: str,
    outside_reads: dict[str, str],
    owned: Mapping[str, str | None],
    outcome: Any,
) -> None:
    """Keep the record of a run that finished: its digest and its files as they are now.

    `owned` maps each file to the sha256 of what the run wrote there when it knows it
    (then a racy file is not read back), else None."""
    path = _record_path(out_dir)
    if path is None:
        return
    outputs: dict[str, Stat] = {}
    racy: dict[str, str] = {}
    recent = time.time_ns() - RACY_NS
    for rel in owned:
        full = os.path.join(out_dir, rel)
        seen = _stat(full)
        if seen is None:
            return  # a file the run owns is not there: no record, the next run checks all
        outputs[rel] = seen
        if max(seen[1], seen[2]) >= recent:
            known = owned[rel]
            if known is None:
                try:
                    known = hashlib.sha256(read_regular(full)).hexdigest()
                except OSError:
                    return
            racy[rel] = known
    folders: dict[str, tuple[str, ...]] = {}
    for rel in sorted({os.path.dirname(r) for r in outputs}):
        names = _listing(os.path.join(out_dir, rel) if rel else out_dir)
        if names is None:
            return
        folders[rel] = names
    reads = dict(sorted(outside_reads.items()))
    shas = {rel: sha for rel, sha in owned.items() if sha is not None}
    record = RunRecord(digest, reads, outputs, outcome, racy, folders, shas)
    dump_atomic(path, record)  # a record that cannot be kept only costs a full run


def forget(out_dir: str) -> None:
    """Drop the record (a run that failed, or wrote only part of the tree)."""
    path = _record_path(out_dir)
    if path is not None:
        try:
            path.unlink()
        except OSError:
            pass
