"""Replace a published folder only with a build that succeeded.

A build writes into a new folder beside its target; only when it succeeds does
that folder take the target's place, with two renames on the same file system.
A failed or interrupted build leaves the previous site untouched, and two
builds at once never write into the same folder.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def build_into(target: Path, build: Callable[[Path], int]) -> int:
    """Run `build(folder)` into a fresh folder beside `target`; on status 0, put it in `target`'s place."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        status = build(staging)
        if status == 0:
            swap(staging, target)
        return status
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    """Move `new` to `target`, replacing what was there with as short a gap as two renames."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
