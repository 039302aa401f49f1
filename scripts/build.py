"""Build the site for publishing: validate the brand and the question bank, then `mkdocs build --strict`.

    python scripts/build.py                  # the brand (brand/ or brands/root-first/) -> site/
    BRAND_DIR=examples/acme-brand python scripts/build.py --site-dir public
    python scripts/build.py --check-only     # validate and stop

Configuration errors (brand file, question bank, overlay) print one line naming
the file and field and exit with status 2 before anything is built. The site is
built into a new folder beside the target, which replaces the target only when
the build succeeded (sitekit/publish.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitekit.brand import brand_dir  # noqa: E402
from sitekit.publish import build_into  # noqa: E402
from sitekit.site import check  # noqa: E402

EXIT_BAD_CONFIG = 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", default="site", help="where to write the site (default: site/)")
    parser.add_argument("--check-only", action="store_true", help="validate the brand and question bank, build nothing")
    args = parser.parse_args()
    target = Path(args.site_dir).resolve()
    os.chdir(ROOT)
    problem = check(ROOT, brand_dir())  # $BRAND_DIR, as mkdocs.yml passes it to the plugin
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_CONFIG
    if args.check_only:
        print("ok: brand and question bank are valid")
        return 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def mkdocs(folder: Path) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
        return subprocess.call(command, env=env)

    return build_into(target, mkdocs)


if __name__ == "__main__":
    sys.exit(main())
