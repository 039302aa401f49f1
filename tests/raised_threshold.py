"""A fork's raised health threshold, with the levels the bank's rules then require (one starts at it)."""

from __future__ import annotations

THRESHOLD = 70
_LEVELS = ((0, "Fragile", "薄弱"), (45, "Developing", "起步"), (THRESHOLD, "Solid", "稳健"), (88, "Leading", "领先"))
LEVELS = "\n".join(f'[[levels]]\nmin = {start}\nname = {{ en = "{en}", zh = "{zh}" }}' for start, en, zh in _LEVELS)
"""The [[levels]] tables of such an overlay: Solid starts at the threshold, so 69 reads Developing."""
