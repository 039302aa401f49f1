"""Which pillar to fix first (the root constraint).

The rule, true to the source and to how a consultant reads a business:

1. **Evidence first.** A pillar whose own figures show it is unhealthy (a known
   *direct* figure in the failing or weak band, see scoring.py) comes before a
   pillar that scores below the line on self-rated practices alone. Habits nobody
   has written down are weak evidence beside a figure; when no pillar's figures
   show a problem, the practices decide, and the result says so.
2. **Product is the root.** Within the same kind of evidence, an unhealthy
   product always comes first: traffic, inquiry and closing only amplify what it earns.
3. **Loop order, with a sense of proportion.** Beyond product, an upstream
   weakness feeds the ones below it, but a pillar failing badly is not hidden behind
   a neighbour only just below the line: each step down the loop, a pillar must be
   more than `root_step` points further below the health threshold to come first.
   Formally, among the unhealthy pillars after product, the root maximises
   `shortfall - root_step x position` (position 1 for traffic, 2 for inquiry,
   3 for closing); a tie goes to the upstream pillar.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from ..bank.model import Pillar, Scoring

Rule = Literal["product", "first", "outweighs", "none"]
Basis = Literal["figures", "practices", "none"]


@dataclass(frozen=True)
class Root:
    pillar: str | None
    rule: Rule  # product: product is unhealthy; first: the first unhealthy pillar after product;
    # outweighs: a downstream pillar far enough below the line to come before an upstream one
    passed_over: tuple[str, ...] = ()  # unhealthy pillars upstream of the root with the same evidence (outweighs)
    basis: Basis = "none"  # figures: the root's own figures show the problem; practices: self-ratings alone
    unevidenced: tuple[str, ...] = ()  # unhealthy on practices alone, put after a pillar whose figures show it


def precedence(position: int, score: int, scoring: Scoring) -> float:
    """How strongly an unhealthy pillar claims to come first (product is handled before this)."""
    return (scoring.health_threshold - score) - scoring.root_step * position


Scores = list[tuple[str, int | None]]


class Standing(Protocol):
    """What the root rule needs of a scored pillar (scoring.PillarScore)."""

    @property
    def pillar(self) -> Pillar: ...
    @property
    def score(self) -> int | None: ...
    @property
    def evidenced(self) -> bool: ...


def root_of(pillars: Sequence[Standing], scoring: Scoring) -> Root:
    """The root of scored pillars, in loop order."""
    return find_root(*standings(pillars), scoring)


def standings(pillars: Sequence[Standing]) -> tuple[Scores, frozenset[str]]:
    return [(p.pillar.id, p.score) for p in pillars], frozenset(p.pillar.id for p in pillars if p.evidenced)


def find_root(scores: Scores, evidenced: Collection[str], scoring: Scoring) -> Root:
    """`scores` are (pillar id, score or None) in loop order, product first; `evidenced` names the pillars
    whose health a known direct figure decides (empty: every pillar stands on its practices)."""
    order = order_unhealthy(scores, evidenced, scoring)
    if not order:
        return Root(None, "none")
    first = order[0]
    basis: Basis = "figures" if first in evidenced else "practices"
    same = [pid for pid in order if (pid in evidenced) == (basis == "figures")]
    unevidenced = tuple(pid for pid in order if pid not in same) if basis == "figures" else ()
    position = {pid: i for i, (pid, _) in enumerate(scores)}
    if position[first] == 0:
        return Root(first, "product", basis=basis, unevidenced=unevidenced)
    passed = tuple(pid for pid in same if position[pid] < position[first])
    return Root(first, "outweighs" if passed else "first", passed, basis, unevidenced)


def order_unhealthy(scores: Scores, evidenced: Collection[str], scoring: Scoring) -> list[str]:
    """Unhealthy pillars in the order the plan takes them: those whose figures show it, then those on
    practices alone; within each, product first, then by precedence (a tie goes upstream)."""
    threshold = scoring.health_threshold
    unhealthy = [(pos, pid, s) for pos, (pid, s) in enumerate(scores) if s is not None and s < threshold]

    def ranked(group: list[tuple[int, str, int]]) -> list[str]:
        product = [pid for pos, pid, _ in group if pos == 0]
        rest = sorted((u for u in group if u[0] > 0), key=lambda u: (-precedence(u[0], u[2], scoring), u[0]))
        return product + [pid for _, pid, _ in rest]

    shown = ranked([u for u in unhealthy if u[1] in evidenced])
    return shown + ranked([u for u in unhealthy if u[1] not in evidenced])
