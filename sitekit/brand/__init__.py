"""A brand folder: read and checked (load), colours and contrast (colours), what the site publishes of it (assets)."""

from __future__ import annotations

from .load import (
    MAX_BRAND_BYTES,
    ROOT,
    UPSTREAM_BRAND,
    Brand,
    BrandError,
    Contact,
    NavEntry,
    Palette,
    brand_dir,
    check_leftovers,
    contact_url_problem,
    load_brand,
    pages_for_url,
    shown,
    upstream_pages,
)

__all__ = [
    "MAX_BRAND_BYTES",
    "ROOT",
    "UPSTREAM_BRAND",
    "Brand",
    "BrandError",
    "Contact",
    "NavEntry",
    "Palette",
    "brand_dir",
    "check_leftovers",
    "contact_url_problem",
    "load_brand",
    "pages_for_url",
    "shown",
    "upstream_pages",
]
