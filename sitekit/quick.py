"""What the reference page says about the quick check: its questions per business model and
how often its provisional root agreed with the full one on the calibrated case studies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assessment.answers.document import check_submission
from assessment.bank.model import Bank
from assessment.bank.quick import load_quick
from assessment.scoring.root import root_of
from assessment.scoring.scores import score_pillars

CALIBRATION = Path(__file__).resolve().parents[1] / "calibration"


def _root(bank: Bank, answers: dict[str, Any], profile: Any) -> str | None:
    submission = check_submission(bank, answers, profile)
    pillars = score_pillars(bank, submission.answers, submission.profile)
    return root_of(pillars, bank.scoring).pillar


def agreement(bank: Bank, folder: Path = CALIBRATION) -> tuple[int, int]:
    """(cases whose quick root equals their full root, cases), on each case's stated answers."""
    quick = load_quick(bank)
    same = total = 0
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text("utf-8"))
        submission = check_submission(bank, document["answers"], document.get("profile"))
        asked = quick.questions_for(submission.profile)
        short = {q: v for q, v in document["answers"].items() if q in asked}
        same += _root(bank, document["answers"], document.get("profile")) == _root(bank, short, document.get("profile"))
        total += 1
    return same, total


def quick_reference(bank: Bank, lang: str) -> dict[str, Any]:
    """The quick check as the reference page lists it."""
    quick = load_quick(bank)
    dimension = next(d for d in bank.dimensions if d.id == quick.by)
    labels = {o.value: o.label[lang] for o in dimension.options}
    same, total = agreement(bank)
    areas = {q.id: q.area[lang] for q in bank.questions}
    return {
        "limit": quick.limit,
        "asked": len(bank.dimensions) + max(map(len, quick.sets.values()), default=0),
        "dimension": dimension.text[lang],
        "sets": [
            {"label": labels[value], "questions": [{"id": q, "area": areas[q]} for q in ids]}
            for value, ids in quick.sets.items()
        ],
        "agreement": {"same": same, "total": total},
    }
