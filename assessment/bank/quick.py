"""The quick check: the business profile and the few questions that most often decide the root.

Which questions, and how many at most, is data (`bank/quick.toml`), chosen by
`scripts/choose_quick.py` from how often each answer decides the root, not by
hand. Its result is the ordinary result on fewer answers: marked provisional by
the usual confidence rule, and every answer is kept when the company goes on to
the full assessment.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import BankError
from .model import Bank, Profile
from .tables import shown_path

QUICK_FILE = Path(__file__).parent / "quick.toml"


@dataclass(frozen=True)
class Quick:
    limit: int  # questions in all, the profile's included
    by: str  # the profile dimension the sets are chosen by (the business model)
    sets: dict[str, tuple[str, ...]]  # that dimension's value -> question ids, in the order chosen

    def questions_for(self, profile: Profile) -> tuple[str, ...]:
        """The set for the company's business model; before it is chosen, the first set."""
        chosen = profile.get(self.by, ())
        return next((self.sets[v] for v in chosen if v in self.sets), next(iter(self.sets.values()), ()))


def load_quick(bank: Bank, path: Path = QUICK_FILE) -> Quick:
    """The quick check for this bank; ids the bank does not have (hidden by a fork's overlay) are skipped."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BankError(shown_path(path), str(error)) from None
    budget = len(bank.dimensions)
    limit, by, sets = data.get("limit"), data.get("by"), data.get("questions", {})
    if not isinstance(limit, int) or limit <= budget:
        raise BankError(
            shown_path(path), f"must be a whole number above the profile's {budget} questions", field="limit"
        )
    dimension = next((d for d in bank.dimensions if d.id == by), None)
    if dimension is None:
        raise BankError(shown_path(path), f"must name a profile question, got {str(by)[:40]!r}", field="by")
    if not isinstance(sets, dict):
        raise BankError(shown_path(path), f"must map each {by} to a list of question ids", field="questions")
    checked: dict[str, tuple[str, ...]] = {}
    for value, ids in sets.items():
        field = f"questions.{value}"
        if value not in dimension.values():
            raise BankError(shown_path(path), f"{by} has no value {value[:40]!r}", field=field)
        if not isinstance(ids, list) or not all(isinstance(q, str) for q in ids):
            raise BankError(shown_path(path), "must be a list of question ids", field=field)
        if len(ids) > limit - budget:
            raise BankError(
                shown_path(path),
                f"{len(ids)} questions and the profile's {budget} exceed the limit of {limit}",
                field=field,
            )
        checked[value] = tuple(q for q in ids if bank.question(q) is not None)
    return Quick(limit, dimension.id, checked)
