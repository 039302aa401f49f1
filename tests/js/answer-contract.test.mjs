// One file contract: the browser's import accepts and refuses exactly the answers
// files the engine's CLI does, for the same reasons. The cases are one table,
// tests/cases/answer-contract.json, which tests/test_answer_contract.py runs
// against the engine. Run with `node --test tests/js/` (scripts/test.sh does).
//
// The page carries the answer contract exported from the bank at build time; here
// the engine of this checkout exports it (PYTHON, default .venv/bin/python).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { checkDocument, decodeShare, parseDocument } from "../../overrides/assets/javascripts/assessment/answers.js";
import { ROOT, contract, exported } from "./support/contract.mjs";

const table = JSON.parse(readFileSync(join(ROOT, "tests", "cases", "answer-contract.json"), "utf-8"));

function current(value) {
  if (value === "<current>") return exported.bank_version;
  if (Array.isArray(value)) return value.map(current);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, current(v)]));
  return value;
}

// The generated inputs of the table (described in its "about"); the pytest side builds the same bytes.
function built({ kind, ...build }) {
  const encoder = new TextEncoder();
  if (kind === "large") {
    const frame = '{"answers": {}, "lang": ""}';
    return encoder.encode(frame.slice(0, -2) + "x".repeat(build.bytes - frame.length) + frame.slice(-2));
  }
  if (kind === "many_answers") {
    const entries = Array.from({ length: build.count }, (_, i) => `"product.q-${i + 1}": null`).join(", ");
    return encoder.encode(`{"answers": {${entries}}}`);
  }
  if (kind === "nested") {
    return encoder.encode(`{"answers": {}, "lang": ${"[".repeat(build.depth - 1)}${"]".repeat(build.depth - 1)}}`);
  }
  if (kind === "digits") return encoder.encode(`{"answers": {"${build.question}": ${"9".repeat(build.digits)}}}`);
  throw new Error(`unknown build ${kind}`);
}

function fileBytes(item) {
  // JSON.stringify like Python's json.dumps(ensure_ascii=False) with its default separators.
  if ("document" in item) return new TextEncoder().encode(pythonJson(current(item.document)));
  if ("text" in item) return new TextEncoder().encode(item.text.replaceAll("<current>", exported.bank_version));
  if ("base64" in item) return Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
  return built(item.build);
}

function pythonJson(value) {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}

// What the page does with a chosen file (assessment.js, the import's change handler):
// refuse it over the contract's file_bytes (the engine's limit), read it with File.text() (UTF-8, byte-order mark dropped), parse it.
async function importFile(bytes) {
  const file = new Blob([bytes]);
  if (file.size > contract.limits.file_bytes) return { error: "reason_too_large" };
  return parseDocument(await file.text(), contract);
}

function outcome(checked) {
  const recorded = { notes: checked.notes, actions: checked.actions, respondent: checked.respondent, company: checked.company, date: checked.date };
  return {
    profile: checked.profile, // a value, or a list where several are allowed: the table's form
    answers: checked.answers,
    set_aside: checked.setAside,
    migrated: checked.migrated,
    // What a workshop records beside the answers, when there is any.
    ...Object.fromEntries(Object.entries(recorded).filter(([, v]) => v && (typeof v !== "object" || Object.keys(v).length))),
  };
}

function expectCase(item, checked) {
  if ("reject" in item) {
    assert.ok(checked.error, `accepted; the engine refuses it (${item.reject})`);
    assert.equal(checked.error, `reason_${item.reject}`);
    if ("id" in item) assert.equal(checked.id ?? null, item.id);
    return;
  }
  assert.ok(!checked.error, `refused (${checked.error}); the engine accepts it`);
  assert.deepEqual(JSON.parse(JSON.stringify(outcome(checked))), item.accept);
}

for (const item of table.cases) {
  test(`file: ${item.name}`, async () => expectCase(item, await importFile(fileBytes(item))));
  if ("document" in item) {
    test(`document: ${item.name}`, () => expectCase(item, checkDocument(JSON.parse(pythonJson(current(item.document))), contract)));
  }
}

// Share links are read by the browser only (the CLI reads files): the older "#answers=" form.
function fragment(item) {
  if ("fragment" in item) return item.fragment;
  const bytes = new TextEncoder().encode(JSON.stringify(item.document));
  return "#answers=" + btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

for (const item of table.links) {
  test(`link: ${item.name}`, () => expectCase(item, decodeShare(fragment(item), contract)));
}

test("the page's limits are the engine's, from the contract", () => {
  assert.deepEqual(
    Object.keys(contract.limits).sort(),
    ["answers", "date_chars", "depth", "file_bytes", "id_chars", "label_chars", "link_chars", "note_chars", "share_chars"],
  );
  assert.equal(contract.limits.file_bytes, 100 * 1024);
});

test("the table holds every kind of case", () => {
  assert.ok(table.cases.length >= 60 && table.links.length >= 6);
});
