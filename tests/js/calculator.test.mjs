// The calculator's display: money in ¥ and US$, shares and ratios, and the margin handed to
// the self-assessment. Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatFigure, handoffHref } from "../../overrides/assets/javascripts/calculator.js";
import { unitEconomics } from "../../overrides/assets/javascripts/economics.js";

// The page's Douyin example, worked by hand in tests/cases/economics.json's manner:
// kept 93%: revenue 39.9 × 0.93 = 37.107; fees 5% = 1.85535; creator 37.107 × 50% × 20% = 3.7107;
// goods 12 × (1 − 5% × 50%) = 11.7; contribution 37.107 − 1.85535 − 3.7107 − 11.7 − 4 − 0.6 = 15.24095.
const douyin = {
  price: 39.9, cost_of_goods: 12, fee_percent: 5, shipping: 4, return_percent: 5, refund_only_percent: 2,
  resell_percent: 50, creator_sales_percent: 50, creator_commission_percent: 20, insurance: 0.6,
  ad_spend: 30000, new_customers: 2000, orders_per_customer: 2.5, reported_roas: 2.8,
};
// The page's Amazon example in US$: kept 92%: 24.99 × 0.92 = 22.9908; referral 15% = 3.44862;
// goods 5.8 × (1 − 7% × 50%) = 5.597; returns processing 3.9 × 7% = 0.273;
// contribution 22.9908 − 3.44862 − 5.597 − 6.1 − 0.273 = 7.57218.
const amazon = {
  price: 24.99, cost_of_goods: 5.8, fee_percent: 15, shipping: 6.1, return_percent: 7, refund_only_percent: 1,
  resell_percent: 50, return_cost: 3.9, ad_spend: 4000, new_customers: 500, orders_per_customer: 1.6, reported_roas: 3.5,
};

test("the Douyin example in yuan, as the page shows it", () => {
  const r = unitEconomics(douyin);
  const shown = (v, o = {}) => formatFigure(v, { lang: "zh", currency: "CNY", ...o });
  assert.equal(shown(r.contribution, { money: true }), "¥15.24");
  assert.equal(shown(r.creator_commission, { money: true }), "¥3.71");
  assert.equal(shown(r.margin_percent, { unit: "%" }), "38.2%");
  assert.equal(shown(r.break_even_roas), "2.62"); // 100 ÷ 38.198
  assert.equal(shown(r.settled_roas), "2.6"); // 2.8 × 0.93 = 2.604
  assert.equal(shown(r.target_cac, { money: true }), "¥12.70"); // 15.24095 × 2.5 ÷ 3
  assert.equal(shown(r.cac, { money: true }), "¥15.00");
});

test("the Amazon example in US dollars, as the page shows it", () => {
  const r = unitEconomics(amazon);
  const shown = (v, o = {}) => formatFigure(v, { lang: "en", currency: "USD", ...o });
  assert.equal(shown(r.contribution, { money: true }), "US$7.57");
  assert.equal(shown(r.return_handling, { money: true }), "US$0.27");
  assert.equal(shown(r.break_even_roas), "3.3"); // 100 ÷ 30.301
  assert.equal(shown(r.break_even_cac, { money: true }), "US$12.12"); // 7.57218 × 1.6
  assert.equal(shown(r.ltv_cac), "1.51"); // 12.1155 ÷ 8
});

test("money keeps its sign and its symbol; large sums are grouped", () => {
  assert.equal(formatFigure(-3, { money: true, currency: "CNY" }), "−¥3.00");
  assert.equal(formatFigure(1741.2, { money: true, currency: "USD", lang: "en" }), "US$1,741.20");
  assert.equal(formatFigure(Infinity, { never: "永远收不回" }), "永远收不回");
  assert.equal(formatFigure(null, { none: "–" }), "–");
});

test("the hand-off carries the margin to one decimal, and only a margin the assessment accepts", () => {
  assert.equal(handoffHref("../assessment/", 38.19788), "../assessment/?margin=38.2");
  assert.equal(handoffHref("../assessment/", 0), "../assessment/?margin=0");
  assert.equal(handoffHref("../assessment/", -6), "../assessment/");
  assert.equal(handoffHref("../assessment/", null), "../assessment/");
  assert.equal(handoffHref("../assessment/", Infinity), "../assessment/");
});
