"""What a printed report needs of a brand: name, logo, contact written out, legal line, peer bands.

`ReportBrand` is plain data, so the browser can pass it as JSON (`brand_from_data`)
and the report is rendered by the same function in both places. On the command
line, `read_brand(folder)` reads a brand folder through the site's own loader
(`load_brand` in sitekit/brand/load.py, which validates brand.yml and names the file
and field of any problem): the one place the engine touches brand files. The
loader needs a checkout and the site's dependencies (PyYAML); the engine itself
stays standard-library only.
"""

from __future__ import annotations

import base64
import importlib
import json
import mimetypes
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import AssessmentError

CHECKOUT = Path(__file__).resolve().parents[2]
BRAND_LOADER = CHECKOUT / "sitekit" / "brand" / "load.py"
BANDS_FILE = "bands.json"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


class BrandFolderError(AssessmentError):
    """A brand folder cannot be used for a report; the message names the file and field."""


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
    logo: str  # a data: URI, so the report needs no other file
    legal: dict[str, str]
    color: str = "#1b6b57"  # the brand's primary colour (light scheme)
    accent: str = "#b4531a"
    contact: Contact | None = None
    site_url: str | None = None
    bands: dict[str, Any] | None = None  # the brand's peer bands (bands.json), when it ships them
    overlay: str | None = None  # the brand's question-bank overlay, for the command line


def data_uri(path: Path) -> str:
    media = IMAGE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{media};base64,{base64.b64encode(path.read_bytes()).decode()}"


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


def _loader() -> ModuleType:
    if not BRAND_LOADER.is_file():
        raise BrandFolderError(f"reading a brand needs the site's brand loader ({BRAND_LOADER}): run from a checkout")
    if str(CHECKOUT) not in sys.path:
        sys.path.insert(0, str(CHECKOUT))
    try:
        return importlib.import_module("sitekit.brand")
    except ImportError as exc:
        raise BrandFolderError(
            f"reading a brand folder needs the site's dependencies ({exc.name}): pip install -e '.[site]'"
        ) from None


def read_brand(folder: str | Path | None = None) -> ReportBrand:
    """The brand in `folder` (default: $BRAND_DIR or brand/), validated by the site's own loader."""
    loader = _loader()
    try:
        brand = loader.load_brand(Path(folder) if folder else None)
    except loader.BrandError as exc:
        raise BrandFolderError(str(exc)) from None
    return report_brand(brand)


def report_brand(brand: Any) -> ReportBrand:
    """What a report needs of a brand the site's loader has read (sitekit.brand.Brand): the command line's
    brand and the one the site's build publishes for the browser (`brand_data`) are made here alike."""
    contact = None
    if brand.contact:
        qr = brand.contact.qr
        contact = Contact(
            label=dict(brand.contact.label),
            text=dict(brand.contact.text),
            address=written_address(brand.contact.url, brand.site_url),
            url=brand.contact.url,
            qr=data_uri(qr) if qr else None,
            qr_alt=dict(brand.contact.qr_alt or {}),
        )
    return ReportBrand(
        name=dict(brand.name),
        logo=data_uri(brand.logo),
        legal=dict(brand.legal),
        color=brand.colors["light"].primary,
        accent=brand.colors["light"].accent,
        contact=contact,
        site_url=brand.site_url,
        bands=_bands_file(Path(brand.folder) / BANDS_FILE),
        overlay=str(brand.questions) if brand.questions else None,
    )


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


def _bands_file(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BrandFolderError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict):
        raise BrandFolderError(f"{path}: expected a JSON object of peer bands")
    return data


def brand_from_data(data: Any) -> ReportBrand:
    """A brand given as JSON data (the browser's): the same fields as `ReportBrand`, images as data: URIs."""
    if not isinstance(data, Mapping):
        raise BrandFolderError("brand: expected an object with name, logo and legal")

    def texts(key: str, value: Any) -> dict[str, str]:
        if isinstance(value, str):
            return {"en": value, "zh": value}
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise BrandFolderError(f"brand: '{key}' must be a text per language")
        return {str(k): v for k, v in value.items()}

    def image(key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.startswith("data:image/"):
            raise BrandFolderError(f"brand: '{key}' must be a data:image/... URI")
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
            raise BrandFolderError(f"brand: '{key}' must be a colour like '#1b6b57'")
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
