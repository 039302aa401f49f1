"""The page modules an engine page loads: its entry script and every module it imports, read from the scripts.

Each engine page (the assessment, the team view, the comparison) preloads the whole
import graph of its entry script, so the browser fetches the modules in parallel while
the page parses, and the service worker's precache list (read from the assessment
pages' links, sitekit/offline.py) holds every module the page needs offline. The graph
is read from the scripts' static `import ... from "./x.js"` lines, so a new module
needs no list kept by hand.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

SCRIPTS = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "javascripts"
STATIC_IMPORT = re.compile(
    r"""^\s*(?:import|export)\b[^'";]*?\bfrom\s*["'](\.{1,2}/[^"']+)["']"""  # import {a} from "./a.js"
    r"""|^\s*import\s*["'](\.{1,2}/[^"']+)["']""",  # import "./a.js"
    re.M,
)


class ModuleError(Exception):
    """A script imports a module that is not there."""


def imports(script: Path) -> list[Path]:
    """The modules a script imports statically (relative specifiers only), in order."""
    found = []
    for match in STATIC_IMPORT.finditer(script.read_text("utf-8")):
        specifier = match.group(1) or match.group(2)
        target = (script.parent / specifier).resolve()
        if not target.is_file():
            raise ModuleError(f"{script.name}: imports {specifier}, which does not exist")
        found.append(target)
    return found


def page_modules(entry: str, scripts: Path = SCRIPTS) -> list[str]:
    """Every module `entry` (e.g. "assessment.js") imports, directly or not, as paths under assets/javascripts/."""
    start = (scripts / entry).resolve()
    seen: dict[Path, None] = {}
    todo = [start]
    while todo:
        script = todo.pop(0)
        for module in imports(script):
            if module not in seen and module != start:
                seen[module] = None
                todo.append(module)
    return sorted(str(PurePosixPath(m.relative_to(scripts.resolve()).as_posix())) for m in seen)
