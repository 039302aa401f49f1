"""The command line, `python -m assessment` (main.py: the commands; inputs.py: reading files and share links)."""

from __future__ import annotations

from .main import main, run

__all__ = ["main", "run"]
