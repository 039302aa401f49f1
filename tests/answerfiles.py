"""Answers files for the workshop, report and peer-band tests.

- `fixtures()`: the calibration cases and the complete companies as plain answers
  documents (their quoted evidence becomes the notes, as a consultant would write them);
- `synthetic(n)`: many made-up but valid companies, every question answered, the
  business model taking turns, reproducible from a seed;
- `write(folder, documents)`: one JSON file per document.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from assessment import get_bank

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_FILES = sorted((ROOT / "calibration").glob("*.json")) + sorted((ROOT / "tests" / "companies").glob("*.json"))


def fixtures() -> dict[str, dict[str, Any]]:
    bank = get_bank()
    documents = {}
    for path in FIXTURE_FILES:
        data = json.loads(path.read_text("utf-8"))
        notes = {q: text[: bank.workshop.note_chars] for q, text in data.get("evidence", {}).items()}
        documents[path.stem] = {"profile": data["profile"], "answers": data["answers"], "notes": notes}
    return documents


def synthetic(count: int, seed: int = 7, models: list[str] | None = None) -> list[dict[str, Any]]:
    bank = get_bank()
    rng = random.Random(seed)
    dimension = bank.dimension("model")
    assert dimension is not None
    models = models or list(dimension.values())
    documents = []
    for index in range(count):
        answers: dict[str, Any] = {}
        for q in bank.questions:
            if q.kind == "choice":
                answers[q.id] = rng.choice([o.value for o in q.options])
            else:
                answers[q.id] = round(rng.uniform(q.min, q.min + (q.max - q.min) / 4), 1)
        documents.append(
            {
                "profile": {"model": models[index % len(models)]},
                "answers": answers,
                "company": f"Company {index:02d}",
                "date": f"2026-01-{index % 28 + 1:02d}",
            }
        )
    return documents


def write(folder: Path, documents: dict[str, dict[str, Any]] | list[dict[str, Any]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    named = documents if isinstance(documents, dict) else {f"company-{i:02d}": d for i, d in enumerate(documents)}
    paths = []
    for name, document in named.items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
        paths.append(path)
    return paths
