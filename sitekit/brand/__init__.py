"""A brand folder: read and checked (load, with yamlfile, urls and errors), its colours and contrast
(colours), and what the site publishes of it for reports (assets)."""

from __future__ import annotations

from .errors import BrandError, shown
from .load import ROOT, UPSTREAM_BRAND, brand_dir, check_leftovers, load_brand
from .model import Brand, Contact, NavEntry, Palette
from .urls import contact_url_problem, pages_for_url, upstream_pages
from .yamlfile import MAX_BRAND_BYTES

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
