"""Which commit a site comes from: `--commit`, or the git HEAD of the specs' repository.

Only what names the input goes in the footer (no dates, no host names), so a site is the
same bytes whenever and wherever it is built from the same commit.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

NOT_IN_GIT = "not in git"
DIRTY_NOTE = " (with uncommitted changes)"
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):  # no git, or it hung
        return None
    return done.stdout if done.returncode == 0 else None


def specs_commit(specs_dir: str | Path) -> str:
    """HEAD of the repository holding `specs_dir`, marked when the specs differ from it
    (edited or untracked files under the folder); "not in git" outside a repository."""
    folder = Path(specs_dir)
    head = _git(folder, "rev-parse", "HEAD")
    sha = (head or "").strip()
    if not _SHA.fullmatch(sha):
        return NOT_IN_GIT
    status = _git(folder, "status", "--porcelain", "--untracked-files=normal", "--", ".")
    return sha + (DIRTY_NOTE if status is None or status.strip() else "")
