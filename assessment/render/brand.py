"""What a printed report needs of a brand: name, logo, contact written out, legal line, peer bands.

`ReportBrand` is plain data and arrives as data: the site's build reads the
brand folder (sitekit/brand/) and publishes what a report needs as
assets/brand/report.json (and bands.json), which the browser passes in
(`brand_from_data`) and the command line reads from a folder or file
(`read_brand`), so both render the report with the same function and the
engine never reads brand.yml. Without a brand, a report carries no logo, name
or legal line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import AssessmentError

REPORT_FILE = "report.json"
BANDS_FILE = "bands.json"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class BrandFolderError(AssessmentError):
    """The brand's data cannot be used for a report; the message names the file and field."""


@dataclass(frozen=True)
class Contact:
    label: dict[str, str]
    text: dict[str, str]
    address: str | None  # the contact written out for paper: an e-mail address, a phone number, a web address
    url: str | None  # as given in brand.yml
    qr: str | None = None  # a data: URI
    qr_alt: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportBrand:
    name: dict[str, str]
    logo: str | None  # a data: URI, so the report needs no other file; None without a brand
    legal: dict[str, str]
    color: str = "#1b6b57"  # the brand's primary colour (light scheme)
    accent: str = "#b4531a"
    contact: Contact | None = None
    site_url: str | None = None
    bands: dict[str, Any] | None = None  # the brand's peer bands (bands.json), when it ships them


NO_BRAND = ReportBrand(name={}, logo=None, legal={})
"""A report's brand when none is given: nothing of a brand on the page."""


def written_address(url: str | None, site_url: str | None) -> str | None:
    """A contact address as it reads on paper: 'hello@x.example', '+86 755 ...', 'https://x.example/book/'."""
    if not url:
        return None
    if url.startswith("mailto:"):
        return url.removeprefix("mailto:").split("?")[0] or None
    if url.startswith("tel:"):
        return url.removeprefix("tel:") or None
    if url.startswith(("https://", "http://")):
        return url
    if site_url:  # a page of the site itself: only meaningful on paper with the site's address
        return site_url.rstrip("/") + "/" + url.lstrip("/")
    return None


def brand_data(brand: ReportBrand) -> dict[str, Any]:
    """A brand as JSON data, the way `brand_from_data` reads it back (the browser's copy).

    Peer bands and the overlay are left out: the site publishes its bands in a file
    of their own and has the overlay merged into its engine already.
    """
    data: dict[str, Any] = {
        "name": brand.name,
        "logo": brand.logo,
        "legal": brand.legal,
        "color": brand.color,
        "accent": brand.accent,
        "site_url": brand.site_url,
    }
    if brand.contact:
        c = brand.contact
        data["contact"] = {"label": c.label, "text": c.text, "url": c.url, "qr": c.qr, "qr_alt": c.qr_alt}
    return data


def read_brand(path: str | Path | None) -> ReportBrand:
    """The brand as the site publishes it: a folder holding report.json (and bands.json, if the brand has
    peer bands), such as a built site's assets/brand/, or one such JSON file. None: no brand."""
    if path is None:
        return NO_BRAND
    path = Path(path)
    file = path / REPORT_FILE if path.is_dir() else path
    if path.is_dir() and not file.is_file():
        if (path / "brand.yml").is_file():
            raise BrandFolderError(
                f"{path}: a brand folder, not its report data: pass a built site's assets/brand/ folder, "
                f"or write the data with: python -m sitekit.brand {path} FOLDER"
            )
        raise BrandFolderError(f"{path}: no {REPORT_FILE} here (a built site has it in assets/brand/)")
    data = _json_file(file)
    if data is None:
        raise BrandFolderError(f"{file}: not found")
    brand = brand_from_data(data, str(file))
    bands = _json_file(path / BANDS_FILE) if path.is_dir() else None
    return brand if bands is None else replace(brand, bands=bands)


def _json_file(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BrandFolderError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict):
        raise BrandFolderError(f"{path}: expected a JSON object")
    return data


def brand_from_data(data: Any, where: str = "brand") -> ReportBrand:
    """A brand given as JSON data (the browser's, report.json): the fields of `ReportBrand`, images as data: URIs."""
    if not isinstance(data, Mapping):
        raise BrandFolderError(f"{where}: expected an object with name, logo and legal")

    def texts(key: str, value: Any) -> dict[str, str]:
        if isinstance(value, str):
            return {"en": value, "zh": value}
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise BrandFolderError(f"{where}: '{key}' must be a text per language")
        return {str(k): v for k, v in value.items()}

    def image(key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.startswith("data:image/"):
            raise BrandFolderError(f"{where}: '{key}' must be a data:image/... URI")
        return value

    contact = None
    raw = data.get("contact")
    if isinstance(raw, Mapping):
        url = raw.get("url") if isinstance(raw.get("url"), str) else None
        contact = Contact(
            label=texts("contact.label", raw.get("label", {})),
            text=texts("contact.text", raw.get("text", {})),
            address=written_address(url, data.get("site_url")),
            url=url,
            qr=image("contact.qr", raw["qr"]) if raw.get("qr") else None,
            qr_alt=texts("contact.qr_alt", raw.get("qr_alt", {})),
        )
    colour = data.get("color", "#1b6b57")
    accent = data.get("accent", "#b4531a")
    for key, value in (("color", colour), ("accent", accent)):
        if not (isinstance(value, str) and COLOUR.fullmatch(value)):
            raise BrandFolderError(f"{where}: '{key}' must be a colour like '#1b6b57'")
    bands = data.get("bands")
    return ReportBrand(
        name=texts("name", data.get("name")),
        logo=image("logo", data.get("logo")),
        legal=texts("legal", data.get("legal", "")),
        color=colour,
        accent=accent,
        contact=contact,
        site_url=data.get("site_url") if isinstance(data.get("site_url"), str) else None,
        bands=bands if isinstance(bands, dict) else None,
    )
