"""The modules an engine page preloads are read from its entry script's imports, so none is left off."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.modules import ModuleError, page_modules


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    return folder


def test_every_module_imported_directly_or_not_is_listed_once(tmp_path: Path) -> None:
    scripts = write(
        tmp_path,
        {
            "page.js": 'import { a } from "./lib/a.js";\nimport "./lib/side.js";\n',
            "lib/a.js": 'import {\n  b,\n  c,\n} from "./b.js";\nexport { a } from "../lib/c.js";\n',
            "lib/b.js": 'import { a } from "./a.js"; // a cycle\n',
            "lib/c.js": "/** @typedef {import('./types.js').T} T */\n",
            "lib/side.js": "",
        },
    )
    assert page_modules("page.js", scripts) == ["lib/a.js", "lib/b.js", "lib/c.js", "lib/side.js"]


def test_an_import_of_a_missing_module_fails_the_build_naming_it(tmp_path: Path) -> None:
    scripts = write(tmp_path, {"page.js": 'import { gone } from "./gone.js";\n'})
    with pytest.raises(ModuleError, match=r"page.js: imports ./gone.js, which does not exist"):
        page_modules("page.js", scripts)


@pytest.mark.parametrize("entry", ["assessment.js", "team.js", "compare.js"])
def test_the_engine_pages_import_only_modules_that_exist(entry: str) -> None:
    modules = page_modules(entry)
    assert "assessment/answers.js" in modules and "assessment/types.js" not in modules  # types are JSDoc only
