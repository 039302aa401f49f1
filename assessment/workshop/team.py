"""The team view: several respondents of one company, merged into one assessment.

A consultant asks the owner, the operations lead, the ad buyer and customer
service the same questions, then runs a workshop on where they disagree. Each
respondent's answers are checked like any document; then:

How answers are merged (the team's answers, scored like one company's):

- each question takes the **median** of the answers given: options by their
  level, figures by how good they are. With an even number of answers, the
  weaker of the two middle ones: a weakness half the team sees is not averaged
  away. The merged answer is always one a respondent actually gave, so it can
  be explained ("the team answer is the ops lead's");
- a figure anyone knows counts as known: "unknown" only when nobody gave a value;
- "not applicable" only when more respondents say so than give an answer; between
  "unknown" and "not applicable" alone, the more frequent wins, a tie goes to
  "unknown" (measure it rather than drop it);
- a ROAS is judged against the merged margin, like any company's.

How the profile is merged (it decides which questions apply and which scale a
figure is judged on): each single-choice question takes the value most
respondents chose, a tie going to the respondent listed first (list the owner
first); a multiple choice (channels) takes every value anyone chose, since each
person sees their own channels. Every disagreement is listed, so the workshop can
settle it and answer again.

Action states merge to the most advanced anyone recorded (done over in
progress); the company is the one most respondents named. Notes stay with their
respondent: they are shown in the discuss-first list, not merged.

The pillars: each pillar's median and spread (lowest to highest) of the
respondents' own scores, beside the team's score on the merged answers and each
respondent's own root.

"Discuss first": the questions whose answers lie furthest apart, judged on the
team's profile (so a figure is read on the same scale for everyone), as the
difference between the highest and lowest level reached, as a share of the
question's top level. The team root's pillar comes first, then the widest
spread, the heavier question, bank order; at most `discuss_first` (settings.toml).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..answers.document import Submission, document_of, read_document
from ..answers.sharelink import read_link
from ..answers.values import Answer
from ..bank.model import ACTION_STATES, NOT_APPLICABLE, UNKNOWN, Bank, Profile, Question
from ..errors import AnswerError, AssessmentError
from ..scoring.result import build_result, shown_answer
from ..scoring.scores import QuestionScore, judge


@dataclass(frozen=True)
class Respondent:
    label: str
    submission: Submission


def read_source(bank: Bank, source: Any) -> Submission:
    """A document (a parsed answers file) or a share link (text), checked: the same rules as a single import."""
    return read_document(bank, read_link(source, bank) if isinstance(source, str) else source)


def respondents_from(
    bank: Bank, sources: Sequence[tuple[str, Any]], labels: Sequence[str] | None = None
) -> tuple[list[Respondent], list[dict[str, str]]]:
    """Respondents from (name, document or link) pairs, all or nothing per source.

    A source that does not read is reported by its name ({"name", "error"}) and the
    others still count. A respondent is labelled by the name in its document, or else
    `labels` (e.g. file names without folder), or else the source's name; a label used
    twice gets " (2)", " (3)" ...
    """
    respondents: list[Respondent] = []
    errors: list[dict[str, str]] = []
    for index, (name, source) in enumerate(sources):
        try:
            submission = read_source(bank, source)
        except AssessmentError as error:
            errors.append({"name": name, "error": str(error)})
            continue
        label = submission.respondent or (labels[index] if labels else name)
        taken = {r.label for r in respondents}
        unique, n = label, 1
        while unique in taken:
            n += 1
            unique = f"{label} ({n})"
        respondents.append(Respondent(unique, submission))
    return respondents, errors


def merge_answer(question: Question, given: Sequence[Answer]) -> Answer | None:
    """The team's answer to one question from the answers respondents gave (see the module's rule)."""
    if not given:
        return None
    values = [a for a in given if a not in (NOT_APPLICABLE, UNKNOWN)]
    not_applicable = sum(1 for a in given if a == NOT_APPLICABLE)
    if values:
        if not_applicable > len(values):
            return NOT_APPLICABLE
        ranked = sorted(values, key=lambda a: _goodness(question, a))
        return ranked[(len(ranked) - 1) // 2]
    unknown = len(given) - not_applicable
    return UNKNOWN if unknown >= not_applicable else NOT_APPLICABLE


def _goodness(question: Question, answer: Answer) -> float:
    """Orders answers of one question weakest first: an option's level, or a figure in its better direction."""
    if question.kind == "choice":
        return float(next(o.level for o in question.options if o.value == answer))
    value = float(answer)
    return -value if question.better == "lower" else value


def merge_profile(bank: Bank, respondents: Sequence[Respondent]) -> tuple[Profile, list[str]]:
    """The team's profile, and the dimensions the respondents disagree on."""
    profile: Profile = {}
    differs: list[str] = []
    for dimension in bank.dimensions:
        chosen = [r.submission.profile[dimension.id] for r in respondents if dimension.id in r.submission.profile]
        if not chosen:
            continue
        if len(set(chosen)) > 1:
            differs.append(dimension.id)
        if dimension.multiple:
            union = {v for values in chosen for v in values}
            profile[dimension.id] = tuple(v for v in dimension.values() if v in union)
        else:
            counts = Counter(values[0] for values in chosen)
            most = max(counts.values())
            profile[dimension.id] = (next(values[0] for values in chosen if counts[values[0]] == most),)
    return profile, differs


def merge_submissions(bank: Bank, respondents: Sequence[Respondent], label: str | None = None) -> Submission:
    """One submission from several: merged answers, profile and action states (see the module's rules)."""
    if not respondents:
        raise AnswerError("a team needs at least one respondent")
    profile, _ = merge_profile(bank, respondents)
    answers: dict[str, Answer] = {}
    for question in bank.questions:
        given = [r.submission.answers[question.id] for r in respondents if question.id in r.submission.answers]
        merged = merge_answer(question, given)
        if merged is not None:
            answers[question.id] = merged
    states: dict[str, str] = {}
    for action in bank.actions:
        recorded = [r.submission.actions[action.id] for r in respondents if action.id in r.submission.actions]
        if recorded:
            states[action.id] = max(recorded, key=ACTION_STATES.index)
    companies = Counter(r.submission.company for r in respondents if r.submission.company)
    company = None
    if companies:
        most = max(companies.values())
        company = next(r.submission.company for r in respondents if companies[r.submission.company or ""] == most)
    dates = sorted(r.submission.date for r in respondents if r.submission.date)
    return Submission(
        profile=profile,
        answers=answers,
        actions=states,
        respondent=label,
        company=company,
        date=dates[-1] if dates else None,
    )


def own_scores(bank: Bank, submission: Submission, lang: str) -> dict[str, Any]:
    """What the team view shows of one respondent's own result: root, pillar scores in bank order, answered, confidence.

    The costly part of a team view (a whole result per respondent), so a page can work
    it out in batches and hand it to `team_result` (browser.py team_read_json).
    """
    result = build_result(bank, submission, lang)
    return {
        "root": result["root"],
        "scores": [p["score"] for p in result["pillars"]],
        "answered": result["answered"],
        "confidence": result["confidence"],
    }


def team_result(
    bank: Bank, respondents: Sequence[Respondent], lang: str, own: Sequence[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The team view as plain data: pillars across respondents, the team's own result, discuss first.

    `own`: each respondent's `own_scores`, when already worked out (else they are here).
    """

    def t(text: dict[str, str]) -> str:
        return text[lang]

    texts = bank.texts
    label = t(texts["team_label"]).format(count=len(respondents))
    merged = merge_submissions(bank, respondents, label)
    team = build_result(bank, merged, lang)
    if own is None:
        own = [own_scores(bank, r.submission, lang) for r in respondents]
    names = {p.id: t(p.name) for p in bank.pillars}
    pillars = []
    for index, pillar in enumerate(bank.pillars):
        scores = [result["scores"][index] for result in own]
        given = [s for s in scores if s is not None]
        pillars.append(
            {
                "id": pillar.id,
                "letter": pillar.letter,
                "name": names[pillar.id],
                "median": _number(statistics.median(given)) if given else None,
                "low": min(given) if given else None,
                "high": max(given) if given else None,
                "spread": max(given) - min(given) if given else None,
                "scores": scores,  # each respondent's, in the order given (None: not assessed)
                "team": team["pillars"][index]["score"],
            }
        )
    _, differs = merge_profile(bank, respondents)
    return {
        "lang": lang,
        "bank_version": bank.version,
        "count": len(respondents),
        "company": merged.company,
        "respondents": [
            {
                "label": r.label,
                "root": result["root"],
                "root_name": names.get(result["root"] or ""),
                "scores": {p.id: score for p, score in zip(bank.pillars, result["scores"], strict=True)},
                "answered": result["answered"],
                "confidence": result["confidence"],
            }
            for r, result in zip(respondents, own, strict=True)
        ],
        "pillars": pillars,
        "root": team["root"],
        "root_name": names.get(team["root"] or ""),
        "discuss_first": discuss_first(bank, respondents, merged.profile, team["root"], t),
        "profile_differs": [_profile_difference(bank, dim, respondents, merged.profile, t) for dim in differs],
        "rule": t(texts["team_rule"]),
        "team": team,  # the whole result of the merged answers: root reason, plan, warnings ...
        "document": _merged_document(bank, merged),
    }


def discuss_first(
    bank: Bank, respondents: Sequence[Respondent], profile: Profile, root: str | None, t: Any
) -> list[dict[str, Any]]:
    """The questions whose answers lie furthest apart, the root pillar's first (see the module's rule)."""
    order = {q.id: i for i, q in enumerate(bank.questions)}
    names = {p.id: t(p.name) for p in bank.pillars}
    items = []
    for question in bank.questions:
        if not question.scored or not question.applies_to(profile):
            continue
        judged: list[tuple[Respondent, QuestionScore | None, Answer]] = []
        for r in respondents:
            answer = r.submission.answers.get(question.id)
            if answer is None:
                continue
            scored = None if answer == NOT_APPLICABLE else judge(question, answer, r.submission.answers, profile)
            judged.append((r, scored, answer))
        levels = [s.level for _, s, _ in judged if s is not None and s.known]
        if len(levels) < 2 or max(levels) == min(levels):
            continue
        spread = (max(levels) - min(levels)) / question.max_level
        items.append(
            {
                "question": question.id,
                "pillar": question.pillar,
                "pillar_name": names[question.pillar],
                "area": t(question.area),
                "text": t(question.text),
                "spread": round(spread, 3),
                "low": min(levels),
                "high": max(levels),
                "max_level": question.max_level,
                "answers": [
                    {
                        "respondent": r.label,
                        "value": shown_answer(bank, question.id, answer, scored, t),
                        "level": scored.level if scored is not None and scored.known else None,
                        "note": r.submission.notes.get(question.id),
                    }
                    for r, scored, answer in judged
                ],
            }
        )
    items.sort(key=lambda i: (i["pillar"] != root, -i["spread"], -_weight(bank, i["question"]), order[i["question"]]))
    return items[: bank.workshop.discuss_first]


def _weight(bank: Bank, qid: str) -> float:
    question = bank.question(qid)
    return question.weight if question else 0.0


def _profile_difference(
    bank: Bank, dimension_id: str, respondents: Sequence[Respondent], profile: Profile, t: Any
) -> dict[str, Any]:
    dimension = bank.dimension(dimension_id)
    assert dimension is not None
    labels = {o.value: t(o.label) for o in dimension.options}
    return {
        "dimension": dimension_id,
        "text": t(dimension.text),
        "answers": [
            {"respondent": r.label, "values": list(r.submission.profile[dimension_id])}
            for r in respondents
            if dimension_id in r.submission.profile
        ],
        "team": list(profile[dimension_id]),
        "labels": {value: labels[value] for value in dimension.values()},
    }


def _merged_document(bank: Bank, merged: Submission) -> dict[str, Any]:
    """The merged answers as a document, to save and score, report or compare later like any other."""
    return document_of(merged, bank)


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 1)
