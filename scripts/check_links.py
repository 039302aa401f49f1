"""Check every internal link and anchor of a built site; exit 1 and list them if any is broken.

python scripts/check_links.py site        # run before publishing (the Pages workflow does)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitekit.brand import load_brand  # noqa: E402
from sitekit.links import broken_links, served_under  # noqa: E402


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    if not (site / "index.html").is_file():
        print(f"error: {site}: no built site here (run scripts/build.py first)", file=sys.stderr)
        return 2
    checked, broken = broken_links(site, served_under(load_brand().site_url))
    for line in broken:
        print(f"broken link: {line}", file=sys.stderr)
    print(f"{checked} internal links checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
