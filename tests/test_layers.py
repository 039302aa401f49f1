"""The layers point down: what each package may import, read from the source (ARCHITECTURE.md, "The cut").

From the bottom: the engine's errors, the question bank, a company's answers, the scoring, the workshop
(several answer sets), the renderers, the engine's entry points (its public API, the command line and
the browser's worker); above the engine, the build package, and above that the MkDocs plugin. A module
may import from its own layer and the ones below, never from above, and no two modules import each other
in a circle. Every import counts, also one inside a function; only imports for type checking
(`if TYPE_CHECKING:`) are left out of the circle check, as they never run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("assessment", "sitekit")
LAYERS = (
    ("assessment.errors",),
    ("assessment.bank",),
    ("assessment.answers",),
    ("assessment.scoring",),
    ("assessment.workshop",),
    ("assessment.render",),
    ("assessment", "assessment.browser", "assessment.cli", "assessment.__main__"),
    ("sitekit",),
    ("sitekit.mkdocs_plugin",),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def layer(module: str) -> int:
    """The layer of the longest prefix of `module` that LAYERS names."""
    best, found = -1, -1
    for index, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, found = len(name), index
    assert found >= 0, f"{module} is in no layer: add it to LAYERS"
    return found


def _type_only(tree: ast.Module) -> set[int]:
    """Line numbers of the imports under `if TYPE_CHECKING:`."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            lines |= {n.lineno for child in node.body for n in ast.walk(child) if isinstance(n, ast.stmt)}
    return lines


def imports(module: str) -> list[tuple[str, bool]]:
    """The project modules `module` imports, each with whether the import runs (not for type checking only)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = _type_only(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` imports the module; `from module import name`, the module.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != module:
                found.append((target, node.lineno not in typing_only))
    return found


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        layer(module)


Graph = dict[str, list[tuple[str, bool]]]


def upward(graph: Graph) -> list[str]:
    return [
        f"{module} (layer {layer(module)}) imports {target} (layer {layer(target)})"
        for module, targets in graph.items()
        for target, _ in targets
        if layer(target) > layer(module)
    ]


def circles(graph: Graph) -> list[list[str]]:
    """Every circle a depth-first walk of the imports that run meets, as the modules along it."""
    running = {module: sorted({t for t, runs in targets if runs}) for module, targets in graph.items()}
    state: dict[str, str] = {}
    found: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in running.get(module, []):
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in running:
        if module not in state:
            visit(module, [module])
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    assert upward(GRAPH) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert circles(GRAPH) == []


def test_the_checks_catch_an_upward_import_and_a_circle() -> None:
    """The two rules can fail: a made-up graph with both faults is caught."""
    faulty: Graph = {
        "assessment.render.brand": [("sitekit.brand.load", True)],
        "assessment.bank.loader": [("assessment.bank.overlay", True)],
        "assessment.bank.overlay": [("assessment.bank.tables", True)],
        "assessment.bank.tables": [("assessment.bank.loader", True)],
        "assessment.bank.readers": [("assessment.bank.validate", False)],
        "assessment.bank.validate": [("assessment.bank.readers", True)],
    }
    assert upward(faulty) == ["assessment.render.brand (layer 5) imports sitekit.brand.load (layer 7)"]
    assert circles(faulty) == [
        ["assessment.bank.loader", "assessment.bank.overlay", "assessment.bank.tables", "assessment.bank.loader"]
    ]
    # The reader sees relative imports and `from package import module` for what they are.
    assert ("assessment.bank.model", True) in GRAPH["assessment.scoring.scores"]
    assert ("assessment.bank.model", True) in GRAPH["assessment.bank.codec"]


def test_importing_the_engine_loads_nothing_of_the_build_package() -> None:
    code = (
        "import sys, pkgutil, importlib, assessment\n"
        "for m in pkgutil.walk_packages(assessment.__path__, 'assessment.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('sitekit', 'yaml', 'jinja2', 'mkdocs')))"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
