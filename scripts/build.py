"""Build the site for publishing: validate the brand and the question bank, then `mkdocs build --strict`.

    python scripts/build.py                  # brand/ -> site/
    BRAND_DIR=examples/acme-brand python scripts/build.py --site-dir public
    python scripts/build.py --check-only     # validate and stop

Configuration errors (brand file, question bank, overlay) print one line naming
the file and field and exit with status 2 before anything is built.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXIT_BAD_CONFIG = 2


def _brand_module():
    spec = importlib.util.spec_from_file_location("brand_hook", ROOT / "overrides" / "hooks" / "brand.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def check() -> str | None:
    """Return an error line, or None when the brand and its question bank are valid."""
    brand_hook = _brand_module()
    from assessment import BankError, get_bank

    try:
        brand = brand_hook.load_brand()
        get_bank(str(brand.questions) if brand.questions else "")
    except (brand_hook.BrandError, BankError) as error:
        return f"error: {error}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", default="site", help="where to write the site (default: site/)")
    parser.add_argument("--check-only", action="store_true", help="validate the brand and question bank, build nothing")
    args = parser.parse_args()
    os.chdir(ROOT)
    problem = check()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_CONFIG
    if args.check_only:
        print("ok: brand and question bank are valid")
        return 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", args.site_dir], env=env)


if __name__ == "__main__":
    sys.exit(main())
