// @ts-check
// Unit economics: the arithmetic of assessment/economics.py, line for line, for the
// calculator on the "Unit economics" page (docs pages never load Pyodide).
// tests/cases/economics.json holds the cases both implementations must meet:
// pytest runs it against the Python module, `node --test tests/js/` against this one.
// Money in one currency, rates in %. null = cannot be computed; Infinity = never reached.

export function contribution(price, costOfGoods, feePercent, shipping, returnPercent) {
  const kept = price * (1 - returnPercent / 100) * (1 - feePercent / 100);
  return kept - costOfGoods - shipping;
}

export function marginPercent(contributionPerOrder, price) {
  if (price <= 0) return null;
  return (100 * contributionPerOrder) / price;
}

export function breakEvenRoas(margin) {
  if (margin <= 0) return Infinity;
  return 100 / margin;
}

export function maxCac(contributionPerOrder, ordersPerCustomer = 1) {
  return Math.max(0, contributionPerOrder) * ordersPerCustomer;
}

export function cac(adSpend, newCustomers) {
  if (newCustomers <= 0) return null;
  return adSpend / newCustomers;
}

export function paybackOrders(acquisitionCost, contributionPerOrder) {
  if (acquisitionCost <= 0) return 0;
  if (contributionPerOrder <= 0) return Infinity;
  return acquisitionCost / contributionPerOrder;
}

/** Every figure of the page, from inputs named as in the Python module (snake_case). */
export function unitEconomics(inputs) {
  const i = { ad_spend: 0, new_customers: 0, orders_per_customer: 1, ...inputs };
  const perOrder = contribution(i.price, i.cost_of_goods, i.fee_percent, i.shipping, i.return_percent);
  const margin = marginPercent(perOrder, i.price);
  const acquisition = cac(i.ad_spend, i.new_customers);
  return {
    contribution: perOrder,
    margin_percent: margin,
    break_even_roas: margin === null ? null : breakEvenRoas(margin),
    cac: acquisition,
    max_cac: maxCac(perOrder, i.orders_per_customer),
    payback_orders: acquisition === null ? null : paybackOrders(acquisition, perOrder),
  };
}
