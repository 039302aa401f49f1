"""A company's business profile: checked against the bank's dimensions, and values of earlier banks moved
to their successors (retired.toml, [[retired_profile]])."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..bank.model import Bank, Profile
from ..errors import AnswerError
from .shown import _short, shown_id


def check_profile(bank: Bank, profile: Any) -> Profile:
    """A profile maps dimension ids to a value (or a list of values where several are allowed)."""
    if profile is None:
        return {}
    if not isinstance(profile, Mapping):
        raise AnswerError("'profile' must be an object mapping profile questions to answers", "shape")
    checked: Profile = {}
    for dim_id, value in profile.items():
        dimension = next((d for d in bank.dimensions if d.id == dim_id), None)
        if dimension is None:
            raise AnswerError(f"unknown profile question {_short(dim_id)}", "unknown_profile", shown_id(dim_id))
        if value is None or value == []:
            continue
        values = value if isinstance(value, list) and dimension.multiple else [value]
        if len(values) > len(dimension.options) or not all(isinstance(v, str) for v in values):
            raise AnswerError(
                f"profile {dim_id!r}: expected {'a list of ' if dimension.multiple else ''}option values",
                "bad_profile",
                dim_id,
            )
        retired = {r.value: r for r in bank.retired_profile if r.dimension == dim_id}
        for v in values:
            if v not in dimension.values() and v not in retired:
                expected = ", ".join(dimension.values())
                raise AnswerError(
                    f"profile {dim_id!r}: invalid option {_short(v)} (expected one of: {expected})",
                    "bad_profile",
                    dim_id,
                )
        # In the bank's order, whatever order they came in: one profile, one spelling.
        checked[dim_id] = tuple(v for v in (*dimension.values(), *retired) if v in values)
    return migrate_profile(bank, checked)


def migrate_profile(bank: Bank, profile: Profile) -> Profile:
    """Values of earlier banks (retired.toml, [[retired_profile]]) moved to their successors, read from the
    rest of the profile: "marketplace" becomes the platform family of the first channel that names one."""
    migrated = dict(profile)
    for retired in bank.retired_profile:
        values = migrated.get(retired.dimension, ())
        if retired.value in values:
            new = retired.successor(profile, bank.dimensions)
            order = next(d.values() for d in bank.dimensions if d.id == retired.dimension)
            kept = {v for v in values if v != retired.value} | {new}
            migrated[retired.dimension] = tuple(v for v in order if v in kept)
    return migrated


def profile_migrations(bank: Bank, raw: Any) -> list[tuple[str, str, str]]:
    """(dimension, earlier value, value now) for each retired value a raw profile carried."""
    if not isinstance(raw, Mapping):
        return []
    found = []
    checked = check_profile(bank, raw)
    for retired in bank.retired_profile:
        given = raw.get(retired.dimension)
        values = given if isinstance(given, list) else [given]
        if retired.value in values:
            found.append((retired.dimension, retired.value, retired.successor(checked, bank.dimensions)))
    return found
