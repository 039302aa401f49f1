// The pinned Pyodide in Node, for the build (called by sitekit/stdlib.py and sitekit/snapshot.py).
//
//   node snapshot.mjs trim   <pyodide dir> <wheel> <out dir> <document.json> <langs> <modules>
//        -> <out dir>/stdlib.zip: the standard library the engine imports, compiled to bytecode;
//           <out dir>/bytecode/: the engine's own modules compiled (their __pycache__ files)
//   node snapshot.mjs make   <pyodide dir> <wheel> <stdlib> <out>  -> the snapshot, engine imported, bank loaded
//   node snapshot.mjs verify <pyodide dir> <wheel> <stdlib> <snapshot | -> <document.json> <langs>
//        -> prints {version, answers: {lang: assess_json's answer}}, booted with that standard library
//           ("-") or restored from the snapshot
//
// `trim` computes the closure the way the browser runs: the full runtime boots, the
// engine is imported, every module the engine names is imported, and every entry
// point the worker may call is run on the sample document in each language; what
// sys.modules then holds from the standard library's zip is the closure. It is
// compiled here, by the pinned runtime itself, without column tables (as Python's
// -X no_debug_ranges does), so the browser never compiles the standard library's
// source. `_makeSnapshot`, `makeMemorySnapshot` and `_loadSnapshot` are private
// options of the pinned Pyodide: any failure here is printed as one line and exits
// 1, and the build stops.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [command, pyodideDir, wheel, ...rest] = process.argv.slice(2);
let output = "";

async function load(options) {
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {}, ...options });
  // The wheel's files, as the browser's worker unpacks them (a snapshot holds memory, not files).
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: sitePackages });
  return pyodide;
}

// "-": the runtime's own, full standard library.
const standardLibrary = (stdlib) => (stdlib === "-" ? {} : { stdLibURL: stdlib });

function mount(pyodide, folder) {
  mkdirSync(folder, { recursive: true });
  pyodide.FS.mkdirTree("/out");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(folder) }, "/out");
}

const EXERCISE = `
import importlib, inspect, json, sys
import assessment.browser as browser

def exercise(document, langs, modules):
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # named by the engine but absent from this runtime (e.g. behind a try)
    browser.bank_version()
    text = json.dumps(document)
    link = json.loads(browser.share_link_json(text)).get("fragment", "")
    values = {"document_json": text, "old_json": text, "new_json": text, "link": link, "date": "2026-01-01",
              "sources_json": json.dumps([{"name": "a", "document": document}, {"name": "b", "link": link}]),
              "brand_json": "{}", "bands_json": None, "paper": None}
    for lang in langs:
        browser.assess_json(text, lang)
        values["lang"] = lang
        values["read_json"] = json.dumps(json.loads(browser.team_read_json(values["sources_json"], lang)).get("read", []))
        for name in browser.CALLABLE:
            function = getattr(browser, name)
            arguments = [values.get(p, text) for p in inspect.signature(function).parameters]
            try:
                function(*arguments)  # errors come back as data
            except ImportError:
                raise  # a module the wheel or the runtime lacks: the build says which
            except Exception:
                pass  # the closure is what ran; a fault of the engine's is its tests' to find
`;

const TRIM = `
import json, marshal, pathlib, sys, zipfile
from importlib.util import MAGIC_NUMBER, cache_from_source, source_hash

STDLIB = next(p for p in sys.path if p.endswith('.zip'))
SITE = next(p for p in sys.path if p.endswith('site-packages'))
DATE = (1980, 1, 1, 0, 0, 0)

def bytecode(source, filename):
    # An unchecked hash-based .pyc (PEP 552): used as is, whatever the file dates.
    code = compile(source, filename, 'exec', dont_inherit=True)
    return MAGIC_NUMBER + (1).to_bytes(4, 'little') + source_hash(source) + marshal.dumps(code)

def trim(out):
    names = sorted({m.__file__[len(STDLIB) + 1:] for m in list(sys.modules.values())
                    if (getattr(m, '__file__', None) or '').startswith(STDLIB + '/')})
    full = zipfile.ZipFile(STDLIB)
    folders = sorted({name.rsplit('/', 1)[0] + '/' for name in names if '/' in name})
    # The modules left out, by name: the worker fetches the full library for these only.
    left_out = sorted({n.removesuffix('.py').removesuffix('/__init__').replace('/', '.')
                       for n in full.namelist() if n.endswith('.py') and n not in names})
    with zipfile.ZipFile(out + '/stdlib.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(zipfile.ZipInfo('left-out.txt', DATE), '\\n'.join(left_out), compress_type=zipfile.ZIP_DEFLATED)
        for folder in folders:
            z.writestr(zipfile.ZipInfo(folder, DATE), b'')
        for name in names:
            info = zipfile.ZipInfo(name + 'c', DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, bytecode(full.read(name), STDLIB + '/' + name))
    engine = []
    for source in sorted(pathlib.Path(SITE, 'assessment').rglob('*.py')):
        target = pathlib.Path(out, 'bytecode', pathlib.Path(cache_from_source(str(source))).relative_to(SITE))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bytecode(source.read_bytes(), str(source)))
        engine.append(str(target.relative_to(out + '/bytecode')))
    return json.dumps({'stdlib': len(names), 'engine': engine})
`;

try {
  if (command === "trim") {
    const [out, documentFile, langs, modules] = rest;
    // No column tables in what this interpreter compiles (-X no_debug_ranges): a third smaller.
    const pyodide = await load({ env: { PYTHONNODEBUGRANGES: "1" } });
    pyodide.runPython(EXERCISE);
    const document = pyodide.toPy(JSON.parse(readFileSync(documentFile, "utf-8")));
    pyodide.globals.get("exercise")(document, pyodide.toPy(langs.split(",")), pyodide.toPy(modules.split(",").filter(Boolean)));
    mount(pyodide, out);
    pyodide.runPython(TRIM);
    output = pyodide.globals.get("trim")("/out");
  } else if (command === "make") {
    const [stdlib, out] = rest;
    const pyodide = await load({ ...standardLibrary(stdlib), _makeSnapshot: true });
    // Import the engine and load its bank, so a restored engine answers at once.
    pyodide.runPython("import assessment.browser as b; b.bank_version()");
    writeFileSync(out, pyodide.makeMemorySnapshot());
  } else if (command === "verify") {
    const [stdlib, snapshot, documentFile, langs] = rest;
    const options = standardLibrary(stdlib);
    if (snapshot !== "-") options._loadSnapshot = new Uint8Array(readFileSync(snapshot));
    const pyodide = await load(options);
    // Every module of the wheel imports (the entry points' lazy imports too), then the sample is scored.
    pyodide.runPython(`
import importlib, os, assessment
base = assessment.__path__[0]
for folder, _, names in sorted(os.walk(base)):
    for name in sorted(n for n in names if n.endswith('.py')):
        parts = os.path.relpath(os.path.join(folder, name[:-3]), base).split(os.sep)
        importlib.import_module('.'.join(['assessment', *(parts[:-1] if parts[-1] == '__init__' else parts)]))
`);
    const browser = pyodide.pyimport("assessment.browser");
    const document = readFileSync(documentFile, "utf-8");
    const answers = Object.fromEntries(langs.split(",").map((lang) => [lang, browser.assess_json(document, lang)]));
    output = JSON.stringify({ version: browser.bank_version(), answers });
  } else {
    throw new Error(`unknown command ${command}`);
  }
  // A pipe takes a large write asynchronously: exit once it is flushed, not before.
  process.stdout.write(output, () => process.exit(0));
} catch (error) {
  // One line: Python's exception line when the message holds a traceback (Pyodide adds advice after it).
  const lines = String((error && error.message) || error).split("\n").filter(Boolean);
  const raised = lines.filter((line) => /^[\w.]*(Error|Exception)\b/.test(line)).pop();
  process.stderr.write(`${raised || lines.pop()}\n`);
  process.exit(1);
}
