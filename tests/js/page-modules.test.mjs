// The page's modules stay small and one job each: no module over about 300
// lines, no function over about 60 of its own (a function nested in another is
// counted on its own, not twice). Read with TypeScript's parser (tsconfig.json).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";

import ts from "typescript";

import { ROOT } from "./support/contract.mjs";

const SCRIPTS = join(ROOT, "overrides", "assets", "javascripts");
const MODULE_LINES = 320;
const FUNCTION_LINES = 60;

function modules(folder = SCRIPTS) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? modules(join(folder, entry.name)) : entry.name.endsWith(".js") ? [join(folder, entry.name)] : [],
  );
}

const isFunction = (node) => ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node);

/** Each function's own lines: its span less the spans of the functions inside it. */
function functionLengths(path) {
  const source = ts.createSourceFile(path, readFileSync(path, "utf-8"), ts.ScriptTarget.Latest, true);
  const line = (position) => source.getLineAndCharacterOfPosition(position).line;
  const found = [];
  function nested(node) {
    let inner = 0;
    ts.forEachChild(node, function visit(child) {
      if (isFunction(child)) inner += line(child.getEnd()) - line(child.getStart()) + 1;
      else ts.forEachChild(child, visit);
    });
    return inner;
  }
  (function walk(node) {
    if (isFunction(node)) {
      const name = node.name?.getText() || (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : "(anonymous)");
      found.push({ name, line: line(node.getStart()) + 1, own: line(node.getEnd()) - line(node.getStart()) + 1 - nested(node) });
    }
    ts.forEachChild(node, walk);
  })(source);
  return found;
}

test("no page module is longer than about 300 lines", () => {
  const long = modules().map((path) => [relative(SCRIPTS, path), readFileSync(path, "utf-8").split("\n").length]).filter(([, lines]) => lines > MODULE_LINES);
  assert.deepEqual(long, []);
});

test("no function in the page's modules is longer than about 60 lines of its own", () => {
  const long = modules().flatMap((path) => functionLengths(path).filter((f) => f.own > FUNCTION_LINES).map((f) => `${relative(SCRIPTS, path)}:${f.line} ${f.name} (${f.own})`));
  assert.deepEqual(long, []);
});
