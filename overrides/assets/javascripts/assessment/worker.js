// Web Worker: load the vendored Pyodide runtime, install the `assessment`
// wheel (no micropip: loadPackage takes a wheel URL), and answer scoring
// requests with the very code the CLI and the tests run.

let browserModule = null;
let overlayPath = null;

async function start({ pyodide: base, wheel, overlay }) {
  const { loadPyodide } = await import(`${base}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: base });
  const failures = [];
  await pyodide.loadPackage(wheel, { messageCallback: () => {}, errorCallback: (message) => failures.push(message) });
  if (failures.length) throw new Error(failures.join("; "));
  if (overlay) {
    const response = await fetch(overlay);
    if (!response.ok) throw new Error(`question overlay: HTTP ${response.status}`);
    pyodide.FS.writeFile("/tmp/overlay.toml", await response.text());
    overlayPath = "/tmp/overlay.toml";
  }
  browserModule = pyodide.pyimport("assessment.browser");
  return browserModule.bank_version(overlayPath);
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "init") {
    try {
      const version = await start(data);
      self.postMessage({ type: "ready", version });
    } catch (error) {
      self.postMessage({ type: "failed", reason: String((error && error.message) || error).split("\n")[0] });
    }
  } else if (data.type === "assess") {
    let payload;
    try {
      payload = JSON.parse(browserModule.assess_json(JSON.stringify(data.answers), data.lang, overlayPath));
    } catch (error) {
      payload = { ok: false, error: String((error && error.message) || error) };
    }
    self.postMessage({ type: "result", id: data.id, payload });
  }
});
