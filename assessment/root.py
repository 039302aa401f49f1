"""Which pillar to fix first (the root constraint), and whether that answer is borderline.

The rule, true to the source: product is the root of the loop, so an unhealthy
product always comes first. Beyond product, loop order still counts (an
upstream weakness feeds the ones below it), but it does not hide a pillar that
is failing badly behind a neighbour that is only just below the line: each
step down the loop, a pillar must be more than `root_step` points further
below the health threshold to come first. Formally, among the unhealthy pillars after
product, the root maximises `shortfall - root_step x position` (position 1 for
traffic, 2 for inquiry, 3 for closing); a tie goes to the upstream pillar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Scoring

Rule = Literal["product", "first", "outweighs", "none"]


@dataclass(frozen=True)
class Root:
    pillar: str | None
    rule: Rule  # product: product is unhealthy; first: the first unhealthy pillar after product;
    # outweighs: a downstream pillar far enough below the line to come before an upstream one
    passed_over: tuple[str, ...] = ()  # unhealthy pillars upstream of the root (rule "outweighs")


def precedence(position: int, score: int, scoring: Scoring) -> float:
    """How strongly an unhealthy pillar claims to come first (product is handled before this)."""
    return (scoring.health_threshold - score) - scoring.root_step * position


def find_root(scores: list[tuple[str, int | None]], scoring: Scoring) -> Root:
    """`scores` are (pillar id, score or None) in loop order, product first."""
    threshold = scoring.health_threshold
    product_score = scores[0][1]
    if product_score is not None and product_score < threshold:
        return Root(scores[0][0], "product")
    unhealthy = [
        (position, pid, score)
        for position, (pid, score) in enumerate(scores)
        if position > 0 and score is not None and score < threshold
    ]
    if not unhealthy:
        return Root(None, "none")
    best = max(unhealthy, key=lambda u: (precedence(u[0], u[2], scoring), -u[0]))
    passed = tuple(pid for position, pid, _ in unhealthy if position < best[0])
    return Root(best[1], "outweighs" if passed else "first", passed)


def order_unhealthy(scores: list[tuple[str, int | None]], scoring: Scoring) -> list[str]:
    """Unhealthy pillars in the order the plan takes them: the root, then by the same precedence."""
    threshold = scoring.health_threshold
    unhealthy = [(pos, pid, s) for pos, (pid, s) in enumerate(scores) if s is not None and s < threshold]
    product = [pid for pos, pid, _ in unhealthy if pos == 0]
    rest = sorted((u for u in unhealthy if u[0] > 0), key=lambda u: (-precedence(u[0], u[2], scoring), u[0]))
    return product + [pid for _, pid, _ in rest]
