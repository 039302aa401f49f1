// The calculator's arithmetic against the table of cases the Python engine also meets
// (tests/test_economics.py). Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { unitEconomics } from "../../overrides/assets/javascripts/economics.js";

const table = JSON.parse(readFileSync(new URL("../cases/economics.json", import.meta.url), "utf-8"));

for (const { name, inputs, expected } of table.cases) {
  test(name, () => {
    const result = unitEconomics(inputs);
    assert.deepEqual(Object.keys(result).sort(), Object.keys(expected).sort());
    for (const [key, raw] of Object.entries(expected)) {
      const want = raw === "inf" ? Infinity : raw;
      const got = result[key];
      if (want === null || want === Infinity) {
        assert.equal(got, want, key);
      } else {
        assert.ok(Math.abs(got - want) <= table.tolerance, `${key}: got ${got}, want ${want}`);
      }
    }
  });
}
