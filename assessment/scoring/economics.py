"""Unit economics: what one order leaves before advertising, and what that allows ads to cost.

The formulas live here once. The assessment judges ROAS against `break_even_roas`,
the "Unit economics" page states its worked examples from `unit_economics`, and
the page's calculator (overrides/assets/javascripts/economics.js) is the same
arithmetic in JavaScript, held to it by one shared table of hand-worked cases
(tests/cases/economics.json) that pytest and `node --test` both run.

The model, per order placed, in the order a reader follows it:

- some orders are returned (退货退款: refunded, the goods come back, a share of them
  can be resold) and some are refunded without a return (仅退款: refunded, the goods
  stay with the buyer); the rest are kept. Kept share = 100% − returns − refunds only;
- revenue kept = price × kept share;
- platform fees (commission, technical service fee, Amazon's referral fee, payment
  fee) are charged on revenue kept, and so is the creator's commission (达人佣金) on
  the share of sales creators make: platforms settle both on completed orders;
- every order ships and carries its shipping-insurance premium (运费险), whatever
  happens to it later; each returned order costs its return handling (return
  shipping you pay, Amazon's returns processing fee);
- goods are lost on every order except the returned units you resell;
- contribution before advertising = revenue kept − fees − creator commission − goods
  − shipping − insurance − return handling; margin (%) = contribution ÷ price;
- break-even ROAS = 1 ÷ margin, on ad-attributed sales as platforms report them (orders
  placed); on settled sales (net of refunds, 净成交) it is that × kept share, and a
  reported ROAS settles at reported × kept share;
- CAC = (ad spend + other acquisition costs such as a B2B platform membership) ÷ new
  customers; break-even CAC = contribution × orders per customer over the horizon (the
  customer's lifetime value in contribution); target CAC = break-even CAC ÷ 3, the
  bank's LTV:CAC rule (traffic.roas.ltv-ceiling); payback = CAC ÷ contribution, in orders.

Rates are in percent, as the assessment asks for them. A value that cannot be
computed (no price, no new customers, no reported ROAS) is None; one that is never
reached (no margin to recover spend with) is `math.inf`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LTV_CAC_GOAL = 3.0
"""LTV:CAC a channel should reach before it is scaled; the target CAC is LTV ÷ this (the bank's rule)."""


@dataclass(frozen=True)
class UnitInputs:
    """One order and the spend that won its customer. Money in one currency, rates in %."""

    price: float
    cost_of_goods: float
    fee_percent: float
    shipping: float
    return_percent: float
    refund_only_percent: float = 0.0
    resell_percent: float = 0.0
    return_cost: float = 0.0
    creator_sales_percent: float = 0.0
    creator_commission_percent: float = 0.0
    insurance: float = 0.0
    ad_spend: float = 0.0
    other_acquisition: float = 0.0
    new_customers: float = 0.0
    orders_per_customer: float = 1.0
    reported_roas: float = 0.0


def kept_share(return_percent: float, refund_only_percent: float = 0.0) -> float:
    """Share of orders neither returned nor refunded, as a fraction."""
    return 1 - return_percent / 100 - refund_only_percent / 100


def cost_lines(inputs: UnitInputs) -> dict[str, float]:
    """What one order placed brings in and costs, line by line, before advertising."""
    i = inputs
    revenue = i.price * kept_share(i.return_percent, i.refund_only_percent)
    returned = i.return_percent / 100
    return {
        "revenue_kept": revenue,
        "fees": revenue * i.fee_percent / 100,
        "creator_commission": revenue * i.creator_sales_percent / 100 * i.creator_commission_percent / 100,
        "goods": i.cost_of_goods * (1 - returned * i.resell_percent / 100),
        "shipping": i.shipping,
        "insurance": i.insurance,
        "return_handling": i.return_cost * returned,
    }


def contribution(
    price: float, cost_of_goods: float, fee_percent: float, shipping: float, return_percent: float
) -> float:
    """Money left from one order before advertising, with returns written off (the simple case)."""
    return contribution_of(UnitInputs(price, cost_of_goods, fee_percent, shipping, return_percent))


def contribution_of(inputs: UnitInputs) -> float:
    """Money left from one order before advertising: revenue kept less every cost line."""
    lines = cost_lines(inputs)
    return lines["revenue_kept"] - sum(value for name, value in lines.items() if name != "revenue_kept")


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


def break_even_cac(contribution_per_order: float, orders_per_customer: float = 1.0) -> float:
    """The most a new customer may cost: what their orders over the horizon leave before advertising."""
    return max(0.0, contribution_per_order) * orders_per_customer


def cac(acquisition_spend: float, new_customers: float) -> float | None:
    """Customer acquisition cost = acquisition spend ÷ new customers; None without new customers."""
    if new_customers <= 0:
        return None
    return acquisition_spend / new_customers


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
    lines = cost_lines(i)
    per_order = contribution_of(i)
    share = kept_share(i.return_percent, i.refund_only_percent)
    margin = margin_percent(per_order, i.price)
    break_even = None if margin is None else break_even_roas(margin)
    settled_break_even = None if break_even is None else (math.inf if math.isinf(break_even) else break_even * share)
    acquisition = cac(i.ad_spend + i.other_acquisition, i.new_customers)
    most = break_even_cac(per_order, i.orders_per_customer)
    return {
        **lines,
        "contribution": per_order,
        "margin_percent": margin,
        "kept_percent": 100 * share,
        # The margin on the sales buyers keep: the basis of a ROAS net of refunds (the assessment asks both so).
        "settled_margin_percent": None if margin is None or share <= 0 else margin / share,
        "break_even_roas": break_even,
        "break_even_settled_roas": settled_break_even,
        "settled_roas": i.reported_roas * share if i.reported_roas > 0 else None,
        "cac": acquisition,
        "break_even_cac": most,
        "target_cac": most / LTV_CAC_GOAL,
        "ltv_cac": None if acquisition is None else (most / acquisition if acquisition > 0 else math.inf),
        "payback_orders": None if acquisition is None else payback_orders(acquisition, per_order),
    }
