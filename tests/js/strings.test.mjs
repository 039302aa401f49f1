// Every reason the page or the engine gives for refusing a file or a link is a
// sentence in each language, never a raw key such as "reason_bad_note".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { ROOT } from "./support/contract.mjs";

const strings = JSON.parse(readFileSync(join(ROOT, "assessment", "render", "strings.json"), "utf-8"));
const scripts = join(ROOT, "overrides", "assets", "javascripts", "assessment");

function reasonsIn(text) {
  return new Set([...text.matchAll(/"(reason_[a-z_]+)"/g)].map((m) => m[1]));
}

test("each refusal the page's checks can give has its words in every language", () => {
  const given = new Set([...reasonsIn(readFileSync(join(scripts, "answers.js"), "utf-8")), ...reasonsIn(readFileSync(join(scripts, "sharelink.js"), "utf-8"))]);
  for (const reason of ["reason_bad_note", "reason_bad_action", "reason_bad_label", "reason_bad_date"]) assert.ok(given.has(reason), reason);
  for (const [lang, words] of Object.entries(strings)) {
    for (const reason of given) assert.ok(typeof words[reason] === "string" && !words[reason].includes("reason_"), `${lang}: ${reason}`);
  }
});

test("each of the engine's refusal codes (assessment/errors.py REASONS) has its words too", () => {
  const source = readFileSync(join(ROOT, "assessment", "errors.py"), "utf-8");
  const block = source.slice(source.indexOf("REASONS = ("), source.indexOf(")", source.indexOf("REASONS = (")));
  const codes = [...block.matchAll(/"([a-z_]+)"/g)].map((m) => `reason_${m[1]}`).filter((key) => key !== "reason_invalid");
  assert.ok(codes.length >= 12);
  for (const [lang, words] of Object.entries(strings)) for (const key of codes) assert.ok(words[key], `${lang}: ${key}`);
});
