"""A loaded bank as JSON and back, so a merged bank can travel as one file.

The site's build loads the upstream bank, merges the brand's overlay and
validates the result; it then writes that bank with `dumps` into the engine
package the browser downloads (`bank/bank.json`). `loads` turns it back into
the same `Bank` without reading TOML or running the checks again: they ran at
build time, on exactly this data.

The mapping follows the model's type hints, so a new field of a dataclass in
model.py travels without a change here.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, Literal, Union

from . import model
from .model import Bank

FORMAT = 1
"""Bumped when the shape of the file changes in a way old readers cannot follow."""


def to_data(value: Any) -> Any:
    """Plain JSON data for a bank or any part of it."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(to_data(v) for v in value)
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    return value


def dumps(bank: Bank) -> str:
    return json.dumps({"format": FORMAT, "bank": to_data(bank)}, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Bank:
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"not a bank file of format {FORMAT}")
    bank = from_data(Bank, document["bank"])
    assert isinstance(bank, Bank)
    return bank


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def from_data(kind: Any, data: Any) -> Any:
    """The value of type `kind` (a dataclass or a typing form used in model.py) that `to_data` gave `data` for."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: from_data(hints[f.name], data[f.name]) for f in dataclasses.fields(kind) if f.init})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in data)
        return tuple(from_data(a, v) for a, v in zip(args, data, strict=True))
    if origin is frozenset:
        return frozenset(from_data(args[0], v) for v in data)
    if origin is list:
        return [from_data(args[0], v) for v in data]
    if origin is dict:
        return {k: from_data(args[1], v) for k, v in data.items()}
    if origin in (Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        chosen = next(a for a in args if a is not type(None))
        return from_data(chosen, data)
    if origin is Literal or kind in (str, bool, int):
        return data
    if kind is float:
        return float(data)
    raise TypeError(f"no JSON mapping for {kind!r}")
