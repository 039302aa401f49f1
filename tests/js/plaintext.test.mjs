// The browser cleans notes and labels exactly as the engine does (tests/cases/plaintext.json).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { clean, length } from "../../overrides/assets/javascripts/assessment/plaintext.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const table = JSON.parse(readFileSync(join(ROOT, "tests", "cases", "plaintext.json"), "utf-8"));

for (const item of table.cases) {
  test(item.name, () => assert.equal(clean(item.in, item.multiline), item.out));
}

test("length counts code points, as the engine's limit does", () => {
  assert.equal(length("👨‍👩‍👧"), 5);
  assert.equal(length("依据"), 2);
});
