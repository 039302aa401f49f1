"""The storage key: where the assessment keeps a site's answers in the browser (localStorage)."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit


def storage_key(short_name: str, site_url: str | None) -> str:
    """One key per site: the brand's short name, and, when site_url is set, a fingerprint of its host and path,
    so two forks with the same short name on one origin (user.github.io/a/ and /b/) keep their answers apart."""
    key = "rf-" + (re.sub(r"[^a-z0-9]+", "-", short_name.lower()).strip("-") or "site")
    if site_url:
        parts = urlsplit(site_url)
        site = f"{parts.netloc.lower()}{parts.path.rstrip('/')}"
        key += "-" + hashlib.sha256(site.encode("utf-8")).hexdigest()[:8]
    return key
