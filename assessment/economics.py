"""Unit economics: what one order leaves before advertising, and what that allows ads to cost.

The formulas live here once. The assessment judges ROAS against `break_even_roas`,
the "Unit economics" page states its worked examples from `unit_economics`, and
the page's calculator (overrides/assets/javascripts/economics.js) is the same
arithmetic in JavaScript, held to it by one shared table of cases
(tests/cases/economics.json) that pytest and `node --test` both run.

The model, in the order a reader follows it:

- a returned order is refunded and its goods are not resold; platform fees are
  charged on what is kept: `kept = price × (1 − returns%) × (1 − fees%)`;
- contribution before advertising = `kept − cost of goods − shipping`, per order;
- margin before advertising (%) = contribution ÷ price;
- break-even ROAS = 1 ÷ margin (= 100 ÷ margin%): below it each ad-driven order loses money;
- maximum CAC = contribution × orders a customer places over the horizon (1 without repeat orders);
- CAC = ad spend ÷ new customers, and payback = CAC ÷ contribution, in orders.

Rates are in percent, as the assessment asks for them. A value that cannot be
computed (no price, no new customers) is None; one that is never reached (no
margin to recover spend with) is `math.inf`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitInputs:
    """One order and the spend that won its customer. Money in one currency, rates in %."""

    price: float
    cost_of_goods: float
    fee_percent: float
    shipping: float
    return_percent: float
    ad_spend: float = 0.0
    new_customers: float = 0.0
    orders_per_customer: float = 1.0


def contribution(
    price: float, cost_of_goods: float, fee_percent: float, shipping: float, return_percent: float
) -> float:
    """Money left from one order before advertising."""
    kept = price * (1 - return_percent / 100) * (1 - fee_percent / 100)
    return kept - cost_of_goods - shipping


def margin_percent(contribution_per_order: float, price: float) -> float | None:
    """Contribution as a share of the price, in %; None without a price."""
    if price <= 0:
        return None
    return 100 * contribution_per_order / price


def break_even_roas(margin: float) -> float:
    """Break-even ROAS = 1 ÷ margin, with the margin in % (so 100 ÷ margin%); infinite without a margin."""
    if margin <= 0:
        return math.inf
    return 100 / float(margin)


def max_cac(contribution_per_order: float, orders_per_customer: float = 1.0) -> float:
    """The most a new customer may cost: what their orders over the horizon leave before advertising."""
    return max(0.0, contribution_per_order) * orders_per_customer


def cac(ad_spend: float, new_customers: float) -> float | None:
    """Customer acquisition cost = ad spend ÷ new customers; None without new customers."""
    if new_customers <= 0:
        return None
    return ad_spend / new_customers


def payback_orders(acquisition_cost: float, contribution_per_order: float) -> float:
    """Orders a new customer must place before their contribution has repaid their CAC; infinite if never."""
    if acquisition_cost <= 0:
        return 0.0
    if contribution_per_order <= 0:
        return math.inf
    return acquisition_cost / contribution_per_order


def unit_economics(inputs: UnitInputs) -> dict[str, float | None]:
    """Every figure of the page and its calculator, from one set of inputs."""
    i = inputs
    per_order = contribution(i.price, i.cost_of_goods, i.fee_percent, i.shipping, i.return_percent)
    margin = margin_percent(per_order, inputs.price)
    acquisition = cac(inputs.ad_spend, inputs.new_customers)
    return {
        "contribution": per_order,
        "margin_percent": margin,
        "break_even_roas": None if margin is None else break_even_roas(margin),
        "cac": acquisition,
        "max_cac": max_cac(per_order, inputs.orders_per_customer),
        "payback_orders": None if acquisition is None else payback_orders(acquisition, per_order),
    }
