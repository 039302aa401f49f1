// Make or check a Pyodide memory snapshot of the engine (called by sitekit/snapshot.py).
//
//   node snapshot.mjs make   <pyodide dir> <wheel> <out>          -> the snapshot, engine imported, bank loaded
//   node snapshot.mjs verify <pyodide dir> <wheel> <snapshot> <document.json> <lang>
//                                                                  -> prints assess_json's answer, restored from it
//
// `_makeSnapshot`, `makeMemorySnapshot` and `_loadSnapshot` are private options of the
// pinned Pyodide: any failure here is printed as one line and exits 1, and the build stops.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [command, pyodideDir, wheel, ...rest] = process.argv.slice(2);

async function load(options) {
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {}, ...options });
  // The wheel's files, as the browser's worker unpacks them (a snapshot holds memory, not files).
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: sitePackages });
  return pyodide;
}

try {
  if (command === "make") {
    const [out] = rest;
    const pyodide = await load({ _makeSnapshot: true });
    // Import the engine and load its bank, so a restored engine answers at once.
    pyodide.runPython("import assessment.browser as b; b.bank_version()");
    writeFileSync(out, pyodide.makeMemorySnapshot());
  } else if (command === "verify") {
    const [snapshot, documentFile, lang] = rest;
    const pyodide = await load({ _loadSnapshot: new Uint8Array(readFileSync(snapshot)) });
    const browser = pyodide.pyimport("assessment.browser");
    process.stdout.write(JSON.stringify({ version: browser.bank_version(), answer: browser.assess_json(readFileSync(documentFile, "utf-8"), lang) }));
  } else {
    throw new Error(`unknown command ${command}`);
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${String((error && error.message) || error).split("\n")[0]}\n`);
  process.exit(1);
}
