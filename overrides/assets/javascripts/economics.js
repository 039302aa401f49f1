// @ts-check
// Unit economics: the arithmetic of assessment/scoring/economics.py, line for line, for the
// calculator on the "Unit economics" page (docs pages never load Pyodide).
// tests/cases/economics.json holds the hand-worked cases both implementations must meet:
// pytest runs it against the Python module, `node --test tests/js/` against this one.
// Money in one currency, rates in %. null = cannot be computed; Infinity = never reached.

/** LTV:CAC a channel should reach before it is scaled; the target CAC is LTV ÷ this (the bank's rule). */
export const LTV_CAC_GOAL = 3;

const DEFAULTS = {
  refund_only_percent: 0, resell_percent: 0, return_cost: 0, creator_sales_percent: 0,
  creator_commission_percent: 0, insurance: 0, ad_spend: 0, other_acquisition: 0,
  new_customers: 0, orders_per_customer: 1, reported_roas: 0,
};

export function keptShare(returnPercent, refundOnlyPercent = 0) {
  return 1 - returnPercent / 100 - refundOnlyPercent / 100;
}

/** What one order placed brings in and costs, line by line, before advertising. */
export function costLines(inputs) {
  const i = { ...DEFAULTS, ...inputs };
  const revenue = i.price * keptShare(i.return_percent, i.refund_only_percent);
  const returned = i.return_percent / 100;
  return {
    revenue_kept: revenue,
    fees: (revenue * i.fee_percent) / 100,
    creator_commission: (((revenue * i.creator_sales_percent) / 100) * i.creator_commission_percent) / 100,
    goods: i.cost_of_goods * (1 - (returned * i.resell_percent) / 100),
    shipping: i.shipping,
    insurance: i.insurance,
    return_handling: i.return_cost * returned,
  };
}

export function contributionOf(inputs) {
  const lines = costLines(inputs);
  let left = lines.revenue_kept;
  for (const [name, value] of Object.entries(lines)) if (name !== "revenue_kept") left -= value;
  return left;
}

export function marginPercent(contributionPerOrder, price) {
  if (price <= 0) return null;
  return (100 * contributionPerOrder) / price;
}

export function breakEvenRoas(margin) {
  if (margin <= 0) return Infinity;
  return 100 / margin;
}

export function breakEvenCac(contributionPerOrder, ordersPerCustomer = 1) {
  return Math.max(0, contributionPerOrder) * ordersPerCustomer;
}

export function cac(acquisitionSpend, newCustomers) {
  if (newCustomers <= 0) return null;
  return acquisitionSpend / newCustomers;
}

export function paybackOrders(acquisitionCost, contributionPerOrder) {
  if (acquisitionCost <= 0) return 0;
  if (contributionPerOrder <= 0) return Infinity;
  return acquisitionCost / contributionPerOrder;
}

/** Every figure of the page, from inputs named as in the Python module (snake_case). */
export function unitEconomics(inputs) {
  const i = { ...DEFAULTS, ...inputs };
  const lines = costLines(i);
  const perOrder = contributionOf(i);
  const share = keptShare(i.return_percent, i.refund_only_percent);
  const margin = marginPercent(perOrder, i.price);
  const breakEven = margin === null ? null : breakEvenRoas(margin);
  const acquisition = cac(i.ad_spend + i.other_acquisition, i.new_customers);
  const most = breakEvenCac(perOrder, i.orders_per_customer);
  return {
    ...lines,
    contribution: perOrder,
    margin_percent: margin,
    kept_percent: 100 * share,
    // The margin on the sales buyers keep: the basis of a ROAS net of refunds (the assessment asks both so).
    settled_margin_percent: margin === null || share <= 0 ? null : margin / share,
    break_even_roas: breakEven,
    break_even_settled_roas: breakEven === null ? null : breakEven === Infinity ? Infinity : breakEven * share,
    settled_roas: i.reported_roas > 0 ? i.reported_roas * share : null,
    cac: acquisition,
    break_even_cac: most,
    target_cac: most / LTV_CAC_GOAL,
    ltv_cac: acquisition === null ? null : acquisition > 0 ? most / acquisition : Infinity,
    payback_orders: acquisition === null ? null : paybackOrders(acquisition, perOrder),
  };
}
