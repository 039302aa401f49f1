"""The result's reasons in words: why this root, on what evidence, how sure, and the stop-loss.

Every sentence is a message of the bank (settings.toml, [messages]) filled with the
company's own names and figures, so a fork rewords them without touching code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..bank.model import Bank, Profile, Question, Text
from .root import Root
from .scores import BAND_IDS, PillarScore, QuestionScore, overall_score

Localize = Callable[[Text], str]


def number(value: float) -> str:
    """A figure as people write it: at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def root_reason(bank: Bank, root: Root, pillars: list[PillarScore], profile: Profile, t: Localize) -> str:
    """Why this pillar comes first, on what evidence, and what would settle it."""
    messages = bank.messages
    threshold = number(bank.health_threshold)
    by_id = {p.pillar.id: p for p in pillars}
    sep = t(messages["list_separator"])
    unhealthy = [p for p in pillars if p.score is not None and p.score < bank.health_threshold]
    if root.pillar is None:
        weakest = overall_score(pillars)
        assert weakest is not None
        return t(messages["no_root"]).format(
            threshold=threshold, lowest=t(weakest.pillar.name), lowest_score=weakest.score
        )
    chosen = by_id[root.pillar]
    values = {"pillar": t(chosen.pillar.name), "score": chosen.score, "threshold": threshold}
    aside = set(root.unevidenced)
    others = [p for p in unhealthy if p is not chosen and p.pillar.id not in aside]
    if root.rule == "product":
        text = t(messages["root_product"]).format(**values)
    elif root.rule == "first":
        text = t(messages["root_first"]).format(**values)
        lower = [p for p in others if (p.score or 0) < (chosen.score or 0)]
        if lower:
            lowest = min(lower, key=lambda p: p.score or 0)
            text += t(messages["root_first_lower"]).format(
                **values, lowest=t(lowest.pillar.name), lowest_score=lowest.score
            )
            others = [p for p in others if p is not lowest]
    else:
        passed = [by_id[pid] for pid in root.passed_over]
        text = t(messages["root_outweighs"]).format(
            **values,
            upstream=sep.join(t(p.pillar.name) for p in passed),
            upstream_score=sep.join(str(p.score) for p in passed),
            step=number(bank.scoring.root_step),
        )
        others = [p for p in others if p not in passed]
    text += basis_sentence(bank, root, chosen, profile, t)
    if others:
        text += t(messages["others_below"]).format(pillars=sep.join(t(p.pillar.name) for p in others))
    if aside:
        unproven = [by_id[pid] for pid in root.unevidenced]
        figures = [q for p in unproven for q in settling_figures(bank, p, profile)]
        text += t(messages["root_unevidenced"]).format(
            pillars=sep.join(t(p.pillar.name) for p in unproven),
            figures=_or_list(bank, [t(q.area) for q in figures], t) if figures else t(messages["any_figure"]),
        )
    return text


def basis_sentence(bank: Bank, root: Root, chosen: PillarScore, profile: Profile, t: Localize) -> str:
    """The evidence under the root: the figure that shows it, or that it rests on self-rated practices."""
    messages = bank.messages
    if root.basis == "figures":
        holding = next(s for s in chosen.scored if s.question.id == chosen.holding)
        return t(messages["root_shown_by"]).format(
            figure=_and_list(bank, [t(holding.question.area)], t), band=t(bank.bands[holding.level]).lower()
        )
    figures = settling_figures(bank, chosen, profile)
    pillar = t(chosen.pillar.name)
    if not figures:
        return t(messages["root_on_practices"]).format(pillar=pillar)
    listed = _or_list(bank, [t(q.area) for q in figures], t)
    return t(messages["root_on_practices_settle"]).format(pillar=pillar, figures=listed)


def settling_figures(bank: Bank, pillar: PillarScore, profile: Profile) -> list[Question]:
    """The pillar's direct figures that apply to this business and are not known: any one, known, decides it."""
    known = {s.question.id for s in pillar.scored if s.known}
    return [
        q
        for q in bank.questions
        if q.pillar == pillar.pillar.id
        and q.direct
        and q.applies_to(profile)
        and q.id not in known
        and q.id not in pillar.not_applicable
    ]


def _or_list(bank: Bank, items: list[str], t: Localize) -> str:
    named = [t(bank.messages["named"]).format(item=item) for item in items]
    if len(named) < 2:
        return "".join(named)
    return t(bank.messages["list_separator"]).join(named[:-1]) + t(bank.messages["list_or"]) + named[-1]


def _and_list(bank: Bank, items: list[str], t: Localize) -> str:
    named = [t(bank.messages["named"]).format(item=item) for item in items]
    return t(bank.messages["list_separator"]).join(named)


def stop_loss(bank: Bank, pillars: list[PillarScore], t: Localize) -> dict[str, Any] | None:
    """The headline when ads lose money on every order, or None."""
    figure = next(
        (
            s
            for p in pillars
            for s in p.scored
            if s.failing
            and s.question.break_even_from is not None
            and any(a.stop_loss and a.question == s.question.id for a in bank.actions)
        ),
        None,
    )
    if figure is None or figure.figure is None or figure.figure.value is None:
        return None
    value = number(figure.figure.value)
    if figure.figure.break_even is None:
        text = t(bank.messages["stop_loss_below_one"]).format(roas=value)
    else:
        text = t(bank.messages["stop_loss"]).format(roas=value, break_even=number(figure.figure.break_even))
    return {"question": figure.question.id, "text": text}


def held_note(bank: Bank, p: PillarScore, t: Localize) -> str | None:
    """How the pillar's own figures decide its range, in one line (None when no known direct figure does)."""
    if p.held is None or p.holding is None:
        return None
    holding: QuestionScore = next(s for s in p.scored if s.question.id == p.holding)
    key = {"failing": "held_failing", "weak": "held_weak"}.get(p.held, "held_healthy")
    return t(bank.messages[key]).format(
        figure=_and_list(bank, [t(holding.question.area)], t),
        band=t(bank.bands[BAND_IDS.index(p.held)]).lower(),
        threshold=number(bank.health_threshold),
    )


def confidence(answered: int, total: int, borderline: bool, deciding: bool, provisional: bool, unknown: bool) -> str:
    """Low only when the answer could well be different: an unknown figure at a plausible value, or one
    step in one answer, would change what comes first, or too little is answered. Medium when something is
    missing that would not; high when everything is answered and known."""
    if deciding or borderline or provisional:
        return "low"
    if unknown or answered < total:
        return "medium"
    return "high"


def confidence_note(
    bank: Bank,
    level: str,
    answered: int,
    total: int,
    unknown: int,
    borderline: bool,
    deciding: list[str],
    t: Localize,
) -> str:
    """The confidence in words, naming only the reasons that hold, the deciding figures first."""
    m = bank.messages
    reasons = [
        t(m["confidence_deciding"]).format(figures=_or_list(bank, deciding, t)) if deciding else "",
        t(m["confidence_borderline"]) if borderline else "",
        t(m["confidence_answered"]).format(answered=answered, total=total) if answered < total else "",
        t(m["confidence_unknown"]).format(unknown=unknown) if unknown and not deciding else "",
    ]
    joined = t(m["confidence_separator"]).join(r for r in reasons if r)
    return t(m[f"confidence_{level}"]).format(reasons=joined)


def thin_note(bank: Bank, thin: list[str], answers: dict[str, Any], t: Localize) -> str:
    """Which rates are left unjudged for want of traffic, and from how much traffic they will count."""
    questions = [q for q in bank.questions if q.id in thin]
    sample = bank.question(questions[0].sample_from or "")
    count = answers.get(questions[0].sample_from or "")
    return t(bank.messages["thin"]).format(
        figures=_and_list(bank, [t(q.area) for q in questions], t),
        count=number(float(count)) if isinstance(count, (int, float)) else "?",
        unit=t(sample.unit) if sample else "",
        least=number(questions[0].sample_min),
    )
