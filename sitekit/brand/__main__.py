"""Write a brand's report data without building the site: python -m sitekit.brand BRAND_FOLDER OUT_FOLDER.

OUT_FOLDER then holds what a built site has in assets/brand/ for reports (report.json, and bands.json when
the brand ships peer bands), which `python -m assessment report --brand OUT_FOLDER` reads.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assessment import get_bank
from assessment.bank.loader import load_bank
from assessment.errors import BankError

from .assets import BANDS_FILE, REPORT_FILE, read_bands, write_report_files
from .errors import BrandError
from .load import load_brand


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m sitekit.brand BRAND_FOLDER OUT_FOLDER", file=sys.stderr)
        return 2
    folder, out = Path(argv[0]), Path(argv[1])
    try:
        brand = load_brand(folder)
        bank = load_bank(None, brand.questions) if brand.questions else get_bank()
        bands = read_bands(brand, bank)
    except (BrandError, BankError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_report_files(out, brand, bands)
    print(f"wrote {REPORT_FILE}{f' and {BANDS_FILE}' if bands is not None else ''} to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
