"""Read a file given by a person (an answers file, an overlay) without trusting what it is.

A FIFO named `answers.json` would block a plain `open()` for ever, and a link to
`/dev/zero` would be read until memory runs out: only regular files are read,
and never more than a limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path names a folder, a device, a pipe or a socket."""


def read_limited(path: str | Path, limit: int) -> bytes:
    """At most `limit + 1` bytes of a regular file (so a caller can tell that it is too large).

    Raises `NotRegularFile` for anything else, or the `OSError` of opening it.
    The file is opened without blocking, so a FIFO is refused instead of waited on.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegularFile("not a regular file (a folder, a device or a pipe)")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)
