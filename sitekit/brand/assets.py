"""What the browser's printed report needs from the build: the brand as data, and the brand's peer bands.

The assessment page renders the report in the browser with the same function
as `python -m assessment report` (assessment/render/printed.py), so it needs the same
brand: name, logo, legal line, colours, contact written out, QR code. The build
publishes it as one small JSON file (assets/brand/report.json) with the images
inlined as data: URIs, made by `report_brand` below from the brand
the build has loaded: the browser's report and the command line's cannot drift.
The page fetches it from its own origin when someone asks for a report; the
report itself then needs no other file and makes no request.

Peer bands (bands.json in the brand folder, written by `python -m assessment
bands`) are checked here against the site's bank, so a broken or too-thin file
fails the build naming the file and field, and published as
assets/brand/bands.json with only the aggregate fields the site reads: nothing
a consultant added by hand beside them (a list of clients, say) leaves the
folder. A brand without bands.json publishes no bands file and the page
fetches none.
"""

from __future__ import annotations

import base64
import json
import mimetypes
from pathlib import Path
from typing import Any

from assessment.bank.model import Bank
from assessment.render.brand import BANDS_FILE, REPORT_FILE, Contact, ReportBrand, brand_data, written_address
from assessment.workshop.peers import PeerError, check_bands

from .errors import BrandError, shown
from .model import Brand

__all__ = [
    "BANDS_FILE",
    "REPORT_FILE",
    "BandsError",
    "read_bands",
    "report_brand",
    "report_files",
    "write_report_files",
]
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
BAND_FIELDS = ("format", "about", "group_by", "percentiles", "min_companies", "bank_versions", "groups")
"""The fields of a bands file the site publishes; anything else stays in the brand folder."""


class BandsError(BrandError):
    """The brand's bands.json cannot be published; the message names the file and field."""

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
        self.file, self.field = message.split(":", 1)[0], None


def read_bands(brand: Brand, bank: Bank) -> dict[str, Any] | None:
    """The brand's peer bands, checked against the site's bank and cut to their aggregates; None without a file."""
    path = brand.folder / BANDS_FILE
    if not path.is_file():
        return None
    name = shown(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BandsError(f"{name}: not a readable JSON file ({exc})") from None
    try:
        checked = check_bands(bank, data, name)
    except PeerError as exc:
        raise BandsError(str(exc)) from None
    return {key: checked[key] for key in BAND_FIELDS if key in checked}


def data_uri(path: Path) -> str:
    media = IMAGE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{media};base64,{base64.b64encode(path.read_bytes()).decode()}"


def report_brand(brand: Brand) -> ReportBrand:
    """What a report needs of a brand, images inlined: published as report.json for the browser and for
    `python -m assessment report --brand`, so both render the same report."""
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
    )


def report_files(brand: Brand, bands: dict[str, Any] | None) -> dict[str, str]:
    """The files the report needs under assets/brand/, by name: report.json, and bands.json when there are bands."""
    files = {REPORT_FILE: json.dumps(brand_data(report_brand(brand)), ensure_ascii=False, separators=(",", ":"))}
    if bands is not None:
        files[BANDS_FILE] = json.dumps(bands, ensure_ascii=False, indent=1) + "\n"
    return files


def write_report_files(folder: Path, brand: Brand, bands: dict[str, Any] | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in report_files(brand, bands).items():
        (folder / name).write_text(text, "utf-8")
