"""A Content-Security-Policy on every page, as a <meta> tag.

Static hosts rarely let a site set headers, so the policy travels in the page.
Scripts may only come from the site itself; the theme's few inline scripts are
allowed by their SHA-256 hash, computed here from the final HTML, so nothing
else inline can run. Connections, workers and images stay on the site's origin.
'wasm-unsafe-eval' lets the page compile WebAssembly (Pyodide runs in a worker
from this origin).
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_BLOCK = re.compile(r"""type\s*=\s*["']?application/(?:ld\+)?json""", re.I)
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    # The theme and the inline SVG diagrams set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """The SHA-256 source expression of every inline script that executes (JSON data blocks do not)."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if "src=" in match["attrs"].lower() or DATA_BLOCK.search(match["attrs"]):
            continue  # external scripts are covered by 'self'; JSON data blocks never execute
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def policy_for(html: str) -> str:
    """The policy for one page: the fixed rules, with that page's own inline scripts allowed by hash."""
    return "; ".join(POLICY).format(hashes=" ".join(inline_script_hashes(html))).replace("  ", " ")


def add_policy(html: str) -> str:
    """The page with its policy in a <meta> tag right after the charset; run last, on the final HTML."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return CHARSET.sub(lambda m: m.group(0) + "\n    " + meta, html, count=1)
