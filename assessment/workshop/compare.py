"""Progress over time: what changed between two assessments of one company.

Both documents are checked and scored by the same engine (an older one is
migrated first, like any document of an earlier bank). The comparison says:

- per pillar, the score before and after and the change;
- whether the root moved;
- which answers improved or slipped: a practice or figure that reached a higher
  (lower) level, or a figure that moved in its better (worse) direction within
  its band; other changes (answered for the first time, no longer answered, a
  figure now known or no longer known, "not applicable") are listed apart;
- which plan actions are gone, and why: "done" when the answer to the action's
  question has moved past what the action asks, "pillar" when its pillar no
  longer needs work (healthy, so its actions left the plan), "unanswered" when
  the question is no longer answered (or its figure no longer known); and which
  actions are new;
- the action states recorded in either document ("marked done").

A document compared with itself shows no change at all.
"""

from __future__ import annotations

from typing import Any

from ..answers.document import Submission
from ..answers.values import Answer
from ..bank.model import NOT_APPLICABLE, UNKNOWN, Bank, Question
from ..scoring.plan import triggered
from ..scoring.result import build_result, shown_answer
from ..scoring.scores import QuestionScore, judge


def compare(bank: Bank, old: Submission, new: Submission, lang: str) -> dict[str, Any]:
    """The change from `old` to `new` as plain data (see the module's rules)."""

    def t(text: dict[str, str]) -> str:
        return text[lang]

    before, after = build_result(bank, old, lang), build_result(bank, new, lang)
    names = {p.id: t(p.name) for p in bank.pillars}
    pillars = []
    for b, a in zip(before["pillars"], after["pillars"], strict=True):
        change = None if b["score"] is None or a["score"] is None else a["score"] - b["score"]
        pillars.append(
            {
                "id": b["id"],
                "letter": b["letter"],
                "name": b["name"],
                "old": b["score"],
                "new": a["score"],
                "change": change,
            }
        )
    improved, slipped, changed = [], [], []
    for question in bank.questions:
        was, now = old.answers.get(question.id), new.answers.get(question.id)
        if was == now:
            continue
        old_score = _judged(question, was, old)
        new_score = _judged(question, now, new)
        entry = {
            "question": question.id,
            "pillar": question.pillar,
            "area": t(question.area),
            "old": shown_answer(bank, question.id, was, old_score, t),
            "new": shown_answer(bank, question.id, now, new_score, t),
            "old_level": _level(old_score),
            "new_level": _level(new_score),
            "max_level": question.max_level if question.scored else None,
            "note": new.notes.get(question.id),
        }
        direction = _direction(question, was, now, old_score, new_score)
        if direction > 0:
            improved.append(entry)
        elif direction < 0:
            slipped.append(entry)
        else:
            changed.append({**entry, "kind": _kind(was, now)})
    old_plan = {a["id"]: a for a in before["plan"]}
    new_plan = {a["id"]: a for a in after["plan"]}
    gone = [
        {
            "id": aid,
            "title": action["title"],
            "pillar": action["pillar"],
            "reason": _why_gone(bank, aid, new),
            "marked_done": "done" in (old.actions.get(aid), new.actions.get(aid)),
        }
        for aid, action in old_plan.items()
        if aid not in new_plan
    ]
    added = [
        {"id": aid, "title": a["title"], "pillar": a["pillar"]} for aid, a in new_plan.items() if aid not in old_plan
    ]
    root_moved = before["root"] != after["root"]
    return {
        "lang": lang,
        "bank_version": bank.version,
        "company": new.company or old.company,
        "old_date": old.date,
        "new_date": new.date,
        "pillars": pillars,
        "root": {
            "old": before["root"],
            "new": after["root"],
            "old_name": names.get(before["root"] or ""),
            "new_name": names.get(after["root"] or ""),
            "moved": root_moved,
        },
        "improved": improved,
        "slipped": slipped,
        "changed": changed,
        "actions_gone": gone,
        "actions_new": added,
        "marked_done": [aid for aid, state in new.actions.items() if state == "done"],
        "unchanged": not (improved or slipped or changed or gone or added or root_moved)
        and all(p["change"] in (0, None) and (p["old"] is None) == (p["new"] is None) for p in pillars),
        "old": before,
        "new": after,
    }


def _judged(question: Question, answer: Answer | None, submission: Submission) -> QuestionScore | None:
    if answer is None or answer == NOT_APPLICABLE:
        return None
    return judge(question, answer, submission.answers, submission.profile)


def _level(scored: QuestionScore | None) -> int | None:
    return scored.level if scored is not None and scored.known and scored.question.scored else None


def _direction(
    question: Question, was: Answer | None, now: Answer | None, old: QuestionScore | None, new: QuestionScore | None
) -> int:
    """+1 improved, -1 slipped, 0 neither (or not comparable: answered, unanswered, unknown, not applicable)."""
    if was is None or now is None or UNKNOWN in (was, now) or NOT_APPLICABLE in (was, now):
        return 0
    old_level, new_level = _level(old), _level(new)
    if old_level is not None and new_level is not None and old_level != new_level:
        return 1 if new_level > old_level else -1
    if question.kind == "number" and isinstance(was, (int, float)) and isinstance(now, (int, float)):
        better = now < was if question.better == "lower" else now > was
        return 1 if better else -1
    return 0


def _kind(was: Answer | None, now: Answer | None) -> str:
    if was is None:
        return "answered"
    if now is None:
        return "unanswered"
    if was == UNKNOWN:
        return "measured"
    if now == UNKNOWN:
        return "no-longer-known"
    return "not-applicable" if NOT_APPLICABLE in (was, now) else "changed"


def _why_gone(bank: Bank, action_id: str, new: Submission) -> str:
    """Why an action left the plan: "done", "pillar" (its pillar no longer needs work) or "unanswered"."""
    action = bank.action(action_id)
    if action is None:
        return "unanswered"
    question = bank.question(action.question)
    answer = new.answers.get(action.question)
    if question is None or answer is None or answer == NOT_APPLICABLE or (answer == UNKNOWN and not action.on_unknown):
        return "unanswered"
    return "pillar" if triggered(action, judge(question, answer, new.answers, new.profile)) else "done"
